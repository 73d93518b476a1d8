/**
 * The portfolio dashboard as the API sends it (issue 4): every client with its traffic light,
 * score and 12-month trend, and the two portfolio charts; and one client's score history. The
 * shapes follow src/core/portfolio; dashboard.test.ts keeps them in step at the type level.
 */
import { z } from 'zod';
import { EXIT_PATHS, RECOMMENDATIONS } from '../core/assessment/types.js';
import { LIGHTS } from '../core/portfolio/light.js';
import { CLIENT_STATUSES, LANGUAGES, RED_FLAG_CODES } from '../core/vocabulary.js';
import { isoDate } from './common.js';

const date = z.string().meta({ format: 'date', example: '2026-11-22' });
const month = z.string().meta({ example: '2026-11' });
const minor = z.number().int().describe('money in integer minor units (cents)');
const score = z.number().int().min(0).max(100).describe('0 to 100; 100 is a healthy relationship');
const count = z.number().int().min(0);
const share = z.number().min(0).max(1).describe('a share from 0 to 1, 3 decimals');
const light = z
  .enum(LIGHTS)
  .describe(
    'red: red card recommended or score below 40; yellow: watch, yellow card or reassign recommended, or score below 70; green: otherwise',
  );

export const DashboardQuery = z.object({
  today: isoDate.optional().describe("the day to judge on, YYYY-MM-DD (default: the workspace's today)"),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const DashboardClientRow = z
  .object({
    id: z.string(),
    name: z.string(),
    manager: z.string().nullable(),
    language: z.enum(LANGUAGES),
    status: z.enum(CLIENT_STATUSES),
    light,
    score,
    recommendation: z.enum(RECOMMENDATIONS),
    path: z.enum(EXIT_PATHS).nullable().describe('the exit path when the recommendation is a red card'),
    trend: z
      .array(score.nullable())
      .length(12)
      .describe('the score at the end of each of the last 12 months (`months`), the last one today; null before the client existed'),
    cards_yellow: count,
    cards_red: count,
    exit_in_progress: z.boolean().describe('a red card was given and the exit is under way (status `exiting`)'),
    incidents: count,
    serious_incidents: count,
    last_incident_on: date.nullable(),
    revenue_12m_minor: minor.describe('invoiced over the 12 months ending with the month of `today`'),
    outstanding_minor: minor,
    overdue_minor: minor,
  })
  .meta({ id: 'DashboardClientRow' });
export type DashboardClientRow = z.infer<typeof DashboardClientRow>;

const Slice = z.object({ client_id: z.string(), name: z.string(), light, revenue_minor: minor, share });

export const Concentration = z
  .object({
    currency: z.string(),
    total_minor: minor,
    at_risk_minor: minor.describe('revenue from clients whose light is yellow or red'),
    at_risk_share: share,
    top: z.array(Slice).describe('the largest clients by revenue, largest first'),
    others: z.object({ clients: count, revenue_minor: minor, at_risk_minor: minor, share }),
  })
  .describe('Revenue by client over the last 12 months, with the share at risk');

export const IncidentsByMonth = z
  .object({
    months: z.array(month),
    series: z.array(z.object({ code: z.enum(RED_FLAG_CODES), counts: z.array(count) })),
    totals: z.array(count),
  })
  .describe('Incidents per month by red-flag code over the last 12 months (up to `today`)');

export const Dashboard = z
  .object({
    today: date,
    /** The trend's months, oldest first. */
    months: z.array(month).length(12).describe('the months of each `trend`, oldest first'),
    lights: z.object({ green: count, yellow: count, red: count }),
    clients: z.array(DashboardClientRow).describe('every client, by name'),
    concentration: Concentration,
    incidentsByMonth: IncidentsByMonth,
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof Dashboard>;

/** Score, light and recommendation are null for a month that ended before the client existed. */
export const ScorePoint = z.object({
  month,
  as_of: date.describe("the day judged on: the month's last day, or today for the current month"),
  score: score.nullable(),
  light: light.nullable(),
  recommendation: z.enum(RECOMMENDATIONS).nullable(),
});

export const ScoreHistory = z
  .object({ client_id: z.string(), today: date, points: z.array(ScorePoint).length(12) })
  .meta({ id: 'ScoreHistory', description: "A client's score at the end of each of the last 12 months, oldest first" });
export type ScoreHistory = z.infer<typeof ScoreHistory>;
