import { describe, expect, it } from 'vitest';
import { moneyOwed } from './owed.js';
import { proRataRefund, settle, shareDone, unbilledMonthlyFee } from './settlement.js';

const inv = (number: string, due: string, amount_minor: number, payments: Array<[string, number]> = []) => ({
  number,
  issued: '2026-01-01',
  due,
  amount_minor,
  payments: payments.map(([date, amount]) => ({ date, amount_minor: amount })),
});

describe('what is owed', () => {
  it('per invoice and in total, with days overdue as of today', () => {
    const m = moneyOwed(
      {
        currency: 'EUR',
        jurisdiction: 'LT',
        client_kind: 'business',
        invoices: [
          inv('A', '2026-09-15', 150000, [['2026-10-30', 150000]]),
          inv('B', '2026-11-01', 100000, [['2026-11-05', 40000]]),
          inv('C', '2026-12-01', 50000),
        ],
      },
      '2026-11-22',
    );
    expect(m.per_invoice.map((i) => [i.number, i.owed_minor, i.days_overdue])).toEqual([
      ['A', 0, 0],
      ['B', 60000, 21],
      ['C', 50000, 0],
    ]);
    expect(m.owed_minor).toBe(110000);
    expect(m.overdue_minor).toBe(60000);
    // A: 1877 (see interest.test.ts). B at 10.15%: 2..5 Nov = 4 days on 100000 (the payment day still
    //   bears interest on the old base), then 6..22 Nov = 17 days on 60000:
    //   (100000 × 4 + 60000 × 17) × 1015 / 3,650,000 = 1,420,000 × 1015 / 3,650,000 = 394.88 -> 395.
    expect(m.per_invoice.map((i) => i.interest_minor)).toEqual([1877, 395, 0]);
    expect(m.interest_minor).toBe(2272);
    // EUR 40 for each invoice paid late or overdue (A and B), none for C (not due).
    expect(m.per_invoice.map((i) => i.compensation_minor)).toEqual([4000, 4000, 0]);
    expect(m.compensation_minor).toBe(8000);
  });

  it('computes no interest or compensation for an individual, or without a jurisdiction', () => {
    const invoices = [inv('A', '2026-09-15', 150000)];
    const person = moneyOwed({ currency: 'EUR', jurisdiction: 'LT', client_kind: 'individual', invoices }, '2026-11-22');
    expect([person.interest_minor, person.compensation_minor, person.owed_minor]).toEqual([0, 0, 150000]);
    expect(person.notes.join(' ')).toMatch(/individual/);
    const nowhere = moneyOwed({ currency: 'EUR', jurisdiction: null, client_kind: 'business', invoices }, '2026-11-22');
    expect(nowhere.interest_minor).toBe(0);
    expect(nowhere.notes.join(' ')).toMatch(/No jurisdiction/);
    expect(moneyOwed({ currency: 'USD', jurisdiction: 'US', client_kind: 'business', invoices }, '2026-11-22').notes.join(' ')).toMatch(
      /no statutory/,
    );
  });

  it('gives each note a key and parameters beside its English words, which read as they always did', () => {
    const invoices = [inv('A', '2022-06-01', 100000), inv('B', '2026-10-01', 50000, [['2026-12-01', 50000]])];
    const m = moneyOwed({ currency: 'RUB', jurisdiction: 'RU', client_kind: 'business', invoices }, '2026-11-22');
    expect(m.notes_i18n.map((n) => n.key)).toEqual([
      'rule.ru-penalty',
      'owed.future-payments',
      'owed.carried-forward',
      'owed.before-table',
    ]);
    expect(m.notes_i18n[1]?.params).toEqual({ count: 1, date: { date: '2026-11-22' } });
    expect(m.notes[1]).toBe('1 payment(s) dated after 2026-11-22 are ignored: they had not happened on the day the case is judged.');
    // A is late from 2022-06-02; the Bank of Russia table starts on 2022-10-02: 122 days before it.
    expect(m.notes[3]).toBe("122 late day(s) fall before RedCard's rate table starts: no interest is computed for them.");
    expect(m.interest_rule?.law_i18n).toEqual({ key: 'rule.law-ru', params: {} });
  });

  it('leaves the EUR 40 out of the sum in another currency, and says so', () => {
    const m = moneyOwed(
      { currency: 'RON', jurisdiction: 'RO', client_kind: 'business', invoices: [inv('A', '2024-12-20', 1_000_000)] },
      '2025-01-19',
    );
    expect(m.interest_minor).toBe(12068);
    expect(m.compensation_minor).toBe(0);
    expect(m.per_invoice[0]?.compensation_note).toMatch(/equivalent in RON/);
  });

  it('gives no EU compensation under Russian law', () => {
    const m = moneyOwed(
      { currency: 'RUB', jurisdiction: 'RU', client_kind: 'business', invoices: [inv('A', '2025-07-20', 50_000_000)] },
      '2025-08-10',
    );
    expect(m.interest_minor).toBe(536986);
    expect(m.compensation_minor).toBe(0);
  });

  it('ignores payments dated after today', () => {
    const m = moneyOwed(
      {
        currency: 'EUR',
        jurisdiction: 'LT',
        client_kind: 'business',
        invoices: [inv('A', '2026-11-01', 100000, [['2026-11-30', 100000]])],
      },
      '2026-11-22',
    );
    expect(m.owed_minor).toBe(100000);
    expect(m.notes.join(' ')).toMatch(/after 2026-11-22 are ignored/);
  });
});

describe('refunds and the final invoice', () => {
  it('share done is the plain average of deliverables, done counting as 100%', () => {
    expect(shareDone([])).toBeNull();
    expect(
      shareDone([
        { name: 'a', done: true, percent_done: 40 },
        { name: 'b', done: false, percent_done: 20 },
      ]),
    ).toEqual({ done: 120, total: 200 });
  });

  it('refunds the prepaid share not done; refund + kept = prepaid', () => {
    // 2,880.00 prepaid, share done (100 + 70 + 20) / 300 = 63.33%: refund 2880.00 × 110/300 = 1056.00.
    expect(proRataRefund(288000, { done: 190, total: 300 })).toEqual({ refund_minor: 105600, kept_minor: 182400 });
    // 1.00 prepaid, one third done: refund 0.6667 -> 0.67, kept 0.33.
    expect(proRataRefund(100, { done: 100, total: 300 })).toEqual({ refund_minor: 67, kept_minor: 33 });
  });

  it('bills a long-term monthly fee after the last invoiced month, the last month pro rata', () => {
    // 1,900.00 a month; November invoiced; work ends 22 December: 190000 × 22/31 = 134838.71 -> 134839.
    expect(unbilledMonthlyFee(190000, '2026-11', '2026-12-22')).toBe(134839);
    // Ends 10 February 2027 with November invoiced: December + January in full + 10/28 of February.
    // 100000 × (2 × 28 + 10) / 28 = 235714.29 -> 235714.
    expect(unbilledMonthlyFee(100000, '2026-11', '2027-02-10')).toBe(235714);
    expect(unbilledMonthlyFee(100000, '2026-11', '2026-11-30')).toBe(0);
  });

  it('bills one-off work earned minus invoiced, never below zero; recurring orders by progress', () => {
    const oneOff = settle({
      currency: 'EUR',
      today: '2026-11-22',
      work_ends_on: '2026-11-22',
      invoices: [{ issued: '2026-07-02', amount_minor: 100000 }],
      engagements: [
        {
          name: 'Site',
          kind: 'one_off',
          price_minor: 300000,
          prepaid_minor: 60000,
          deliverables: [
            { name: 'design', done: true, percent_done: 100 },
            { name: 'build', done: false, percent_done: 50 },
          ],
        },
      ],
    });
    // Earned 300000 × 150/200 = 225000; invoiced 100000 -> 125000 left. Refund 60000 × 50/200 = 15000.
    expect([oneOff.final_invoice_minor, oneOff.refund_minor, oneOff.per_engagement[0]?.kept_minor]).toEqual([125000, 15000, 45000]);
    const recurring = settle({
      currency: 'EUR',
      today: '2026-11-22',
      work_ends_on: '2026-12-09',
      invoices: [],
      engagements: [
        {
          name: 'Pages',
          kind: 'recurring_small',
          price_minor: 240000,
          prepaid_minor: 0,
          deliverables: [
            { name: 'v8.2', done: true, percent_done: 100 },
            { name: 'v8.3', done: true, percent_done: 100, open_now: true },
          ],
        },
      ],
    });
    expect(recurring.final_invoice_minor).toBe(240000);
  });
});
