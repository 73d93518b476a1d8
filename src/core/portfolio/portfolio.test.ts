import { describe, expect, it } from 'vitest';
import { RECOMMENDATIONS } from '../assessment/types.js';
import { incidentsByMonth, revenueConcentration } from './charts.js';
import { trafficLight } from './light.js';
import { trendWindow } from './snapshot.js';

describe('trafficLight', () => {
  it('follows the documented bands', () => {
    expect(trafficLight(95, 'keep')).toBe('green');
    expect(trafficLight(70, 'keep')).toBe('green');
    expect(trafficLight(69, 'keep')).toBe('yellow');
    expect(trafficLight(39, 'keep')).toBe('red');
    expect(trafficLight(90, 'watch')).toBe('yellow');
    expect(trafficLight(90, 'yellow_card')).toBe('yellow');
    expect(trafficLight(90, 'reassign')).toBe('yellow');
    expect(trafficLight(90, 'red_card')).toBe('red');
  });

  it('never gets lighter as the score falls, whatever the recommendation', () => {
    const rank = { green: 0, yellow: 1, red: 2 };
    for (const r of RECOMMENDATIONS) {
      for (let s = 100; s > 0; s--) expect(rank[trafficLight(s - 1, r)]).toBeGreaterThanOrEqual(rank[trafficLight(s, r)]);
    }
  });
});

describe('trendWindow', () => {
  it('ends on today and takes the last day of each earlier month, across a year boundary and a leap February', () => {
    const w = trendWindow('2024-03-10');
    expect(w.months).toEqual([
      '2023-04',
      '2023-05',
      '2023-06',
      '2023-07',
      '2023-08',
      '2023-09',
      '2023-10',
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
      '2024-03',
    ]);
    expect(w.dates.at(-1)).toBe('2024-03-10');
    expect(w.dates.at(-2)).toBe('2024-02-29');
    expect(w.dates[0]).toBe('2023-04-30');
  });
});

describe('revenueConcentration', () => {
  const rows = Array.from({ length: 13 }, (_, i) => ({
    client_id: `c${i}`,
    name: `Client ${String(i).padStart(2, '0')}`,
    light: (i % 3 === 0 ? 'red' : i % 3 === 1 ? 'yellow' : 'green') as 'red' | 'yellow' | 'green',
    revenue_12m_minor: i === 12 ? 0 : (i + 1) * 1000,
  }));

  it('names the largest ten, sums the rest, and marks the share at risk', () => {
    const c = revenueConcentration(rows);
    const total = rows.reduce((s, r) => s + r.revenue_12m_minor, 0);
    expect(c.total_minor).toBe(total);
    expect(c.top).toHaveLength(10);
    expect(c.top[0]?.client_id).toBe('c11');
    expect(c.others.clients).toBe(2); // c0 and c1; c12 earned nothing and is not counted
    expect(c.top.reduce((s, t) => s + t.revenue_minor, 0) + c.others.revenue_minor).toBe(total);
    const atRisk = rows.filter((r) => r.light !== 'green').reduce((s, r) => s + r.revenue_12m_minor, 0);
    expect(c.at_risk_minor).toBe(atRisk);
    expect(c.at_risk_share).toBeCloseTo(atRisk / total, 3);
  });

  it('answers zeros for a workspace without revenue', () => {
    expect(revenueConcentration([])).toEqual({
      total_minor: 0,
      at_risk_minor: 0,
      at_risk_share: 0,
      top: [],
      others: { clients: 0, revenue_minor: 0, at_risk_minor: 0, share: 0 },
    });
  });
});

describe('incidentsByMonth', () => {
  it('adds the clients up per code, in the vocabulary order, with totals', () => {
    const months = trendWindow('2026-11-22').months;
    const a = { payment: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2] };
    const b = { abuse: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0], payment: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] };
    const r = incidentsByMonth(months, [a, b, {}]);
    expect(r.series.map((s) => s.code)).toEqual(['abuse', 'payment']);
    expect(r.series[1]?.counts.at(-1)).toBe(3);
    expect(r.totals).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3]);
  });
});
