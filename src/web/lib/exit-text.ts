/**
 * The core's texts in the UI language: the exit plan (src/core/exit/texts.ts), its money notes and
 * law lines (src/core/money/texts.ts) and the assessment (src/core/assessment/texts.ts) send each
 * step title, warning, note and reason with a key and typed
 * parameters (src/core/text.ts); here the parameters are formatted for the language (dates,
 * amounts, notice periods, quoted names, numbers, lists) and the key translated under its
 * table's resource (`exitText`, `moneyText`, `assessmentText`). A text without a key the UI knows is shown as
 * the core's English words, as stored: a line the user typed stays as typed.
 */
import type { i18n as I18n, TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_TEXTS } from '../../core/assessment/texts.js';
import { EXIT_TEXTS, type ExitText, type ExitTextWithDetails, recognizeStepTitle } from '../../core/exit/texts.js';
import { MONEY_TEXTS } from '../../core/money/texts.js';
import { type KeyedText, renderEnglish, type TextList, type TextParam } from '../../core/text.js';
import { formatDate } from './format.js';
import { formatMoney } from './money.js';

type Param = TextParam | TextList;
/** The resource each core table's keys live under. */
type Root = 'exitText' | 'moneyText' | 'assessmentText';
/** Each table's English, for a nested text whose key the UI does not know. */
const ENGLISH = { exitText: EXIT_TEXTS, moneyText: MONEY_TEXTS, assessmentText: ASSESSMENT_TEXTS };

/** Each language's quotation marks around a name. */
const QUOTES: Record<string, [string, string]> = { en: ['“', '”'], ru: ['«', '»'], ro: ['„', '”'], lt: ['„', '“'] };

interface Tools {
  t: TFunction;
  i18n: I18n;
  lang: string;
  root: Root;
}

const toolsOf = (i18n: I18n, root: Root): Tools => ({ t: i18n.t.bind(i18n), i18n, lang: i18n.language, root });

/** The text in the i18n instance's language, or `english` when it has no key the UI knows. */
export function translateExitText(text: ExitText | ExitTextWithDetails | null | undefined, english: string, i18n: I18n): string {
  return translate(text, english, toolsOf(i18n, 'exitText'));
}

/** A money text of the plan (a note, a law line) in the i18n instance's language, or `english` when its key is unknown. */
export function translateMoneyText(text: KeyedText | null | undefined, english: string, i18n: I18n): string {
  return translate(text, english, toolsOf(i18n, 'moneyText'));
}

/** An assessment text (a reason) in the i18n instance's language, or `english` when its key is unknown. */
export function translateAssessmentText(text: KeyedText | null | undefined, english: string, i18n: I18n): string {
  return translate(text, english, toolsOf(i18n, 'assessmentText'));
}

function joinWords(words: string[], join: TextList['join'], lang: string): string {
  if (join === 'list') return words.join('; ');
  if (join === 'comma') return words.join(', ');
  if (join === 'or') return new Intl.ListFormat(lang, { type: 'disjunction' }).format(words);

  return words.join(' ');
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
  if ('number' in param) return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(param.number);
  if ('percent' in param) return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(param.percent);

  const words = param.texts.map((text) => translate(text, renderEnglish(ENGLISH[tools.root], text), tools));

  return joinWords(words, param.join, lang);
}

function translate(text: KeyedText | null | undefined, english: string, tools: Tools): string {
  const base = `${tools.root}.${text?.key ?? ''}`;
  const count = text?.params.count;
  if (!text || !tools.i18n.exists(base, typeof count === 'number' ? { count } : {})) return english;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(text.params as Record<string, Param>)) params[name] = formatParam(value, tools);
  // A numeric count picks the plural form, as in the core's English; the form is chosen here
  // (as i18next would) so the count itself can be written for the language ("0,3", not "0.3").
  let key = base;
  if (typeof count === 'number') {
    const form = `${base}_${new Intl.PluralRules(tools.lang).select(count)}`;
    if (tools.i18n.exists(form)) key = form;
    params.count = new Intl.NumberFormat(tools.lang, { maximumFractionDigits: 1 }).format(count);
  }

  const words = tools.t(key, { ...params, interpolation: { escapeValue: false } });

  // A date that ends in an abbreviation ("17 ноября 2026 г.", "2026 m. lapkričio 17 d.") at the end of a sentence.
  return words.replace(/(?<!\.)\.\.(?!\.)/g, '.');
}

/** The tools for one table in the component's current language. */
function useTools(root: Root): Tools {
  const { t, i18n } = useTranslation();

  return { t, i18n, lang: i18n.language, root };
}

/** Renders exit plan texts in the UI language; `english` is what to show when the key is unknown. */
export function useExitText() {
  const tools = useTools('exitText');

  return {
    text: (text: ExitText | ExitTextWithDetails | null | undefined, english: string) => translate(text, english, tools),
    /** A step title: from its key when the plan sent one, else recognised from English stored before keys existed. */
    stepTitle: (english: string, text?: ExitTextWithDetails | null) => translate(text ?? recognizeStepTitle(english), english, tools),
  };
}

/** Renders assessment texts (the reasons) in the UI language; `english` is what to show when the key is unknown. */
export function useAssessmentText() {
  const tools = useTools('assessmentText');

  return (text: KeyedText | null | undefined, english: string) => translate(text, english, tools);
}

/** Renders the plan's money texts (notes, the interest law line) in the UI language; `english` is what to show when the key is unknown. */
export function useMoneyText() {
  const tools = useTools('moneyText');

  return (text: KeyedText | null | undefined, english: string) => translate(text, english, tools);
}
