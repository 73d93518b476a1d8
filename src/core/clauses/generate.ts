/**
 * generateClauses: the termination and substitution-or-refund clause (C4, C1) and the payment
 * terms with late interest for a new contract, written natively in the chosen language. Pure:
 * `today` only picks the statutory reference figure shown in the notes, never the clause itself,
 * which states the rule (reference rate + margin) rather than a number that will go stale.
 */
import { CBR_KEY_RATE, ECB_STATUTORY, EU_MARGIN_BP, RATES_KNOWN_UNTIL, type RateRow, RO_STATUTORY, rateOn } from '../money/rates.js';
import type { Language, NoticeUnit } from '../vocabulary.js';
import { en } from './en.js';
import { lt } from './lt.js';
import { ro } from './ro.js';
import { ru } from './ru.js';
import type { ClauseDocument, ClauseFacts, ClauseInput, ClauseWriter } from './types.js';

const WRITERS: Readonly<Record<Language, ClauseWriter>> = { en, ru, ro, lt };

/** The template-not-legal-advice notice in each language (the UI shows it too). */
export function clauseDisclaimer(lang: Language): string {
  return WRITERS[lang].disclaimer;
}

function statutoryRate(input: ClauseInput, today: string): ClauseFacts['statutoryRate'] {
  if (input.interest.kind !== 'statutory') return null;
  const table: { rows: readonly RateRow[]; margin: number; bank: 'ECB' | 'NBR' | 'CBR' } | null =
    input.jurisdiction === 'RU'
      ? { rows: CBR_KEY_RATE, margin: 0, bank: 'CBR' }
      : input.client_kind !== 'business'
        ? null // the +8 pp rule of 2011/7/EU is for commercial transactions only
        : input.jurisdiction === 'RO'
          ? { rows: RO_STATUTORY, margin: EU_MARGIN_BP, bank: 'NBR' }
          : input.jurisdiction === 'LT' || input.jurisdiction === 'EU'
            ? { rows: ECB_STATUTORY, margin: EU_MARGIN_BP, bank: 'ECB' }
            : null;
  const row = table && rateOn(table.rows, today);
  if (!table || !row) return null;

  return {
    rate_bp: row.rate_bp,
    reference_bp: row.rate_bp - table.margin,
    margin_bp: table.margin,
    known_until: RATES_KNOWN_UNTIL,
    bank: table.bank,
  };
}

/** The clauses for `input` (validated by contracts/clauses.ts), as of `today` (YYYY-MM-DD). */
export function generateClauses(input: ClauseInput, options: { today: string }): ClauseDocument {
  const writer = WRITERS[input.lang];
  const facts: ClauseFacts = {
    input,
    today: options.today,
    statutoryRate: statutoryRate(input, options.today),
    // 2011/7/EU art. 6: the fixed EUR 40 is owed between businesses under an EU member state's law.
    euCompensation:
      input.client_kind === 'business' && (input.jurisdiction === 'LT' || input.jurisdiction === 'RO' || input.jurisdiction === 'EU'),
  };

  return {
    lang: input.lang,
    title: writer.title,
    disclaimer: writer.disclaimer,
    parties: writer.parties(input.provider_name, input.client_name),
    sections: writer.sections(facts),
    notes: writer.notes(facts),
  };
}

/** The document as plain text: the notice first, then the clauses, then the notes for the user. */
export function clauseText(doc: ClauseDocument): string {
  const blocks = [doc.title.toUpperCase(), `[${doc.disclaimer}]`, doc.parties];
  for (const s of doc.sections) blocks.push([`${s.number}. ${s.heading}`, ...s.paragraphs].join('\n'));
  if (doc.notes.length > 0) blocks.push(doc.notes.map((n) => `* ${n}`).join('\n'));

  return `${blocks.join('\n\n')}\n`;
}

const UNIT_WORDS: ReadonlyArray<[RegExp, NoticeUnit]> = [
  [/^(business|working)[ _-]?days?$|^bd$|^рабоч\p{L}* дн\p{L}*$|^zile lucrătoare$|^zile lucratoare$|^darbo dien\p{L}*$/u, 'business_days'],
  [/^(calendar )?days?$|^d$|^(календарн\p{L}* )?(день|дня|дней)$|^(zile|zi)( calendaristice)?$|^(kalendorin\p{L}* )?dien\p{L}*$/u, 'days'],
  [/^months?$|^m$|^месяц\p{L}*$|^luni$|^lună$|^luna$|^mėnes\p{L}*$|^mėnuo$/u, 'months'],
];

/**
 * Reads a notice period written as people write it ("30 days", "10 business days", "2 months",
 * "30 дней", "1 lună", "14 dienų"), or null when it is not one. Range checks are the schema's.
 */
export function parseNotice(text: string): { amount: number; unit: NoticeUnit } | null {
  const m = /^\s*(\d{1,4})\s*(.*?)\s*$/u.exec(text.toLowerCase());
  if (!m) return null;
  const amount = Number(m[1]);
  const words = (m[2] as string).replace(/\s+/gu, ' ');
  for (const [pattern, unit] of UNIT_WORDS) if (pattern.test(words)) return { amount, unit };

  return null;
}
