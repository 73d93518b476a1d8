/**
 * Opens the store: SQLite in one file (the default, embedded) or a PostgreSQL server. Both go
 * through one Kysely query layer and one set of migrations, which run before the store is handed
 * out, so a caller never sees an old schema.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Repos, Store } from '../app/ports.js';
import { auditedRepos, directSubRepos, readOnlyGuard } from './audit.js';
import { SqlAuditReads } from './audit-reads.js';
import { StaticMigrationProvider } from './migrations/index.js';
import { SqlRepos, type StoreKind } from './repos.js';
import type { Database as Schema } from './schema.js';
import { ImmediateSqliteDialect } from './sqlite-dialect.js';

/** Where the data lives: a SQLite file (':memory:' for tests) or a PostgreSQL URL. */
export type StoreOptions = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** How long a writer waits for another process's write lock before giving up (ms). */
export const BUSY_TIMEOUT_MS = 10_000;

const INT8_OID = 20;

/**
 * Opens a better-sqlite3 connection with RedCard's settings: WAL so readers never wait for the
 * writer, synchronous=FULL so a commit survives power loss (WAL's NORMAL may lose the last ones),
 * a busy timeout for the moments another process holds the lock, and enforced foreign keys
 * (SQLite leaves them off unless asked, per connection).
 */
export function openSqliteDatabase(file: string): Database.Database {
  const database = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    // An in-memory database has no file to keep a write-ahead log beside.
    if (file !== ':memory:' && file !== '') database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    database.pragma('foreign_keys = ON');
  } catch (error) {
    database.close();
    throw error;
  }

  return database;
}

/**
 * A pg pool whose int8 columns (bigint money, count(*)) arrive as JS numbers. The parser is set
 * on this pool only: the global pg.types.setTypeParser would change every other pg user in the
 * process. Values beyond 2^53 would lose digits, so they fail instead.
 */
function createPool(url: string): pg.Pool {
  const getTypeParser = ((oid: number, format?: string) => {
    if (oid === INT8_OID && format !== 'binary') {
      return (value: string): number => {
        const n = Number(value);
        if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} does not fit a JS number exactly`);

        return n;
      };
    }

    return pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'];
  const pool = new pg.Pool({ connectionString: url, types: { getTypeParser } });
  // A connection dropped while idle is removed by the pool and the next query reconnects; without
  // a listener the 'error' event would crash the process.
  pool.on('error', () => {});

  return pool;
}

async function migrate(db: Kysely<Schema>): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error;
}

/** The Store port over Kysely. Writes outside `transaction` run in a transaction of their own. */
class SqlStore implements Store {
  readonly kind: StoreKind;
  readonly #db: Kysely<Schema>;
  readonly #repos: SqlRepos;
  /** Set while `transaction` runs, to catch store calls that bypass `tx` (see #direct). */
  readonly #inTransaction = new AsyncLocalStorage<true>();

  constructor(db: Kysely<Schema>, kind: StoreKind) {
    this.#db = db;
    this.kind = kind;
    // Outside a transaction the store only reads: a write there could not be audited.
    this.#repos = new SqlRepos(db.withPlugin(readOnlyGuard()), kind);
  }

  /**
   * Calling the store instead of `tx` inside `transaction` would deadlock on SQLite (the single
   * connection is held by the transaction) and escape the transaction on PostgreSQL.
   */
  #direct(): SqlRepos {
    if (this.#inTransaction.getStore()) throw new Error('A store method was called inside store.transaction(); use the tx argument');

    return this.#repos;
  }

  /**
   * A write method on its own: one transaction, so its several statements (an engagement and its
   * deliverables) commit together, and on SQLite it waits for the write lock without blocking.
   */
  #write<T>(work: (repos: Repos) => Promise<T>): Promise<T> {
    this.#direct();

    return this.#db.transaction().execute((trx) => work(auditedRepos(this.kind, trx)));
  }

  transaction<T>(work: (tx: Repos) => Promise<T>): Promise<T> {
    this.#direct();

    // Every write goes through the audit wrapper (audit.ts): the change and its entry commit together.
    return this.#db.transaction().execute((trx) => this.#inTransaction.run(true, () => work(auditedRepos(this.kind, trx))));
  }

  /** The audit log, read only (issue 7). */
  get audit(): Store['audit'] {
    this.#direct();

    return new SqlAuditReads(this.#db);
  }

  async ping(): Promise<void> {
    await this.#direct().ping();
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }

  insertWorkspace: Repos['insertWorkspace'] = (...a) => this.#write((r) => r.insertWorkspace(...a));
  getWorkspace: Repos['getWorkspace'] = (...a) => this.#direct().getWorkspace(...a);
  listWorkspaces: Repos['listWorkspaces'] = (...a) => this.#direct().listWorkspaces(...a);
  updateWorkspace: Repos['updateWorkspace'] = (...a) => this.#write((r) => r.updateWorkspace(...a));

  insertClient: Repos['insertClient'] = (...a) => this.#write((r) => r.insertClient(...a));
  getClient: Repos['getClient'] = (...a) => this.#direct().getClient(...a);
  findClientByNameKey: Repos['findClientByNameKey'] = (...a) => this.#direct().findClientByNameKey(...a);
  listClients: Repos['listClients'] = (...a) => this.#direct().listClients(...a);
  updateClient: Repos['updateClient'] = (...a) => this.#write((r) => r.updateClient(...a));
  deleteClient: Repos['deleteClient'] = (...a) => this.#write((r) => r.deleteClient(...a));

  getContract: Repos['getContract'] = (...a) => this.#direct().getContract(...a);
  putContract: Repos['putContract'] = (...a) => this.#write((r) => r.putContract(...a));
  deleteContract: Repos['deleteContract'] = (...a) => this.#write((r) => r.deleteContract(...a));

  listEngagements: Repos['listEngagements'] = (...a) => this.#direct().listEngagements(...a);
  insertEngagement: Repos['insertEngagement'] = (...a) => this.#write((r) => r.insertEngagement(...a));
  updateEngagement: Repos['updateEngagement'] = (...a) => this.#write((r) => r.updateEngagement(...a));
  deleteEngagement: Repos['deleteEngagement'] = (...a) => this.#write((r) => r.deleteEngagement(...a));

  listInvoices: Repos['listInvoices'] = (...a) => this.#direct().listInvoices(...a);
  getInvoice: Repos['getInvoice'] = (...a) => this.#direct().getInvoice(...a);
  insertInvoice: Repos['insertInvoice'] = (...a) => this.#write((r) => r.insertInvoice(...a));
  updateInvoice: Repos['updateInvoice'] = (...a) => this.#write((r) => r.updateInvoice(...a));
  deleteInvoice: Repos['deleteInvoice'] = (...a) => this.#write((r) => r.deleteInvoice(...a));
  insertPayment: Repos['insertPayment'] = (...a) => this.#write((r) => r.insertPayment(...a));
  deletePayment: Repos['deletePayment'] = (...a) => this.#write((r) => r.deletePayment(...a));

  listTime: Repos['listTime'] = (...a) => this.#direct().listTime(...a);
  putTime: Repos['putTime'] = (...a) => this.#write((r) => r.putTime(...a));
  deleteTime: Repos['deleteTime'] = (...a) => this.#write((r) => r.deleteTime(...a));

  listIncidents: Repos['listIncidents'] = (...a) => this.#direct().listIncidents(...a);
  getIncident: Repos['getIncident'] = (...a) => this.#direct().getIncident(...a);
  insertIncident: Repos['insertIncident'] = (...a) => this.#write((r) => r.insertIncident(...a));
  updateIncident: Repos['updateIncident'] = (...a) => this.#write((r) => r.updateIncident(...a));
  deleteIncident: Repos['deleteIncident'] = (...a) => this.#write((r) => r.deleteIncident(...a));

  listCards: Repos['listCards'] = (...a) => this.#direct().listCards(...a);
  getCard: Repos['getCard'] = (...a) => this.#direct().getCard(...a);
  insertCard: Repos['insertCard'] = (...a) => this.#write((r) => r.insertCard(...a));
  updateCard: Repos['updateCard'] = (...a) => this.#write((r) => r.updateCard(...a));
  deleteCard: Repos['deleteCard'] = (...a) => this.#write((r) => r.deleteCard(...a));

  listMessages: Repos['listMessages'] = (...a) => this.#direct().listMessages(...a);
  getMessage: Repos['getMessage'] = (...a) => this.#direct().getMessage(...a);
  insertMessage: Repos['insertMessage'] = (...a) => this.#write((r) => r.insertMessage(...a));
  updateMessage: Repos['updateMessage'] = (...a) => this.#write((r) => r.updateMessage(...a));
  deleteMessage: Repos['deleteMessage'] = (...a) => this.#write((r) => r.deleteMessage(...a));

  // Only meaningful inside store.transaction(); outside one the lock ends at once.
  lockEvidenceChain: Repos['lockEvidenceChain'] = (...a) => this.#write((r) => r.lockEvidenceChain(...a));
  lastEvidence: Repos['lastEvidence'] = (...a) => this.#direct().lastEvidence(...a);
  insertEvidence: Repos['insertEvidence'] = (...a) => this.#write((r) => r.insertEvidence(...a));
  getEvidence: Repos['getEvidence'] = (...a) => this.#direct().getEvidence(...a);
  getEvidenceHead: Repos['getEvidenceHead'] = (...a) => this.#direct().getEvidenceHead(...a);
  listEvidenceChain: Repos['listEvidenceChain'] = (...a) => this.#direct().listEvidenceChain(...a);
  countEvidenceForIncident: Repos['countEvidenceForIncident'] = (...a) => this.#direct().countEvidenceForIncident(...a);
  countEvidenceForClient: Repos['countEvidenceForClient'] = (...a) => this.#direct().countEvidenceForClient(...a);

  // Outside store.transaction() the lock ends with the read; escalation steps lock inside one.
  lockClient: Repos['lockClient'] = (...a) => this.#write((r) => r.lockClient(...a));
  appendClientEvents: Repos['appendClientEvents'] = (...a) => this.#write((r) => r.appendClientEvents(...a));
  listClientEvents: Repos['listClientEvents'] = (...a) => this.#direct().listClientEvents(...a);
  listMemberNames: Repos['listMemberNames'] = (...a) => this.#direct().listMemberNames(...a);

  /** Outside store.transaction() each call autocommits; the exit-plan use cases write inside one. */
  get exitPlans(): Repos['exitPlans'] {
    // Writes through the store (not tx) still get their own audited transaction.
    return directSubRepos('exitPlans', this.#direct().exitPlans, (work) => this.#write(work));
  }

  // Reads outside a transaction; the import use cases write through `tx.imports`.
  get imports(): Repos['imports'] {
    return directSubRepos('imports', this.#direct().imports, (work) => this.#write(work));
  }

  // Reads outside a transaction; the letter-draft use cases write through `tx.letterDrafts`.
  get letterDrafts(): Repos['letterDrafts'] {
    return directSubRepos('letterDrafts', this.#direct().letterDrafts, (work) => this.#write(work));
  }

  // Reflections, lessons and prospects; the use cases write through `tx.screening`.
  get screening(): Repos['screening'] {
    return directSubRepos('screening', this.#direct().screening, (work) => this.#write(work));
  }

  // clause-reports: reads outside a transaction; the staff-report use cases write through `tx.staffReports`.
  get staffReports(): Repos['staffReports'] {
    return directSubRepos('staffReports', this.#direct().staffReports, (work) => this.#write(work));
  }

  // After the exit (issue 8): reads outside a transaction; the use cases write through `tx.afterExit`.
  get afterExit(): Repos['afterExit'] {
    return directSubRepos('afterExit', this.#direct().afterExit, (work) => this.#write(work));
  }

  getDashboardRevision: Repos['getDashboardRevision'] = (...a) => this.#direct().getDashboardRevision(...a);
  listDashboardClients: Repos['listDashboardClients'] = (...a) => this.#direct().listDashboardClients(...a);
  listOtherSnapshots: Repos['listOtherSnapshots'] = (...a) => this.#direct().listOtherSnapshots(...a);
  loadAssessmentInputs: Repos['loadAssessmentInputs'] = (...a) => this.#direct().loadAssessmentInputs(...a);
  putScoreSnapshots: Repos['putScoreSnapshots'] = (...a) => this.#write((r) => r.putScoreSnapshots(...a));
  pruneScoreSnapshots: Repos['pruneScoreSnapshots'] = (...a) => this.#write((r) => r.pruneScoreSnapshots(...a));
}

/**
 * Opens a store and brings its schema up to date. SQLite: a file (created when missing) in WAL
 * mode; PostgreSQL: a connection pool on `url`. Close it with `store.close()`.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const db =
    options.kind === 'sqlite'
      ? new Kysely<Schema>({
          dialect: new ImmediateSqliteDialect({ database: openSqliteDatabase(options.file), busyTimeoutMs: BUSY_TIMEOUT_MS }),
        })
      : new Kysely<Schema>({ dialect: new PostgresDialect({ pool: createPool(options.url) }) });
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }

  const store = new SqlStore(db, options.kind);
  KYSELY_OF.set(store, db);

  return store;
}

/**
 * The query builder under a store opened here, for the parts that bring their own queries over
 * RedCard's tables and connection: the auth library (team mode) and the team repositories.
 */
const KYSELY_OF = new WeakMap<Store, Kysely<Schema>>();

export function kyselyOf(store: Store): Kysely<Schema> {
  const db = KYSELY_OF.get(store);
  if (!db) throw new Error('This store was not opened by openStore');

  return db;
}
