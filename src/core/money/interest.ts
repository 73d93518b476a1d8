/**
 * Statutory late-payment interest on one invoice, per day and per rate period, exact until one
 * final half-up rounding (see money.ts).
 *
 * - Interest accrues from the day AFTER the due date through `until` (the plan's today) or the day
 *   the invoice was paid in full, that day included (RU: Plenum of the Supreme Court, Resolution
 *   No. 7 of 2016-03-24, para. 48, "по день уплаты"; the same count is used for the EU regimes).
 * - The base is what is still unpaid that day: a payment dated D reduces the base from D + 1 (the
 *   payment day itself still bears interest on the old base). A payment on or before the due date
 *   reduces the base for every late day.
 * - Rate: the row of the rule's table in force that day (half-yearly for EU/LT/RO, by decision date
 *   for RU). Days before a table starts bear no interest here and are reported as uncovered.
 * - Day count: actual/365 for the EU regimes; actual/actual for RU (each day is 1/365 or 1/366 of
 *   its calendar year).
 *
 * For one segment of `days` days at base B and rate R bp: B × R/10000 × days / yearDays. All
 * segments are summed as one fraction over 10000 × 365 × 366 and rounded once.
 */
import { addDays, daysBetween } from '../dates.js';
import { divRoundHalfUp } from './money.js';
import { type InterestRule, RATES_KNOWN_UNTIL, rateOn } from './rates.js';

export interface InterestSegment {
  /** First and last day of the segment, inclusive. */
  from: string;
  to: string;
  days: number;
  base_minor: number;
  rate_bp: number;
  year_days: 365 | 366;
  /** True when the rate is the last known one carried forward past RATES_KNOWN_UNTIL. */
  carried_forward: boolean;
}

export interface InterestResult {
  interest_minor: number;
  segments: InterestSegment[];
  /** Days with an unpaid amount after the due date, up to `until`. */
  late_days: number;
  /** Late days before the rule's table starts: no interest computed for them. */
  uncovered_days: number;
}

export interface InterestInput {
  amount_minor: number;
  due: string;
  payments: ReadonlyArray<{ date: string; amount_minor: number }>;
}

const DEN = 10_000n * 365n * 366n;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function lateInterest(invoice: InterestInput, rule: InterestRule, until: string): InterestResult {
  const start = addDays(invoice.due, 1);
  const none: InterestResult = { interest_minor: 0, segments: [], late_days: 0, uncovered_days: 0 };
  if (start > until) return none;
  const payments = invoice.payments.filter((p) => p.date <= until);

  // Days where something may change: the base (day after a payment), the rate, the year (for
  // actual/actual), and the end of the known rates (to flag carried-forward rates).
  const breaks = new Set<string>();
  for (const p of payments) breaks.add(addDays(p.date, 1));
  for (const r of rule.rates) breaks.add(r.from);
  breaks.add(addDays(RATES_KNOWN_UNTIL, 1));
  if (rule.day_count === 'actual/actual') {
    for (let y = Number(start.slice(0, 4)) + 1; y <= Number(until.slice(0, 4)); y++) breaks.add(`${y}-01-01`);
  }
  const cuts = [...breaks].filter((d) => d > start && d <= until).sort();

  const segments: InterestSegment[] = [];
  let numerator = 0n;
  let lateDays = 0;
  let uncovered = 0;
  let from = start;
  for (const next of [...cuts, addDays(until, 1)]) {
    const to = addDays(next, -1);
    const paidBefore = payments.filter((p) => p.date < from).reduce((s, p) => s + p.amount_minor, 0);
    const base = invoice.amount_minor - paidBefore;
    if (base <= 0) break;
    const days = daysBetween(from, to) + 1;
    lateDays += days;
    const row = rateOn(rule.rates, from);
    if (!row) {
      uncovered += days;
    } else {
      const yearDays: 365 | 366 = rule.day_count === 'actual/actual' && isLeap(Number(from.slice(0, 4))) ? 366 : 365;
      numerator += BigInt(base) * BigInt(row.rate_bp) * BigInt(days) * (yearDays === 365 ? 366n : 365n);
      const segment = {
        from,
        to,
        days,
        base_minor: base,
        rate_bp: row.rate_bp,
        year_days: yearDays,
        carried_forward: from > RATES_KNOWN_UNTIL,
      };
      const last = segments.at(-1);
      // Merge neighbours that differ only by an artificial cut (same base, rate, year length, flag).
      if (
        last &&
        last.base_minor === base &&
        last.rate_bp === row.rate_bp &&
        last.year_days === yearDays &&
        last.carried_forward === segment.carried_forward &&
        addDays(last.to, 1) === from
      ) {
        last.to = to;
        last.days += days;
      } else segments.push(segment);
    }
    from = next;
  }

  return { interest_minor: Number(divRoundHalfUp(numerator, DEN)), segments, late_days: lateDays, uncovered_days: uncovered };
}
