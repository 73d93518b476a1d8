/**
 * How much each record weighs in the score. The numbers live here, in one place, and are
 * explained in README.md beside this file.
 *
 * Recency: an incident's weight halves every HALF_LIFE_DAYS (90) days of age, counted from the
 * case's `today`: 1 today, 0.5 at 90 days, 0.25 at 180, about 0.06 after a year. 90 days is the
 * window DOMAIN.md section 7 rule 5 already treats as "recent", and D6 asks to decide on a pattern
 * rather than on one old conversation. Grave incidents (severity 3: theft, threats, refusal to
 * pay) never weigh less than GRAVE_FLOOR (0.5): they do not fade like a rude e-mail.
 * Invoices weigh by amount times the same half-life, counted from their due date.
 *
 * Severity: an incident subtracts SEVERITY_POINTS from its dimension (10 minor, 30 serious,
 * 60 grave), times its recency weight, times AFTER_WARNING_FACTOR (2) when it happened after a
 * yellow card (D4: it repeated after the warning).
 */

import { assertNever } from '../errors.js';
import type { RedFlagCode, Severity } from '../vocabulary.js';
import type { DimensionKey } from './types.js';

export const HALF_LIFE_DAYS = 90;
export const GRAVE_FLOOR = 0.5;
export const SEVERITY_POINTS: Record<Severity, number> = { 1: 10, 2: 30, 3: 60 };
export const AFTER_WARNING_FACTOR = 2;

/** Section 7 rule 5: "in the last 90 days" = today and the 89 days before it. */
export const RECENT_WINDOW_DAYS = 90;
/** Section 7 rule 2: money overdue "more than 60 days". */
export const LONG_OVERDUE_DAYS = 60;

/** Dimension weights in percent (they add up to 100). Money and respect matter most. */
export const DIMENSION_WEIGHTS: Record<DimensionKey, number> = {
  payment: 25,
  respect: 20,
  legality: 15,
  boundaries: 10,
  cooperation: 10,
  economics: 10,
  wellbeing: 10,
};

/** The overall score is never more than this many points above the weakest dimension. */
export const WEAKEST_LINK_MARGIN = 15;

/** Payment: average days late (money-weighted) -> up to LATE_MAX points, 30 days costing ~25. */
export const LATE_MAX = 40;
export const LATE_SCALE_DAYS = 30;
/** Payment: each overdue invoice costs OVERDUE_BASE + up to OVERDUE_AGE more by 90 days, times its unpaid share. */
export const OVERDUE_BASE = 10;
export const OVERDUE_AGE = 25;
export const OVERDUE_AGE_FULL_DAYS = 90;
export const OVERDUE_MAX = 45;
/** Payment trend: invoices due in the last TREND_DAYS against those due before. */
export const TREND_DAYS = 180;
/** Economics: a rate below the workspace median costs up to RATE_MAX points (all of it at 0). */
export const RATE_MAX = 40;

/** The weight of a record `ageDays` old (0 for today; future records never reach here). */
export function recencyWeight(ageDays: number, severity: Severity = 1): number {
  const weight = 0.5 ** (Math.max(0, ageDays) / HALF_LIFE_DAYS);

  return severity === 3 ? Math.max(GRAVE_FLOOR, weight) : weight;
}

/** The dimension a red flag counts against (DOMAIN.md section 1 codes). */
export function dimensionOf(code: RedFlagCode): DimensionKey {
  switch (code) {
    case 'payment':
      return 'payment';
    case 'abuse':
    case 'negativity':
    case 'reputation_threat':
      return 'respect';
    case 'scope_creep':
    case 'urgency_pressure':
    case 'availability_demands':
    case 'staff_report':
      return 'boundaries';
    case 'disregard_expertise':
    case 'contract_breach':
      return 'cooperation';
    case 'unlawful':
      return 'legality';
    case 'price_pressure':
    case 'unprofitable':
    case 'misfit':
      return 'economics';
    case 'wellbeing':
      return 'wellbeing';
    default:
      return assertNever(code, 'red-flag code');
  }
}
