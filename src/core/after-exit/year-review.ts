/**
 * The yearly review (issue 8; DOMAIN.md A4, A5): how the portfolio's health moved over a year,
 * which relationships ended and what each exit cost or recovered, and (once screening data
 * exists) what changed in screening. Pure: everything, including the day the year is judged up
 * to, comes in as arguments.
 */
import type { CaseRecord } from '../case.js';
import { addDays } from '../dates.js';
import type { Light } from '../portfolio/light.js';
import type { ClientStatus } from '../vocabulary.js';
import { owedOn, paidBetween } from './history.js';

export interface YearClientInput {
  id: string;
  name: string;
  status: ClientStatus;
  /** The client's light at the end of each month of the year (as far as judged), by YYYY-MM. */
  lights: ReadonlyMap<string, Light>;
  /** When the relationship began; months before it are not counted. */
  since: string | null;
  record: Pick<CaseRecord, 'invoices' | 'time' | 'cards'>;
  /** The last `end` step's day, or null. */
  ended_on: string | null;
  /** The day the exit started (the red card step), or null. */
  exit_started_on: string | null;
}

/**
 * What changed in screening, supplied by the lessons and prospect screening (another part of
 * RedCard): left null until that data exists, and the review says so.
 */
export interface ScreeningChanges {
  lessons_recorded: number;
  prospects_screened: number;
  prospects_declined: number;
  /** Short lines the lessons produced ("ask for a deposit", ...), as recorded. */
  changes: string[];
}

export interface YearReviewInput {
  year: number;
  /** The last day judged: 31 December, or today within the current year. */
  as_of: string;
  currency: string;
  clients: readonly YearClientInput[];
  screening: ScreeningChanges | null;
}

export interface HealthMonth {
  month: string;
  green: number;
  yellow: number;
  red: number;
}

export interface YearExit {
  client_id: string;
  name: string;
  status: ClientStatus;
  exit_started_on: string | null;
  ended_on: string | null;
  /** True while the exit is still under way at `as_of` (no end step yet). */
  in_progress: boolean;
  /** Owed when the exit started. */
  owed_at_start_minor: number;
  /** Of what was owed when the exit started, the part paid by `as_of`. */
  recovered_minor: number;
  /** Still owed at `as_of`: written off for an ended relationship, still to collect for one in progress. */
  outstanding_minor: number;
  /** Hours recorded from the exit's start month to the month of `as_of`. */
  hours_after_start: number;
}

export interface YearReview {
  year: number;
  as_of: string;
  currency: string;
  /** One entry per month of the year up to `as_of`'s month. */
  health: HealthMonth[];
  /** Lights at the first and the last month judged. */
  start: Omit<HealthMonth, 'month'> | null;
  end: Omit<HealthMonth, 'month'> | null;
  exits: YearExit[];
  totals: { exits: number; recovered_minor: number; written_off_minor: number; still_to_collect_minor: number; hours_after_start: number };
  screening: ScreeningChanges | null;
}

function monthsOf(year: number, asOf: string): string[] {
  const last = asOf.slice(0, 4) === String(year) ? Number(asOf.slice(5, 7)) : 12;

  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

function inYear(date: string | null, year: number): boolean {
  return date !== null && date.slice(0, 4) === String(year);
}

export function yearReview(input: YearReviewInput): YearReview {
  const { year, as_of: asOf } = input;
  const months = monthsOf(year, asOf);
  const health = months.map((month): HealthMonth => {
    const counts: HealthMonth = { month, green: 0, yellow: 0, red: 0 };
    for (const c of input.clients) {
      // A client counts from the month it began; an ended relationship no longer counts once over.
      if (c.since !== null && c.since.slice(0, 7) > month) continue;
      if (c.ended_on !== null && c.ended_on.slice(0, 7) < month) continue;
      const light = c.lights.get(month);
      if (light !== undefined) counts[light]++;
    }

    return counts;
  });

  // Only what happened by `as_of` counts: a later end or red card is not part of this review yet.
  const upTo = (date: string | null) => (date !== null && date <= asOf ? date : null);
  const exits = input.clients
    .map((c) => ({ c, endedOn: upTo(c.ended_on), startedOn: upTo(c.exit_started_on) }))
    .filter(({ endedOn, startedOn }) => inYear(endedOn, year) || (endedOn === null && inYear(startedOn, year)))
    .map(({ c, endedOn, startedOn }): YearExit => {
      const start = startedOn ?? endedOn ?? asOf;
      const startMonth = start.slice(0, 7);
      const hours = c.record.time.filter((t) => t.month >= startMonth && t.month <= asOf.slice(0, 7)).reduce((s, t) => s + t.hours, 0);

      return {
        client_id: c.id,
        name: c.name,
        status: c.status,
        exit_started_on: startedOn,
        ended_on: endedOn,
        in_progress: endedOn === null,
        // The day before the start: a payment on the red card's day is already a recovery.
        owed_at_start_minor: owedOn(c.record.invoices, addDays(start, -1)),
        recovered_minor: paidBetween(c.record.invoices, start, asOf),
        outstanding_minor: owedOn(c.record.invoices, asOf),
        hours_after_start: round2(hours),
      };
    })
    .sort((a, b) => ((a.ended_on ?? a.exit_started_on ?? '') < (b.ended_on ?? b.exit_started_on ?? '') ? -1 : 1));

  const sum = (f: (e: YearExit) => number, keep: (e: YearExit) => boolean = () => true) => exits.filter(keep).reduce((s, e) => s + f(e), 0);
  const first = health[0];
  const last = health[health.length - 1];
  const counts = (h: HealthMonth | undefined) => (h === undefined ? null : { green: h.green, yellow: h.yellow, red: h.red });

  return {
    year,
    as_of: asOf,
    currency: input.currency,
    health,
    start: counts(first),
    end: counts(last),
    exits,
    totals: {
      exits: exits.length,
      recovered_minor: sum((e) => e.recovered_minor),
      written_off_minor: sum(
        (e) => e.outstanding_minor,
        (e) => !e.in_progress,
      ),
      still_to_collect_minor: sum(
        (e) => e.outstanding_minor,
        (e) => e.in_progress,
      ),
      hours_after_start: round2(sum((e) => e.hours_after_start)),
    },
    screening: input.screening,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
