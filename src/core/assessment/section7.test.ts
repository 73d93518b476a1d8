/** Scenario tests: every reference decision of DOMAIN.md section 7, one named fixture each. */
import { describe, expect, it } from 'vitest';
import { assess } from './assess.js';
import { agency, buildCase, card, incident, invoice, TODAY } from './fixtures/builders.js';
import { SECTION7_FIXTURES } from './fixtures/section7.js';

describe('DOMAIN.md section 7 reference decisions', () => {
  it.each(SECTION7_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const result = assess(f.record, { today: f.today });
    expect({ recommendation: result.recommendation, path: result.path, rule: result.reference_rule }).toEqual(f.expected);
  });

  it('covers every rule', () => {
    expect(new Set(SECTION7_FIXTURES.map((f) => f.expected.rule))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });
});

describe('reasons cite the rule and the records behind it', () => {
  it('rule 1 cites D1 and the incident', () => {
    const result = assess(buildCase({ incidents: [incident('2026-01-01', 'negativity', 1), incident('2026-11-02', 'unlawful', 3)] }), {
      today: TODAY,
    });
    expect(result.reasons[0]).toMatchObject({
      rule: 'D1',
      refs: [{ kind: 'incident', index: 1, date: '2026-11-02', code: 'unlawful', severity: 3 }],
    });
    expect(result.reasons[0]!.text).toContain('2026-11-02');
  });

  it('rule 2 by money cites D2, the refusal and the invoices more than 60 days overdue, not the recent one', () => {
    const record = buildCase({
      invoices: [invoice('A', '2026-08-01', '2026-08-31', 252_000), invoice('B', '2026-11-01', '2026-11-15', 10_000)],
      incidents: [incident('2026-11-04', 'payment', 3)],
    });
    const result = assess(record, { today: TODAY });
    const reason = result.reasons[0]!;
    expect(reason.rule).toBe('D2');
    expect(reason.refs).toEqual([
      { kind: 'incident', index: 0, date: '2026-11-04', code: 'payment', severity: 3, about_member: null },
      { kind: 'invoice', index: 0, date: '2026-08-31', number: 'A', amount_minor: 252_000, outstanding_minor: 252_000, days_late: 83 },
    ]);
    expect(reason.text).toContain('2,520.00 EUR');
    expect(reason.text).toContain('83 days');
  });

  it('rule 3 cites D4 with the card and the repeat, then D3 for the path', () => {
    const record = buildCase({ cards: [card('2026-09-10')], incidents: [incident('2026-11-16', 'contract_breach', 2)] });
    const result = assess(record, { today: TODAY });
    expect(result.reasons.map((r) => r.rule).slice(0, 2)).toEqual(['D4', 'D3']);
    expect(result.reasons[0]!.refs.map((r) => r.kind)).toEqual(['card', 'incident']);
  });

  it('rule 3 with a payment incident while money is overdue cites the overdue invoice', () => {
    const record = buildCase({
      cards: [card('2026-10-01')],
      invoices: [invoice('L', '2026-10-20', '2026-11-01', 50_000)],
      incidents: [incident('2026-11-10', 'payment', 2)],
    });
    const result = assess(record, { today: TODAY });
    expect(result.path).toBe('stop_and_collect');
    expect(result.reasons[1]).toMatchObject({ rule: 'D2', refs: [{ kind: 'incident' }, { kind: 'invoice', number: 'L' }] });
  });

  it('reassign cites D5 and names the member', () => {
    const result = assess(
      agency({ incidents: [incident('2026-09-03', 'abuse', 2, 'Maria'), incident('2026-11-12', 'abuse', 2, 'Maria')] }),
      { today: TODAY },
    );
    expect(result.reasons[0]).toMatchObject({ rule: 'D5' });
    expect(result.reasons[0]!.text).toContain('Maria');
  });

  it('an agency already reassigned gets the yellow card with a D5 note', () => {
    const result = assess(agency({ reassigned: true, incidents: [incident('2026-11-12', 'abuse', 2, 'Maria')] }), { today: TODAY });
    expect(result.reasons.map((r) => r.rule)).toContain('D5');
    expect(result.reasons[0]!.rule).toBe('D4');
  });

  it('a reputation threat adds D7; a red card adds D7 even without one', () => {
    expect(
      assess(buildCase({ incidents: [incident('2026-11-18', 'reputation_threat', 2)] }), { today: TODAY }).reasons.map((r) => r.rule),
    ).toContain('D7');
    expect(assess(buildCase({ incidents: [incident('2026-11-19', 'abuse', 3)] }), { today: TODAY }).reasons.map((r) => r.rule)).toContain(
      'D7',
    );
    expect(assess(buildCase(), { today: TODAY }).reasons.map((r) => r.rule)).toEqual(['D6']);
  });

  it('weighs the impact (D6) whenever the client is not simply kept', () => {
    const result = assess(buildCase({ incidents: [incident('2026-11-18', 'abuse', 2)] }), { today: TODAY });
    const d6 = result.reasons.find((r) => r.rule === 'D6');
    expect(d6?.text).toContain('60,000.00 EUR');
  });

  it('notes a red card already on record without changing the decision', () => {
    const result = assess(buildCase({ cards: [card('2026-11-01', 'red')] }), { today: TODAY });
    expect(result.recommendation).toBe('keep');
    expect(result.reasons.at(-1)).toMatchObject({ rule: 'D4', refs: [{ kind: 'card', color: 'red' }] });
  });

  it('rejects a date that is not a calendar date', () => {
    expect(() => assess(buildCase(), { today: '2026-02-30' })).toThrow(/Invalid date/);
  });
});
