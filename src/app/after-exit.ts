/**
 * After the exit (issue 8; DOMAIN.md A1, A2, A4): the relapse guard on every arrival path, the
 * client's after-exit view (contact after close, the suggested closed reply, the review date and
 * the history), the review date itself, and the dashboard's "how early the signs showed".
 *
 * Contact after close is stored as a mark beside the item (migration 0008), written in the same
 * transaction as the item, so a message or incident never exists unmarked when it should be.
 */
import {
  type AfterCloseContact,
  AfterCloseQuery,
  type AfterExitOverview,
  type AfterExitView,
  type ClientReview,
  ReviewDateInput,
} from '../contracts/after-exit.js';
import type { ClientEvent } from '../contracts/events.js';
import { parseOrThrow } from '../contracts/issues.js';
import type { ClientDetail } from '../contracts/records.js';
import { isReviewDue, summariseHistory } from '../core/after-exit/history.js';
import { dateInZone } from '../core/dates.js';
import { DomainError, isDomainError } from '../core/errors.js';
import { AFTER_CLOSE_STATUSES, type DatedStatusChange, endDateOf, isContactAfterClose } from '../core/escalation/relapse.js';
import { planExit } from '../core/exit/index.js';
import { draftLetter } from '../core/letters/drafts.js';
import { leadTimes } from '../core/portfolio/lead-time.js';
import type { MarkedItemKind, NewAfterCloseMark, StoredReview } from './after-exit-port.js';
import { assessStoredClient, requireDay } from './assess-client.js';
import { requireClient, requireWorkspace } from './context.js';
import { SOLO_ACTOR } from './escalation/step.js';
import type { Deps, Repos } from './ports.js';

/** The contacts the client page lists; the total is counted. */
const CONTACTS_SHOWN = 20;
/** The API's list of contacts after close, newest first. */
const CONTACTS_LIST_LIMIT = 500;

/** One item arriving for a client: a message (its instant) or an incident (its day). */
export interface ArrivingItem {
  kind: MarkedItemKind;
  id: string;
  /** An ISO instant (a message's sent_at) or a calendar day (an incident's date). */
  at: string;
}

/** The status changes of a client's log, with their days. */
export function statusChangesOf(log: readonly ClientEvent[]): DatedStatusChange[] {
  return log.flatMap((e) =>
    e.type === 'status_changed' ? [{ event: e.payload.event, from: e.payload.from, to: e.payload.to, date: e.date }] : [],
  );
}

/**
 * The relapse guard (A1), called on every arrival path inside the transaction that stores the
 * items: marks those that are contact after close and returns their ids. Costs one client read
 * for a client whose relationship is not over.
 */
export async function markContactAfterClose(
  tx: Repos,
  deps: Pick<Deps, 'ids' | 'clock'>,
  workspaceId: string,
  clientId: string,
  items: readonly ArrivingItem[],
): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const client = await tx.getClient(workspaceId, clientId);
  if (!client || !AFTER_CLOSE_STATUSES.includes(client.status)) return new Set();
  const workspace = await requireWorkspace(tx, workspaceId);
  const endedOn = endDateOf(statusChangesOf(await tx.listClientEvents(workspaceId, clientId, 'asc')));
  const now = deps.clock.now().toISOString();
  const marks: NewAfterCloseMark[] = [];
  for (const item of items) {
    // A message's day is the day it was sent where the user works, like every other date here.
    const itemDate = item.at.length > 10 ? dateInZone(new Date(item.at), workspace.timezone) : item.at;
    if (!isContactAfterClose({ status: client.status, endedOn, itemDate })) continue;
    marks.push({
      id: deps.ids.newId(),
      clientId,
      kind: item.kind,
      itemId: item.id,
      itemDate,
      status: client.status,
      endedOn,
      markedAt: now,
    });
  }
  await tx.afterExit.insertMarks(workspaceId, marks);

  return new Set(marks.map((m) => m.itemId));
}

/**
 * Judges an item again after its date was changed, in the transaction that changed it: its old
 * mark goes, and it is marked again only if its new day is after the end (a re-dated item is
 * judged like one arriving now). Returns whether it is marked.
 */
export async function remarkContactAfterClose(
  tx: Repos,
  deps: Pick<Deps, 'ids' | 'clock'>,
  workspaceId: string,
  clientId: string,
  item: ArrivingItem,
): Promise<boolean> {
  const old = await tx.afterExit.getMarkOf(workspaceId, item.kind, item.id);
  if (old) await tx.afterExit.deleteMark(workspaceId, old.id);

  return (await markContactAfterClose(tx, deps, workspaceId, clientId, [item])).has(item.id);
}

/** The client's messages and incidents with their `after_close` flag (the timeline shows it). */
export async function withAfterCloseFlags(tx: Repos, workspaceId: string, detail: ClientDetail): Promise<ClientDetail> {
  const messages = await tx.afterExit.markedIds(
    workspaceId,
    'message',
    detail.messages.map((m) => m.id),
  );
  const incidents = await tx.afterExit.markedIds(
    workspaceId,
    'incident',
    detail.incidents.map((i) => i.id),
  );

  return {
    ...detail,
    messages: detail.messages.map((m) => ({ ...m, after_close: messages.has(m.id) })),
    incidents: detail.incidents.map((i) => ({ ...i, after_close: incidents.has(i.id) })),
  };
}

function presentContact(row: Awaited<ReturnType<Repos['afterExit']['listMarks']>>[number]): AfterCloseContact {
  return {
    id: row.id,
    client_id: row.client_id,
    kind: row.kind,
    item_id: row.item_id,
    item_date: row.item_date,
    ended_on: row.ended_on,
    marked_at: row.marked_at,
  };
}

function presentReview(review: StoredReview, today: string): ClientReview {
  return {
    client_id: review.client_id,
    review_on: review.review_on,
    note: review.note,
    set_on: review.set_on,
    set_by: review.set_by,
    due: isReviewDue(review.review_on, today),
  };
}

/** Contact after close of the workspace, or of one client, newest first. */
export async function listAfterCloseContacts(deps: Pick<Deps, 'store'>, workspaceId: string, query: unknown): Promise<AfterCloseContact[]> {
  const q = parseOrThrow(AfterCloseQuery, query, 'VALIDATION_FAILED', 'query');
  await requireWorkspace(deps.store, workspaceId);
  if (q.client !== undefined) await requireClient(deps.store, workspaceId, q.client);
  const rows = await deps.store.afterExit.listMarks(workspaceId, {
    limit: CONTACTS_LIST_LIMIT,
    ...(q.client === undefined ? {} : { clientId: q.client }),
  });

  return rows.map(presentContact);
}

/**
 * What the client page shows after the exit: the contacts after close, the suggested closed reply
 * (the letters' re-engagement reply, in the client's language), the review date and the history.
 */
export async function getAfterExit(deps: Pick<Deps, 'store' | 'clock'>, workspaceId: string, clientId: string): Promise<AfterExitView> {
  const workspace = await requireWorkspace(deps.store, workspaceId);
  const client = await requireClient(deps.store, workspaceId, clientId);
  const today = dateInZone(deps.clock.now(), workspace.timezone);
  const over = AFTER_CLOSE_STATUSES.includes(client.status);
  const log = await deps.store.listClientEvents(workspaceId, clientId, 'asc');
  const endedOn = endDateOf(statusChangesOf(log));
  const contacts = await deps.store.afterExit.listMarks(workspaceId, { clientId, limit: CONTACTS_SHOWN });
  const total = (await deps.store.afterExit.countMarks(workspaceId, [clientId])).get(clientId) ?? 0;
  const review = await deps.store.afterExit.getReview(workspaceId, clientId);
  const base: AfterExitView = {
    client_id: clientId,
    status: client.status,
    over,
    ended_on: endedOn,
    currency: workspace.currency,
    contacts: contacts.map(presentContact),
    contacts_total: total,
    review: review ? presentReview(review, today) : null,
    history: null,
    reply: null,
    reply_problem: null,
  };
  if (!over) return base;

  const { assessment, file } = await assessStoredClient(deps, workspaceId, clientId, { today });
  const history = summariseHistory({ record: file, endedOn, contactsAfterClose: total, today });
  try {
    const plan = planExit(file, { today, path: assessment.path ?? 'finish_then_exit' });
    // The reply says when it ended: the recorded end, not a date the planner would pick today.
    const end = endedOn ?? today;
    const draft = draftLetter({
      record: file,
      assessment,
      plan: { ...plan, tell_client_on: plan.tell_client_on ?? end, work_ends_on: end },
      today,
      lang: file.client.language,
      kind: 're_engagement_reply',
      // Without a provider name in the settings the workspace's name signs; the user edits the draft anyway.
      sender: workspace.provider_name ?? workspace.name,
    });

    return { ...base, history, reply: { lang: draft.lang, subject: draft.subject, body: draft.body } };
  } catch (error) {
    // No reply is always an answer (A1); a record that cannot back a letter only loses the draft.
    if (!isDomainError(error)) throw error;

    return { ...base, history, reply_problem: error.userMessage };
  }
}

function notOver(status: string): DomainError {
  return new DomainError(
    'INVALID_TRANSITION',
    `A review date is for a relationship that is over (ended or closed); this client is ${status}.`,
    { details: { from_status: status } },
  );
}

/**
 * A2: the day to reconsider an ended relationship, with a note. It must lie in the future; it
 * reopens nothing (the client stays closed until the user reopens it with a written reason).
 */
export async function setReviewDate(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  clientId: string,
  input: unknown,
  actor: string = SOLO_ACTOR,
): Promise<ClientReview> {
  const data = parseOrThrow(ReviewDateInput, input, 'VALIDATION_FAILED', 'review date');

  return deps.store.transaction(async (tx) => {
    const workspace = await requireWorkspace(tx, workspaceId);
    const client = await requireClient(tx, workspaceId, clientId);
    const today = dateInZone(deps.clock.now(), workspace.timezone);
    if (data.review_on <= today) {
      throw new DomainError('VALIDATION_FAILED', `Invalid review date: must be after today (${today}).`, {
        issues: [{ path: 'review_on', message: `must be after today (${today})` }],
      });
    }
    if (!AFTER_CLOSE_STATUSES.includes(client.status)) throw notOver(client.status);
    const stored = await tx.afterExit.putReview(workspaceId, {
      client_id: clientId,
      review_on: data.review_on,
      note: data.note,
      set_on: today,
      set_by: actor,
      updated_at: deps.clock.now().toISOString(),
    });

    return presentReview(stored, today);
  });
}

export async function clearReviewDate(deps: Pick<Deps, 'store'>, workspaceId: string, clientId: string): Promise<void> {
  await deps.store.transaction(async (tx) => {
    await requireClient(tx, workspaceId, clientId);
    if (!(await tx.afterExit.deleteReview(workspaceId, clientId))) {
      throw new DomainError('NOT_FOUND', 'This client has no review date.');
    }
  });
}

/**
 * The dashboard's after-exit section: for each ended or closed client, how early the signs
 * showed (first incident to the end), with the median; and the review dates reached.
 */
export async function getAfterExitOverview(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  options: { today?: string } = {},
): Promise<AfterExitOverview> {
  requireDay(options.today);
  const workspace = await requireWorkspace(deps.store, workspaceId);
  const today = options.today ?? dateInZone(deps.clock.now(), workspace.timezone);
  const clients = await deps.store.listDashboardClients(workspaceId, today, undefined, { withPayloads: false });
  const over = clients.filter((c) => AFTER_CLOSE_STATUSES.includes(c.status));
  const inputs = [];
  for (const c of over) {
    const incidents = await deps.store.listIncidents(workspaceId, c.id);
    const log = await deps.store.listClientEvents(workspaceId, c.id, 'asc');
    inputs.push({ client_id: c.id, name: c.name, incident_dates: incidents.map((i) => i.date), ended_on: endDateOf(statusChangesOf(log)) });
  }
  const lead = leadTimes(inputs);
  const statusOf = new Map(over.map((c) => [c.id, c.status]));
  // A client reopened since keeps its row, but a review is about a relationship that is still over.
  const names = new Map(over.map((c) => [c.id, c.name]));
  const reviews = await deps.store.afterExit.listReviews(workspaceId);

  return {
    today,
    lead_times: lead.rows.map((r) => ({ ...r, status: statusOf.get(r.client_id) ?? 'ended' })),
    median_lead_days: lead.median_days,
    reviews_due: reviews
      .filter((r) => isReviewDue(r.review_on, today) && names.has(r.client_id))
      .map((r) => ({ client_id: r.client_id, name: names.get(r.client_id) as string, review_on: r.review_on, note: r.note })),
  };
}

/** The relapse guard for one batch of imported messages (called by imports.ts in the batch's transaction). */
export async function markImportedAfterClose(
  tx: Repos,
  deps: Pick<Deps, 'ids' | 'clock'>,
  workspaceId: string,
  clientId: string,
  messages: ReadonlyArray<{ id: string; sentAt: string }>,
): Promise<void> {
  await markContactAfterClose(
    tx,
    deps,
    workspaceId,
    clientId,
    messages.map((m) => ({ kind: 'message', id: m.id, at: m.sentAt })),
  );
}
