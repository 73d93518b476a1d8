/**
 * The audit log's writer (issue 7): a wrapper around the repositories that records every change
 * they make, in the same transaction as the change, so no use case can forget it.
 *
 * Each repository method is classified in AUDIT_POLICY: a read, an exempt write (with the reason),
 * or an audited write with the table it changes and how to find the rows. For an audited call the
 * wrapper reads those rows before and after it (inside the caller's transaction), derives the
 * action (create, update, delete) from what it finds, and appends one entry to the workspace's
 * hash chain with who (the acting principal, app/acting.ts), when, what, and both snapshots.
 * audit.db.test.ts enumerates every method of the repositories (and the sub-repositories it finds
 * on a real SqlRepos, which must all be in SUB_REPOS) and fails when one is not classified, so a
 * method added later cannot write unrecorded by accident; it also fails on a table that no policy
 * writes and AUDIT_EXEMPT_TABLES does not list.
 *
 * Team mode: its repository (team-repos.ts) is wrapped by auditedTeamRepos (TEAM_AUDIT_POLICY).
 * The auth library writes its own tables over kyselyOf(store), which carries no audit plugin:
 * those writes are neither recorded nor refused, deliberately (AUDIT_EXEMPT_TABLES says why).
 */
import {
  AliasNode,
  DeleteQueryNode,
  InsertQueryNode,
  type Kysely,
  type KyselyPlugin,
  type OperationNode,
  TableNode,
  type Transaction,
  UpdateQueryNode,
} from 'kysely';
import { actingPrincipal } from '../app/acting.js';
import { randomIds, systemClock } from '../app/adapters/system.js';
import type { Clock, Ids, Repos } from '../app/ports.js';
import { type AuditAction, type AuditFields, auditEntryHash, GENESIS_HASH } from '../core/audit-chain.js';
import { SqlRepos, type StoreKind } from './repos.js';
import type { Database } from './schema.js';

type Args = readonly unknown[];
/** Column = value, or column in (values). */
type Where = Record<string, string | readonly string[]>;
type StoreTable = Exclude<keyof Database, 'audit_log' | 'audit_heads' | 'evidence_heads' | 'dashboard_revisions' | 'score_cache'>;
/** Team mode's tables (migration 0010), typed in team-repos.ts rather than schema.ts. */
export type TeamTable = 'memberships' | 'invitations' | 'client_assignments';
type AuditedTable = StoreTable | TeamTable;

export interface AuditedWrite {
  kind: 'audited';
  table: AuditedTable;
  /** The rows the call may change, found before it runs (omitted for plain inserts). */
  before?: (a: Args) => Where;
  /** Where the rows are after it; by default the rows found before, by id. */
  after?: (a: Args, result: unknown) => Where;
  /** The call changes a set of rows: before/after are arrays, and `entityId` names the set. */
  many?: { entityId: (a: Args) => string; idsOnly?: boolean };
  /** Child rows without methods of their own (or removed with their parent), snapshotted with it. */
  children?: { table: AuditedTable; fk: string; as: string; orderBy: string };
  /** The workspace written (default: the first argument). */
  workspace?: (a: Args) => string;
  /** The column naming a row (default `id`): the entry's entity id, and the default `after` lookup. */
  key?: string;
}

export type AuditPolicy = AuditedWrite | { kind: 'exempt'; reason: string } | { kind: 'read' };

/** The sub-repositories (Repos members that are objects of methods), audited the same way. */
export const SUB_REPOS = ['exitPlans', 'imports', 'letterDrafts', 'screening', 'staffReports', 'afterExit'] as const;

const id1 = (a: Args): Where => ({ id: a[1] as string });
const newId = (index: number) => (a: Args) => ({ id: (a[index] as { id: string }).id });
const READ: AuditPolicy = { kind: 'read' };
const DELIVERABLES = { table: 'deliverables', fk: 'engagement_id', as: 'deliverables', orderBy: 'position' } as const;

const reads = (...names: string[]): Record<string, AuditPolicy> => Object.fromEntries(names.map((n) => [n, READ]));

/** Every repository method, classified. Keys of sub-repositories are `exitPlans.method`. */
export const AUDIT_POLICY: Record<string, AuditPolicy> = {
  ...reads(
    'ping',
    'getWorkspace',
    'listWorkspaces',
    'getClient',
    'findClientByNameKey',
    'listClients',
    'getContract',
    'listEngagements',
    'listInvoices',
    'getInvoice',
    'listTime',
    'listIncidents',
    'getIncident',
    'listCards',
    'getCard',
    'listMessages',
    'getMessage',
    'lastEvidence',
    'getEvidenceHead',
    'getEvidence',
    'listEvidenceChain',
    'countEvidenceForIncident',
    'countEvidenceForClient',
    'listClientEvents',
    'listMemberNames',
    'getDashboardRevision',
    'listDashboardClients',
    'listOtherSnapshots',
    'loadAssessmentInputs',
    // Row locks taken to serialise writers; they change nothing.
    'lockEvidenceChain',
    'lockClient',
    'exitPlans.getExitPlan',
    'exitPlans.listExitSteps',
    'exitPlans.getExitStep',
    'exitPlans.listOverdueExitSteps',
    'exitPlans.listHandoverItems',
    'exitPlans.getHandoverItem',
    'imports.getImport',
    'imports.listImports',
    'imports.getSuggestion',
    'imports.listSuggestions',
    'imports.listSuppressions',
    'imports.suppressedRules',
    'letterDrafts.getLetterDraft',
    'letterDrafts.listLetterDrafts',
    'letterDrafts.listLetterVersions',
    'letterDrafts.getLetterVersion',
    'screening.getReflection',
    'screening.listLessons',
    'screening.getProspect',
    'screening.listProspects',
    'screening.findProspectByTokenHash',
    'staffReports.getStaffReport',
    'staffReports.listStaffReports',
    'staffReports.listIncidentMembers',
    'afterExit.listMarks',
    'afterExit.countMarks',
    'afterExit.markedIds',
    'afterExit.getMarkOf',
    'afterExit.getReview',
    'afterExit.listReviews',
  ),

  insertWorkspace: { kind: 'audited', table: 'workspaces', after: newId(0), workspace: (a) => (a[0] as { id: string }).id },
  updateWorkspace: { kind: 'audited', table: 'workspaces', before: (a) => ({ id: a[0] as string }) },
  insertClient: { kind: 'audited', table: 'clients', after: newId(1) },
  updateClient: { kind: 'audited', table: 'clients', before: id1 },
  deleteClient: { kind: 'audited', table: 'clients', before: id1 },
  putContract: {
    kind: 'audited',
    table: 'contracts',
    before: (a) => ({ client_id: a[1] as string }),
    after: (a) => ({ client_id: a[1] as string }),
  },
  deleteContract: { kind: 'audited', table: 'contracts', before: (a) => ({ client_id: a[1] as string }) },
  insertEngagement: {
    kind: 'audited',
    table: 'engagements',
    after: newId(2),
    children: DELIVERABLES,
  },
  updateEngagement: {
    kind: 'audited',
    table: 'engagements',
    before: id1,
    children: DELIVERABLES,
  },
  deleteEngagement: {
    kind: 'audited',
    table: 'engagements',
    before: id1,
    children: DELIVERABLES,
  },
  insertInvoice: { kind: 'audited', table: 'invoices', after: newId(2) },
  updateInvoice: { kind: 'audited', table: 'invoices', before: id1 },
  deleteInvoice: { kind: 'audited', table: 'invoices', before: id1 },
  insertPayment: { kind: 'audited', table: 'payments', after: newId(2) },
  deletePayment: { kind: 'audited', table: 'payments', before: id1 },
  putTime: {
    kind: 'audited',
    table: 'time_entries',
    before: (a) => ({ client_id: a[1] as string, month: a[3] as string }),
    after: (a) => ({ client_id: a[1] as string, month: a[3] as string }),
  },
  deleteTime: { kind: 'audited', table: 'time_entries', before: (a) => ({ client_id: a[1] as string, month: a[2] as string }) },
  insertIncident: { kind: 'audited', table: 'incidents', after: newId(2) },
  updateIncident: { kind: 'audited', table: 'incidents', before: id1 },
  deleteIncident: { kind: 'audited', table: 'incidents', before: id1 },
  insertCard: { kind: 'audited', table: 'cards', after: newId(2) },
  updateCard: { kind: 'audited', table: 'cards', before: id1 },
  deleteCard: { kind: 'audited', table: 'cards', before: id1 },
  insertMessage: { kind: 'audited', table: 'messages', after: newId(2) },
  updateMessage: { kind: 'audited', table: 'messages', before: id1 },
  deleteMessage: { kind: 'audited', table: 'messages', before: id1 },
  insertEvidence: { kind: 'audited', table: 'evidence', after: newId(1) },
  appendClientEvents: {
    kind: 'audited',
    table: 'client_events',
    after: (a) => ({ id: (a[2] as { id: string }[]).map((e) => e.id) }),
    many: { entityId: (a) => a[1] as string },
  },
  putScoreSnapshots: { kind: 'exempt', reason: 'a cache of computed dashboard summaries, rebuilt from the audited records' },
  pruneScoreSnapshots: { kind: 'exempt', reason: 'drops stale entries of the dashboard cache' },

  'exitPlans.insertExitPlan': { kind: 'audited', table: 'exit_plans', after: newId(2) },
  'exitPlans.updateExitPlan': { kind: 'audited', table: 'exit_plans', before: id1 },
  'exitPlans.replaceExitSteps': {
    kind: 'audited',
    table: 'exit_plan_steps',
    before: (a) => ({ plan_id: a[1] as string }),
    after: (a) => ({ plan_id: a[1] as string }),
    many: { entityId: (a) => a[1] as string },
  },
  'exitPlans.setExitStepDone': { kind: 'audited', table: 'exit_plan_steps', before: id1 },
  'exitPlans.insertHandoverItems': {
    kind: 'audited',
    table: 'exit_handover_items',
    after: (a) => ({ id: (a[2] as { id: string }[]).map((r) => r.id) }),
    many: { entityId: (a) => a[1] as string },
  },
  'exitPlans.updateHandoverItem': { kind: 'audited', table: 'exit_handover_items', before: id1 },
  'exitPlans.deleteHandoverItem': { kind: 'audited', table: 'exit_handover_items', before: id1 },

  'imports.insertImport': { kind: 'audited', table: 'imports', after: newId(1) },
  'imports.updateImport': { kind: 'audited', table: 'imports', before: id1 },
  'imports.failRunningImports': {
    kind: 'exempt',
    reason: 'start-up bookkeeping across workspaces: marks the jobs of a process that ended as failed, no one acted',
  },
  // A mailbox can hold many thousands of messages: the entry lists the ids stored by the batch,
  // not a second copy of every text (the messages themselves are never edited by an import).
  'imports.insertImportedMessages': {
    kind: 'audited',
    table: 'messages',
    after: (_a, result) => ({ id: [...(result as Set<string>)] }),
    many: { entityId: (a) => (a[2] as string | null) ?? (a[1] as string), idsOnly: true },
  },
  'imports.insertSuggestions': {
    kind: 'audited',
    table: 'suggestions',
    after: (a) => ({ id: (a[3] as { id: string }[]).map((s) => s.id) }),
    many: { entityId: (a) => (a[2] as string | null) ?? (a[1] as string), idsOnly: true },
  },
  'imports.decideSuggestion': { kind: 'audited', table: 'suggestions', before: id1 },
  'imports.dismissOpenByRule': {
    kind: 'audited',
    table: 'suggestions',
    before: (a) => ({ client_id: a[1] as string, rule: a[2] as string, status: 'open' }),
    many: { entityId: (a) => a[1] as string },
  },
  'imports.putSuppression': {
    kind: 'audited',
    table: 'suppressions',
    before: (a) => ({ client_id: a[1] as string, rule: (a[2] as { rule: string }).rule }),
    after: (a) => ({ client_id: a[1] as string, rule: (a[2] as { rule: string }).rule }),
  },
  'imports.deleteSuppression': { kind: 'audited', table: 'suppressions', before: id1 },

  'letterDrafts.insertLetterDraft': { kind: 'audited', table: 'letter_drafts', after: newId(2) },
  // One entry per version, holding its text; the draft's latest_version/updated_at that the same
  // call moves along is bookkeeping derived from the versions.
  'letterDrafts.appendLetterVersion': { kind: 'audited', table: 'letter_draft_versions', after: newId(2) },
  // The versions go with the draft (on delete cascade): the entry keeps their text.
  'letterDrafts.deleteLetterDraft': {
    kind: 'audited',
    table: 'letter_drafts',
    before: id1,
    children: { table: 'letter_draft_versions', fk: 'draft_id', as: 'versions', orderBy: 'number' },
  },

  'screening.putReflection': {
    kind: 'audited',
    table: 'reflections',
    before: (a) => ({ client_id: a[1] as string }),
    after: (a) => ({ client_id: a[1] as string }),
  },
  'screening.insertLessons': {
    kind: 'audited',
    table: 'lessons',
    after: (a) => ({ id: (a[2] as { id: string }[]).map((r) => r.id) }),
    many: { entityId: (a) => lessonsOf(a) },
  },
  'screening.deleteLessonsOfReflection': {
    kind: 'audited',
    table: 'lessons',
    before: (a) => ({ reflection_id: a[1] as string }),
    many: { entityId: (a) => a[1] as string },
  },
  'screening.deleteLesson': { kind: 'audited', table: 'lessons', before: id1 },
  'screening.insertProspect': { kind: 'audited', table: 'prospects', after: newId(1) },
  'screening.updateProspect': { kind: 'audited', table: 'prospects', before: id1 },
  // The prospect's own answers through the public link (token_hash is redacted in the entry).
  'screening.submitProspectForm': { kind: 'audited', table: 'prospects', before: id1 },

  'staffReports.insertStaffReport': { kind: 'audited', table: 'staff_reports', after: newId(2) },
  'staffReports.updateStaffReport': { kind: 'audited', table: 'staff_reports', before: id1 },

  'afterExit.insertMarks': {
    kind: 'audited',
    table: 'after_close_marks',
    after: (a) => ({ id: (a[1] as { id: string }[]).map((m) => m.id) }),
    many: { entityId: (a) => (a[1] as { clientId: string }[])[0]?.clientId ?? '' },
  },
  'afterExit.putReview': {
    kind: 'audited',
    table: 'client_reviews',
    key: 'client_id',
    before: (a) => ({ client_id: (a[1] as { client_id: string }).client_id }),
    after: (a) => ({ client_id: (a[1] as { client_id: string }).client_id }),
  },
  'afterExit.deleteMark': { kind: 'audited', table: 'after_close_marks', before: id1 },
  'afterExit.deleteReview': { kind: 'audited', table: 'client_reviews', key: 'client_id', before: (a) => ({ client_id: a[1] as string }) },
};

/** The reflection a batch of lessons was drawn from, else the first lesson (lessons added by hand). */
function lessonsOf(a: Args): string {
  const first = (a[2] as { id: string; reflection_id: string | null }[])[0];

  return first?.reflection_id ?? first?.id ?? '';
}

/**
 * Team mode's repository (store/team-repos.ts), wrapped by auditedTeamRepos: who joined, who was
 * invited by whom with which role, role changes, removals and client assignments.
 */
export const TEAM_AUDIT_POLICY: Record<string, AuditPolicy> = {
  ...reads(
    'getRole',
    'listMemberships',
    'listMembers',
    'countOwners',
    'findUserByEmail',
    'getUser',
    'listPendingInvitations',
    'findInvitationByTokenHash',
    'assignedClientIds',
    'isAssigned',
    'listAssignees',
    'listAssignments',
  ),
  putMembership: {
    kind: 'audited',
    table: 'memberships',
    key: 'user_id',
    before: (a) => ({ user_id: a[1] as string }),
    after: (a) => ({ user_id: a[1] as string }),
  },
  // Leaving ends the member's client assignments too: the entry keeps the ones that went.
  deleteMembership: {
    kind: 'audited',
    table: 'memberships',
    key: 'user_id',
    before: (a) => ({ user_id: a[1] as string }),
    children: { table: 'client_assignments', fk: 'user_id', as: 'assignments', orderBy: 'client_id' },
  },
  insertInvitation: {
    kind: 'audited',
    table: 'invitations',
    after: (a) => ({ id: (a[0] as { id: string }).id }),
    workspace: (a) => (a[0] as { workspace_id: string }).workspace_id,
  },
  deleteInvitation: { kind: 'audited', table: 'invitations', before: id1 },
  markInvitationAccepted: {
    kind: 'exempt',
    reason: 'claims the invitation while it is accepted; the membership it grants is the audited change (putMembership)',
  },
  reopenInvitation: { kind: 'exempt', reason: 'undoes markInvitationAccepted when creating the account failed: nothing changed' },
  setAssignees: {
    kind: 'audited',
    table: 'client_assignments',
    key: 'user_id',
    before: (a) => ({ client_id: a[1] as string }),
    after: (a) => ({ client_id: a[1] as string }),
    many: { entityId: (a) => a[1] as string },
  },
};

/**
 * Tables written outside the repositories, deliberately not audited. The auth library
 * (better-auth, server/team/auth.ts) writes them over kyselyOf(store), a query builder with no
 * audit plugin: its writes are neither logged nor refused. They are not workspace data (no
 * workspace_id), and sessions, accounts and verifications hold tokens and password hashes. A
 * person's arrival in a workspace is audited as the membership (TEAM_AUDIT_POLICY).
 */
export const AUDIT_EXEMPT_TABLES: Record<string, string> = {
  auth_users: 'accounts of people, across workspaces; joining a workspace is audited as its membership',
  auth_sessions: 'sign-in sessions: not business data, and they hold session tokens',
  auth_accounts: 'credentials (password hashes, provider tokens) kept by the auth library',
  auth_verifications: 'one-time values of password links, kept by the auth library',
};

/** Columns never copied into the log, whatever table gains them (team mode's auth tables). */
const SECRET_COLUMN = /password|secret|token|api_?key|private_?key|otp|credential|session/i;
/** Instants (`token_expires_at`, `token_used_at`) say when, not what: they stay readable. */
const INSTANT_COLUMN = /_at$/i;

export type Row = Record<string, unknown>;

export function redact(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = SECRET_COLUMN.test(key) && !INSTANT_COLUMN.test(key) ? '[redacted]' : value;

  return out;
}

async function readRows(db: Kysely<Database>, table: AuditedTable, workspaceId: string, where: Where, key: string): Promise<Row[]> {
  // biome-ignore lint/suspicious/noExplicitAny: the table is chosen at run time from the policy
  let query = (db as Kysely<any>).selectFrom(table).selectAll();
  // workspaces is the one table whose own id is the workspace.
  query = query.where(table === 'workspaces' ? 'id' : 'workspace_id', '=', workspaceId);
  for (const [column, value] of Object.entries(where)) {
    if (typeof value === 'string') query = query.where(column, '=', value);
    else if (value.length === 0) return [];
    else query = query.where(column, 'in', [...value]);
  }

  return (await query.orderBy(key).execute()) as Row[];
}

async function snapshot(db: Kysely<Database>, spec: AuditedWrite, workspaceId: string, where: Where): Promise<Row[]> {
  const key = spec.key ?? 'id';
  const rows = await readRows(db, spec.table, workspaceId, where, key);
  const { children } = spec;
  if (!children) return rows;
  const out: Row[] = [];
  for (const row of rows) {
    const kids = await readRows(db, children.table, workspaceId, { [children.fk]: row[key] as string }, children.orderBy);
    out.push({ ...row, [children.as]: kids.map(redact) });
  }

  return out;
}

/** The client a changed row belongs to, following one parent link where the row has none. */
async function clientOf(db: Kysely<Database>, table: AuditedTable, workspaceId: string, rows: Row[], where: Where): Promise<string | null> {
  if (table === 'clients') return (rows[0]?.id as string | undefined) ?? null;
  const row = rows[0];
  if (typeof row?.client_id === 'string') return row.client_id;
  if (typeof where.client_id === 'string') return where.client_id;
  const parents: Array<[string, 'exit_plans' | 'invoices' | 'incidents' | 'letter_drafts']> = [
    ['plan_id', 'exit_plans'],
    ['invoice_id', 'invoices'],
    ['incident_id', 'incidents'],
    ['draft_id', 'letter_drafts'],
  ];
  for (const [fk, parent] of parents) {
    const parentId = (row?.[fk] as string | undefined) ?? (typeof where[fk] === 'string' ? (where[fk] as string) : undefined);
    if (parentId === undefined) continue;
    const found = await db
      .selectFrom(parent)
      .select('client_id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', parentId)
      .executeTakeFirst();

    return found?.client_id ?? null;
  }

  return null;
}

export interface AuditOptions {
  clock?: Clock;
  ids?: Ids;
}

export interface NewAuditEntry {
  workspaceId: string;
  action: AuditAction;
  entity: string;
  entityId: string;
  clientId: string | null;
  method: string;
  before: string | null;
  after: string | null;
}

/**
 * Appends one entry to the workspace's chain inside the caller's transaction. The upsert on the
 * head row takes its row lock on PostgreSQL until commit (an update that changes nothing still
 * locks), so concurrent appenders to one workspace queue there and each links to the head the
 * one before it wrote; SQLite's BEGIN IMMEDIATE already serialises writers.
 */
export async function appendAuditEntry(db: Kysely<Database>, entry: NewAuditEntry, options: AuditOptions = {}): Promise<void> {
  // "When" is the moment the change is recorded: not every repository method receives a `now`.
  const at = (options.clock ?? systemClock).now().toISOString();
  const head = await db
    .insertInto('audit_heads')
    .values({ workspace_id: entry.workspaceId, seq: 0, entry_hash: GENESIS_HASH, updated_at: at })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet((eb) => ({ workspace_id: eb.ref('excluded.workspace_id') })))
    .returning(['seq', 'entry_hash'])
    .executeTakeFirstOrThrow();
  const who = actingPrincipal();
  const fields: AuditFields = {
    id: (options.ids ?? randomIds).newId(),
    workspace_id: entry.workspaceId,
    at,
    actor_id: who.userId,
    actor_name: who.displayName,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    client_id: entry.clientId,
    method: entry.method,
    before: entry.before,
    after: entry.after,
    prev_hash: head.entry_hash,
  };
  const seq = head.seq + 1;
  const entryHash = auditEntryHash(fields);
  const { before, after, ...rest } = fields;
  await db
    .insertInto('audit_log')
    .values({ ...rest, seq, before_json: before, after_json: after, entry_hash: entryHash })
    .execute();
  await db
    .updateTable('audit_heads')
    .set({ seq, entry_hash: entryHash, updated_at: at })
    .where('workspace_id', '=', entry.workspaceId)
    .execute();
}

function actionOf(before: Row[], after: Row[]): AuditAction {
  if (before.length === 0) return 'create';
  if (after.length === 0) return 'delete';

  return 'update';
}

async function auditedCall(
  db: Kysely<Database>,
  method: string,
  spec: AuditedWrite,
  args: Args,
  call: () => Promise<unknown>,
  options: AuditOptions,
): Promise<unknown> {
  const workspaceId = spec.workspace ? spec.workspace(args) : (args[0] as string);
  const beforeWhere = spec.before?.(args);
  const beforeRows = beforeWhere ? await snapshot(db, spec, workspaceId, beforeWhere) : [];
  const result = await call();
  const key = spec.key ?? 'id';
  const afterWhere = spec.after ? spec.after(args, result) : { [key]: beforeRows.map((r) => r[key] as string) };
  const afterRows = await snapshot(db, spec, workspaceId, afterWhere);
  if (beforeRows.length === 0 && afterRows.length === 0) return result;

  const shape = (rows: Row[]): string | null => {
    if (rows.length === 0) return null;
    if (!spec.many) return JSON.stringify(redact(rows[0] as Row));

    return JSON.stringify(spec.many.idsOnly ? rows.map((r) => ({ id: r.id })) : rows.map(redact));
  };
  const before = shape(beforeRows);
  const after = shape(afterRows);
  // A call that changed nothing (a re-put of the same suppression) is not a change.
  if (before === after) return result;
  const rows = afterRows.length > 0 ? afterRows : beforeRows;
  await appendAuditEntry(
    db,
    {
      workspaceId,
      action: actionOf(beforeRows, afterRows),
      entity: spec.table,
      entityId: spec.many ? spec.many.entityId(args) : ((rows[0] as Row)[key] as string),
      clientId: await clientOf(db, spec.table, workspaceId, rows, afterWhere),
      method,
      before,
      after,
    },
    options,
  );

  return result;
}

/** The table an INSERT, UPDATE or DELETE writes, or undefined for any other statement. */
function writtenTable(node: OperationNode): string | undefined {
  const nameOf = (target: OperationNode | undefined): string => {
    const table = target && AliasNode.is(target) ? target.node : target;

    return table && TableNode.is(table) ? table.table.identifier.name : '?';
  };
  if (InsertQueryNode.is(node)) return nameOf(node.into);
  if (UpdateQueryNode.is(node)) return nameOf(node.table);
  if (DeleteQueryNode.is(node)) return nameOf(node.from.froms[0]);

  return undefined;
}

/**
 * Watches the statements the repositories run: a write made while no audited or exempt method
 * is running is a write the policy does not know about. The safety net under AUDIT_POLICY.
 */
interface WriteWatch {
  /** Audited or exempt calls running now. */
  depth: number;
  /** Tables written outside them since the last check. */
  stray: string[];
}

function watching(watch: WriteWatch): KyselyPlugin {
  return {
    transformQuery({ node }) {
      const table = watch.depth === 0 ? writtenTable(node) : undefined;
      if (table !== undefined) watch.stray.push(table);

      return node;
    },
    transformResult: async ({ result }) => result,
  };
}

/**
 * The repositories a caller may use only to read (the store outside a transaction): any write
 * statement fails, since it could not be recorded. Writes go through store.transaction() or the
 * store's own write methods.
 */
export function readOnlyGuard(): KyselyPlugin {
  return {
    transformQuery({ node }) {
      const table = writtenTable(node);
      if (table !== undefined) throw new Error(`A write to ${table} outside a transaction would escape the audit log`);

      return node;
    },
    transformResult: async ({ result }) => result,
  };
}

interface WrapContext {
  db: Kysely<Database>;
  watch: WriteWatch;
  options: AuditOptions;
  /** The methods' classification (AUDIT_POLICY, or TEAM_AUDIT_POLICY for the team repository). */
  policies: Record<string, AuditPolicy>;
  /** Put before a method's name in its entries ('team.' for the team repository). */
  label: string;
}

async function covered<R>(watch: WriteWatch, work: () => Promise<R>): Promise<R> {
  watch.depth++;
  try {
    return await work();
  } finally {
    watch.depth--;
  }
}

/**
 * A method not (yet) classified that wrote anyway: still recorded, as an entry naming the method
 * and the tables, so merging a branch that adds repository methods never loses a change. A
 * method classified as a read that writes is a bug in the policy, and fails.
 */
async function afterUnaudited(ctx: WrapContext, name: string, policy: AuditPolicy | undefined, args: Args): Promise<void> {
  if (ctx.watch.stray.length === 0) return;
  const tables = [...new Set(ctx.watch.stray.splice(0))];
  if (policy !== undefined || typeof args[0] !== 'string' || ctx.label !== '') {
    throw new Error(`Store method ${name} wrote to ${tables.join(', ')} but AUDIT_POLICY does not audit it`);
  }
  await appendAuditEntry(
    ctx.db,
    {
      workspaceId: args[0],
      action: 'update',
      entity: tables[0] as string,
      entityId: '',
      clientId: null,
      method: `${ctx.label}${name} (unclassified)`,
      before: null,
      after: JSON.stringify({ tables }),
    },
    ctx.options,
  );
}

function wrap<T extends object>(target: T, prefix: string, ctx: WrapContext): T {
  return new Proxy(target, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof prop !== 'string') return value;
      if (prefix === '' && (SUB_REPOS as readonly string[]).includes(prop)) return wrap(value as object, `${prop}.`, ctx);
      if (typeof value !== 'function') return value;
      const name = `${prefix}${prop}`;
      const policy = ctx.policies[name];
      // Methods use private fields, so they always run on the real object, never the proxy.
      const call = (args: unknown[]) => value.apply(t, args) as Promise<unknown>;
      if (policy?.kind === 'audited') {
        return (...args: unknown[]) =>
          covered(ctx.watch, () => auditedCall(ctx.db, `${ctx.label}${name}`, policy, args, () => call(args), ctx.options));
      }
      if (policy?.kind === 'exempt') return (...args: unknown[]) => covered(ctx.watch, () => call(args));

      return async (...args: unknown[]) => {
        const result = await call(args);
        await afterUnaudited(ctx, name, policy, args);

        return result;
      };
    },
  });
}

/** Repositories over `trx` whose every write appends to the audit log in `trx`. */
export function auditedRepos(kind: StoreKind, trx: Transaction<Database>, options: AuditOptions = {}): Repos {
  const watch: WriteWatch = { depth: 0, stray: [] };

  return wrap(new SqlRepos(trx.withPlugin(watching(watch)), kind), '', { db: trx, watch, options, policies: AUDIT_POLICY, label: '' });
}

/**
 * The team repository (store/team-repos.ts) with its writes audited like the store's: `make`
 * builds it over a query builder. Reads run on `db` behind readOnlyGuard; every other call runs
 * in a transaction of its own, with its entry (TEAM_AUDIT_POLICY). A method not classified
 * there fails when it writes, since team rows have no workspace argument to record it under.
 */
export function auditedTeamRepos<T extends object>(db: Kysely<Database>, make: (db: Kysely<Database>) => T, options: AuditOptions = {}): T {
  const reader = make(db.withPlugin(readOnlyGuard()));

  return new Proxy(reader, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof prop !== 'string' || typeof value !== 'function') return value;
      if (TEAM_AUDIT_POLICY[prop]?.kind === 'read') return value.bind(t);

      return (...args: unknown[]) =>
        db.transaction().execute((trx) => {
          const watch: WriteWatch = { depth: 0, stray: [] };
          const repos = wrap(make(trx.withPlugin(watching(watch))), '', {
            db: trx,
            watch,
            options,
            policies: TEAM_AUDIT_POLICY,
            label: 'team.',
          }) as Record<string, (...a: unknown[]) => Promise<unknown>>;

          return (repos[prop] as (...a: unknown[]) => Promise<unknown>)(...args);
        });
    },
  });
}

/**
 * A store's sub-repository used outside a transaction (store.exitPlans, store.imports): reads go
 * straight to it, writes run in a transaction of their own through `write`, audited like any other.
 */
export function directSubRepos<T extends object>(
  name: (typeof SUB_REPOS)[number],
  direct: T,
  write: <R>(work: (repos: Repos) => Promise<R>) => Promise<R>,
): T {
  return new Proxy(direct, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof prop !== 'string' || typeof value !== 'function') return value;
      const policy = AUDIT_POLICY[`${name}.${prop}`];
      if (policy?.kind === 'read') return value.bind(t);

      return (...args: unknown[]) =>
        write((repos) => {
          const sub = repos[name] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;

          return (sub[prop] as (...a: unknown[]) => Promise<unknown>)(...args);
        });
    },
  });
}
