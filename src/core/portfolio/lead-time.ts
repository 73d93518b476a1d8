/**
 * How early the signs showed (issue 8; DOMAIN.md A4, D6): for each ended relationship, the time
 * from its first recorded red flag to the day it ended. A long lead time says the pattern was
 * visible long before the exit, which is what better screening and earlier warnings act on. Pure.
 */
import { daysBetween } from '../dates.js';

export interface LeadTimeInput {
  client_id: string;
  name: string;
  /** Every incident's date of the client. */
  incident_dates: readonly string[];
  /** The day the relationship ended (the `end` step), or null when none is recorded. */
  ended_on: string | null;
}

export interface LeadTimeRow {
  client_id: string;
  name: string;
  /** The first incident on or before the end; null when none came before it. */
  first_incident_on: string | null;
  ended_on: string | null;
  /** Days from the first incident to the end; null when either is missing. */
  lead_days: number | null;
  /** Whole calendar months in the same span (a month counts once its day number is reached). */
  lead_months: number | null;
}

export interface LeadTimes {
  rows: LeadTimeRow[];
  /** The median of the known lead times in days (the mean of the middle two for an even count), or null. */
  median_days: number | null;
}

/** Whole calendar months from `a` to `b` (b not before a). */
export function wholeMonths(a: string, b: string): number {
  const months = (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + (Number(b.slice(5, 7)) - Number(a.slice(5, 7)));

  return Number(b.slice(8, 10)) < Number(a.slice(8, 10)) ? months - 1 : months;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 1 ? (sorted[mid] as number) : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

/** Rows ordered by the end day, most recent first; clients with no end day last, by name. */
export function leadTimes(inputs: readonly LeadTimeInput[]): LeadTimes {
  const rows = inputs.map((c): LeadTimeRow => {
    const end = c.ended_on;
    const before = end === null ? [...c.incident_dates] : c.incident_dates.filter((d) => d <= end);
    const first = before.reduce<string | null>((m, d) => (m === null || d < m ? d : m), null);
    const known = first !== null && end !== null;

    return {
      client_id: c.client_id,
      name: c.name,
      first_incident_on: first,
      ended_on: end,
      lead_days: known ? daysBetween(first, end) : null,
      lead_months: known ? wholeMonths(first, end) : null,
    };
  });
  rows.sort((a, b) => {
    if (a.ended_on !== b.ended_on) {
      if (a.ended_on === null) return 1;
      if (b.ended_on === null) return -1;

      return a.ended_on < b.ended_on ? 1 : -1;
    }

    return a.name.localeCompare(b.name);
  });

  return { rows, median_days: median(rows.flatMap((r) => (r.lead_days === null ? [] : [r.lead_days]))) };
}
