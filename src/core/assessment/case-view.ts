/**
 * The case as it stands on `today`, in a canonical order.
 *
 * DOMAIN.md section 7: "Incidents and cards are read up to the case's today". RedCard extends
 * this to every dated record, so that a what-if with a later `--today` works: invoices issued
 * after `today` and payments dated after it are not counted yet, nor are months of logged time
 * after `today`'s month.
 *
 * Every list is sorted by its full content (not its position in the file), and each item keeps
 * its original index for the references. So the assessment does not depend on the order of the
 * arrays, down to the order in which floating-point sums are added up.
 */
import type { CaseRecord } from '../case.js';
import { daysBetween } from '../dates.js';
import { nameKey } from '../names.js';
import type { CardColor, RedFlagCode, Severity } from '../vocabulary.js';
import type { CardRef, IncidentRef, InvoiceRef } from './types.js';

export interface IncidentView {
  index: number;
  date: string;
  code: RedFlagCode;
  severity: Severity;
  member: string | null;
  /** The member compared by name key (case and spacing do not matter), for rule D5. */
  memberKey: string | null;
  /** Days from the incident to `today` (0 for today). */
  ageDays: number;
}

export interface InvoiceView {
  index: number;
  number: string;
  issued: string;
  due: string;
  amount: number;
  /** Payments dated up to `today`, by date. */
  payments: Array<{ date: string; amount: number }>;
  outstanding: number;
  /** Outstanding and past the due date. */
  overdue: boolean;
  /** Days past due: to `today` while money is outstanding, else to the last payment; 0 if on time. */
  daysLate: number;
  /** Days from the due date to `today` (negative when not yet due). */
  dueAgeDays: number;
  /** Average days late of its money: each paid part until its payment, the unpaid part until today. */
  averageDaysLate: number;
}

export interface CardView {
  index: number;
  date: string;
  color: CardColor;
}

export interface CaseView {
  today: string;
  record: CaseRecord;
  incidents: IncidentView[];
  invoices: InvoiceView[];
  cards: CardView[];
  time: Array<{ month: string; hours: number }>;
}

/** Compares tuples of strings and numbers element by element (code-unit order, no locale). */
function compareKeys(a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x < y) return -1;
    if (x > y) return 1;
  }

  return 0;
}

function sortBy<T>(items: T[], key: (item: T) => ReadonlyArray<string | number>): T[] {
  return items
    .map((item) => ({ item, k: key(item) }))
    .sort((a, b) => compareKeys(a.k, b.k))
    .map((e) => e.item);
}

export function viewCase(record: CaseRecord, today: string): CaseView {
  const incidents = sortBy(
    record.incidents.map((inc, index) => ({ inc, index })).filter(({ inc }) => inc.date <= today),
    ({ inc }) => [inc.date, inc.code, inc.severity, inc.about_member ?? '', inc.source, inc.note],
  ).map(({ inc, index }): IncidentView => {
    const member = inc.about_member?.trim() ? inc.about_member : null;

    return {
      index,
      date: inc.date,
      code: inc.code,
      severity: inc.severity,
      member,
      memberKey: member === null ? null : nameKey(member),
      ageDays: daysBetween(inc.date, today),
    };
  });

  const invoices = sortBy(
    record.invoices.map((inv, index) => ({ inv, index })).filter(({ inv }) => inv.issued <= today),
    ({ inv }) => [inv.due, inv.issued, inv.number, inv.amount_minor],
  ).map(({ inv, index }) => invoiceView(inv, index, today));

  const cards = sortBy(
    record.cards.map((card, index) => ({ card, index })).filter(({ card }) => card.date <= today),
    ({ card }) => [card.date, card.color, card.note],
  ).map(({ card, index }): CardView => ({ index, date: card.date, color: card.color }));

  const todayMonth = today.slice(0, 7);
  const time = sortBy(
    record.time.filter((t) => t.month <= todayMonth),
    (t) => [t.month, t.hours],
  );

  return { today, record, incidents, invoices, cards, time };
}

function invoiceView(inv: CaseRecord['invoices'][number], index: number, today: string): InvoiceView {
  const payments = sortBy(
    inv.payments.filter((p) => p.date <= today).map((p) => ({ date: p.date, amount: p.amount_minor })),
    (p) => [p.date, p.amount],
  );
  const paid = payments.reduce((sum, p) => sum + p.amount, 0);
  const outstanding = Math.max(0, inv.amount_minor - paid);
  const dueAgeDays = daysBetween(inv.due, today);
  const lastPayment = payments.at(-1)?.date;
  const daysLate =
    outstanding > 0 ? Math.max(0, dueAgeDays) : lastPayment === undefined ? 0 : Math.max(0, daysBetween(inv.due, lastPayment));
  // Money-days late: a payment moves its part from "late until today" to "late until it was paid",
  // which is never more, so recording a payment never makes an invoice look later.
  let moneyDays = outstanding * Math.max(0, dueAgeDays);
  for (const p of payments) moneyDays += p.amount * Math.max(0, daysBetween(inv.due, p.date));

  return {
    index,
    number: inv.number,
    issued: inv.issued,
    due: inv.due,
    amount: inv.amount_minor,
    payments,
    outstanding,
    overdue: outstanding > 0 && dueAgeDays > 0,
    daysLate,
    dueAgeDays,
    averageDaysLate: moneyDays / inv.amount_minor,
  };
}

export function isSerious(incident: IncidentView): boolean {
  // DOMAIN.md section 7: "Serious" means severity 2 or 3.
  return incident.severity >= 2;
}

export function incidentRef(i: IncidentView): IncidentRef {
  return { kind: 'incident', index: i.index, date: i.date, code: i.code, severity: i.severity, about_member: i.member };
}

export function invoiceRef(i: InvoiceView): InvoiceRef {
  return {
    kind: 'invoice',
    index: i.index,
    date: i.due,
    number: i.number,
    amount_minor: i.amount,
    outstanding_minor: i.outstanding,
    days_late: i.daysLate,
  };
}

export function cardRef(c: CardView): CardRef {
  return { kind: 'card', index: c.index, date: c.date, color: c.color };
}
