/**
 * Use cases: the portfolio dashboard (every client's light, score and trend, and the portfolio
 * charts) and one client's score history (issue 4).
 *
 * Assessing every client at 12 dates per request is too slow for a large workspace (2,000
 * clients would take seconds), so each client's summary for a day is cached in the store
 * (migration 0005) and recomputed only when it is stale:
 *
 * - the client's revision changed (every write that can change its assessment bumps it, in the
 *   same transaction; src/store/repos.ts #touch), or
 * - the workspace's settings or this code's version changed (`basis`), or
 * - it is asked for another day (then only today's point is assessed again: a complete past
 *   month's point depends on the record alone and is reused from the newest summary of the same
 *   revision).
 *
 * On top of that the whole answer is memoised in this process per workspace and day, keyed by the
 * workspace's dashboard revision (also bumped by every such write), so an unchanged workspace
 * costs two primary-key reads per request. The revision is read BEFORE the clients: a write that
 * lands in between is in the answer but not in its key, so the next request recomputes rather
 * than serving something older than a write it should see.
 */
import type { Dashboard, DashboardClientRow, ScoreHistory } from '../contracts/dashboard.js';
import type { Workspace } from '../contracts/records.js';
import type { CaseRecord } from '../core/case.js';
import { dateInZone } from '../core/dates.js';
import { DomainError } from '../core/errors.js';
import { incidentsByMonth, revenueConcentration } from '../core/portfolio/charts.js';
import { type ClientSnapshot, snapshotClient, type TrendPoint, trendWindow } from '../core/portfolio/snapshot.js';
import { requireDay } from './assess-client.js';
import { requireClient, requireWorkspace } from './context.js';
import type { AssessmentInputs, DashboardClient, Deps, ScoreSnapshotRow, Store } from './ports.js';

/**
 * Part of every cached summary's basis: bump it whenever the assessment or the snapshot's shape
 * changes, so summaries computed by older code are recomputed instead of trusted.
 */
export const SNAPSHOT_VERSION = 2;

/** Summaries for other days than the one asked are dropped after this long without use. */
const KEEP_OTHER_DAYS_MS = 30 * 86_400_000;

/** Clients assessed between two pauses that let the server answer other requests. */
const YIELD_EVERY = 25;

/** Memoised answers per store: at most this many (workspace, day) pairs. */
const MEMO_LIMIT = 8;

export interface DashboardOptions {
  /** Judge on this day (YYYY-MM-DD) instead of the workspace's today. */
  today?: string;
}

type DashboardDeps = Pick<Deps, 'store' | 'clock'>;

interface Memo {
  revision: number;
  basis: string;
  dashboard: Dashboard;
  /** The summaries behind it, by client, so the next state re-reads only the clients that changed. */
  snapshots: Map<string, { revision: number; snapshot: ClientSnapshot }>;
}

const memos = new WeakMap<Store, Map<string, Memo>>();
const inFlight = new WeakMap<Store, Map<string, Promise<Dashboard>>>();

function perStore<V>(map: WeakMap<Store, Map<string, V>>, store: Store): Map<string, V> {
  let entries = map.get(store);
  if (!entries) {
    entries = new Map();
    map.set(store, entries);
  }

  return entries;
}

/** What else than the client's own record a summary depends on. */
function basisOf(workspace: Workspace): string {
  return JSON.stringify([
    SNAPSHOT_VERSION,
    workspace.timezone,
    workspace.provider_name,
    workspace.provider_kind,
    workspace.language,
    workspace.currency,
    workspace.jurisdiction,
    workspace.revenue_last_12m_minor,
  ]);
}

/** The case the assessment reads, exactly as exportCase writes it for a stored client. */
export function caseOf(workspace: Workspace, inputs: AssessmentInputs, today: string): CaseRecord {
  return {
    ...inputs.record,
    today,
    timezone: workspace.timezone,
    provider: {
      ...(workspace.provider_name ? { name: workspace.provider_name } : {}),
      kind: workspace.provider_kind,
      language: workspace.language,
      currency: workspace.currency,
      jurisdiction: workspace.jurisdiction,
      revenue_last_12m_minor: workspace.revenue_last_12m_minor,
    },
    messages: [],
  };
}

function parseSnapshot(row: ScoreSnapshotRow | null): ClientSnapshot | undefined {
  if (!row) return undefined;
  try {
    return JSON.parse(row.payload) as ClientSnapshot;
  } catch {
    // A damaged cache row is recomputed, never trusted.
    return undefined;
  }
}

function isFresh(client: DashboardClient, basis: string): boolean {
  return client.cached !== null && client.cached.revision === client.revision && client.cached.basis === basis;
}

/**
 * Assesses the given clients as of `today` and stores their summaries. Returns them by client id.
 * Storing is an optimisation: if it fails (a client deleted meanwhile on PostgreSQL, say), the
 * read still answers with what it computed and the next one tries again.
 */
async function refreshSnapshots(
  deps: DashboardDeps,
  workspace: Workspace,
  today: string,
  basis: string,
  clientIds: readonly string[],
): Promise<Map<string, ClientSnapshot>> {
  const { store } = deps;
  const inputs = await store.loadAssessmentInputs(workspace.id, clientIds);
  const others = await store.listOtherSnapshots(workspace.id, clientIds, today);
  const revisions = new Map(inputs.map((i) => [i.client_id, i.revision]));
  const reusable = new Map<string, Map<string, TrendPoint>>();
  for (const row of others) {
    const revision = revisions.get(row.client_id);
    // Newest day first: the first summary of the same revision and basis wins.
    if (reusable.has(row.client_id) || row.revision !== revision || row.basis !== basis) continue;
    const snapshot = parseSnapshot(row);
    if (snapshot) reusable.set(row.client_id, new Map(snapshot.trend.map((p) => [p.month, p])));
  }

  const computed = new Map<string, ClientSnapshot>();
  const rows: ScoreSnapshotRow[] = [];
  for (const [n, input] of inputs.entries()) {
    // A cold cache takes seconds of pure computation: let other requests in now and then.
    if (n > 0 && n % YIELD_EVERY === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const snapshot = snapshotClient(
      caseOf(workspace, input, today),
      today,
      { workspace_median_rate_minor: null },
      reusable.get(input.client_id),
      dateInZone(new Date(input.created_at), workspace.timezone),
    );
    computed.set(input.client_id, snapshot);
    rows.push({ client_id: input.client_id, as_of: today, revision: input.revision, basis, payload: JSON.stringify(snapshot) });
  }
  try {
    const now = deps.clock.now();
    await store.putScoreSnapshots(workspace.id, rows, now.toISOString());
    await store.pruneScoreSnapshots(workspace.id, today, new Date(now.getTime() - KEEP_OTHER_DAYS_MS).toISOString());
  } catch {
    // See above: the answer stands without its cache.
  }

  return computed;
}

function rowOf(client: DashboardClient, s: ClientSnapshot): DashboardClientRow {
  return {
    id: client.id,
    name: client.name,
    manager: client.manager,
    language: client.language,
    status: client.status,
    light: s.light,
    score: s.score,
    recommendation: s.recommendation,
    path: s.path,
    trend: s.trend.map((p) => p.score),
    cards_yellow: s.cards_yellow,
    cards_red: s.cards_red,
    exit_in_progress: client.status === 'exiting',
    incidents: s.incidents,
    serious_incidents: s.serious_incidents,
    last_incident_on: s.last_incident_on,
    revenue_12m_minor: s.revenue_12m_minor,
    outstanding_minor: s.outstanding_minor,
    overdue_minor: s.overdue_minor,
  };
}

async function buildDashboard(
  deps: DashboardDeps,
  workspace: Workspace,
  today: string,
  basis: string,
  previous: Memo | undefined,
): Promise<{ dashboard: Dashboard; snapshots: Memo['snapshots'] }> {
  // What the last answer for this day already holds is not read and parsed again.
  const known = previous?.basis === basis ? previous.snapshots : new Map<string, { revision: number; snapshot: ClientSnapshot }>();
  const clients = await deps.store.listDashboardClients(workspace.id, today, undefined, { withPayloads: known.size === 0 });
  const snapshots = new Map<string, ClientSnapshot>();
  const unread: string[] = [];
  for (const client of clients) {
    const held = known.get(client.id);
    if (held && held.revision === client.revision) snapshots.set(client.id, held.snapshot);
    else if (known.size > 0 && isFresh(client, basis)) unread.push(client.id);
  }
  const byId = new Map(clients.map((c) => [c.id, c]));
  if (unread.length > 0) {
    for (const client of await deps.store.listDashboardClients(workspace.id, today, unread)) byId.set(client.id, client);
  }
  const stale: string[] = [];
  for (const client of byId.values()) {
    if (snapshots.has(client.id)) continue;
    const snapshot = isFresh(client, basis) ? parseSnapshot(client.cached) : undefined;
    if (snapshot) snapshots.set(client.id, snapshot);
    else stale.push(client.id);
  }
  if (stale.length > 0) {
    for (const [id, snapshot] of await refreshSnapshots(deps, workspace, today, basis, stale)) snapshots.set(id, snapshot);
  }

  const rows: DashboardClientRow[] = [];
  const perClientIncidents: ClientSnapshot['incidents_by_month'][] = [];
  for (const client of clients) {
    const snapshot = snapshots.get(client.id);
    // Deleted between the list and the load: it is simply not on this answer.
    if (!snapshot) continue;
    rows.push(rowOf(client, snapshot));
    perClientIncidents.push(snapshot.incidents_by_month);
  }
  const { months } = trendWindow(today);
  const lights = { green: 0, yellow: 0, red: 0 };
  for (const row of rows) lights[row.light]++;

  const held = new Map<string, { revision: number; snapshot: ClientSnapshot }>();
  for (const client of clients) {
    const snapshot = snapshots.get(client.id);
    if (snapshot) held.set(client.id, { revision: client.revision, snapshot });
  }
  const dashboard: Dashboard = {
    today,
    months,
    lights,
    clients: rows,
    concentration: {
      currency: workspace.currency,
      ...revenueConcentration(rows.map((r) => ({ client_id: r.id, name: r.name, light: r.light, revenue_12m_minor: r.revenue_12m_minor }))),
    },
    incidentsByMonth: incidentsByMonth(months, perClientIncidents),
  };

  return { dashboard, snapshots: held };
}

/**
 * The portfolio dashboard of a workspace as of `today` (default: the workspace's today by the
 * clock, in its time zone). Consistent with every committed write: each one changes the revision
 * the cached parts are checked against.
 */
export async function getDashboard(deps: DashboardDeps, workspaceId: string, options: DashboardOptions = {}): Promise<Dashboard> {
  requireDay(options.today);
  const workspace = await requireWorkspace(deps.store, workspaceId);
  const today = options.today ?? dateInZone(deps.clock.now(), workspace.timezone);
  const basis = basisOf(workspace);
  const revision = await deps.store.getDashboardRevision(workspaceId);
  const key = `${workspaceId}|${today}`;
  const memo = perStore(memos, deps.store);
  const hit = memo.get(key);
  if (hit && hit.revision === revision && hit.basis === basis) return hit.dashboard;

  // Concurrent requests for the same state share one computation (a cold cache costs seconds).
  const flights = perStore(inFlight, deps.store);
  const flightKey = `${key}|${revision}|${basis}`;
  const running = flights.get(flightKey);
  if (running) return running;
  const flight = buildDashboard(deps, workspace, today, basis, hit)
    .then(({ dashboard, snapshots }) => {
      memo.delete(key);
      memo.set(key, { revision, basis, dashboard, snapshots });
      // Oldest first in a Map's order: drop the oldest beyond the limit.
      for (const old of memo.keys()) {
        if (memo.size <= MEMO_LIMIT) break;
        memo.delete(old);
      }

      return dashboard;
    })
    .finally(() => flights.delete(flightKey));
  flights.set(flightKey, flight);

  return flight;
}

/** A client's score at the end of each of the last 12 months (the current month: on `today`). */
export async function getScoreHistory(
  deps: DashboardDeps,
  workspaceId: string,
  clientId: string,
  options: DashboardOptions = {},
): Promise<ScoreHistory> {
  requireDay(options.today);
  const workspace = await requireWorkspace(deps.store, workspaceId);
  await requireClient(deps.store, workspaceId, clientId);
  const today = options.today ?? dateInZone(deps.clock.now(), workspace.timezone);
  const basis = basisOf(workspace);
  const [client] = await deps.store.listDashboardClients(workspaceId, today, [clientId]);
  const notFound = () => new DomainError('CLIENT_NOT_FOUND', `No client with id ${clientId} in this workspace.`);
  if (!client) throw notFound();
  const snapshot =
    (isFresh(client, basis) ? parseSnapshot(client.cached) : undefined) ??
    (await refreshSnapshots(deps, workspace, today, basis, [clientId])).get(clientId);
  if (!snapshot) throw notFound();

  return { client_id: clientId, today, points: snapshot.trend };
}
