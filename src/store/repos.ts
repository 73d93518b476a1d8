/**
 * The Repos port written once against Kysely, for SQLite and PostgreSQL alike. Every query is
 * filtered by workspace_id, so a row of another workspace reads as absent and is never changed.
 * Reads of a parent with its children (invoice + payments, incident + evidence, engagement +
 * deliverables) take two queries, never one per row.
 */

import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import type { AssessmentInputs, DashboardClient, NewClientEvent, NewEvidence, NewRow, Repos, ScoreSnapshotRow } from '../app/ports.js';
import type { ClientEvent } from '../contracts/events.js';
import type {
  Card,
  CardInput,
  CardPatch,
  Client,
  ClientInput,
  ClientListQuery,
  ClientPatch,
  ClientSummary,
  Contract,
  ContractInput,
  DeliverableInput,
  Engagement,
  EngagementInput,
  EngagementPatch,
  EvidenceEntry,
  Incident,
  IncidentInput,
  IncidentPatch,
  Invoice,
  InvoiceInput,
  InvoicePatch,
  Message,
  MessageInput,
  MessagePatch,
  Payment,
  PaymentInput,
  TimeEntry,
  Workspace,
  WorkspaceInput,
  WorkspacePatch,
} from '../contracts/records.js';
import { nameKey } from '../core/names.js';
import { CLIENT_STATUSES, LANGUAGES } from '../core/vocabulary.js';
import { SqlAfterExitRepos } from './after-exit-repos.js';
import { SqlExitPlanRepos } from './exit-plan-repos.js';
import { SqlImportRepos } from './import-repos.js';
import { SqlLetterDraftRepos } from './letter-draft-repos.js';
import {
  presentCard,
  presentClient,
  presentClientEvent,
  presentClientSummary,
  presentContract,
  presentEngagement,
  presentEvidence,
  presentIncident,
  presentInvoice,
  presentMessage,
  presentPayment,
  presentTime,
  presentWorkspace,
  toFlag,
  toInt,
} from './presenters.js';
import type { Database, DeliverablesTable, EvidenceTable, PaymentsTable } from './schema.js';
import { SqlScreeningRepos } from './screening-repos.js';
import { SqlStaffReportRepos } from './staff-report-repos.js';

/** Which SQL dialect a store speaks. */
export type StoreKind = 'sqlite' | 'postgres';

/** Rows per multi-row INSERT: far below SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_CHUNK = 500;

/** A stored vocabulary value, checked rather than cast (as the presenters do). */
function oneOfStored<const T extends readonly string[]>(allowed: T, value: string, column: string): T[number] {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`Stored ${column} has an unknown value: ${value}`);

  return value as T[number];
}

/** Copies the keys that are present (undefined means "leave unchanged"; null is a value). */
function pick<P extends object, K extends keyof P>(patch: P, keys: readonly K[]): Partial<Pick<P, K>> {
  const out: Partial<Pick<P, K>> = {};
  for (const key of keys) {
    if (patch[key] !== undefined) out[key] = patch[key];
  }

  return out;
}

function groupBy<R, K>(rows: readonly R[], keyOf: (row: R) => K): Map<K, R[]> {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }

  return groups;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));

  return out;
}

/**
 * The search text folded the way the use cases fold name_key (NFC, trimmed, inner runs of
 * white space as one space, lower case), or undefined for "no filter".
 */
function foldSearch(q: string | undefined): string | undefined {
  const folded = q === undefined ? undefined : nameKey(q);

  return folded ? folded : undefined;
}

/** Makes `%`, `_` and the escape character itself match literally in a LIKE pattern. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** The same instant in UTC with fixed width, so comparing the text compares the time. */
function utcInstant(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 instant: ${instant}`);

  return new Date(ms).toISOString();
}

function hoursToMinutes(hours: number): number {
  const minutes = Math.round(hours * 60);
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Hours must be a non-negative number: ${hours}`);

  return minutes;
}

function sameLength(ids: readonly string[], items: readonly unknown[]): void {
  if (ids.length !== items.length) throw new Error(`Got ${ids.length} deliverable ids for ${items.length} deliverables`);
}

/**
 * Repos over a Kysely instance, which may be the store's own (each call autocommits) or a
 * transaction (every call joins it).
 */
export class SqlRepos implements Repos {
  readonly #db: Kysely<Database>;
  readonly #kind: StoreKind;
  readonly exitPlans: SqlExitPlanRepos;
  /** Imports, suggestions and suppressions (migration 0004), in the same transaction as the rest. */
  readonly imports: SqlImportRepos;
  /** Letter drafts and their versions (migration 0007). */
  readonly letterDrafts: SqlLetterDraftRepos;
  /** Reflections, lessons and prospects (migration 0009). */
  readonly screening: SqlScreeningRepos;
  // clause-reports: staff reports (migration 0013)
  readonly staffReports: SqlStaffReportRepos;
  /** After the exit (issue 8, migration 0008). */
  readonly afterExit: SqlAfterExitRepos;

  constructor(db: Kysely<Database>, kind: StoreKind) {
    this.#db = db;
    this.#kind = kind;
    this.exitPlans = new SqlExitPlanRepos(db);
    this.imports = new SqlImportRepos(db);
    this.letterDrafts = new SqlLetterDraftRepos(db);
    this.screening = new SqlScreeningRepos(db);
    // clause-reports
    this.staffReports = new SqlStaffReportRepos(db);
    this.afterExit = new SqlAfterExitRepos(db);
  }

  /**
   * Orders text by code point on both dialects. SQLite compares bytes; PostgreSQL would use the
   * database's collation, which differs between servers and would reorder lists between backends.
   */
  #textOrder(ref: string): RawBuilder<string> {
    return this.#kind === 'postgres' ? sql<string>`${sql.ref(ref)} collate "C"` : sql<string>`${sql.ref(ref)}`;
  }

  /**
   * The next creation number under a client, computed inside the INSERT. Instants from the caller
   * can tie (a case import writes many rows with one `now`) and ids are random, so this keeps
   * "created order" meaningful. Concurrent PostgreSQL inserts may tie; the id breaks that tie.
   */
  #nextOrd(table: 'engagements' | 'incidents' | 'cards' | 'messages', clientId: string): RawBuilder<number> {
    return sql<number>`(select coalesce(max(${sql.ref('ord')}), 0) + 1 from ${sql.table(table)} where ${sql.ref('client_id')} = ${clientId})`;
  }

  /**
   * Marks a client's assessment as possibly changed (migration 0005): bumps its revision and the
   * workspace's dashboard revision, in the caller's transaction. Every write that can change
   * what the assessment reads calls this (or #touchVia), so a cached summary is never trusted
   * after such a write. The client's row is locked before the workspace's counter, the order
   * escalation steps already take (lockClient first), so two writers cannot deadlock on them.
   */
  async #touch(workspaceId: string, clientId: string): Promise<void> {
    await this.#db
      .updateTable('clients')
      .set({ revision: sql<number>`${sql.ref('revision')} + 1` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', clientId)
      .execute();
    await this.#touchWorkspace(workspaceId);
  }

  /** #touch for the client that owns a child row (call it before deleting the row). */
  async #touchVia(table: 'engagements' | 'invoices' | 'incidents' | 'cards', workspaceId: string, id: string): Promise<void> {
    const touched = await this.#db
      .updateTable('clients')
      .set({ revision: sql<number>`${sql.ref('revision')} + 1` })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', (eb) => eb.selectFrom(table).select('client_id').where('workspace_id', '=', workspaceId).where('id', '=', id))
      .executeTakeFirst();
    // No such row: nothing changes, and the workspace may not exist (its counter's foreign key
    // would refuse it: a delete under an unknown workspace id answered 500, found by fuzzing).
    if (touched.numUpdatedRows > 0n) await this.#touchWorkspace(workspaceId);
  }

  /** Deletes a row a client owns, after marking the client's assessment changed (#touchVia). */
  async #deleteOwned(table: 'engagements' | 'invoices' | 'incidents' | 'cards', workspaceId: string, id: string): Promise<boolean> {
    await this.#touchVia(table, workspaceId, id);
    const result = await this.#db.deleteFrom(table).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();

    return result.numDeletedRows > 0n;
  }

  /** Bumps the workspace's dashboard revision (creating its counter on the first write). */
  async #touchWorkspace(workspaceId: string): Promise<void> {
    await this.#db
      .insertInto('dashboard_revisions')
      .values({ workspace_id: workspaceId, revision: 1 })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ revision: sql<number>`${sql.ref('dashboard_revisions.revision')} + 1` }))
      .execute();
  }

  // ------------------------------------------------------------ reads by client
  // One select per table for a set of clients: the one-client lists and the portfolio loader
  // both build on these, so they read the same rows in the same order by construction.

  #contractsOf(workspaceId: string, clientIds: readonly string[]) {
    return this.#db.selectFrom('contracts').selectAll().where('workspace_id', '=', workspaceId).where('client_id', 'in', clientIds);
  }

  #engagementsOf(workspaceId: string, clientIds: readonly string[]) {
    return this.#db
      .selectFrom('engagements')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('client_id', 'in', clientIds)
      .orderBy('ord')
      .orderBy('id');
  }

  /** Children are found through their parent, itself filtered by workspace as every read is. */
  #deliverablesOfClients(workspaceId: string, clientIds: readonly string[]) {
    return this.#db
      .selectFrom('deliverables as d')
      .innerJoin('engagements as e', 'e.id', 'd.engagement_id')
      .selectAll('d')
      .where('d.workspace_id', '=', workspaceId)
      .where('e.workspace_id', '=', workspaceId)
      .where('e.client_id', 'in', clientIds)
      .orderBy('d.engagement_id')
      .orderBy('d.position');
  }

  #invoicesOf(workspaceId: string, clientIds: readonly string[]) {
    return this.#db
      .selectFrom('invoices')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('client_id', 'in', clientIds)
      .orderBy('issued')
      .orderBy(this.#textOrder('number'))
      .orderBy('id');
  }

  #paymentsOfClients(workspaceId: string, clientIds: readonly string[]) {
    return this.#db
      .selectFrom('payments as p')
      .innerJoin('invoices as i', 'i.id', 'p.invoice_id')
      .selectAll('p')
      .where('p.workspace_id', '=', workspaceId)
      .where('i.workspace_id', '=', workspaceId)
      .where('i.client_id', 'in', clientIds)
      .orderBy('p.date')
      .orderBy('p.id');
  }

  #timeOf(workspaceId: string, clientIds: readonly string[]) {
    return this.#db
      .selectFrom('time_entries')
      .select(['client_id', 'month', 'minutes'])
      .where('workspace_id', '=', workspaceId)
      .where('client_id', 'in', clientIds)
      .orderBy('month');
  }

  #incidentsOf(workspaceId: string, clientIds: readonly string[]) {
    return this.#db
      .selectFrom('incidents')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('client_id', 'in', clientIds)
      .orderBy('date')
      .orderBy('ord')
      .orderBy('id');
  }

  #cardsOf(workspaceId: string, clientIds: readonly string[]) {
    return this.#db
      .selectFrom('cards')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('client_id', 'in', clientIds)
      .orderBy('date')
      .orderBy('ord')
      .orderBy('id');
  }

  /** A trivial round trip, for health checks. */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.#db);
  }

  // ------------------------------------------------------------ workspaces

  async insertWorkspace(row: NewRow, input: WorkspaceInput & { is_demo: boolean }): Promise<Workspace> {
    const inserted = await this.#db
      .insertInto('workspaces')
      .values({
        id: row.id,
        name: input.name,
        provider_name: input.provider_name,
        provider_kind: input.provider_kind,
        currency: input.currency,
        jurisdiction: input.jurisdiction,
        timezone: input.timezone,
        language: input.language,
        revenue_last_12m_minor: input.revenue_last_12m_minor,
        is_demo: toFlag(input.is_demo),
        created_at: row.now,
        updated_at: row.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();

    return presentWorkspace(inserted);
  }

  async getWorkspace(workspaceId: string): Promise<Workspace | undefined> {
    const row = await this.#db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst();

    return row && presentWorkspace(row);
  }

  async listWorkspaces(): Promise<Workspace[]> {
    const rows = await this.#db.selectFrom('workspaces').selectAll().orderBy('created_at').orderBy('id').execute();

    return rows.map(presentWorkspace);
  }

  async updateWorkspace(workspaceId: string, patch: WorkspacePatch, now: string): Promise<Workspace | undefined> {
    const set = {
      ...pick(patch, [
        'name',
        'provider_name',
        'provider_kind',
        'currency',
        'jurisdiction',
        'timezone',
        'language',
        'revenue_last_12m_minor',
      ]),
      updated_at: now,
    };
    const row = await this.#db.updateTable('workspaces').set(set).where('id', '=', workspaceId).returningAll().executeTakeFirst();
    // Its settings (time zone, provider, currency) are part of every client's case.
    if (row) await this.#touchWorkspace(workspaceId);

    return row && presentWorkspace(row);
  }

  // ------------------------------------------------------------ clients

  async insertClient(workspaceId: string, row: NewRow, input: ClientInput & { name_key: string }): Promise<Client> {
    const inserted = await this.#db
      .insertInto('clients')
      .values({
        id: row.id,
        workspace_id: workspaceId,
        name: input.name,
        name_key: input.name_key,
        kind: input.kind,
        size: input.size,
        language: input.language,
        since: input.since,
        manager: input.manager,
        email: input.email,
        notes: input.notes,
        status: input.status,
        created_at: row.now,
        updated_at: row.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.#touchWorkspace(workspaceId);

    return presentClient(inserted);
  }

  async getClient(workspaceId: string, clientId: string): Promise<Client | undefined> {
    const row = await this.#db
      .selectFrom('clients')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', clientId)
      .executeTakeFirst();

    return row && presentClient(row);
  }

  async findClientByNameKey(workspaceId: string, nameKey: string): Promise<Client | undefined> {
    const row = await this.#db
      .selectFrom('clients')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('name_key', '=', nameKey)
      .executeTakeFirst();

    return row && presentClient(row);
  }

  async listClients(workspaceId: string, query: ClientListQuery & { today: string }): Promise<ClientSummary[]> {
    const db = this.#db;
    // Each count is one grouped query over the workspace, joined to the clients: no query per client.
    const incidentCounts = db
      .selectFrom('incidents')
      .where('workspace_id', '=', workspaceId)
      .groupBy('client_id')
      .select((eb) => [
        'client_id',
        eb.fn.countAll<number>().as('open_incidents'),
        // Literals, not parameters: PostgreSQL would type a bare parameter in CASE as text.
        eb.fn.sum<number>(eb.case().when('severity', '>=', 2).then(eb.lit(1)).else(eb.lit(0)).end()).as('serious_incidents'),
        eb.fn.max('date').as('last_incident_on'),
      ]);
    const cardCounts = db
      .selectFrom('cards')
      .where('workspace_id', '=', workspaceId)
      .groupBy('client_id')
      .select((eb) => [
        'client_id',
        eb.fn.sum<number>(eb.case().when('color', '=', 'yellow').then(eb.lit(1)).else(eb.lit(0)).end()).as('cards_yellow'),
        eb.fn.sum<number>(eb.case().when('color', '=', 'red').then(eb.lit(1)).else(eb.lit(0)).end()).as('cards_red'),
      ]);
    const paidPerInvoice = db
      .selectFrom('payments')
      .where('workspace_id', '=', workspaceId)
      .groupBy('invoice_id')
      .select((eb) => ['invoice_id', eb.fn.sum<number>('amount_minor').as('paid_minor')]);
    const amount = sql.ref('i.amount_minor');
    const paid = sql`coalesce(${sql.ref('p.paid_minor')}, 0)`;
    const owedPerClient = db
      .selectFrom('invoices as i')
      .leftJoin(paidPerInvoice.as('p'), 'p.invoice_id', 'i.id')
      .where('i.workspace_id', '=', workspaceId)
      .groupBy('i.client_id')
      .select([
        'i.client_id',
        // Per invoice never below zero (an overpayment is not credit on another invoice). The
        // cast keeps PostgreSQL's sum(bigint), which is numeric, an integer.
        sql<number>`cast(sum(case when ${amount} > ${paid} then ${amount} - ${paid} else 0 end) as bigint)`.as('owed_minor'),
      ]);

    let select = db
      .selectFrom('clients as c')
      .leftJoin(incidentCounts.as('ic'), 'ic.client_id', 'c.id')
      .leftJoin(cardCounts.as('cc'), 'cc.client_id', 'c.id')
      .leftJoin(owedPerClient.as('ow'), 'ow.client_id', 'c.id')
      .selectAll('c')
      .select(['ic.open_incidents', 'ic.serious_incidents', 'ic.last_incident_on', 'cc.cards_yellow', 'cc.cards_red', 'ow.owed_minor'])
      .where('c.workspace_id', '=', workspaceId);
    if (query.status !== undefined) select = select.where('c.status', '=', query.status);
    const needle = foldSearch(query.q);
    if (needle !== undefined) {
      // name_key is already folded, so a plain LIKE is case-insensitive beyond ASCII on both
      // dialects (SQLite's own LIKE folds ASCII only, PostgreSQL's folds nothing).
      select = select.where(sql<boolean>`${sql.ref('c.name_key')} like ${`%${escapeLike(needle)}%`} escape '\\'`);
    }
    const rows = await select.orderBy(this.#textOrder('c.name_key')).orderBy('c.id').execute();

    return rows.map(presentClientSummary);
  }

  async updateClient(
    workspaceId: string,
    clientId: string,
    patch: ClientPatch & { name_key?: string },
    now: string,
  ): Promise<Client | undefined> {
    // A renamed client with its old key would be unfindable and escape the uniqueness check.
    if (patch.name !== undefined && patch.name_key === undefined) throw new Error('updateClient: a new name needs its name_key');
    const set = {
      ...pick(patch, ['name', 'name_key', 'kind', 'size', 'language', 'since', 'manager', 'email', 'notes', 'status']),
      updated_at: now,
      revision: sql<number>`${sql.ref('revision')} + 1`,
    };
    const row = await this.#db
      .updateTable('clients')
      .set(set)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', clientId)
      .returningAll()
      .executeTakeFirst();
    if (row) await this.#touchWorkspace(workspaceId);

    return row && presentClient(row);
  }

  async deleteClient(workspaceId: string, clientId: string): Promise<boolean> {
    // Children cascade; evidence does not, so a client with evidence makes this throw.
    const result = await this.#db
      .deleteFrom('clients')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', clientId)
      .executeTakeFirst();
    if (result.numDeletedRows > 0n) await this.#touchWorkspace(workspaceId);

    return result.numDeletedRows > 0n;
  }

  // ------------------------------------------------------------ contract

  async getContract(workspaceId: string, clientId: string): Promise<Contract | null> {
    const row = await this.#contractsOf(workspaceId, [clientId]).executeTakeFirst();

    return row ? presentContract(row) : null;
  }

  async putContract(workspaceId: string, clientId: string, row: NewRow, input: ContractInput): Promise<Contract> {
    const values = {
      signed: input.signed,
      ends: input.ends,
      provider_may_terminate: input.provider_may_terminate === null ? null : toFlag(input.provider_may_terminate),
      notice_amount: input.notice?.amount ?? null,
      notice_unit: input.notice?.unit ?? null,
      penalty_minor: input.penalty?.amount_minor ?? null,
      penalty_description: input.penalty?.description ?? null,
      refund_clause: toFlag(input.refund_clause),
      updated_at: row.now,
    };
    const saved = await this.#db
      .insertInto('contracts')
      .values({ id: row.id, workspace_id: workspaceId, client_id: clientId, created_at: row.now, ...values })
      // The WHERE keeps an upsert from reaching into another workspace's contract.
      .onConflict((oc) => oc.column('client_id').doUpdateSet(values).where('contracts.workspace_id', '=', workspaceId))
      .returningAll()
      .executeTakeFirst();
    if (!saved) throw new Error(`Client ${clientId} is not in workspace ${workspaceId}`);
    await this.#touch(workspaceId, clientId);

    return presentContract(saved);
  }

  async deleteContract(workspaceId: string, clientId: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('contracts')
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    if (result.numDeletedRows > 0n) await this.#touch(workspaceId, clientId);

    return result.numDeletedRows > 0n;
  }

  // ------------------------------------------------------------ engagements

  async #deliverablesOf(workspaceId: string, engagementId: string): Promise<Selectable<DeliverablesTable>[]> {
    return this.#db
      .selectFrom('deliverables')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('engagement_id', '=', engagementId)
      .orderBy('position')
      .execute();
  }

  async #insertDeliverables(
    workspaceId: string,
    engagementId: string,
    ids: readonly string[],
    items: readonly DeliverableInput[],
  ): Promise<void> {
    const rows = items.map((item, position) => ({
      id: ids[position] as string,
      workspace_id: workspaceId,
      engagement_id: engagementId,
      position,
      name: item.name,
      due: item.due,
      done: toFlag(item.done),
      percent_done: item.percent_done,
    }));
    for (const chunk of chunks(rows, INSERT_CHUNK)) {
      await this.#db.insertInto('deliverables').values(chunk).execute();
    }
  }

  async listEngagements(workspaceId: string, clientId: string): Promise<Engagement[]> {
    const rows = await this.#engagementsOf(workspaceId, [clientId]).execute();
    if (rows.length === 0) return [];
    const deliverables = await this.#deliverablesOfClients(workspaceId, [clientId]).execute();
    const byEngagement = groupBy(deliverables, (d) => d.engagement_id);

    return rows.map((row) => presentEngagement(row, byEngagement.get(row.id) ?? []));
  }

  async insertEngagement(
    workspaceId: string,
    clientId: string,
    row: NewRow,
    input: EngagementInput,
    deliverableIds: string[],
  ): Promise<Engagement> {
    sameLength(deliverableIds, input.deliverables);
    const inserted = await this.#db
      .insertInto('engagements')
      .values({
        id: row.id,
        workspace_id: workspaceId,
        client_id: clientId,
        name: input.name,
        kind: input.kind,
        price_minor: input.price_minor,
        prepaid_minor: input.prepaid_minor,
        ord: this.#nextOrd('engagements', clientId),
        created_at: row.now,
        updated_at: row.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.#insertDeliverables(workspaceId, row.id, deliverableIds, input.deliverables);
    await this.#touch(workspaceId, clientId);

    return presentEngagement(inserted, await this.#deliverablesOf(workspaceId, row.id));
  }

  async updateEngagement(
    workspaceId: string,
    engagementId: string,
    patch: Omit<EngagementPatch, 'deliverables'>,
    deliverables: { ids: string[]; items: DeliverableInput[] } | undefined,
    now: string,
  ): Promise<Engagement | undefined> {
    if (deliverables) sameLength(deliverables.ids, deliverables.items);
    const set = { ...pick(patch, ['name', 'kind', 'price_minor', 'prepaid_minor']), updated_at: now };
    const updated = await this.#db
      .updateTable('engagements')
      .set(set)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', engagementId)
      .returningAll()
      .executeTakeFirst();
    if (!updated) return undefined;
    await this.#touch(workspaceId, updated.client_id);
    if (deliverables) {
      // Replaced as a set: delete first, so a kept item may reuse its id.
      await this.#db.deleteFrom('deliverables').where('workspace_id', '=', workspaceId).where('engagement_id', '=', engagementId).execute();
      await this.#insertDeliverables(workspaceId, engagementId, deliverables.ids, deliverables.items);
    }

    return presentEngagement(updated, await this.#deliverablesOf(workspaceId, engagementId));
  }

  async deleteEngagement(workspaceId: string, engagementId: string): Promise<boolean> {
    return this.#deleteOwned('engagements', workspaceId, engagementId);
  }

  // ------------------------------------------------------------ invoices and payments

  async #paymentsOf(workspaceId: string, invoiceId: string): Promise<Selectable<PaymentsTable>[]> {
    return this.#db
      .selectFrom('payments')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('invoice_id', '=', invoiceId)
      .orderBy('date')
      .orderBy('id')
      .execute();
  }

  async listInvoices(workspaceId: string, clientId: string): Promise<Invoice[]> {
    const rows = await this.#invoicesOf(workspaceId, [clientId]).execute();
    if (rows.length === 0) return [];
    const payments = await this.#paymentsOfClients(workspaceId, [clientId]).execute();
    const byInvoice = groupBy(payments, (p) => p.invoice_id);

    return rows.map((row) => presentInvoice(row, byInvoice.get(row.id) ?? []));
  }

  async getInvoice(workspaceId: string, invoiceId: string): Promise<Invoice | undefined> {
    const row = await this.#db
      .selectFrom('invoices')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', invoiceId)
      .executeTakeFirst();

    return row && presentInvoice(row, await this.#paymentsOf(workspaceId, invoiceId));
  }

  async insertInvoice(
    workspaceId: string,
    clientId: string,
    row: NewRow,
    input: Omit<InvoiceInput, 'payments'> & { currency: string },
  ): Promise<Invoice> {
    const inserted = await this.#db
      .insertInto('invoices')
      .values({
        id: row.id,
        workspace_id: workspaceId,
        client_id: clientId,
        number: input.number,
        issued: input.issued,
        due: input.due,
        amount_minor: input.amount_minor,
        currency: input.currency,
        created_at: row.now,
        updated_at: row.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.#touch(workspaceId, clientId);

    return presentInvoice(inserted, []);
  }

  async updateInvoice(workspaceId: string, invoiceId: string, patch: InvoicePatch, now: string): Promise<Invoice | undefined> {
    const set = { ...pick(patch, ['number', 'issued', 'due', 'amount_minor']), updated_at: now };
    const row = await this.#db
      .updateTable('invoices')
      .set(set)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', invoiceId)
      .returningAll()
      .executeTakeFirst();
    if (row) await this.#touch(workspaceId, row.client_id);

    return row && presentInvoice(row, await this.#paymentsOf(workspaceId, invoiceId));
  }

  async deleteInvoice(workspaceId: string, invoiceId: string): Promise<boolean> {
    return this.#deleteOwned('invoices', workspaceId, invoiceId);
  }

  async insertPayment(workspaceId: string, invoiceId: string, row: NewRow, input: PaymentInput): Promise<Payment> {
    await this.#touchVia('invoices', workspaceId, invoiceId);
    const inserted = await this.#db
      .insertInto('payments')
      .values({
        id: row.id,
        workspace_id: workspaceId,
        invoice_id: invoiceId,
        date: input.date,
        amount_minor: input.amount_minor,
        created_at: row.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();

    return presentPayment(inserted);
  }

  async deletePayment(workspaceId: string, paymentId: string): Promise<boolean> {
    const owner = await this.#db
      .selectFrom('payments')
      .select('invoice_id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', paymentId)
      .executeTakeFirst();
    if (owner) await this.#touchVia('invoices', workspaceId, owner.invoice_id);
    const result = await this.#db
      .deleteFrom('payments')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', paymentId)
      .executeTakeFirst();

    return result.numDeletedRows > 0n;
  }

  // ------------------------------------------------------------ time spent

  async listTime(workspaceId: string, clientId: string): Promise<TimeEntry[]> {
    const rows = await this.#timeOf(workspaceId, [clientId]).execute();

    return rows.map(presentTime);
  }

  async putTime(workspaceId: string, clientId: string, row: NewRow, month: string, hours: number): Promise<TimeEntry> {
    const minutes = hoursToMinutes(hours);
    const saved = await this.#db
      .insertInto('time_entries')
      .values({
        id: row.id,
        workspace_id: workspaceId,
        client_id: clientId,
        month,
        minutes,
        created_at: row.now,
        updated_at: row.now,
      })
      .onConflict((oc) =>
        oc
          .columns(['client_id', 'month'])
          .doUpdateSet({ minutes, updated_at: row.now })
          .where('time_entries.workspace_id', '=', workspaceId),
      )
      .returning(['month', 'minutes'])
      .executeTakeFirst();
    if (!saved) throw new Error(`Client ${clientId} is not in workspace ${workspaceId}`);
    await this.#touch(workspaceId, clientId);

    return presentTime(saved);
  }

  async deleteTime(workspaceId: string, clientId: string, month: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('time_entries')
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .where('month', '=', month)
      .executeTakeFirst();
    if (result.numDeletedRows > 0n) await this.#touch(workspaceId, clientId);

    return result.numDeletedRows > 0n;
  }

  // ------------------------------------------------------------ incidents

  async #evidenceOf(workspaceId: string, incidentId: string): Promise<Selectable<EvidenceTable>[]> {
    return this.#db
      .selectFrom('evidence')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('incident_id', '=', incidentId)
      .orderBy('seq')
      .execute();
  }

  async listIncidents(workspaceId: string, clientId: string): Promise<Incident[]> {
    const rows = await this.#incidentsOf(workspaceId, [clientId]).execute();
    if (rows.length === 0) return [];
    const evidence = await this.#db
      .selectFrom('evidence')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('incident_id', 'in', (eb) =>
        eb.selectFrom('incidents').select('id').where('workspace_id', '=', workspaceId).where('client_id', '=', clientId),
      )
      .orderBy('seq')
      .execute();
    const byIncident = groupBy(evidence, (e) => e.incident_id);

    return rows.map((row) => presentIncident(row, byIncident.get(row.id) ?? []));
  }

  async getIncident(workspaceId: string, incidentId: string): Promise<Incident | undefined> {
    const row = await this.#db
      .selectFrom('incidents')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', incidentId)
      .executeTakeFirst();

    return row && presentIncident(row, await this.#evidenceOf(workspaceId, incidentId));
  }

  async insertIncident(workspaceId: string, clientId: string, row: NewRow, input: IncidentInput): Promise<Incident> {
    const inserted = await this.#db
      .insertInto('incidents')
      .values({
        id: row.id,
        workspace_id: workspaceId,
        client_id: clientId,
        date: input.date,
        code: input.code,
        severity: input.severity,
        source: input.source,
        about_member: input.about_member,
        note: input.note,
        message_id: input.message_id,
        ord: this.#nextOrd('incidents', clientId),
        created_at: row.now,
        updated_at: row.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.#touch(workspaceId, clientId);

    return presentIncident(inserted, []);
  }

  async updateIncident(workspaceId: string, incidentId: string, patch: IncidentPatch, now: string): Promise<Incident | undefined> {
    const set = { ...pick(patch, ['date', 'code', 'severity', 'source', 'about_member', 'note']), updated_at: now };
    const row = await this.#db
      .updateTable('incidents')
      .set(set)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', incidentId)
      .returningAll()
      .executeTakeFirst();
    if (row) await this.#touch(workspaceId, row.client_id);

    return row && presentIncident(row, await this.#evidenceOf(workspaceId, incidentId));
  }

  async deleteIncident(workspaceId: string, incidentId: string): Promise<boolean> {
    // Throws (foreign key) rather than lose evidence; use cases check first.
    return this.#deleteOwned('incidents', workspaceId, incidentId);
  }

  // ------------------------------------------------------------ cards

  async listCards(workspaceId: string, clientId: string): Promise<Card[]> {
    const rows = await this.#cardsOf(workspaceId, [clientId]).execute();

    return rows.map(presentCard);
  }

  async getCard(workspaceId: string, cardId: string): Promise<Card | undefined> {
    const row = await this.#db
      .selectFrom('cards')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', cardId)
      .executeTakeFirst();

    return row && presentCard(row);
  }

  async insertCard(workspaceId: string, clientId: string, row: NewRow, input: CardInput): Promise<Card> {
    const inserted = await this.#db
      .insertInto('cards')
      .values({
        id: row.id,
        workspace_id: workspaceId,
        client_id: clientId,
        date: input.date,
        color: input.color,
        note: input.note,
        ord: this.#nextOrd('cards', clientId),
        created_at: row.now,
        updated_at: row.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.#touch(workspaceId, clientId);

    return presentCard(inserted);
  }

  async updateCard(workspaceId: string, cardId: string, patch: CardPatch, now: string): Promise<Card | undefined> {
    const set = { ...pick(patch, ['date', 'color', 'note']), updated_at: now };
    const row = await this.#db
      .updateTable('cards')
      .set(set)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', cardId)
      .returningAll()
      .executeTakeFirst();
    if (row) await this.#touch(workspaceId, row.client_id);

    return row && presentCard(row);
  }

  async deleteCard(workspaceId: string, cardId: string): Promise<boolean> {
    return this.#deleteOwned('cards', workspaceId, cardId);
  }

  // ------------------------------------------------------------ messages

  async listMessages(workspaceId: string, clientId: string): Promise<Message[]> {
    const rows = await this.#db
      .selectFrom('messages')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .orderBy('sent_at_utc')
      .orderBy('ord')
      .orderBy('id')
      .execute();

    return rows.map(presentMessage);
  }

  async getMessage(workspaceId: string, messageId: string): Promise<Message | undefined> {
    const row = await this.#db
      .selectFrom('messages')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', messageId)
      .executeTakeFirst();

    return row && presentMessage(row);
  }

  async insertMessage(workspaceId: string, clientId: string, row: NewRow, input: MessageInput): Promise<Message> {
    const inserted = await this.#db
      .insertInto('messages')
      .values({
        id: row.id,
        workspace_id: workspaceId,
        client_id: clientId,
        sent_at: input.sent_at,
        sent_at_utc: utcInstant(input.sent_at),
        sender: input.from,
        channel: input.channel,
        subject: input.subject,
        text: input.text,
        ord: this.#nextOrd('messages', clientId),
        created_at: row.now,
        updated_at: row.now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();

    return presentMessage(inserted);
  }

  async updateMessage(workspaceId: string, messageId: string, patch: MessagePatch, now: string): Promise<Message | undefined> {
    const set = {
      ...pick(patch, ['sent_at', 'channel', 'subject', 'text']),
      ...(patch.sent_at === undefined ? {} : { sent_at_utc: utcInstant(patch.sent_at) }),
      ...(patch.from === undefined ? {} : { sender: patch.from }),
      updated_at: now,
    };
    const row = await this.#db
      .updateTable('messages')
      .set(set)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', messageId)
      .returningAll()
      .executeTakeFirst();

    return row && presentMessage(row);
  }

  async deleteMessage(workspaceId: string, messageId: string): Promise<boolean> {
    // Incidents found in this message keep existing; their message_id becomes null.
    const result = await this.#db
      .deleteFrom('messages')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', messageId)
      .executeTakeFirst();

    return result.numDeletedRows > 0n;
  }

  // ------------------------------------------------------------ evidence

  async lockEvidenceChain(workspaceId: string): Promise<void> {
    // SQLite's write transactions already hold the database's write lock (BEGIN IMMEDIATE).
    if (this.#kind !== 'postgres') return;
    // PostgreSQL: appends to one workspace's chain queue on its workspace row until commit.
    await this.#db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forUpdate().execute();
  }

  async lastEvidence(workspaceId: string): Promise<EvidenceEntry | undefined> {
    const row = await this.#db
      .selectFrom('evidence')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();

    return row && presentEvidence(row);
  }

  async insertEvidence(workspaceId: string, entry: NewEvidence): Promise<EvidenceEntry> {
    const inserted = await this.#db
      .insertInto('evidence')
      .values({
        id: entry.id,
        workspace_id: workspaceId,
        incident_id: entry.incident_id,
        seq: entry.seq,
        file_sha256: entry.file_sha256,
        file_name: entry.file_name,
        media_type: entry.media_type,
        size_bytes: entry.size_bytes,
        note: entry.note,
        recorded_at: entry.recorded_at,
        prev_hash: entry.prev_hash,
        entry_hash: entry.entry_hash,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // Move the recorded head with the chain, in the same transaction.
    await this.#db
      .insertInto('evidence_heads')
      .values({ workspace_id: workspaceId, seq: entry.seq, entry_hash: entry.entry_hash, updated_at: entry.recorded_at })
      .onConflict((oc) =>
        oc.column('workspace_id').doUpdateSet({ seq: entry.seq, entry_hash: entry.entry_hash, updated_at: entry.recorded_at }),
      )
      .execute();

    return presentEvidence(inserted);
  }

  async getEvidenceHead(workspaceId: string): Promise<{ seq: number; entry_hash: string } | undefined> {
    return this.#db.selectFrom('evidence_heads').select(['seq', 'entry_hash']).where('workspace_id', '=', workspaceId).executeTakeFirst();
  }

  async getEvidence(workspaceId: string, evidenceId: string): Promise<EvidenceEntry | undefined> {
    const row = await this.#db
      .selectFrom('evidence')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', evidenceId)
      .executeTakeFirst();

    return row && presentEvidence(row);
  }

  async listEvidenceChain(workspaceId: string): Promise<EvidenceEntry[]> {
    const rows = await this.#db.selectFrom('evidence').selectAll().where('workspace_id', '=', workspaceId).orderBy('seq').execute();

    return rows.map(presentEvidence);
  }

  async countEvidenceForIncident(workspaceId: string, incidentId: string): Promise<number> {
    const row = await this.#db
      .selectFrom('evidence')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('incident_id', '=', incidentId)
      .executeTakeFirstOrThrow();

    return toInt(row.n);
  }

  async countEvidenceForClient(workspaceId: string, clientId: string): Promise<number> {
    const row = await this.#db
      .selectFrom('evidence as e')
      .innerJoin('incidents as i', 'i.id', 'e.incident_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('e.workspace_id', '=', workspaceId)
      .where('i.workspace_id', '=', workspaceId)
      .where('i.client_id', '=', clientId)
      .executeTakeFirstOrThrow();

    return toInt(row.n);
  }

  // ------------------------------------------------------------ client events

  async lockClient(workspaceId: string, clientId: string): Promise<Client | undefined> {
    let query = this.#db.selectFrom('clients').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', clientId);
    // SQLite's write transactions already hold the database's write lock (BEGIN IMMEDIATE).
    if (this.#kind === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();

    return row && presentClient(row);
  }

  async appendClientEvents(workspaceId: string, clientId: string, events: readonly NewClientEvent[]): Promise<ClientEvent[]> {
    if (events.length === 0) return [];
    // Locking first makes "last seq + 1" safe against a concurrent append on PostgreSQL; a caller
    // that did not lock still cannot duplicate a position (unique client_id, seq).
    if (!(await this.lockClient(workspaceId, clientId))) throw new Error(`Client ${clientId} is not in workspace ${workspaceId}`);
    const last = await this.#db
      .selectFrom('client_events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    const base = toInt(last?.seq);
    const rows = await this.#db
      .insertInto('client_events')
      .values(
        events.map((e, i) => ({
          id: e.id,
          workspace_id: workspaceId,
          client_id: clientId,
          seq: base + i + 1,
          type: e.type,
          payload: JSON.stringify(e.payload),
          actor: e.actor,
          at: e.at,
          date: e.date,
          note: e.note,
        })),
      )
      .returningAll()
      .execute();
    // A reassignment is part of the case (`reassigned`), and steps usually change the status too.
    await this.#touch(workspaceId, clientId);

    return rows.sort((a, b) => toInt(a.seq) - toInt(b.seq)).map(presentClientEvent);
  }

  async listMemberNames(workspaceId: string, clientId: string, limit: number): Promise<string[]> {
    const managers = this.#db
      .selectFrom('clients')
      .select('manager as name')
      .where('workspace_id', '=', workspaceId)
      .where('manager', 'is not', null);
    const named = this.#db
      .selectFrom('incidents')
      .select('about_member as name')
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .where('about_member', 'is not', null);
    // UNION (not UNION ALL) leaves each spelling once; the caller folds case and spacing.
    const rows = await managers.union(named).orderBy('name').limit(limit).execute();

    return rows.flatMap((r) => (r.name === null ? [] : [r.name]));
  }

  async listClientEvents(workspaceId: string, clientId: string, order: 'asc' | 'desc' = 'asc'): Promise<ClientEvent[]> {
    const rows = await this.#db
      .selectFrom('client_events')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .orderBy('seq', order)
      .execute();

    return rows.map(presentClientEvent);
  }

  // ------------------------------------------------------------ dashboard (migration 0005)

  async getDashboardRevision(workspaceId: string): Promise<number> {
    const row = await this.#db
      .selectFrom('dashboard_revisions')
      .select('revision')
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();

    return toInt(row?.revision);
  }

  async listDashboardClients(
    workspaceId: string,
    asOf: string,
    clientIds?: readonly string[],
    options: { withPayloads?: boolean } = {},
  ): Promise<DashboardClient[]> {
    if (clientIds !== undefined && clientIds.length === 0) return [];
    const withPayloads = options.withPayloads ?? true;
    let query = this.#db
      .selectFrom('clients as c')
      .leftJoin('score_cache as s', (join) =>
        join.onRef('s.client_id', '=', 'c.id').onRef('s.workspace_id', '=', 'c.workspace_id').on('s.as_of', '=', asOf),
      )
      .select([
        'c.id',
        'c.name',
        'c.manager',
        'c.language',
        'c.status',
        'c.revision',
        's.as_of',
        's.revision as cached_revision',
        's.basis',
        withPayloads ? 's.payload' : sql<string | null>`case when ${sql.ref('s.as_of')} is null then null else '' end`.as('payload'),
      ])
      .where('c.workspace_id', '=', workspaceId);
    if (clientIds !== undefined) query = query.where('c.id', 'in', clientIds);
    const rows = await query.orderBy(this.#textOrder('c.name_key')).orderBy('c.id').execute();

    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      manager: r.manager,
      language: oneOfStored(LANGUAGES, r.language, 'clients.language'),
      status: oneOfStored(CLIENT_STATUSES, r.status, 'clients.status'),
      revision: toInt(r.revision),
      cached:
        r.payload === null || r.as_of === null || r.basis === null
          ? null
          : { client_id: r.id, as_of: r.as_of, revision: toInt(r.cached_revision), basis: r.basis, payload: r.payload },
    }));
  }

  async listOtherSnapshots(workspaceId: string, clientIds: readonly string[], exceptAsOf: string): Promise<ScoreSnapshotRow[]> {
    const out: ScoreSnapshotRow[] = [];
    for (const ids of chunks(clientIds, INSERT_CHUNK)) {
      const rows = await this.#db
        .selectFrom('score_cache')
        .select(['client_id', 'as_of', 'revision', 'basis', 'payload'])
        .where('workspace_id', '=', workspaceId)
        .where('client_id', 'in', ids)
        .where('as_of', '<>', exceptAsOf)
        .orderBy('as_of', 'desc')
        .execute();
      for (const r of rows) out.push({ ...r, revision: toInt(r.revision) });
    }

    return out;
  }

  async loadAssessmentInputs(workspaceId: string, clientIds: readonly string[]): Promise<AssessmentInputs[]> {
    const out: AssessmentInputs[] = [];
    for (const ids of chunks(clientIds, INSERT_CHUNK)) out.push(...(await this.#loadAssessmentChunk(workspaceId, ids)));

    return out;
  }

  /** The same records, in the same order, as exportCase reads them one client at a time. */
  async #loadAssessmentChunk(workspaceId: string, ids: readonly string[]): Promise<AssessmentInputs[]> {
    const db = this.#db;
    const clients = await db.selectFrom('clients').selectAll().where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
    if (clients.length === 0) return [];
    const contracts = await this.#contractsOf(workspaceId, ids).execute();
    const engagements = await this.#engagementsOf(workspaceId, ids).execute();
    const deliverables = await this.#deliverablesOfClients(workspaceId, ids).execute();
    const invoices = await this.#invoicesOf(workspaceId, ids).execute();
    const payments = await this.#paymentsOfClients(workspaceId, ids).execute();
    const time = await this.#timeOf(workspaceId, ids).execute();
    const incidents = await this.#incidentsOf(workspaceId, ids).execute();
    const cards = await this.#cardsOf(workspaceId, ids).execute();
    const reassigned = await db
      .selectFrom('client_events')
      .select('client_id')
      .distinct()
      .where('workspace_id', '=', workspaceId)
      .where('client_id', 'in', ids)
      .where('type', '=', 'reassigned')
      .execute();

    const contractOf = new Map(contracts.map((c) => [c.client_id, presentContract(c)]));
    const deliverablesOf = groupBy(deliverables, (d) => d.engagement_id);
    const engagementsOf = groupBy(engagements, (e) => e.client_id);
    const paymentsOf = groupBy(payments, (p) => p.invoice_id);
    const invoicesOf = groupBy(invoices, (i) => i.client_id);
    const timeOf = groupBy(time, (t) => t.client_id);
    const incidentsOf = groupBy(incidents, (i) => i.client_id);
    const cardsOf = groupBy(cards, (c) => c.client_id);
    const reassignedIds = new Set(reassigned.map((r) => r.client_id));

    return clients.map((row) => {
      const client = presentClient(row);

      return {
        client_id: client.id,
        revision: toInt(row.revision),
        created_at: client.created_at,
        record: {
          client: {
            name: client.name,
            kind: client.kind,
            size: client.size,
            language: client.language,
            since: client.since,
            manager: client.manager,
          },
          contract: contractOf.get(client.id) ?? null,
          engagements: (engagementsOf.get(client.id) ?? []).map((e) => {
            const engagement = presentEngagement(e, deliverablesOf.get(e.id) ?? []);

            return {
              name: engagement.name,
              kind: engagement.kind,
              price_minor: engagement.price_minor,
              prepaid_minor: engagement.prepaid_minor,
              deliverables: engagement.deliverables.map((d) => ({ name: d.name, due: d.due, done: d.done, percent_done: d.percent_done })),
            };
          }),
          invoices: (invoicesOf.get(client.id) ?? []).map((i) => {
            const invoice = presentInvoice(i, paymentsOf.get(i.id) ?? []);

            return {
              number: invoice.number,
              issued: invoice.issued,
              due: invoice.due,
              amount_minor: invoice.amount_minor,
              payments: invoice.payments.map((p) => ({ date: p.date, amount_minor: p.amount_minor })),
            };
          }),
          time: (timeOf.get(client.id) ?? []).map(presentTime),
          incidents: (incidentsOf.get(client.id) ?? []).map((i) => {
            const incident = presentIncident(i, []);

            return {
              date: incident.date,
              code: incident.code,
              severity: incident.severity,
              source: incident.source,
              about_member: incident.about_member,
              note: incident.note,
            };
          }),
          cards: (cardsOf.get(client.id) ?? []).map((c) => {
            const card = presentCard(c);

            return { date: card.date, color: card.color, note: card.note };
          }),
          // As exportCase reads it: a reassignment in the audit trail, or a client imported as reassigned.
          reassigned: reassignedIds.has(client.id) || client.status === 'reassigned',
        },
      };
    });
  }

  async putScoreSnapshots(workspaceId: string, rows: readonly ScoreSnapshotRow[], computedAt: string): Promise<void> {
    for (const chunk of chunks(rows, INSERT_CHUNK / 5)) {
      // A client deleted since its summary was computed is skipped rather than failing the read.
      const existing = await this.#db
        .selectFrom('clients')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where(
          'id',
          'in',
          chunk.map((r) => r.client_id),
        )
        .execute();
      const alive = new Set(existing.map((r) => r.id));
      const values = chunk.filter((r) => alive.has(r.client_id)).map((r) => ({ workspace_id: workspaceId, ...r, computed_at: computedAt }));
      if (values.length === 0) continue;
      await this.#db
        .insertInto('score_cache')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['workspace_id', 'client_id', 'as_of']).doUpdateSet((eb) => ({
            revision: eb.ref('excluded.revision'),
            basis: eb.ref('excluded.basis'),
            payload: eb.ref('excluded.payload'),
            computed_at: eb.ref('excluded.computed_at'),
          })),
        )
        .execute();
      // Summaries of an older revision can never be fresh again, whatever day they are for.
      await this.#db
        .deleteFrom('score_cache')
        .where('workspace_id', '=', workspaceId)
        .where(
          'client_id',
          'in',
          values.map((r) => r.client_id),
        )
        .where('revision', '<', (eb) =>
          eb.selectFrom('clients').select('clients.revision').whereRef('clients.id', '=', 'score_cache.client_id'),
        )
        .execute();
    }
  }

  async pruneScoreSnapshots(workspaceId: string, keepAsOf: string, before: string): Promise<number> {
    const result = await this.#db
      .deleteFrom('score_cache')
      .where('workspace_id', '=', workspaceId)
      .where('as_of', '<>', keepAsOf)
      .where('computed_at', '<', before)
      .executeTakeFirst();

    return Number(result.numDeletedRows);
  }
}
