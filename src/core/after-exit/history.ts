/**
 * The history of an ended relationship in a few facts (issue 8; DOMAIN.md A2, A3): shown beside
 * the review date, so that whoever reconsiders the client months later sees why it ended before
 * deciding anything. Pure: built from the record already stored, `today` passed in.
 */
import type { CaseRecord } from '../case.js';
import type { RedFlagCode } from '../vocabulary.js';

export interface HistoryInput {
  record: Pick<CaseRecord, 'incidents' | 'cards' | 'invoices'>;
  /** The day the relationship ended (the `end` step), or null when none is recorded. */
  endedOn: string | null;
  /** How many items arrived after the end (contact after close). */
  contactsAfterClose: number;
  today: string;
}

export interface HistorySummary {
  first_incident_on: string | null;
  last_incident_on: string | null;
  /** The first yellow card, and the red card that started the exit (the last one). */
  yellow_card_on: string | null;
  red_card_on: string | null;
  ended_on: string | null;
  incidents: number;
  /** Incidents by red-flag code, most frequent first (ties by code). */
  incidents_by_code: Array<{ code: RedFlagCode; count: number }>;
  /** Still owed on `today`: invoiced less paid, per invoice, never below zero. */
  owed_minor: number;
  /** Of what was owed at the red card, the part paid since (what the exit recovered); 0 without a red card. */
  recovered_minor: number;
  contacts_after_close: number;
}

/** Still owed on `day` by each invoice issued up to then: amount less payments made by that day. */
export function owedOn(invoices: HistoryInput['record']['invoices'], day: string): number {
  let owed = 0;
  for (const inv of invoices) {
    if (inv.issued > day) continue;
    const paid = inv.payments.filter((p) => p.date <= day).reduce((s, p) => s + p.amount_minor, 0);
    owed += Math.max(0, inv.amount_minor - paid);
  }

  return owed;
}

/**
 * What was recovered of the debt standing on `from` (the red card): payments made from `from` to
 * `to` (both included) on invoices issued before `from`, never more than each still owed then.
 * Invoices issued later are ordinary billing of the work finished during the exit, not a recovery.
 */
export function paidBetween(invoices: HistoryInput['record']['invoices'], from: string, to: string): number {
  let total = 0;
  for (const inv of invoices) {
    if (inv.issued >= from) continue;
    const before = inv.payments.filter((p) => p.date < from).reduce((s, p) => s + p.amount_minor, 0);
    const within = inv.payments.filter((p) => p.date >= from && p.date <= to).reduce((s, p) => s + p.amount_minor, 0);
    total += Math.max(0, Math.min(within, inv.amount_minor - before));
  }

  return total;
}

function minOf(dates: readonly string[]): string | null {
  return dates.reduce<string | null>((m, d) => (m === null || d < m ? d : m), null);
}

function maxOf(dates: readonly string[]): string | null {
  return dates.reduce<string | null>((m, d) => (m === null || d > m ? d : m), null);
}

export function summariseHistory(input: HistoryInput): HistorySummary {
  const { record, today } = input;
  const incidents = record.incidents.filter((i) => i.date <= today);
  const counts = new Map<RedFlagCode, number>();
  for (const i of incidents) counts.set(i.code, (counts.get(i.code) ?? 0) + 1);
  const byCode = [...counts.entries()]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
  const cards = record.cards.filter((c) => c.date <= today);
  const redCardOn = maxOf(cards.filter((c) => c.color === 'red').map((c) => c.date));

  return {
    first_incident_on: minOf(incidents.map((i) => i.date)),
    last_incident_on: maxOf(incidents.map((i) => i.date)),
    yellow_card_on: minOf(cards.filter((c) => c.color === 'yellow').map((c) => c.date)),
    red_card_on: redCardOn,
    ended_on: input.endedOn,
    incidents: incidents.length,
    incidents_by_code: byCode,
    owed_minor: owedOn(record.invoices, today),
    recovered_minor: redCardOn === null ? 0 : paidBetween(record.invoices, redCardOn, today),
    contacts_after_close: input.contactsAfterClose,
  };
}

/** A review date (A2) is due once it is reached; before that the client stays closed. */
export function isReviewDue(reviewOn: string, today: string): boolean {
  return reviewOn <= today;
}
