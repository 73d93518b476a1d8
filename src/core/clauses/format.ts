/** Locale formats the clause texts share: percentages and dates as each language writes them. */
import { EN_MONTHS } from '../letters/grammar.js';
import type { Language } from '../vocabulary.js';

/** Basis points as a percentage without trailing zeros: 1015 → "10.15" (en) or "10,15" (ru, ro, lt). */
export function percentNumber(bp: number, lang: Language): string {
  const text = (bp / 100).toFixed(2).replace(/\.?0+$/, '');

  return lang === 'en' ? text : text.replace('.', ',');
}

/** A YYYY-MM-DD day as the locale writes it in documents: 5 March 2026, 05.03.2026, 2026-03-05. */
export function localDate(iso: string, lang: Language): string {
  const [y, m, d] = iso.split('-');
  if (lang === 'lt') return iso;
  if (lang === 'en') return `${Number(d)} ${EN_MONTHS[Number(m) - 1]} ${y}`;

  return `${d}.${m}.${y}`;
}
