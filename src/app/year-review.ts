/**
 * The yearly review of a workspace (issue 8; DOMAIN.md A4, A5): clients by health month by month,
 * the exits of the year with what they recovered, wrote off and cost in time, and what changed in
 * screening. The numbers come from the pure `yearReview` (src/core/after-exit/year-review.ts).
 */
import type { YearReview } from '../contracts/after-exit.js';
import { type ScreeningChanges, type YearClientInput, yearReview } from '../core/after-exit/year-review.js';
import { dateInZone } from '../core/dates.js';
import { DomainError } from '../core/errors.js';
import { AFTER_CLOSE_STATUSES, endDateOf } from '../core/escalation/relapse.js';
import { snapshotClient } from '../core/portfolio/snapshot.js';
import { statusChangesOf } from './after-exit.js';
import { requireWorkspace } from './context.js';
import { caseOf } from './dashboard.js';
import type { Deps } from './ports.js';
import { screeningChangesIn } from './year-review-screening.js';

/** The first year a review can be asked for; anything earlier is a typo. */
const FIRST_YEAR = 2000;

export interface YearReviewOptions {
  /**
   * What changed in screening that year; by default read from the workspace's lessons and
   * prospects (year-review-screening.ts). A null answer makes the review say there is no data yet.
   */
  screening?: (workspaceId: string, year: number) => Promise<ScreeningChanges | null>;
}

export async function getYearReview(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  yearText: string,
  options: YearReviewOptions = {},
): Promise<YearReview> {
  const workspace = await requireWorkspace(deps.store, workspaceId);
  const today = dateInZone(deps.clock.now(), workspace.timezone);
  const thisYear = Number(today.slice(0, 4));
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  if (!(year >= FIRST_YEAR && year <= thisYear)) {
    throw new DomainError('VALIDATION_FAILED', `Invalid year "${yearText}": write a year from ${FIRST_YEAR} to ${thisYear}.`, {
      issues: [{ path: 'year', message: `must be a year from ${FIRST_YEAR} to ${thisYear}` }],
    });
  }
  // A past year is judged on its last day; the current one up to today.
  const asOf = year < thisYear ? `${year}-12-31` : today;

  const clients = await deps.store.listDashboardClients(workspaceId, asOf, undefined, { withPayloads: false });
  const byId = new Map(clients.map((c) => [c.id, c]));
  const inputs = await deps.store.loadAssessmentInputs(
    workspaceId,
    clients.map((c) => c.id),
  );
  const prefix = `${year}-`;
  const rows: YearClientInput[] = [];
  for (const input of inputs) {
    const client = byId.get(input.client_id);
    if (!client) continue;
    const record = caseOf(workspace, input, asOf);
    const createdOn = dateInZone(new Date(input.created_at), workspace.timezone);
    const snapshot = snapshotClient(record, asOf, { workspace_median_rate_minor: null }, undefined, createdOn);
    // Months before the client's start have no light.
    const lights = new Map(snapshot.trend.flatMap((p) => (p.month.startsWith(prefix) && p.light ? [[p.month, p.light] as const] : [])));
    let endedOn: string | null = null;
    let startedOn: string | null = null;
    // Only a client that reached a red card has an exit to read from its log.
    if (client.status === 'exiting' || AFTER_CLOSE_STATUSES.includes(client.status) || record.cards.some((c) => c.color === 'red')) {
      const changes = statusChangesOf(await deps.store.listClientEvents(workspaceId, client.id, 'asc'));
      endedOn = AFTER_CLOSE_STATUSES.includes(client.status) ? endDateOf(changes) : null;
      const limit = endedOn ?? asOf;
      for (const c of changes) if (c.to === 'exiting' && c.date <= limit) startedOn = c.date;
      // A red card recorded without the step (a case file) still dates the exit.
      startedOn ??= record.cards
        .filter((c) => c.color === 'red' && c.date <= limit)
        .reduce<string | null>((m, c) => (m === null || c.date > m ? c.date : m), null);
    }
    rows.push({
      id: client.id,
      name: client.name,
      status: client.status,
      lights,
      since: record.client.since ?? null,
      record,
      ended_on: endedOn,
      exit_started_on: startedOn,
    });
  }
  const screening = await (options.screening ?? ((ws, y) => screeningChangesIn(deps, ws, y)))(workspaceId, year);

  return yearReview({ year, as_of: asOf, currency: workspace.currency, clients: rows, screening });
}
