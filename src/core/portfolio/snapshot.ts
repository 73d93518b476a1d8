/**
 * One client's line on the portfolio dashboard as of a day, computed from its case: the
 * assessment's score, light and recommendation, the score at the end of each of the last 12
 * months (the trend), and the monthly figures the dashboard's charts add up. Pure: `today` is an
 * argument; the app layer caches the result (src/app/dashboard.ts).
 */
import { assess } from '../assessment/assess.js';
import type { AssessOptions, ExitPath, Recommendation, ReferenceRule } from '../assessment/types.js';
import type { CaseRecord } from '../case.js';
import { daysInMonth } from '../dates.js';
import type { RedFlagCode } from '../vocabulary.js';
import { type Light, trafficLight } from './light.js';

/** How many months the trend and the charts cover, the current one included. */
export const TREND_MONTHS = 12;

/** The 12 months ending with `today`'s month, oldest first, and the day each is judged on. */
export interface TrendWindow {
  /** YYYY-MM, oldest first; the last is `today`'s month. */
  months: string[];
  /** The last day of each month, except the current month's, which is `today` (the future is not judged). */
  dates: string[];
}

export function trendWindow(today: string): TrendWindow {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months: string[] = [];
  const dates: string[] = [];
  for (let back = TREND_MONTHS - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const ym = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    months.push(ym);
    dates.push(back === 0 ? today : `${ym}-${String(daysInMonth(y, m)).padStart(2, '0')}`);
  }

  return { months, dates };
}

/** One point of a client's score history; null before the client's start (nothing to judge yet). */
export interface TrendPoint {
  month: string;
  /** The day it was judged on: the month's last day, or `today` for the current month. */
  as_of: string;
  score: number | null;
  light: Light | null;
  recommendation: Recommendation | null;
}

/**
 * The first day the client is known from: its "since" date, the day it was created (`createdOn`)
 * or its earliest dated record, whichever is first; null when none is known. Planned dates (a
 * contract's end, a deliverable's due day) are not records of the relationship having begun.
 */
export function clientStart(record: CaseRecord, createdOn: string | null = null): string | null {
  const dates = [
    record.client.since,
    createdOn,
    record.contract?.signed,
    ...record.invoices.flatMap((i) => [i.issued, ...i.payments.map((p) => p.date)]),
    ...record.time.map((t) => `${t.month}-01`),
    ...record.incidents.map((i) => i.date),
    ...record.messages.map((m) => m.sent_at.slice(0, 10)),
    ...record.cards.map((c) => c.date),
  ];

  return dates.reduce<string | null>((first, d) => (d && (first === null || d < first) ? d : first), null);
}

/** What the dashboard shows and adds up for one client, as of `today`. */
export interface ClientSnapshot {
  today: string;
  score: number;
  light: Light;
  recommendation: Recommendation;
  path: ExitPath | null;
  reference_rule: ReferenceRule;
  /** The 12 monthly points, oldest first; the last is today's assessment. */
  trend: TrendPoint[];
  /** Cards given up to `today`. */
  cards_yellow: number;
  cards_red: number;
  /** Incidents up to `today`, all time. */
  incidents: number;
  serious_incidents: number;
  last_incident_on: string | null;
  /** Invoiced in the 12 months ending with `today`'s month (the assessment's D6 impact). */
  revenue_12m_minor: number;
  /** Owed on `today`, and the part of it past due. */
  outstanding_minor: number;
  overdue_minor: number;
  /** Incidents per trend month by code; codes with none in the window are left out. */
  incidents_by_month: Partial<Record<RedFlagCode, number[]>>;
}

/**
 * Computes a client's snapshot. `known` may hold scores already computed for complete past months
 * (a month's point depends only on the record, not on `today`), so a new day costs one
 * assessment per client instead of twelve; the caller must only pass points computed from the
 * same record. Months that ended before the client's start (see clientStart; `createdOn` is
 * the day the client was entered) have no score: a client that did not exist was not healthy.
 */
export function snapshotClient(
  record: CaseRecord,
  today: string,
  options: Omit<AssessOptions, 'today'> = {},
  known: ReadonlyMap<string, TrendPoint> = new Map(),
  createdOn: string | null = null,
): ClientSnapshot {
  const window = trendWindow(today);
  const current = assess(record, { ...options, today });
  const start = clientStart(record, createdOn);
  const trend = window.months.map((month, i): TrendPoint => {
    const asOf = window.dates[i] as string;
    if (asOf === today) return point(month, asOf, current.score, current.recommendation);
    if (start !== null && asOf < start) return { month, as_of: asOf, score: null, light: null, recommendation: null };
    const reused = known.get(month);
    if (reused && reused.as_of === asOf) return reused;
    const past = assess(record, { ...options, today: asOf });

    return point(month, asOf, past.score, past.recommendation);
  });

  const monthIndex = new Map(window.months.map((m, i) => [m, i]));
  const byMonth: Partial<Record<RedFlagCode, number[]>> = {};
  let incidents = 0;
  let serious = 0;
  let last: string | null = null;
  for (const incident of record.incidents) {
    if (incident.date > today) continue;
    incidents++;
    if (incident.severity >= 2) serious++;
    if (last === null || incident.date > last) last = incident.date;
    const i = monthIndex.get(incident.date.slice(0, 7));
    if (i === undefined) continue;
    const counts = byMonth[incident.code] ?? new Array<number>(TREND_MONTHS).fill(0);
    counts[i] = (counts[i] ?? 0) + 1;
    byMonth[incident.code] = counts;
  }
  const cards = record.cards.filter((c) => c.date <= today);

  return {
    today,
    score: current.score,
    light: trafficLight(current.score, current.recommendation),
    recommendation: current.recommendation,
    path: current.path,
    reference_rule: current.reference_rule,
    trend,
    cards_yellow: cards.filter((c) => c.color === 'yellow').length,
    cards_red: cards.filter((c) => c.color === 'red').length,
    incidents,
    serious_incidents: serious,
    last_incident_on: last,
    revenue_12m_minor: current.impact.client_revenue_minor,
    outstanding_minor: current.impact.outstanding_minor,
    overdue_minor: current.impact.overdue_minor,
    incidents_by_month: byMonth,
  };
}

function point(month: string, asOf: string, score: number, recommendation: Recommendation): TrendPoint {
  return { month, as_of: asOf, score, light: trafficLight(score, recommendation), recommendation };
}
