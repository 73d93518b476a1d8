import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { type OpenedStore, rawSql, storeBackends } from '../../../test/stores.js';
import type { Principal } from '../../app/principal.js';
import type { AuditEntry, AuditPage } from '../../contracts/audit.js';
import type { StoreOptions } from '../../store/open-store.js';

const MEMBER: Principal = { userId: 'u-member', displayName: 'Tom', role: 'member' };
const MANAGER: Principal = { userId: 'u-manager', displayName: 'Ana', role: 'manager' };

describe.each(storeBackends())('audit API on $name', (backend) => {
  let opened: OpenedStore;
  let t: TestApp;
  let base: string;
  let clientId: string;

  /** A request as `who` (the test's stand-in for team mode's sign-in, which sets request.principal). */
  const as = (who: Principal | undefined, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url, payload: payload as object, headers: who ? { 'x-test-principal': JSON.stringify(who) } : {} });
  const page = async (query = '') => {
    const res = await as(undefined, 'GET', `${base}/audit${query}`);
    expect(res.statusCode, res.body).toBe(200);

    return JSON.parse(res.body) as AuditPage;
  };

  beforeAll(async () => {
    opened = await backend.open();
    t = await buildTestApp(opened.store);
    t.app.addHook('onRequest', async (request) => {
      const header = request.headers['x-test-principal'];
      if (typeof header === 'string') (request as { principal?: Principal }).principal = JSON.parse(header);
    });
    base = `/api/workspaces/${t.workspaceId}`;
    const created = await as(undefined, 'POST', `${base}/clients`, { name: 'Vortex Media' });
    clientId = JSON.parse(created.body).id;
    await as(MEMBER, 'PATCH', `${base}/clients/${clientId}`, { notes: 'slow to pay' });
    await as(undefined, 'POST', `${base}/clients/${clientId}/incidents`, { date: '2026-01-01', code: 'abuse' });
    const other = JSON.parse((await as(undefined, 'POST', `${base}/clients`, { name: 'Short Lived' })).body);
    await as(undefined, 'DELETE', `${base}/clients/${other.id}`);
  });
  afterAll(async () => {
    await t.close();
    await opened.dispose();
  });

  it('lists every change newest first, with who, what, and the row before and after', async () => {
    const { entries } = await page();
    const summary = entries.map((e) => `${e.action} ${e.entity} by ${e.actor_name}`);
    expect(summary.slice(0, 5)).toEqual([
      'delete clients by You',
      'create clients by You',
      'create incidents by You',
      'update clients by Tom',
      'create clients by You',
    ]);
    const update = entries.find((e) => e.action === 'update' && e.entity === 'clients') as AuditEntry;
    expect(update).toMatchObject({ actor_id: 'u-member', entity_id: clientId, client_id: clientId });
    expect(update.before).toMatchObject({ notes: '' });
    expect(update.after).toMatchObject({ notes: 'slow to pay' });
    expect(entries.every((e, i) => i === 0 || (entries[i - 1] as AuditEntry).seq > e.seq)).toBe(true);
  });

  it('filters by entity, client and days, and pages with before_seq', async () => {
    const clients = await page('?entity=clients');
    expect(clients.entries.length).toBeGreaterThanOrEqual(4);
    expect(clients.entries.every((e) => e.entity === 'clients')).toBe(true);
    const ofClient = await page(`?client_id=${clientId}`);
    expect(ofClient.entries.map((e) => e.entity).sort()).toEqual(['clients', 'clients', 'incidents']);
    const today = new Date().toISOString().slice(0, 10);
    expect((await page(`?from=${today}&to=${today}`)).entries.length).toBe((await page()).entries.length);
    expect((await page('?from=2999-01-01')).entries).toEqual([]);

    const all = (await page('?limit=200')).entries;
    const seen: number[] = [];
    let next: number | null = null;
    do {
      const p: AuditPage = await page(`?limit=2${next ? `&before_seq=${next}` : ''}`);
      seen.push(...p.entries.map((e) => e.seq));
      next = p.next_before_seq;
    } while (next !== null);
    expect(seen).toEqual(all.map((e) => e.seq));
  });

  it('refuses bad filters with a problem+json 422', async () => {
    for (const query of ['?limit=0', '?limit=1000', '?from=2026-02-30', '?client_id=x', "?entity=clients';--", '?nope=1']) {
      const res = await as(undefined, 'GET', `${base}/audit${query}`);
      expect(res.statusCode, query).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('is for owners only: members and managers get 403 problem+json', async () => {
    for (const who of [MEMBER, MANAGER]) {
      for (const path of ['/audit', '/audit/export', '/audit/export?format=csv', '/audit/verify']) {
        const res = await as(who, 'GET', `${base}${path}`);
        expect(res.statusCode, `${who.role} ${path}`).toBe(403);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(JSON.parse(res.body)).toMatchObject({ status: 403, code: 'FORBIDDEN', detail: expect.stringMatching(/owner/) });
      }
    }
    const owner = await as({ userId: 'u-owner', displayName: 'Ieva', role: 'owner' }, 'GET', `${base}/audit`);
    expect(owner.statusCode).toBe(200);
  });

  it('exports the whole log as JSON Lines and CSV that read back to the same entries', async () => {
    const listed = (await page('?limit=200')).entries.reverse();
    const jsonl = await as(undefined, 'GET', `${base}/audit/export`);
    expect(jsonl.statusCode).toBe(200);
    expect(jsonl.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = jsonl.body.split('\n').filter((l) => l !== '');
    expect(lines.map((l) => JSON.parse(l))).toEqual(listed);

    const csv = await as(undefined, 'GET', `${base}/audit/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const records = parseCsv(csv.body, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(listed.length);
    records.forEach((record, i) => {
      const entry = listed[i] as AuditEntry;
      expect(Number(record.seq)).toBe(entry.seq);
      expect(record.actor_name).toBe(entry.actor_name);
      expect(record.entry_hash).toBe(entry.entry_hash);
      expect(record.after === '' ? null : JSON.parse(record.after as string)).toEqual(entry.after);
      expect(record.before === '' ? null : JSON.parse(record.before as string)).toEqual(entry.before);
    });
  });

  it('verifies the chain, and reports an entry altered under the store', async () => {
    const ok = JSON.parse((await as(undefined, 'GET', `${base}/audit/verify`)).body);
    expect(ok).toMatchObject({ ok: true, problems: [] });
    expect(ok.entries).toBeGreaterThanOrEqual(5);
    const victim = (await page('?entity=incidents')).entries[0] as AuditEntry;
    await rawSql(opened.location as StoreOptions, 'update audit_log set actor_name = ? where id = ?', ['Someone Else', victim.id]);
    const bad = JSON.parse((await as(undefined, 'GET', `${base}/audit/verify`)).body);
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]).toMatchObject({ kind: 'altered_entry', seq: victim.seq, entry_id: victim.id });
  });
});
