/**
 * The exit plan's texts in the UI language: the core sends each step title, warning and reason
 * with a key and typed parameters (src/core/exit/texts.ts); here the parameters are formatted for
 * the language (dates, amounts, notice periods, quoted names) and the key translated. A text
 * without a key the UI knows is shown as the core's English words, as stored: a line the user
 * typed stays as typed.
 */
import type { i18n as I18n, TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  type ExitText,
  type ExitTextParam,
  type ExitTextWithDetails,
  english as englishWords,
  recognizeStepTitle,
} from '../../core/exit/texts.js';
import { formatDate } from './format.js';
import { formatMoney } from './money.js';

type Param = ExitTextParam | { texts: ExitText[] };

/** Each language's quotation marks around a name. */
const QUOTES: Record<string, [string, string]> = { en: ['“', '”'], ru: ['«', '»'], ro: ['„', '”'], lt: ['„', '“'] };

interface Tools {
  t: TFunction;
  i18n: I18n;
  lang: string;
}

/** The text in the i18n instance's language, or `english` when it has no key the UI knows. */
export function translateExitText(text: ExitText | ExitTextWithDetails | null | undefined, english: string, i18n: I18n): string {
  return translate(text, english, { t: i18n.t.bind(i18n), i18n, lang: i18n.language });
}

function formatParam(param: Param, tools: Tools): string {
  const { t, lang } = tools;
  if (typeof param === 'string' || typeof param === 'number') return String(param);
  if ('date' in param) return formatDate(param.date, lang);
  if ('amount_minor' in param) return formatMoney(param.amount_minor, param.currency, lang);
  if ('notice' in param) return t(`plural.${param.notice.unit}`, { count: param.notice.amount });
  if ('names' in param) {
    const [open, close] = QUOTES[lang] ?? QUOTES.en ?? ['"', '"'];

    return param.names.map((n) => `${open}${n}${close}`).join(', ');
  }

  return param.texts.map((text) => translate(text, englishWords(text), tools)).join(' ');
}

function translate(text: ExitText | ExitTextWithDetails | null | undefined, english: string, tools: Tools): string {
  const key = `exitText.${text?.key ?? ''}`;
  if (!text || !tools.i18n.exists(key)) return english;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(text.params as Record<string, Param>)) params[name] = formatParam(value, tools);

  return tools.t(key, { ...params, interpolation: { escapeValue: false } });
}

/** Renders exit plan texts in the UI language; `english` is what to show when the key is unknown. */
export function useExitText() {
  const { t, i18n } = useTranslation();
  const tools: Tools = { t, i18n, lang: i18n.language };

  return {
    text: (text: ExitText | ExitTextWithDetails | null | undefined, english: string) => translate(text, english, tools),
    /** A step title: from its key when the plan sent one, else recognised from English stored before keys existed. */
    stepTitle: (english: string, text?: ExitTextWithDetails | null) => translate(text ?? recognizeStepTitle(english), english, tools),
  };
}
