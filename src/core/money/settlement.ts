/**
 * Settling the engagements at the exit (X10): a pro-rata refund of prepaid work not done, and the
 * final invoice for work done and not yet billed. Pure; the exit planner passes each deliverable's
 * progress AS IT WILL BE when work ends (finished ones at 100%).
 *
 * Share done (documented rule): the plain average of the engagement's deliverables' progress, a
 * deliverable marked done counting as 100%, each deliverable weighing the same (the case file gives
 * deliverables no price of their own). It is kept as an exact fraction Σ percent / (100 × count).
 * With no deliverables the share is unknown: no refund is computed and a note asks to agree it.
 *
 * Refund = prepaid × (1 − share done), rounded once, half-up; kept = prepaid − refund, so
 * refund + kept = prepaid exactly.
 *
 * Final invoice, by engagement kind (the case file does not link invoices to engagements):
 * - recurring_small: `price_minor` is the price of one order; each deliverable open on the day of the
 *   plan is an order not yet billed: price × its progress at the exit (100% once finished).
 * - long_term: `price_minor` is a monthly fee billed by calendar month; the months after the latest
 *   month in which an invoice was issued, up to the month work ends, are unbilled; the last month is
 *   billed pro rata by calendar days (day of month work ends / days in that month).
 * - one_off: `price_minor` is the whole price; earned = price × share done. When every engagement is
 *   one-off, the final invoice is Σ earned − Σ invoiced (never negative). When one-off work is mixed
 *   with other kinds, what was billed for it cannot be told apart: nothing is added, and a note shows
 *   the earned amount to compare with the invoices.
 * Each engagement's amount is rounded once, half-up.
 */
import { daysInMonth } from '../dates.js';
import type { EngagementKind } from '../vocabulary.js';
import { formatMoney, proportion, sumMinor } from './money.js';
import { type MoneyText, moneyEnglish, moneyText } from './texts.js';

export interface DeliverableAtExit {
  name: string;
  done: boolean;
  percent_done: number;
  /** Open (not done) on the day of the plan, so not billed yet; defaults to `!done`. */
  open_now?: boolean;
}

export interface EngagementAtExit {
  name: string;
  kind: EngagementKind;
  price_minor: number;
  prepaid_minor: number;
  deliverables: readonly DeliverableAtExit[];
}

/** An exact share: done / total (both integers, total > 0). */
export interface Share {
  done: number;
  total: number;
}

export interface EngagementSettlement {
  name: string;
  kind: EngagementKind;
  /** Share done at the exit in whole percent, for display (rounded half-up); null when unknown. */
  share_done_percent: number | null;
  prepaid_minor: number;
  refund_minor: number;
  kept_minor: number;
  /** Value of the work done at the exit (one-off: price × share), when it can be told. */
  earned_minor: number | null;
  final_invoice_minor: number;
  basis: string;
}

export interface Settlement {
  currency: string;
  refund_minor: number;
  final_invoice_minor: number;
  per_engagement: EngagementSettlement[];
  notes: string[];
  /** `notes` as keys and parameters, in the same order. */
  notes_i18n: MoneyText[];
}

export interface SettleInput {
  currency: string;
  engagements: readonly EngagementAtExit[];
  invoices: ReadonlyArray<{ issued: string; amount_minor: number }>;
  today: string;
  /** The last working day; long-term fees are billed up to it. */
  work_ends_on: string;
}

/** The share done from deliverables, or null without deliverables. */
export function shareDone(deliverables: readonly DeliverableAtExit[]): Share | null {
  if (deliverables.length === 0) return null;
  const done = deliverables.reduce((s, d) => s + (d.done ? 100 : Math.min(100, Math.max(0, d.percent_done))), 0);

  return { done, total: 100 * deliverables.length };
}

/** refund = prepaid × (1 − share), half-up; kept = prepaid − refund. */
export function proRataRefund(prepaid_minor: number, share: Share): { refund_minor: number; kept_minor: number } {
  const refund = proportion(prepaid_minor, share.total - share.done, share.total);

  return { refund_minor: refund, kept_minor: prepaid_minor - refund };
}

/** Unbilled monthly fee from the month after `lastBilledMonth` (YYYY-MM) through `end`, last month pro rata. */
export function unbilledMonthlyFee(fee_minor: number, lastBilledMonth: string, end: string): number {
  const endMonth = end.slice(0, 7);
  if (endMonth <= lastBilledMonth) return 0;
  let [y, m] = [Number(lastBilledMonth.slice(0, 4)), Number(lastBilledMonth.slice(5, 7))];
  let fullMonths = 0;
  for (;;) {
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key === endMonth) break;
    fullMonths += 1;
  }
  const day = Number(end.slice(8, 10));
  const dim = daysInMonth(y, m);

  // One fraction for the whole amount, rounded once: fee × (fullMonths × dim + day) / dim.
  return proportion(fee_minor, fullMonths * dim + day, dim);
}

export function settle(input: SettleInput): Settlement {
  const notes: MoneyText[] = [];
  const amount = (amount_minor: number) => ({ amount_minor, currency: input.currency });
  const kinds = new Set(input.engagements.map((e) => e.kind));
  const allOneOff = input.engagements.length > 0 && kinds.size === 1 && kinds.has('one_off');
  const billed = input.invoices.filter((i) => i.issued <= input.today);
  const lastBilledMonth = billed.reduce<string | null>((m, i) => (m === null || i.issued.slice(0, 7) > m ? i.issued.slice(0, 7) : m), null);

  const per_engagement = input.engagements.map((e): EngagementSettlement => {
    const share = shareDone(e.deliverables);
    const share_done_percent = share ? proportion(100, share.done, share.total) : null;
    let refund_minor = 0;
    let kept_minor = e.prepaid_minor;
    if (e.prepaid_minor > 0) {
      if (share) ({ refund_minor, kept_minor } = proRataRefund(e.prepaid_minor, share));
      else notes.push(moneyText('settlement.prepaid-unknown-share', { engagement: { names: [e.name] } }));
    }
    let earned_minor: number | null = null;
    let final_invoice_minor = 0;
    let basis: string;
    switch (e.kind) {
      case 'recurring_small': {
        const open = e.deliverables.filter((d) => d.open_now ?? !d.done);
        const percent = open.reduce((s, d) => s + (d.done ? 100 : Math.min(100, Math.max(0, d.percent_done))), 0);
        final_invoice_minor = proportion(e.price_minor, percent, 100);
        basis = `${open.length} open order(s) at ${formatMoney(e.price_minor, input.currency)} each, billed by progress at the exit`;
        break;
      }
      case 'long_term': {
        const from = lastBilledMonth ?? previousMonth(input.today.slice(0, 7));
        final_invoice_minor = unbilledMonthlyFee(e.price_minor, from, input.work_ends_on);
        basis = `monthly fee ${formatMoney(e.price_minor, input.currency)} after the last invoiced month (${from}) up to ${input.work_ends_on}, the last month pro rata by days`;
        if (!lastBilledMonth)
          notes.push(moneyText('settlement.not-invoiced-yet', { engagement: { names: [e.name] }, month: input.today.slice(0, 7) }));
        break;
      }
      case 'one_off': {
        earned_minor = share ? proportion(e.price_minor, share.done, share.total) : null;
        basis = share ? `price × ${share_done_percent}% done` : 'no deliverables recorded: share done unknown';
        break;
      }
    }

    return {
      name: e.name,
      kind: e.kind,
      share_done_percent,
      prepaid_minor: e.prepaid_minor,
      refund_minor,
      kept_minor,
      earned_minor,
      final_invoice_minor,
      basis,
    };
  });

  const oneOff = per_engagement.filter((e) => e.kind === 'one_off');
  if (allOneOff) {
    const earned = sumMinor(oneOff.map((e) => e.earned_minor ?? 0));
    const invoiced = sumMinor(billed.map((i) => i.amount_minor));
    const open = Math.max(0, earned - invoiced);
    // The case-wide amount goes on the first one-off line so the per-engagement lines still add up.
    const first = oneOff[0];
    if (first) first.final_invoice_minor = open;
    const worth = { earned: amount(earned), invoiced: amount(invoiced) };
    notes.push(
      open > 0 ? moneyText('settlement.one-off-left', { ...worth, left: amount(open) }) : moneyText('settlement.one-off-none', worth),
    );
  } else if (oneOff.length > 0) {
    for (const e of oneOff) {
      if (e.earned_minor !== null) {
        notes.push(moneyText('settlement.one-off-compare', { engagement: { names: [e.name] }, amount: amount(e.earned_minor) }));
      }
    }
  }

  return {
    currency: input.currency,
    refund_minor: sumMinor(per_engagement.map((e) => e.refund_minor)),
    final_invoice_minor: sumMinor(per_engagement.map((e) => e.final_invoice_minor)),
    per_engagement,
    notes: notes.map(moneyEnglish),
    notes_i18n: notes,
  };
}

function previousMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];

  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
