/**
 * Kysely's SQLite dialect with three changes RedCard needs when several processes (the server and
 * the CLI) share one database file:
 *
 * - Transactions start with BEGIN IMMEDIATE. A plain BEGIN is deferred: it reads under a snapshot
 *   and only asks for the write lock at the first write, which fails with SQLITE_BUSY_SNAPSHOT
 *   when another process committed in between (the busy handler cannot help there). Taking the
 *   write lock up front makes every read-then-write transaction serialisable across processes.
 * - While waiting for that lock we poll asynchronously instead of letting SQLite's busy handler
 *   sleep inside the synchronous better-sqlite3 call: a blocked event loop would stall the whole
 *   server, and two stores in one process (tests, a server with a background job) would deadlock.
 * - Migrations run in a transaction (SQLite does support transactional DDL; Kysely's adapter
 *   says no only to stay conservative), so two processes starting at once migrate one at a time.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';
import { isBusy } from './errors.js';

/** Options for {@link ImmediateSqliteDialect}. */
export interface ImmediateSqliteDialectConfig {
  database: BetterSqlite3.Database;
  /** How long BEGIN IMMEDIATE waits for another connection's write lock before failing (ms). */
  busyTimeoutMs: number;
}

class ImmediateSqliteDriver extends SqliteDriver {
  readonly #database: BetterSqlite3.Database;
  readonly #busyTimeoutMs: number;

  constructor(config: ImmediateSqliteDialectConfig) {
    super({ database: config.database });
    this.#database = config.database;
    this.#busyTimeoutMs = config.busyTimeoutMs;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const deadline = Date.now() + this.#busyTimeoutMs;
    let pauseMs = 1;
    // With the busy handler off, a held lock fails at once and we wait here without blocking.
    this.#database.pragma('busy_timeout = 0');
    try {
      for (;;) {
        try {
          await connection.executeQuery(CompiledQuery.raw('begin immediate'));

          return;
        } catch (error) {
          if (!isBusy(error) || Date.now() >= deadline) throw error;
        }
        // Jitter keeps two waiting processes from retrying in lockstep.
        await sleep(pauseMs + Math.random() * pauseMs);
        pauseMs = Math.min(pauseMs * 2, 50);
      }
    } finally {
      this.#database.pragma(`busy_timeout = ${this.#busyTimeoutMs}`);
    }
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** SqliteDialect whose transactions take the write lock at BEGIN (see the module comment). */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ImmediateSqliteDialectConfig;

  constructor(config: ImmediateSqliteDialectConfig) {
    super({ database: config.database });
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
