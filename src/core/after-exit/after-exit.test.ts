import { describe, expect, it } from 'vitest';
import { leadTimes, median, wholeMonths } from '../portfolio/lead-time.js';
import { isReviewDue, owedOn, paidBetween, summariseHistory } from './history.js';
import { type YearClientInput, yearReview } from './year-review.js';

const invoices = [
  // 1000.00 due; 300 paid before the red card, 500 after it, 200 never.
  {
    number: 'A-1',
    issued: '2025-01-10',
    due: '2025-02-10',
    amount_minor: 100_000,
    payments: [
      { date: '2025-02-01', amount_minor: 30_000 },
      { date: '2025-06-20', amount_minor: 50_000 },
    ],
  },
  // 400.00 issued after the red card (ordinary billing, not a recovery), overpaid by 10.00.
  {
    number: 'A-2',
    issued: '2025-07-01',
    due: '2025-07-31',
    amount_minor: 40_000,
    payments: [{ date: '2025-07-15', amount_minor: 41_000 }],
  },
];

describe('history summary (A2)', () => {
  it('adds up what is owed and recovered by hand-worked numbers', () => {
    expect(owedOn(invoices, '2025-06-14')).toBe(70_000);
    expect(owedOn(invoices, '2025-12-31')).toBe(20_000);
    // Only A-1's 500 paid after 2025-06-15 recovers the debt; A-2 was issued after that day.
    expect(paidBetween(invoices, '2025-06-15', '2025-12-31')).toBe(50_000);
    // From 2025-07-02 on, A-2 was owed before: its payment counts, capped at its 400 (the extra 10 is no debt).
    expect(paidBetween(invoices, '2025-07-02', '2025-12-31')).toBe(40_000);
    // From 2025-07-16 nothing more was paid.
    expect(paidBetween(invoices, '2025-07-16', '2025-12-31')).toBe(0);
  });

  it('summarises dates, counts by code and money', () => {
    const s = summariseHistory({
      record: {
        invoices,
        incidents: [
          { date: '2025-03-01', code: 'payment', severity: 2, source: 'manual', note: '' },
          { date: '2025-02-11', code: 'abuse', severity: 1, source: 'manual', note: '' },
          { date: '2025-05-02', code: 'payment', severity: 3, source: 'manual', note: '' },
          { date: '2026-01-02', code: 'abuse', severity: 3, source: 'manual', note: '' },
        ],
        cards: [
          { date: '2025-03-05', color: 'yellow', note: '' },
          { date: '2025-06-15', color: 'red', note: '' },
        ],
      },
      endedOn: '2025-07-01',
      contactsAfterClose: 2,
      today: '2025-12-31',
    });
    expect(s).toEqual({
      first_incident_on: '2025-02-11',
      last_incident_on: '2025-05-02',
      yellow_card_on: '2025-03-05',
      red_card_on: '2025-06-15',
      ended_on: '2025-07-01',
      incidents: 3,
      incidents_by_code: [
        { code: 'payment', count: 2 },
        { code: 'abuse', count: 1 },
      ],
      owed_minor: 20_000,
      recovered_minor: 50_000,
      contacts_after_close: 2,
    });
  });

  it('a review date is due on the day and after, not before', () => {
    expect(isReviewDue('2026-05-01', '2026-04-30')).toBe(false);
    expect(isReviewDue('2026-05-01', '2026-05-01')).toBe(true);
    expect(isReviewDue('2026-05-01', '2027-01-01')).toBe(true);
  });
});

describe('lead times (how early the signs showed)', () => {
  it('counts whole calendar months', () => {
    expect(wholeMonths('2025-01-31', '2025-02-28')).toBe(0);
    expect(wholeMonths('2025-01-15', '2025-04-15')).toBe(3);
    expect(wholeMonths('2024-11-20', '2025-02-19')).toBe(2);
  });

  it('takes the median, the middle two averaged', () => {
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 40, 20, 30])).toBe(25);
  });

  it('measures from the first incident before the end to the end', () => {
    const result = leadTimes([
      { client_id: 'a', name: 'Alpha', incident_dates: ['2025-03-10', '2025-01-01', '2025-09-01'], ended_on: '2025-07-01' },
      { client_id: 'b', name: 'Beta', incident_dates: ['2025-06-01'], ended_on: '2025-08-31' },
      { client_id: 'c', name: 'Gamma', incident_dates: ['2025-10-01'], ended_on: '2025-09-01' },
      { client_id: 'd', name: 'Delta', incident_dates: ['2025-02-01'], ended_on: null },
    ]);
    expect(result.rows.map((r) => [r.name, r.first_incident_on, r.lead_days, r.lead_months])).toEqual([
      // Gamma's only incident came after the end: no sign before it.
      ['Gamma', null, null, null],
      ['Beta', '2025-06-01', 91, 2],
      // 2025-01-01 to 2025-07-01: 31+28+31+30+31+30 days; the incident after the end is ignored.
      ['Alpha', '2025-01-01', 181, 6],
      ['Delta', '2025-02-01', null, null],
    ]);
    expect(result.median_days).toBe(136);
  });
});

describe('yearly review', () => {
  const lights = (entries: Array<[string, 'green' | 'yellow' | 'red']>) => new Map(entries);
  const base: Omit<YearClientInput, 'id' | 'name'> = {
    status: 'active',
    lights: new Map(),
    since: null,
    record: { invoices: [], time: [], cards: [] },
    ended_on: null,
    exit_started_on: null,
  };

  it('counts lights per month and costs each exit by hand-worked numbers', () => {
    const clients: YearClientInput[] = [
      {
        ...base,
        id: 'k',
        name: 'Keeper',
        lights: lights([
          ['2025-01', 'green'],
          ['2025-02', 'green'],
          ['2025-03', 'yellow'],
        ]),
      },
      {
        ...base,
        id: 'x',
        name: 'Exited',
        status: 'ended',
        lights: lights([
          ['2025-01', 'yellow'],
          ['2025-02', 'red'],
          ['2025-03', 'red'],
        ]),
        record: {
          invoices,
          time: [
            { month: '2025-05', hours: 10 },
            { month: '2025-06', hours: 4.5 },
            { month: '2025-07', hours: 2.25 },
          ],
          cards: [],
        },
        exit_started_on: '2025-06-15',
        ended_on: '2025-07-01',
      },
      {
        ...base,
        id: 'n',
        name: 'Newcomer',
        since: '2025-03-04',
        lights: lights([
          ['2025-01', 'red'],
          ['2025-02', 'red'],
          ['2025-03', 'green'],
        ]),
      },
      {
        ...base,
        id: 'p',
        name: 'Pending',
        status: 'exiting',
        exit_started_on: '2025-02-20',
        record: {
          invoices: [{ number: 'P', issued: '2025-01-01', due: '2025-01-31', amount_minor: 5_000, payments: [] }],
          time: [{ month: '2025-03', hours: 1 }],
          cards: [],
        },
      },
      { ...base, id: 'o', name: 'Old exit', status: 'closed', ended_on: '2024-11-30', exit_started_on: '2024-11-01' },
    ];
    const review = yearReview({ year: 2025, as_of: '2025-03-31', currency: 'EUR', clients, screening: null });

    expect(review.health).toEqual([
      { month: '2025-01', green: 1, yellow: 1, red: 0 },
      { month: '2025-02', green: 1, yellow: 0, red: 1 },
      { month: '2025-03', green: 1, yellow: 1, red: 1 },
    ]);
    expect(review.start).toEqual({ green: 1, yellow: 1, red: 0 });
    expect(review.end).toEqual({ green: 1, yellow: 1, red: 1 });
    // As of 31 March the exit of "Exited" (June) has not begun; only "Pending" is under way.
    expect(review.exits.map((e) => e.name)).toEqual(['Pending']);

    const december = yearReview({ year: 2025, as_of: '2025-12-31', currency: 'EUR', clients, screening: null });
    expect(december.health).toHaveLength(12);
    const exited = december.exits.find((e) => e.client_id === 'x');
    expect(exited).toEqual({
      client_id: 'x',
      name: 'Exited',
      status: 'ended',
      exit_started_on: '2025-06-15',
      ended_on: '2025-07-01',
      in_progress: false,
      owed_at_start_minor: 70_000,
      recovered_minor: 50_000,
      outstanding_minor: 20_000,
      hours_after_start: 6.75,
    });
    expect(december.totals).toEqual({
      exits: 2,
      recovered_minor: 50_000,
      written_off_minor: 20_000,
      still_to_collect_minor: 5_000,
      hours_after_start: 7.75,
    });
    expect(december.screening).toBeNull();
  });
});
