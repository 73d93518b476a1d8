/**
 * fast-check generators of valid cases (CaseRecord, as a parsed case file gives it), built from
 * the vocabulary (src/core/vocabulary.ts) so that new codes are generated without touching this
 * file. For property tests of anything that reads a case: the assessment, the exit plan, letters.
 *
 * Dates stay in a bounded range (DATE_MIN plus DATE_SPAN_DAYS) so that `today` falls among the
 * records: some incidents, cards and payments land after it. Invoices are valid as the case file
 * requires: due on or after issue, unique numbers, payments adding up to at most the amount.
 */
import fc from 'fast-check';
import type { CaseRecord } from '../case.js';
import { addDays } from '../dates.js';
import {
  CARD_COLORS,
  CLIENT_KINDS,
  CLIENT_SIZES,
  ENGAGEMENT_KINDS,
  INCIDENT_SOURCES,
  LANGUAGES,
  NOTICE_UNITS,
  PROVIDER_KINDS,
  RED_FLAG_CODES,
  SEVERITIES,
  type Severity,
} from '../vocabulary.js';

export type ArbitraryIncident = CaseRecord['incidents'][number];
export type ArbitraryInvoice = CaseRecord['invoices'][number];
export type ArbitraryCard = CaseRecord['cards'][number];

/** The first date generated, and how many days the range spans (to 2026-12-31). */
export const DATE_MIN = '2025-01-01';
export const DATE_SPAN_DAYS = 729;

/** Team members, two of them the same person written differently. */
export const MEMBERS = ['Ieva', 'Maria', 'maria ', 'Tom'] as const;

export function arbitraryDate(from: string = DATE_MIN, spanDays: number = DATE_SPAN_DAYS): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: spanDays }).map((d) => addDays(from, d));
}

export interface IncidentConstraints {
  severities?: readonly Severity[];
  date?: fc.Arbitrary<string>;
}

export function arbitraryIncident(constraints: IncidentConstraints = {}): fc.Arbitrary<ArbitraryIncident> {
  return fc.record({
    date: constraints.date ?? arbitraryDate(),
    code: fc.constantFrom(...RED_FLAG_CODES),
    severity: fc.constantFrom(...(constraints.severities ?? SEVERITIES)),
    source: fc.constantFrom(...INCIDENT_SOURCES),
    about_member: fc.option(fc.constantFrom(...MEMBERS), { nil: null }),
    note: fc.constantFrom('', 'on a call', 'by e-mail'),
  });
}

/** An invoice without its number (arbitraryCase numbers them uniquely). */
export function arbitraryInvoice(): fc.Arbitrary<Omit<ArbitraryInvoice, 'number'>> {
  return fc
    .record({
      issued: arbitraryDate(),
      termDays: fc.constantFrom(0, 7, 14, 30, 60),
      amount: fc.integer({ min: 1, max: 500_000 }),
      rawPayments: fc.array(fc.record({ afterIssue: fc.integer({ min: 0, max: 240 }), amount: fc.integer({ min: 1, max: 500_000 }) }), {
        maxLength: 3,
      }),
      settle: fc.option(fc.integer({ min: 0, max: 240 }), { nil: null }),
    })
    .map(({ issued, termDays, amount, rawPayments, settle }) => {
      const payments: ArbitraryInvoice['payments'] = [];
      let paid = 0;
      for (const p of rawPayments) {
        if (paid + p.amount > amount) continue;
        paid += p.amount;
        payments.push({ date: addDays(issued, p.afterIssue), amount_minor: p.amount });
      }
      if (settle !== null && paid < amount) payments.push({ date: addDays(issued, settle), amount_minor: amount - paid });

      return { issued, due: addDays(issued, termDays), amount_minor: amount, payments };
    });
}

export function arbitraryCard(): fc.Arbitrary<ArbitraryCard> {
  return fc.record({ date: arbitraryDate(), color: fc.constantFrom(...CARD_COLORS), note: fc.constant('') });
}

const MONTHS = Array.from({ length: 24 }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

/** A whole valid case, `today` included (between DATE_MIN + 180 days and the end of the range). */
export function arbitraryCase(): fc.Arbitrary<CaseRecord & { today: string }> {
  return fc
    .record({
      today: arbitraryDate(addDays(DATE_MIN, 180), DATE_SPAN_DAYS - 180),
      providerKind: fc.constantFrom(...PROVIDER_KINDS),
      revenue: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: null }),
      clientKind: fc.constantFrom(...CLIENT_KINDS),
      clientSize: fc.constantFrom(...CLIENT_SIZES),
      language: fc.constantFrom(...LANGUAGES),
      contract: fc.option(
        fc.record({
          provider_may_terminate: fc.option(fc.boolean(), { nil: null }),
          notice: fc.option(fc.record({ amount: fc.integer({ min: 1, max: 90 }), unit: fc.constantFrom(...NOTICE_UNITS) }), { nil: null }),
          refund_clause: fc.boolean(),
        }),
        { nil: null },
      ),
      engagementKind: fc.constantFrom(...ENGAGEMENT_KINDS),
      invoices: fc.array(arbitraryInvoice(), { maxLength: 6 }),
      time: fc.uniqueArray(fc.record({ month: fc.constantFrom(...MONTHS), hours: fc.integer({ min: 0, max: 200 }) }), {
        selector: (t) => t.month,
        maxLength: 8,
      }),
      incidents: fc.array(arbitraryIncident(), { maxLength: 8 }),
      cards: fc.array(arbitraryCard(), { maxLength: 2 }),
      reassigned: fc.boolean(),
      reassignments: fc.array(
        fc.record({
          date: arbitraryDate(),
          from_member: fc.constantFrom(null, 'Ana', 'Bogdan'),
          to_member: fc.constantFrom(null, 'Ieva', 'Jonas'),
        }),
        { maxLength: 2 },
      ),
    })
    .map((g): CaseRecord & { today: string } => ({
      today: g.today,
      timezone: 'UTC',
      provider: { kind: g.providerKind, currency: 'EUR', jurisdiction: null, revenue_last_12m_minor: g.revenue },
      client: { name: 'Generated Client', kind: g.clientKind, size: g.clientSize, language: g.language },
      contract: g.contract === null ? null : { ...g.contract },
      engagements: [{ name: 'Work', kind: g.engagementKind, price_minor: 100_000, prepaid_minor: 0, deliverables: [] }],
      invoices: g.invoices.map((inv, i) => ({ number: `INV-${i + 1}`, ...inv })),
      time: g.time,
      incidents: g.incidents,
      messages: [],
      cards: g.cards,
      reassigned: g.reassigned || g.reassignments.length > 0,
      reassignments: g.reassignments,
    }));
}
