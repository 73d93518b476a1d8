/** Properties: the money never loses or invents a cent, and interest behaves as the law reads. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.js';
import { lateInterest } from './interest.js';
import { moneyOwed } from './owed.js';
import { interestRuleFor } from './rates.js';
import { proRataRefund, settle, shareDone, unbilledMonthlyFee } from './settlement.js';

const RULES = ['LT', 'RO', 'RU', 'DE'].map((j) => interestRuleFor(j)!);
const rule = fc.constantFrom(...RULES);
/** A date between 2022-10-02 and about 2027-06. */
const date = fc.integer({ min: 0, max: 1700 }).map((n) => addDays('2022-10-02', n));
const amount = fc.integer({ min: 1, max: 1_000_000_000_00 });

const invoice = fc
  .record({
    due: date,
    amount,
    splits: fc.array(fc.record({ offset: fc.integer({ min: -30, max: 400 }), share: fc.integer({ min: 1, max: 100 }) }), { maxLength: 4 }),
  })
  .map(({ due, amount, splits }) => {
    // Payments never add up to more than the amount.
    let left = amount;
    const payments = splits.flatMap((s) => {
      const pay = Math.min(left, Math.max(1, Math.floor((amount * s.share) / 400)));
      if (pay <= 0) return [];
      left -= pay;

      return [{ date: addDays(due, s.offset), amount_minor: pay }];
    });

    return { due, amount_minor: amount, payments };
  });

describe('money properties', () => {
  it('owed total = Σ per-invoice owed = Σ (amount − payments up to today), never negative', () => {
    fc.assert(
      fc.property(fc.array(invoice, { maxLength: 8 }), date, fc.constantFrom('LT', 'RO', 'RU', null), (invs, today, j) => {
        const m = moneyOwed(
          {
            currency: 'EUR',
            jurisdiction: j,
            client_kind: 'business',
            invoices: invs.map((i, n) => ({ ...i, number: `N${n}`, issued: i.due })),
          },
          today,
        );
        const expected = invs.reduce(
          (s, i) => s + i.amount_minor - i.payments.filter((p) => p.date <= today).reduce((t, p) => t + p.amount_minor, 0),
          0,
        );
        expect(m.owed_minor).toBe(expected);
        expect(m.owed_minor).toBe(m.per_invoice.reduce((s, i) => s + i.owed_minor, 0));
        expect(m.interest_minor).toBe(m.per_invoice.reduce((s, i) => s + i.interest_minor, 0));
        expect(m.compensation_minor).toBe(m.per_invoice.reduce((s, i) => s + i.compensation_minor, 0));
        for (const i of m.per_invoice) {
          expect(i.owed_minor).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(i.interest_minor)).toBe(true);
        }
      }),
    );
  });

  it('refund + kept = prepaid exactly, and 0 <= refund <= prepaid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_00 }),
        fc.array(fc.record({ done: fc.boolean(), percent_done: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 10 }),
        (prepaid, ds) => {
          const share = shareDone(ds.map((d, i) => ({ ...d, name: `d${i}` })))!;
          const { refund_minor, kept_minor } = proRataRefund(prepaid, share);
          expect(refund_minor + kept_minor).toBe(prepaid);
          expect(refund_minor).toBeGreaterThanOrEqual(0);
          expect(refund_minor).toBeLessThanOrEqual(prepaid);
          if (share.done === share.total) expect(refund_minor).toBe(0);
          if (share.done === 0) expect(refund_minor).toBe(prepaid);
        },
      ),
    );
  });

  it('settlement totals are the sums of their lines', () => {
    const engagement = fc.record({
      name: fc.constantFrom('a', 'b', 'c'),
      kind: fc.constantFrom('long_term' as const, 'recurring_small' as const, 'one_off' as const),
      price_minor: fc.integer({ min: 0, max: 10_000_000 }),
      prepaid_minor: fc.integer({ min: 0, max: 10_000_000 }),
      deliverables: fc.array(fc.record({ name: fc.constant('d'), done: fc.boolean(), percent_done: fc.integer({ min: 0, max: 100 }) }), {
        maxLength: 5,
      }),
    });
    fc.assert(
      fc.property(
        fc.array(engagement, { maxLength: 4 }),
        fc.array(fc.record({ issued: date, amount_minor: amount }), { maxLength: 5 }),
        date,
        fc.integer({ min: 0, max: 200 }),
        (es, invs, today, after) => {
          const s = settle({ currency: 'EUR', engagements: es, invoices: invs, today, work_ends_on: addDays(today, after) });
          expect(s.refund_minor).toBe(s.per_engagement.reduce((t, e) => t + e.refund_minor, 0));
          expect(s.final_invoice_minor).toBe(s.per_engagement.reduce((t, e) => t + e.final_invoice_minor, 0));
          for (const e of s.per_engagement) {
            expect(e.refund_minor + e.kept_minor).toBe(e.prepaid_minor);
            expect(e.final_invoice_minor).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });

  it('interest is 0 when everything is paid by the due date', () => {
    fc.assert(
      fc.property(rule, date, amount, fc.integer({ min: 0, max: 60 }), date, (r, due, amt, early, today) => {
        const res = lateInterest({ amount_minor: amt, due, payments: [{ date: addDays(due, -early), amount_minor: amt }] }, r, today);
        expect(res.interest_minor).toBe(0);
        expect(res.late_days).toBe(0);
      }),
    );
  });

  it('interest is monotone in lateness: paying later never costs less', () => {
    fc.assert(
      fc.property(rule, date, amount, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (r, due, amt, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const at = (days: number) =>
          lateInterest({ amount_minor: amt, due, payments: [{ date: addDays(due, days), amount_minor: amt }] }, r, '2030-01-01')
            .interest_minor;
        expect(at(late)).toBeGreaterThanOrEqual(at(early));
      }),
    );
  });

  it('interest on an unpaid invoice grows with the day it is judged on', () => {
    fc.assert(
      fc.property(rule, date, amount, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (r, due, amt, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const on = (days: number) => lateInterest({ amount_minor: amt, due, payments: [] }, r, addDays(due, days)).interest_minor;
        expect(on(late)).toBeGreaterThanOrEqual(on(early));
      }),
    );
  });

  it('interest splits across periods without losing a cent beyond the single rounding', () => {
    // The exact sum of the segments, rounded once, is what the function returns.
    fc.assert(
      fc.property(rule, invoice, date, (r, inv, today) => {
        const res = lateInterest(inv, r, today);
        const exact = res.segments.reduce((s, g) => s + (g.base_minor * g.rate_bp * g.days) / (10_000 * g.year_days), 0);
        expect(Math.abs(res.interest_minor - exact)).toBeLessThanOrEqual(0.5 + 1e-6 * Math.max(1, exact));
        expect(res.segments.reduce((s, g) => s + g.days, 0) + res.uncovered_days).toBe(res.late_days);
      }),
    );
  });

  it('the unbilled monthly fee grows with the end date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        date,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        (fee, start, a, b) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          const month = start.slice(0, 7);
          expect(unbilledMonthlyFee(fee, month, addDays(start, late))).toBeGreaterThanOrEqual(
            unbilledMonthlyFee(fee, month, addDays(start, early)),
          );
        },
      ),
    );
  });
});
