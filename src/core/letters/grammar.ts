/**
 * The grammar the letters need, per language: numerals with nouns, calendar dates and money as
 * each locale writes them. Pure and deterministic: no Intl (its output changes with the ICU data
 * of the runtime, and a letter must read the same in the browser and the CLI), no floats.
 */
import { assertMinor } from '../money/money.js';
import type { Language } from '../vocabulary.js';

/** U+00A0: keeps "1 500" and "30 d." on one line; the locales write these with a no-break space. */
export const NBSP = '\u00a0';

/**
 * Russian noun form for a count: `one` for 1, 21, 101 (not 11); `few` for 2–4, 22–24 (not 12–14);
 * `many` otherwise. The caller passes the forms of the grammatical case the sentence needs.
 */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const last = n % 10;
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 19) return many;
  if (last === 1) return one;
  if (last >= 2 && last <= 4) return few;

  return many;
}

/**
 * Lithuanian noun form for a count: `one` for 1, 21, 101 (not 11); `few` for 2–9, 22–29 (not
 * 12–19); `many` (genitive plural) for 0, 10–20, 30, ... The caller picks the case's forms.
 */
export function ltPlural(n: number, one: string, few: string, many: string): string {
  const last = n % 10;
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 19) return many;
  if (last === 1) return one;
  if (last >= 2) return few;

  return many;
}

/**
 * Romanian count with its noun: "1 zi", "5 zile", "21 de zile", "101 zile". Romanian puts "de"
 * between a number and its noun when the number's last two digits are 00 or 20–99 (and n ≥ 20).
 */
export function roCount(n: number, singular: string, plural: string): string {
  if (n === 1) return `1 ${singular}`;
  const lastTwo = n % 100;
  const needsDe = n >= 20 && (lastTwo === 0 || lastTwo >= 20);

  return `${n} ${needsDe ? 'de ' : ''}${plural}`;
}

/** English count with its noun: "1 day", "2 days". */
export function enCount(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** English month names, January first (also used by the contract clauses). */
export const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** Genitive: "30 апреля". */
const RU_MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const RO_MONTHS = [
  'ianuarie',
  'februarie',
  'martie',
  'aprilie',
  'mai',
  'iunie',
  'iulie',
  'august',
  'septembrie',
  'octombrie',
  'noiembrie',
  'decembrie',
];
/** Genitive, as dates are written: "balandžio 30 d.". */
const LT_MONTHS_GENITIVE = [
  'sausio',
  'vasario',
  'kovo',
  'balandžio',
  'gegužės',
  'birželio',
  'liepos',
  'rugpjūčio',
  'rugsėjo',
  'spalio',
  'lapkričio',
  'gruodžio',
];

function parts(date: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`a calendar date is written YYYY-MM-DD, got "${date}"`);
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw new RangeError(`no month ${month} in "${date}"`);

  return { year: Number(m[1]), month, day: Number(m[3]) };
}

/**
 * A calendar date as the language writes it in a letter: "30 April 2026", "30 апреля 2026 г.",
 * "30 aprilie 2026", "2026 m. balandžio 30 d.".
 */
export function formatDate(date: string, lang: Language): string {
  const { year, month, day } = parts(date);
  const i = month - 1;
  switch (lang) {
    case 'en':
      return `${day} ${EN_MONTHS[i]} ${year}`;
    case 'ru':
      return `${day} ${RU_MONTHS_GENITIVE[i]} ${year}${NBSP}г.`;
    case 'ro':
      return `${day} ${RO_MONTHS[i]} ${year}`;
    case 'lt':
      return `${year}${NBSP}m. ${LT_MONTHS_GENITIVE[i]} ${day}${NBSP}d.`;
  }
}

const SYMBOLS: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£' };
const RU_SYMBOLS: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£', RUB: '₽' };

function groupDigits(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Minor units as the language writes an amount: en "€1,500.00" (or "CAD 1,500.00"), ru
 * "1 500,00 €", ro "1.500,00 EUR" ("lei" for RON), lt "1 500,00 €". Whole-number arithmetic only.
 */
export function formatAmount(minor: number, currency: string, lang: Language): string {
  assertMinor(minor);
  const major = String(Math.floor(minor / 100));
  const cents = String(minor % 100).padStart(2, '0');
  const code = currency.toUpperCase();
  switch (lang) {
    case 'en': {
      const symbol = SYMBOLS[code];
      const number = `${groupDigits(major, ',')}.${cents}`;

      return symbol ? `${symbol}${number}` : `${code}${NBSP}${number}`;
    }
    case 'ru':
      return `${groupDigits(major, NBSP)},${cents}${NBSP}${RU_SYMBOLS[code] ?? code}`;
    case 'ro':
      return `${groupDigits(major, '.')},${cents}${NBSP}${code === 'RON' ? 'lei' : code}`;
    case 'lt':
      return `${groupDigits(major, NBSP)},${cents}${NBSP}${SYMBOLS[code] ?? code}`;
  }
}

/**
 * Ends a sentence with one full stop: dates written "30 апреля 2026 г." or "2026 m. balandžio
 * 30 d." already end with an abbreviation's dot, which doubles as the sentence's.
 */
export function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
