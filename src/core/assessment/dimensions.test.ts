/** The score, its dimensions and the impact, on small hand-made cases. */
import { describe, expect, it } from 'vitest';
import { assess } from './assess.js';
import { buildCase, card, incident, invoice, TODAY } from './fixtures/builders.js';
import { DIMENSIONS } from './types.js';
import { recencyWeight } from './weighting.js';

const run = (...args: Parameters<typeof buildCase>) => assess(buildCase(...args), { today: TODAY });

describe('recency weighting', () => {
  it('halves every 90 days, and never below half for grave incidents', () => {
    expect(recencyWeight(0)).toBe(1);
    expect(recencyWeight(90)).toBe(0.5);
    expect(recencyWeight(180)).toBe(0.25);
    expect(recencyWeight(365, 3)).toBe(0.5);
    expect(recencyWeight(365, 2)).toBeLessThan(0.1);
  });

  it('makes a recent incident cost more than the same one a year ago', () => {
    const recent = run({ incidents: [incident('2026-11-20', 'abuse', 2)] });
    const old = run({ incidents: [incident('2025-11-20', 'abuse', 2)] });
    expect(recent.dimensions.respect.score).toBeLessThan(old.dimensions.respect.score);
  });

  it('doubles incidents after a yellow card', () => {
    const plain = run({ incidents: [incident('2026-11-22', 'scope_creep', 1)] });
    const warned = run({ cards: [card('2026-11-01')], incidents: [incident('2026-11-22', 'scope_creep', 1)] });
    expect(plain.dimensions.boundaries.score).toBe(90);
    expect(warned.dimensions.boundaries.score).toBe(80);
    expect(warned.dimensions.boundaries.explanation).toContain('doubled after the yellow card');
  });
});

describe('dimensions', () => {
  it('a quiet case is fully healthy and every dimension explains itself', () => {
    const result = run();
    expect(result.score).toBe(100);
    for (const d of DIMENSIONS) {
      expect(result.dimensions[d].score).toBe(100);
      expect(result.dimensions[d].explanation.length).toBeGreaterThan(10);
    }
    expect(DIMENSIONS.reduce((sum, d) => sum + result.dimensions[d].weight, 0)).toBeCloseTo(1, 10);
  });

  it('puts each red flag in its dimension and cites it as evidence', () => {
    const cases = {
      payment: 'payment',
      respect: 'abuse',
      boundaries: 'scope_creep',
      cooperation: 'contract_breach',
      legality: 'unlawful',
      economics: 'unprofitable',
      wellbeing: 'wellbeing',
    } as const;
    for (const [dimension, code] of Object.entries(cases)) {
      const result = run({ incidents: [incident(TODAY, code, 1)] });
      const d = result.dimensions[dimension as keyof typeof cases];
      expect(d.score, dimension).toBe(90);
      expect(d.evidence, dimension).toEqual([{ kind: 'incident', index: 0, date: TODAY, code, severity: 1, about_member: null }]);
    }
  });

  it('payment: lateness, overdue money and the trend are explained', () => {
    const result = run({
      invoices: [
        invoice('OLD', '2026-01-01', '2026-01-15', 100_000, [['2026-01-15', 100_000]]),
        invoice('LATE', '2026-09-01', '2026-09-15', 100_000, [['2026-10-15', 100_000]]),
        invoice('OPEN', '2026-10-01', '2026-10-15', 100_000, [['2026-10-30', 40_000]]),
      ],
    });
    const payment = result.dimensions.payment;
    expect(payment.score).toBeLessThan(80);
    expect(payment.explanation).toContain('600.00 EUR overdue on 1 invoice, the oldest 38 days past due');
    expect(payment.explanation).toContain('paying later than before');
    expect(payment.evidence.map((r) => (r.kind === 'invoice' ? r.number : r.kind))).toEqual(['LATE', 'OPEN']);
  });

  it('a payment dated after today does not count yet', () => {
    const open = run({ invoices: [invoice('X', '2026-10-01', '2026-10-15', 100_000)] });
    const later = run({ invoices: [invoice('X', '2026-10-01', '2026-10-15', 100_000, [['2026-11-30', 100_000]])] });
    expect(later.dimensions.payment).toEqual(open.dimensions.payment);
    expect(later.impact.outstanding_minor).toBe(100_000);
  });

  it('economics compares the hourly rate with the workspace median when given', () => {
    // 100,000 invoiced over 35 hours: 2,857 per hour.
    const record = buildCase();
    const without = assess(record, { today: TODAY });
    const half = assess(record, { today: TODAY, workspace_median_rate_minor: 5_714 });
    expect(without.dimensions.economics.score).toBe(100);
    expect(half.impact.client_hourly_rate_minor).toBe(2_857);
    expect(half.dimensions.economics.score).toBe(80);
    expect(half.dimensions.economics.explanation).toContain('50% of the workspace median');
  });

  it('the weakest dimension caps the score', () => {
    const result = run({ incidents: [incident(TODAY, 'unlawful', 3)] });
    expect(result.dimensions.legality.score).toBe(40);
    expect(result.score).toBe(55);
    expect(result.score_explanation).toContain('weakest dimension, legality (40)');
  });
});

describe('impact (D6)', () => {
  it('reports revenue with and without the client, hours freed and both rates', () => {
    const result = assess(
      buildCase({
        invoices: [
          invoice('A', '2025-11-30', '2025-12-14', 50_000, [['2025-12-10', 50_000]]),
          invoice('B', '2025-12-01', '2025-12-15', 120_000),
        ],
        time: [
          { month: '2025-11', hours: 99 },
          { month: '2025-12', hours: 30 },
          { month: '2026-12', hours: 50 },
        ],
      }),
      { today: TODAY, provider_hours_last_12m: 1_030, workspace_median_rate_minor: 5_000 },
    );
    expect(result.impact).toEqual({
      currency: 'EUR',
      window: { from_month: '2025-12', to_month: '2026-11' },
      client_revenue_minor: 120_000,
      provider_revenue_minor: 6_000_000,
      revenue_without_client_minor: 5_880_000,
      client_share: 0.02,
      hours_freed: 30,
      client_hourly_rate_minor: 4_000,
      rest_hourly_rate_minor: 5_880,
      workspace_median_rate_minor: 5_000,
      outstanding_minor: 120_000,
      overdue_minor: 120_000,
    });
  });

  it('leaves unknown parts null', () => {
    const result = assess(buildCase({ provider: { revenue_last_12m_minor: null }, time: [] }), { today: TODAY });
    expect(result.impact).toMatchObject({
      provider_revenue_minor: null,
      revenue_without_client_minor: null,
      client_share: null,
      hours_freed: null,
      client_hourly_rate_minor: null,
      rest_hourly_rate_minor: null,
      workspace_median_rate_minor: null,
    });
  });
});
