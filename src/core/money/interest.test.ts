/**
 * Statutory interest against HAND-WORKED examples. Each example writes out the arithmetic:
 * interest = Σ base × rate × days / year-days, summed exactly, rounded once half-up.
 */
import { describe, expect, it } from 'vitest';
import { lateInterest } from './interest.js';
import { divRoundHalfUp, formatMoney, proportion } from './money.js';
import { CBR_KEY_RATE, ECB_STATUTORY, interestRuleFor, RO_STATUTORY, rateOn } from './rates.js';

const LT = interestRuleFor('LT')!;
const RO = interestRuleFor('RO')!;
const RU = interestRuleFor('RU')!;

describe('rate tables', () => {
  it('LT / EU: ECB MRO in force on 1 January / 1 July + 8 pp', () => {
    // ECB MRO: 2.50% on 2023-01-01, 4.00% on 2023-07-01, 4.50% on 2024-01-01, 4.25% on 2024-07-01,
    // 3.15% on 2025-01-01, 2.15% on 2025-07-01 (and carried forward to 2026).
    expect(ECB_STATUTORY.map((r) => [r.from, r.rate_bp])).toEqual([
      ['2022-01-01', 800],
      ['2022-07-01', 800],
      ['2023-01-01', 1050],
      ['2023-07-01', 1200],
      ['2024-01-01', 1250],
      ['2024-07-01', 1225],
      ['2025-01-01', 1115],
      ['2025-07-01', 1015],
      ['2026-01-01', 1015],
      ['2026-07-01', 1015],
    ]);
    expect(LT.rates).toBe(ECB_STATUTORY);
    expect(interestRuleFor('DE')?.regime).toBe('EU');
    expect(interestRuleFor('PL')?.caveats[0]).toMatch(/outside the euro area/);
  });

  it('RO: NBR reference rate by half-year + 8 pp', () => {
    expect(rateOn(RO_STATUTORY, '2023-03-01')?.rate_bp).toBe(1475); // 6.75 + 8
    expect(rateOn(RO_STATUTORY, '2024-09-01')?.rate_bp).toBe(1500); // 7.00 + 8 (the August 2024 cut counts from 2025)
    expect(rateOn(RO_STATUTORY, '2025-02-01')?.rate_bp).toBe(1450); // 6.50 + 8
    expect(rateOn(RO_STATUTORY, '2026-12-31')?.rate_bp).toBe(1450); // carried forward
  });

  it('RU: the key rate by decision date, no margin', () => {
    expect(rateOn(CBR_KEY_RATE, '2023-08-14')?.rate_bp).toBe(850);
    expect(rateOn(CBR_KEY_RATE, '2023-08-15')?.rate_bp).toBe(1200);
    expect(rateOn(CBR_KEY_RATE, '2024-12-31')?.rate_bp).toBe(2100);
    expect(rateOn(CBR_KEY_RATE, '2025-10-27')?.rate_bp).toBe(1650);
    expect(rateOn(CBR_KEY_RATE, '2026-12-31')?.rate_bp).toBe(1650);
    expect(rateOn(CBR_KEY_RATE, '2022-06-01')).toBeUndefined();
  });

  it('has no rule without a known jurisdiction', () => {
    expect(interestRuleFor(null)).toBeNull();
    expect(interestRuleFor('US')).toBeNull();
    expect(interestRuleFor('GB')).toBeNull();
  });
});

describe('rounding', () => {
  it('rounds half-up, once', () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3n); // 2.5 -> 3
    expect(divRoundHalfUp(3n, 2n)).toBe(2n); // 1.5 -> 2
    expect(divRoundHalfUp(7n, 3n)).toBe(2n); // 2.33 -> 2
    expect(divRoundHalfUp(8n, 3n)).toBe(3n); // 2.67 -> 3
    expect(proportion(1, 1, 2)).toBe(1);
    expect(formatMoney(187705, 'EUR')).toBe('1,877.05 EUR');
  });
});

describe('late-payment interest, worked by hand', () => {
  it('LT: 1,500.00 EUR due 2026-09-15, paid 2026-10-30', () => {
    // Late days: 16..30 September (15) + 1..30 October (30) = 45, all in 2026 H2.
    // Rate 2026 H2: ECB MRO 2.15% (last known, carried forward) + 8 = 10.15%.
    // 150000 × 0.1015 × 45 / 365 = 6,851,250,000 / 3,650,000 = 1877.05 -> 1877 cents = 18.77 EUR.
    const r = lateInterest(
      { amount_minor: 150000, due: '2026-09-15', payments: [{ date: '2026-10-30', amount_minor: 150000 }] },
      LT,
      '2026-11-22',
    );
    expect(r.interest_minor).toBe(1877);
    expect(r.late_days).toBe(45);
    expect(r.segments).toEqual([
      { from: '2026-09-16', to: '2026-10-30', days: 45, base_minor: 150000, rate_bp: 1015, year_days: 365, carried_forward: true },
    ]);
  });

  it('LT: across a half-year with a partial payment reducing the base from the next day', () => {
    // 2,000.00 EUR due 2024-06-20; 500.00 paid 2024-07-10; 1,500.00 paid 2024-08-09.
    //  21..30 June:        10 days × 200000 × 12.50% (ECB 4.50% on 2024-01-01 + 8)  = 2,500,000,000
    //  1..10 July:         10 days × 200000 × 12.25% (ECB 4.25% on 2024-07-01 + 8)  = 2,450,000,000
    //  11 July..9 August:  30 days × 150000 × 12.25%                                 = 5,512,500,000
    //  (in units of cent × bp × day; divide by 10,000 × 365)
    //  10,462,500,000 / 3,650,000 = 2866.44 -> 2866 cents = 28.66 EUR.
    const r = lateInterest(
      {
        amount_minor: 200000,
        due: '2024-06-20',
        payments: [
          { date: '2024-07-10', amount_minor: 50000 },
          { date: '2024-08-09', amount_minor: 150000 },
        ],
      },
      LT,
      '2026-11-22',
    );
    expect(r.segments.map((s) => [s.from, s.to, s.days, s.base_minor, s.rate_bp])).toEqual([
      ['2024-06-21', '2024-06-30', 10, 200000, 1250],
      ['2024-07-01', '2024-07-10', 10, 200000, 1225],
      ['2024-07-11', '2024-08-09', 30, 150000, 1225],
    ]);
    expect(r.interest_minor).toBe(2866);
    expect(r.late_days).toBe(50);
  });

  it('RO: 10,000.00 RON unpaid across the new year, NBR reference rate + 8 pp', () => {
    // Due 2024-12-20, judged on 2025-01-19.
    //  21..31 Dec 2024: 11 days × 1,000,000 × 15.00% (NBR 7.00% on 2024-07-01 + 8) = 16,500,000,000
    //  1..19 Jan 2025:  19 days × 1,000,000 × 14.50% (NBR 6.50% on 2025-01-01 + 8) = 27,550,000,000
    //  44,050,000,000 / 3,650,000 = 12068.49 -> 12068 bani = 120.68 RON.
    const r = lateInterest({ amount_minor: 1_000_000, due: '2024-12-20', payments: [] }, RO, '2025-01-19');
    expect(r.interest_minor).toBe(12068);
    expect(r.late_days).toBe(30);
  });

  it('RU: actual/actual across 2023 (365 days) and the leap year 2024 (366 days)', () => {
    // 100,000.00 RUB due 2023-12-25, paid 2024-01-10; key rate 16% from 2023-12-18.
    //  26..31 Dec 2023:  6 days: 10,000,000 × 0.16 × 6 / 365  = 26,301.37
    //  1..10 Jan 2024:  10 days: 10,000,000 × 0.16 × 10 / 366 = 43,715.85
    //  total 70,017.22 -> 70017 kopecks = 700.17 RUB.
    const r = lateInterest(
      { amount_minor: 10_000_000, due: '2023-12-25', payments: [{ date: '2024-01-10', amount_minor: 10_000_000 }] },
      RU,
      '2024-06-01',
    );
    expect(r.segments.map((s) => [s.from, s.to, s.days, s.year_days])).toEqual([
      ['2023-12-26', '2023-12-31', 6, 365],
      ['2024-01-01', '2024-01-10', 10, 366],
    ]);
    expect(r.interest_minor).toBe(70017);
  });

  it('RU: a key-rate decision splits the period', () => {
    // 500,000.00 RUB due 2025-07-20, unpaid, judged on 2025-08-10.
    //  21..27 July:           7 days × 20% = 14,000 bp·days
    //  28 July..10 August:   14 days × 18% = 25,200 bp·days  (key rate 18% from 2025-07-28)
    //  50,000,000 × 39,200 / 3,650,000 = 536,986.30 -> 536986 kopecks = 5,369.86 RUB.
    const r = lateInterest({ amount_minor: 50_000_000, due: '2025-07-20', payments: [] }, RU, '2025-08-10');
    expect(r.interest_minor).toBe(536986);
    expect(r.segments.map((s) => [s.days, s.rate_bp])).toEqual([
      [7, 2000],
      [14, 1800],
    ]);
  });

  it('is zero when paid on time, not yet due, or paid on the due date', () => {
    expect(
      lateInterest({ amount_minor: 100000, due: '2026-10-15', payments: [{ date: '2026-10-15', amount_minor: 100000 }] }, LT, '2026-11-22')
        .interest_minor,
    ).toBe(0);
    expect(lateInterest({ amount_minor: 100000, due: '2026-12-15', payments: [] }, LT, '2026-11-22').interest_minor).toBe(0);
    expect(lateInterest({ amount_minor: 100000, due: '2026-11-22', payments: [] }, LT, '2026-11-22').late_days).toBe(0);
  });

  it('counts no interest for days before a table starts, and says how many', () => {
    // The RU table starts 2022-10-02: due 2022-09-25, unpaid to 2022-10-05: 26 Sep..1 Oct are not covered.
    const r = lateInterest({ amount_minor: 3_650_000, due: '2022-09-25', payments: [] }, RU, '2022-10-05');
    expect(r.uncovered_days).toBe(6); // 26 Sep .. 1 Oct
    // 2..5 October: 4 days × 3,650,000 × 7.5% / 365 = 3000 kopecks exactly.
    expect(r.interest_minor).toBe(3000);
  });
});
