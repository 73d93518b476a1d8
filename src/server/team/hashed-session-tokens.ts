/**
 * Session tokens stored as their SHA-256 (hex), never in clear (issue 7).
 *
 * better-auth keeps each session's bearer token in the session table and looks sessions up by
 * it, so a copy of the database (backup, leak) would hand out live sessions. This wraps the
 * Kysely adapter better-auth is given: for the session model, the `token` field is hashed on
 * the way in (create data, update payloads, `where` clauses) and the raw token is put back on
 * the rows that come out whenever the caller gave it, so the signed cookie keeps carrying the
 * raw token and the library never sees the difference.
 *
 * Undocumented shapes this depends on (better-auth 1.7, src/db/internal-adapter): the internal
 * adapter calls the adapter with the logical model name "session" and the logical field
 * "token"; it looks sessions up with `{ field: 'token', value }` (operator eq, the default) or
 * `{ field: 'token', value: [...], operator: 'in' }`, and reads `row.token` back from create,
 * findOne, findMany and update (findSessions keys its result by it). Rows read by another field
 * (listSessions by user id) carry the hash: better-auth's list-sessions, revoke-session and
 * revoke-other-sessions cannot work on them, so createAuth disables those routes.
 */
import { createHash } from 'node:crypto';
import { registerSchemaCheck, runtimeSchemaCheckFor, schemaCheckFor } from '@better-auth/core/db/internal';
import type { kyselyAdapter } from '@better-auth/kysely-adapter';

type AdapterFactory = ReturnType<typeof kyselyAdapter>;
type Adapter = ReturnType<AdapterFactory>;
type Row = Record<string, unknown>;
interface Where {
  field: string;
  value: unknown;
  operator?: string | undefined;
}

export function sha256Hex(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Operators that compare the whole value: the only ones a hash can answer. */
const WHOLE_VALUE = new Set([undefined, 'eq', 'ne', 'in', 'not_in']);

/** `factory`, with the `token` of the session model (`models`: its logical and table names) hashed. */
export function hashedSessionTokens(factory: AdapterFactory, models: string[]): AdapterFactory {
  return (options) => {
    const inner = factory(options);
    const wrapped = wrap(inner, new Set(models));
    // The Kysely adapter registers its schema check (tables as better-auth expects) on its own
    // object, in a WeakMap: hand it to the wrapper, which better-auth sees instead.
    const check = schemaCheckFor(inner);
    if (check) registerSchemaCheck(wrapped, check, { runtimeEnabled: runtimeSchemaCheckFor(inner) !== undefined });

    return wrapped;
  };
}

function wrap(adapter: Adapter, models: Set<string>): Adapter {
  /** Per call: hash → raw token, to give rows back with the token the caller knows. */
  const call = () => {
    const raw = new Map<string, string>();
    const hash = (value: unknown): unknown => {
      if (typeof value === 'string') {
        const hashed = sha256Hex(value);
        raw.set(hashed, value);
        return hashed;
      }
      return Array.isArray(value) ? value.map(hash) : value;
    };
    const where = <W extends Where>(clauses: W[] | undefined): W[] | undefined =>
      clauses?.map((w) => {
        if (w.field !== 'token') return w;
        if (!WHOLE_VALUE.has(w.operator)) throw new Error(`session tokens are stored hashed: "${w.operator}" cannot match them`);
        return { ...w, value: hash(w.value) };
      });
    const data = <D extends object>(values: D): D => ('token' in values ? { ...values, token: hash((values as Row).token) } : values);
    const out = <R>(row: R): R => {
      if (row === null || typeof row !== 'object') return row;
      const token = (row as Row).token;
      const known = typeof token === 'string' ? raw.get(token) : undefined;
      return known === undefined ? row : { ...row, token: known };
    };
    return { where, data, out };
  };
  const session = (model: string) => models.has(model);

  const wrapped: Adapter = {
    ...adapter,
    create: async (args) => {
      if (!session(args.model)) return adapter.create(args);
      const c = call();
      return c.out(await adapter.create({ ...args, data: c.data(args.data) }));
    },
    findOne: async (args) => {
      if (!session(args.model)) return adapter.findOne(args);
      const c = call();
      return c.out(await adapter.findOne({ ...args, where: c.where(args.where) ?? [] }));
    },
    findMany: async <T>(args: Parameters<Adapter['findMany']>[0]) => {
      if (!session(args.model)) return adapter.findMany<T>(args);
      const c = call();
      return (await adapter.findMany<T>({ ...args, where: c.where(args.where) })).map(c.out);
    },
    count: async (args) => (session(args.model) ? adapter.count({ ...args, where: call().where(args.where) }) : adapter.count(args)),
    update: async (args) => {
      if (!session(args.model)) return adapter.update(args);
      const c = call();
      return c.out(await adapter.update({ ...args, where: c.where(args.where) ?? [], update: c.data(args.update) }));
    },
    updateMany: async (args) => {
      if (!session(args.model)) return adapter.updateMany(args);
      const c = call();
      return adapter.updateMany({ ...args, where: c.where(args.where) ?? [], update: c.data(args.update) });
    },
    delete: async (args) =>
      session(args.model) ? adapter.delete({ ...args, where: call().where(args.where) ?? [] }) : adapter.delete(args),
    deleteMany: async (args) =>
      session(args.model) ? adapter.deleteMany({ ...args, where: call().where(args.where) ?? [] }) : adapter.deleteMany(args),
    consumeOne: async (args) => {
      if (!session(args.model)) return adapter.consumeOne(args);
      const c = call();
      return c.out(await adapter.consumeOne({ ...args, where: c.where(args.where) ?? [] }));
    },
    incrementOne: async (args) => {
      if (!session(args.model)) return adapter.incrementOne(args);
      const c = call();
      const set = args.set && c.data(args.set);
      return c.out(await adapter.incrementOne({ ...args, where: c.where(args.where) ?? [], set }));
    },
    // Work inside a transaction goes through the adapter handed to the callback: wrap it too.
    transaction: (callback) => adapter.transaction((trx) => callback(wrap(trx as Adapter, models) as typeof trx)),
  };

  return wrapped;
}
