/**
 * The databases db tests run against: SQLite always, PostgreSQL when DATABASE_URL is set. Each
 * `open()` gives a fresh, empty database of its own, so test files can run in parallel.
 *
 *   describe.each(storeBackends())('store on $name', (backend) => { ... backend.open() ... })
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Store } from '../src/app/ports.js';
import { openStore, type StoreOptions } from '../src/store/open-store.js';

/** A store on a throwaway database, and the function that closes and removes it. */
export interface OpenedStore {
  store: Store;
  dispose(): Promise<void>;
  /** Where the database is, for tests that reach under the store (tampering with the audit log). */
  location?: StoreOptions;
}

/** One database engine the tests can run on. */
export interface StoreBackend {
  name: 'sqlite' | 'postgres';
  open(): Promise<OpenedStore>;
}

/**
 * A temporary directory with one SQLite file. A real file rather than ':memory:', so WAL and
 * the locking between connections are exercised as in production.
 */
export async function tempSqliteFile(): Promise<{ file: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'redcard-db-'));

  return { file: join(dir, 'redcard.sqlite'), remove: () => rm(dir, { recursive: true, force: true }) };
}

async function openSqlite(): Promise<OpenedStore> {
  const temp = await tempSqliteFile();
  const store = await openStore({ kind: 'sqlite', file: temp.file });

  return {
    store,
    location: { kind: 'sqlite', file: temp.file },
    async dispose() {
      await store.close();
      await temp.remove();
    },
  };
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function openPostgres(serverUrl: string): Promise<OpenedStore> {
  // Only hex digits follow the prefix, so the name is safe to splice into DDL.
  const name = `redcard_t_${randomBytes(8).toString('hex')}`;
  await onServer(serverUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let store: Store;
  try {
    store = await openStore({ kind: 'postgres', url: url.toString() });
  } catch (error) {
    await onServer(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    throw error;
  }

  return {
    store,
    location: { kind: 'postgres', url: url.toString() },
    async dispose() {
      await store.close();
      await onServer(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** Runs one SQL statement on the database under a store (tests that tamper with it on purpose). */
export async function rawSql(location: StoreOptions, text: string, params: unknown[] = []): Promise<void> {
  if (location.kind === 'sqlite') {
    const db = new Database(location.file);
    try {
      db.prepare(text).run(...params);
    } finally {
      db.close();
    }
  } else {
    await onServer(location.url, (c) =>
      c.query(
        text.replace(
          /\?/g,
          (() => {
            let i = 0;
            return () => `$${++i}`;
          })(),
        ),
        params,
      ),
    );
  }
}

/** SQLite, plus PostgreSQL when DATABASE_URL names a server the tests may create databases on. */
export function storeBackends(): StoreBackend[] {
  const backends: StoreBackend[] = [{ name: 'sqlite', open: openSqlite }];
  const url = process.env.DATABASE_URL;
  if (url) backends.push({ name: 'postgres', open: () => openPostgres(url) });

  return backends;
}
