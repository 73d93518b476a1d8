/** Properties that hold for any case (fast-check over src/core/testing/arbitrary-case.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../case.js';
import { addDays, daysBetween } from '../dates.js';
import { type ArbitraryInvoice, arbitraryCase, arbitraryDate, arbitraryIncident } from '../testing/arbitrary-case.js';
import { assess } from './assess.js';
import { type Assessment, DIMENSIONS, type EvidenceRef } from './types.js';

const RUNS = { numRuns: 300 };
const run = (c: CaseRecord & { today: string }) => assess(c, { today: c.today });

/** Everything but the positions of the records (which a shuffle changes by design). */
function withoutIndexes(a: Assessment): unknown {
  return JSON.parse(JSON.stringify(a, (key, value) => (key === 'index' ? undefined : value)));
}

function allRefs(a: Assessment): EvidenceRef[] {
  return [...a.reasons.flatMap((r) => r.refs), ...DIMENSIONS.flatMap((d) => a.dimensions[d].evidence)];
}

const outstandingOf = (inv: ArbitraryInvoice) => inv.amount_minor - inv.payments.reduce((s, p) => s + p.amount_minor, 0);

describe('assess: properties', () => {
  it('scores are integers within [0, 100]; the path is set exactly when the card is red; refs point at their records', () => {
    fc.assert(
      fc.property(arbitraryCase(), (c) => {
        const a = run(c);
        expect(Number.isInteger(a.score) && a.score >= 0 && a.score <= 100).toBe(true);
        for (const d of DIMENSIONS)
          expect(Number.isInteger(a.dimensions[d].score) && a.dimensions[d].score >= 0 && a.dimensions[d].score <= 100).toBe(true);
        expect(a.path !== null).toBe(a.recommendation === 'red_card');
        for (const ref of allRefs(a)) {
          if (ref.kind === 'incident')
            expect(c.incidents[ref.index]).toMatchObject({ date: ref.date, code: ref.code, severity: ref.severity });
          if (ref.kind === 'invoice') expect(c.invoices[ref.index]).toMatchObject({ due: ref.date, number: ref.number });
          if (ref.kind === 'card') expect(c.cards[ref.index]).toMatchObject({ date: ref.date, color: ref.color });
          expect(ref.date <= c.today || ref.kind === 'invoice').toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('adding a serious incident never raises the score', () => {
    fc.assert(
      fc.property(arbitraryCase(), arbitraryIncident({ severities: [2, 3] }), (c, extra) => {
        expect(run({ ...c, incidents: [...c.incidents, extra] }).score).toBeLessThanOrEqual(run(c).score);
      }),
      RUNS,
    );
  });

  it('adding a serious incident dated up to today never raises any dimension', () => {
    const arb = arbitraryCase().chain((c) =>
      fc.tuple(
        fc.constant(c),
        arbitraryIncident({ severities: [2, 3], date: fc.integer({ min: 0, max: 400 }).map((d) => addDays(c.today, -d)) }),
      ),
    );
    fc.assert(
      fc.property(arb, ([c, extra]) => {
        const before = run(c);
        const after = run({ ...c, incidents: [extra, ...c.incidents] });
        for (const d of DIMENSIONS) expect(after.dimensions[d].score).toBeLessThanOrEqual(before.dimensions[d].score);
        expect(after.score).toBeLessThanOrEqual(before.score);
      }),
      RUNS,
    );
  });

  it('recording a payment on an invoice with something outstanding never lowers the score', () => {
    const arb = arbitraryCase()
      .filter((c) => c.invoices.some((inv) => outstandingOf(inv) > 0))
      .chain((c) => {
        const open = c.invoices.flatMap((inv, i) => (outstandingOf(inv) > 0 ? [i] : []));

        return fc.constantFrom(...open).chain((i) =>
          fc.record({
            c: fc.constant(c),
            i: fc.constant(i),
            amount: fc.integer({ min: 1, max: outstandingOf(c.invoices[i]!) }),
            // Mostly up to today, where the payment counts; sometimes after it, where it must change nothing.
            date: fc.oneof(
              fc.integer({ min: 0, max: 300 }).map((d) => addDays(c.today, -d)),
              arbitraryDate(),
            ),
          }),
        );
      });
    fc.assert(
      fc.property(arb, ({ c, i, amount, date }) => {
        const invoices = c.invoices.map((inv, k) =>
          k === i ? { ...inv, payments: [...inv.payments, { date, amount_minor: amount }] } : inv,
        );
        const before = run(c);
        const after = run({ ...c, invoices });
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(after.dimensions.payment.score).toBeGreaterThanOrEqual(before.dimensions.payment.score);
      }),
      RUNS,
    );
  });

  it('an incident dated after today changes nothing', () => {
    const arb = arbitraryCase().chain((c) =>
      fc.tuple(fc.constant(c), arbitraryIncident({ date: fc.integer({ min: 1, max: 400 }).map((d) => addDays(c.today, d)) }), fc.nat()),
    );
    fc.assert(
      fc.property(arb, ([c, future, at]) => {
        const incidents = [...c.incidents];
        incidents.splice(at % (incidents.length + 1), 0, future);
        const after = run({ ...c, incidents });
        // Appended at the end, every index stays the same: the whole result must be equal.
        expect(run({ ...c, incidents: [...c.incidents, future] })).toEqual(run(c));
        expect(withoutIndexes(after)).toEqual(withoutIndexes(run(c)));
      }),
      RUNS,
    );
  });

  it('a red card without a prior yellow card comes only from rules 1 and 2', () => {
    fc.assert(
      fc.property(arbitraryCase(), (c) => {
        const a = run(c);
        const warned = c.cards.some((k) => k.color === 'yellow' && k.date <= c.today);
        if (a.recommendation !== 'red_card' || warned) return;
        const seen = c.incidents.filter((i) => i.date <= c.today);
        const fraud = seen.some((i) => i.code === 'unlawful' && i.severity === 3);
        const threats = seen.some((i) => i.code === 'abuse' && i.severity === 3);
        const refusal = seen.some((i) => i.code === 'payment' && i.severity === 3);
        const longOverdue = c.invoices.some((inv) => {
          const paid = inv.payments.filter((p) => p.date <= c.today).reduce((s, p) => s + p.amount_minor, 0);

          return inv.issued <= c.today && paid < inv.amount_minor && daysBetween(inv.due, c.today) > 60;
        });
        expect(fraud || threats || (refusal && longOverdue)).toBe(true);
        expect([1, 2]).toContain(a.reference_rule);
        expect(a.reasons[0]!.rule).toMatch(/^D[12]$/);
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order of the arrays', () => {
    const shuffled = <T>(items: T[]) => fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });
    const arb = arbitraryCase().chain((c) =>
      fc.record({
        c: fc.constant(c),
        incidents: shuffled(c.incidents),
        cards: shuffled(c.cards),
        time: shuffled(c.time),
        invoices: shuffled(c.invoices).chain((invs) =>
          fc.tuple(...invs.map((inv) => shuffled(inv.payments).map((payments) => ({ ...inv, payments })))),
        ),
      }),
    );
    fc.assert(
      fc.property(arb, ({ c, incidents, cards, time, invoices }) => {
        const reordered = { ...c, incidents, cards, time, invoices: [...invoices] };
        expect(withoutIndexes(run(reordered))).toEqual(withoutIndexes(run(c)));
      }),
      RUNS,
    );
  });

  it('never recommends another reassignment once a reassignment is dated up to today (D5)', () => {
    const arb = arbitraryCase().chain((c) =>
      fc.record({ c: fc.constant(c), back: fc.integer({ min: 0, max: 400 }), to: fc.constantFrom('Jonas', 'Ieva', null) }),
    );
    fc.assert(
      fc.property(arb, ({ c, back, to }) => {
        const moved = {
          ...c,
          reassigned: true,
          reassignments: [...(c.reassignments ?? []), { date: addDays(c.today, -back), to_member: to }],
        };
        expect(run(moved).recommendation).not.toBe('reassign');
      }),
      RUNS,
    );
  });

  it('incidents up to a reassignment, all about the member it moved away from, call for no reassign and no warning (D5)', () => {
    const arb = arbitraryCase().chain((c) =>
      fc.record({
        c: fc.constant(c),
        back: fc.integer({ min: 0, max: 300 }),
        incidents: fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.constantFrom(2, 3) as fc.Arbitrary<2 | 3>), {
          minLength: 1,
          maxLength: 5,
        }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ c, back, incidents }) => {
        const movedOn = addDays(c.today, -back);
        // Serious conflicts with Maria only (no grave abuse or fraud, which rules 1 and 2 act on whatever happened), up to the move.
        const conflict = incidents.map(([before, severity]) => ({
          date: addDays(movedOn, -before),
          code: 'staff_report' as const,
          severity,
          source: 'staff_report' as const,
          about_member: 'Maria',
          note: '',
        }));
        const record: CaseRecord & { today: string } = {
          ...c,
          provider: { ...c.provider, kind: 'agency' },
          incidents: conflict,
          cards: [],
          invoices: [],
          reassigned: true,
          reassignments: [{ date: movedOn, from_member: 'Maria', to_member: 'Jonas' }],
        };
        const a = run(record);
        expect(['keep', 'watch']).toContain(a.recommendation);
        // The same incidents without the move: the agency is told to reassign.
        expect(run({ ...record, reassigned: false, reassignments: [] }).recommendation).toBe('reassign');
      }),
      RUNS,
    );
  });
});
