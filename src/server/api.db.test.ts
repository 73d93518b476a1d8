import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, multipart, type TestApp } from '../../test/build-test-app.js';
import { storeBackends } from '../../test/stores.js';
import { loadDemoCases } from '../demo/load-demo-cases.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);

describe.each(storeBackends())('HTTP API on $name', (backend) => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  let base: string;

  beforeEach(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    t = await buildTestApp(opened.store, { evidenceMaxBytes: 64 * 1024 });
    base = `/api/workspaces/${t.workspaceId}`;
  });
  afterEach(async () => {
    await t.close();
    await dispose();
  });

  const json = async (method: string, url: string, payload?: unknown) => {
    const res = await t.app.inject({ method: method as 'GET', url, ...(payload === undefined ? {} : { payload: payload as object }) });

    return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as any) : undefined, headers: res.headers };
  };
  const addClient = async (name = 'Vortex Media SRL', extra: object = {}) => {
    const res = await json('POST', `${base}/clients`, { name, language: 'ro', ...extra });
    expect(res.status).toBe(201);

    return res.body as { id: string; name: string };
  };
  const addIncident = async (clientId: string, extra: object = {}) => {
    const res = await json('POST', `${base}/clients/${clientId}/incidents`, {
      date: '2026-10-12',
      code: 'abuse',
      severity: 2,
      note: 'Shouted on a call',
      ...extra,
    });
    expect(res.status).toBe(201);

    return res.body as { id: string };
  };
  const upload = async (incidentId: string, bytes: Uint8Array = PNG, name = 'screenshot.png', fields: Record<string, string> = {}) => {
    const body = multipart({ name, type: 'image/png', bytes }, fields);

    return t.app.inject({ method: 'POST', url: `${base}/incidents/${incidentId}/evidence`, ...body });
  };

  it('answers health when the store is ready, and serves the OpenAPI document and docs page', async () => {
    const health = await json('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', store: backend.name });
    const doc = await json('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/workspaces/{ws}/clients', '/api/workspaces/{ws}/cases', '/api/workspaces/{ws}/evidence/verify']),
    );
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('opens the demo workspace on request, once, leaving the own workspace as it was', async () => {
    const first = await json('POST', '/api/demo');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ is_demo: true, provider_kind: 'agency' });
    expect((await json('POST', '/api/demo')).body.id).toBe(first.body.id);
    const clients = (await json('GET', `/api/workspaces/${first.body.id}/clients`)).body as Array<{
      language: string;
      serious_incidents: number;
    }>;
    expect(clients.length).toBeGreaterThanOrEqual(10);
    expect(new Set(clients.map((c) => c.language))).toEqual(new Set(['en', 'ru', 'ro', 'lt']));
    expect(clients.some((c) => c.serious_incidents > 0)).toBe(true);
    expect((await json('GET', `${base}/clients`)).body).toEqual([]);
    const config = (await json('GET', '/api/config')).body;
    expect(config).toMatchObject({ default_workspace_id: t.workspaceId, demo_workspace_id: first.body.id });
  });

  it('changes only the fields a PATCH sends: the others keep their stored values, not the defaults', async () => {
    const ws = await json('PATCH', base, { currency: 'RON', timezone: 'Europe/Bucharest', language: 'ro', jurisdiction: 'RO' });
    expect(ws.status).toBe(200);
    const renamed = await json('PATCH', base, { provider_kind: 'agency' });
    expect(renamed.body).toMatchObject({
      provider_kind: 'agency',
      currency: 'RON',
      timezone: 'Europe/Bucharest',
      language: 'ro',
      jurisdiction: 'RO',
    });

    const c = await addClient();
    const created = await json('POST', `${base}/clients/${c.id}/engagements`, {
      name: 'Website',
      kind: 'long_term',
      price_minor: 150_000,
      prepaid_minor: 50_000,
      deliverables: [{ name: 'Home page', due: '2026-12-01' }],
    });
    expect(created.status).toBe(201);
    const patched = await json('PATCH', `${base}/engagements/${created.body.id}`, { name: 'Website 2.0' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Website 2.0', kind: 'long_term', price_minor: 150_000, prepaid_minor: 50_000 });
    expect(patched.body.deliverables).toHaveLength(1);
  });

  it('adds, lists, searches, shows, changes and deletes a client', async () => {
    const c = await addClient('Žalias Medis UAB', { language: 'lt' });
    await addClient('Other Client');
    const all = await json('GET', `${base}/clients`);
    expect(all.body.map((x: { name: string }) => x.name)).toEqual(['Other Client', 'Žalias Medis UAB']);
    const found = await json('GET', `${base}/clients?q=${encodeURIComponent('žalias')}`);
    expect(found.body.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const patched = await json('PATCH', `${base}/clients/${c.id}`, { status: 'active', manager: 'Ieva' });
    expect(patched.body).toMatchObject({ status: 'active', manager: 'Ieva', name: 'Žalias Medis UAB' });
    expect((await json('POST', `${base}/clients/${c.id}/status`, { event: 'watch' })).status).toBe(200);
    expect((await json('GET', `${base}/clients?status=watch`)).body).toHaveLength(1);
    const detail = await json('GET', `${base}/clients/${c.id}`);
    expect(detail.body.client.status).toBe('watch');
    expect((await json('DELETE', `${base}/clients/${c.id}`)).status).toBe(204);
    expect((await json('GET', `${base}/clients/${c.id}`)).status).toBe(404);
  });

  it('answers invalid input with problem+json naming each field, and writes nothing', async () => {
    const res = await json('POST', `${base}/clients`, { name: '', kind: 'robot', email: 'nope', unknown: 1 });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'kind', 'name', 'unknown'].sort());
    expect((await json('GET', `${base}/clients`)).body).toEqual([]);
  });

  it('answers malformed JSON, unknown routes and unknown ids with stable codes', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: `${base}/clients`,
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).code).toBe('MALFORMED_REQUEST');
    expect((await json('GET', '/api/nothing-here')).body.code).toBe('NOT_FOUND');
    expect((await json('GET', `${base}/clients/00000000-0000-4000-8000-000000000000`)).body.code).toBe('CLIENT_NOT_FOUND');
    expect((await json('GET', `${base}/clients/not-an-id`)).body.code).toBe('CLIENT_NOT_FOUND');
    expect((await json('GET', '/api/workspaces/00000000-0000-4000-8000-000000000000/clients')).body.code).toBe('WORKSPACE_NOT_FOUND');
    expect((await json('PATCH', `${base}/incidents/00000000-0000-4000-8000-000000000000`, { note: 'x' })).body.code).toBe(
      'INCIDENT_NOT_FOUND',
    );
  });

  it('refuses NUL characters in free text (PostgreSQL cannot store them) with a field error', async () => {
    const res = await json('POST', `${base}/clients`, { name: 'Nul Client', notes: 'a\u0000b' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'notes', message: 'must not contain NUL characters' }]);
    expect((await json('GET', `${base}/clients?q=${encodeURIComponent('a\u0000')}`)).status).toBe(422);
  });

  it('refuses a duplicate client name (case-insensitively)', async () => {
    await addClient('Acme');
    const dup = await json('POST', `${base}/clients`, { name: 'ACME' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE_CLIENT');
  });

  it('keeps every workspace apart: ids of one are unknown in another', async () => {
    const other = (await json('POST', '/api/workspaces', { name: 'Second workspace' })).body as { id: string };
    const c = await addClient();
    const inc = await addIncident(c.id);
    const otherBase = `/api/workspaces/${other.id}`;
    expect((await json('GET', `${otherBase}/clients`)).body).toEqual([]);
    expect((await json('GET', `${otherBase}/clients/${c.id}`)).status).toBe(404);
    expect((await json('PATCH', `${otherBase}/clients/${c.id}`, { name: 'Hijacked' })).status).toBe(404);
    expect((await json('DELETE', `${otherBase}/clients/${c.id}`)).status).toBe(404);
    expect((await json('PATCH', `${otherBase}/incidents/${inc.id}`, { note: 'changed' })).status).toBe(404);
    expect((await json('DELETE', `${otherBase}/incidents/${inc.id}`)).status).toBe(404);
    expect((await json('POST', `${otherBase}/clients/${c.id}/incidents`, { date: '2026-10-12', code: 'abuse' })).status).toBe(404);
    const detail = await json('GET', `${base}/clients/${c.id}`);
    expect(detail.body.client.name).toBe('Vortex Media SRL');
    expect(detail.body.incidents[0].note).toBe('Shouted on a call');
  });

  it('keeps the whole record: contract, engagements, invoices with payments, time, incidents, cards, messages', async () => {
    const c = await addClient();
    const cid = c.id;
    const contract = await json('PUT', `${base}/clients/${cid}/contract`, {
      signed: '2024-02-01',
      provider_may_terminate: true,
      notice: { amount: 30, unit: 'days' },
      penalty: { amount_minor: 200000, description: 'two monthly fees' },
    });
    expect(contract.status).toBe(200);
    const eng = await json('POST', `${base}/clients/${cid}/engagements`, {
      name: 'Monthly social media',
      kind: 'long_term',
      price_minor: 150000,
      deliverables: [{ name: 'December plan', due: '2026-11-28', percent_done: 40 }],
    });
    expect(eng.status).toBe(201);
    const inv = await json('POST', `${base}/clients/${cid}/invoices`, {
      number: '2026-031',
      issued: '2026-09-01',
      due: '2026-09-15',
      amount_minor: 150000,
    });
    expect(inv.body).toMatchObject({ currency: 'EUR', outstanding_minor: 150000 });
    const paid = await json('POST', `${base}/invoices/${inv.body.id}/payments`, { date: '2026-10-30', amount_minor: 100000 });
    expect(paid.body).toMatchObject({ paid_minor: 100000, outstanding_minor: 50000 });
    const over = await json('POST', `${base}/invoices/${inv.body.id}/payments`, { date: '2026-10-31', amount_minor: 50001 });
    expect(over.body.code).toBe('PAYMENT_EXCEEDS_INVOICE');
    expect((await json('PUT', `${base}/clients/${cid}/time/2026-10`, { hours: 46.5 })).body).toEqual({ month: '2026-10', hours: 46.5 });
    expect((await json('PUT', `${base}/clients/${cid}/time/2026-13`, { hours: 1 })).status).toBe(422);
    await addIncident(cid, { about_member: 'Ioana', source: 'staff_report' });
    expect(
      (await json('POST', `${base}/clients/${cid}/cards/yellow`, { date: '2026-10-13', channel: 'call', said: 'Warned by phone' })).status,
    ).toBe(201);
    expect(
      (await json('POST', `${base}/clients/${cid}/messages`, { sent_at: '2026-10-12T22:41:00+03:00', text: 'Why is it not done yet?' }))
        .status,
    ).toBe(201);

    const d = (await json('GET', `${base}/clients/${cid}`)).body;
    expect(d.contract).toMatchObject({ provider_may_terminate: true, notice: { amount: 30, unit: 'days' }, refund_clause: false });
    expect(d.engagements[0].deliverables[0]).toMatchObject({ name: 'December plan', due: '2026-11-28', done: false, percent_done: 40 });
    expect(d.invoices[0].payments).toHaveLength(1);
    expect(d.time).toEqual([{ month: '2026-10', hours: 46.5 }]);
    expect(d.incidents[0]).toMatchObject({ code: 'abuse', severity: 2, source: 'staff_report', about_member: 'Ioana' });
    expect(d.cards[0]).toMatchObject({ color: 'yellow' });
    expect(d.messages[0]).toMatchObject({ from: 'client', channel: 'email' });
    const list = (await json('GET', `${base}/clients`)).body;
    expect(list[0]).toMatchObject({ open_incidents: 1, serious_incidents: 1, cards_yellow: 1, owed_minor: 50000 });
  });

  it('stores evidence by SHA-256, serves it back as a download, and verifies the chain', async () => {
    const c = await addClient();
    const inc = await addIncident(c.id);
    const res = await upload(inc.id, PNG, 'chat export.png', { note: 'the insult' });
    expect(res.statusCode).toBe(201);
    const entry = JSON.parse(res.body);
    expect(entry).toMatchObject({
      seq: 1,
      file_name: 'chat export.png',
      media_type: 'image/png',
      size_bytes: PNG.length,
      note: 'the insult',
    });
    expect(entry.file_sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
    const second = JSON.parse((await upload(inc.id, Uint8Array.from([9, 9, 9]), 'recording.png')).body);
    expect(second.prev_hash).toBe(entry.entry_hash);

    const file = await t.app.inject({ method: 'GET', url: `${base}/evidence/${entry.id}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    expect(new Uint8Array(file.rawPayload)).toEqual(PNG);

    const verify = await json('GET', `${base}/evidence/verify`);
    expect(verify.body).toMatchObject({ ok: true, entries: 2, problems: [] });

    const detail = (await json('GET', `${base}/clients/${c.id}`)).body;
    expect(detail.incidents[0].evidence.map((e: { file_name: string }) => e.file_name)).toEqual(['chat export.png', 'recording.png']);

    // Tamper with the stored file: verification names the entry and the file.
    const path = t.deps.files.pathOf(entry.file_sha256);
    writeFileSync(path, Buffer.from('not the screenshot'));
    const after = await json('GET', `${base}/evidence/verify`);
    expect(after.body.ok).toBe(false);
    expect(after.body.problems).toEqual([expect.objectContaining({ kind: 'altered_file', seq: 1, evidence_id: entry.id })]);
    rmSync(path);
    expect((await json('GET', `${base}/evidence/verify`)).body.problems[0].kind).toBe('missing_file');
    const gone = await json('GET', `${base}/evidence/${entry.id}/file`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('EVIDENCE_NOT_FOUND');
  });

  it('refuses to delete an incident or client once evidence is attached', async () => {
    const c = await addClient();
    const inc = await addIncident(c.id);
    expect((await upload(inc.id)).statusCode).toBe(201);
    expect((await json('DELETE', `${base}/incidents/${inc.id}`)).body.code).toBe('EVIDENCE_LOCKED');
    expect((await json('DELETE', `${base}/clients/${c.id}`)).body.code).toBe('EVIDENCE_LOCKED');
    expect((await json('GET', `${base}/clients/${c.id}`)).body.incidents).toHaveLength(1);
  });

  it('answers an oversized upload with 413 and the limit, and records nothing', async () => {
    const c = await addClient();
    const inc = await addIncident(c.id);
    const res = await upload(inc.id, new Uint8Array(64 * 1024 + 1));
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ code: 'FILE_TOO_LARGE', limit_bytes: 64 * 1024 });
    expect((await json('GET', `${base}/evidence/verify`)).body.entries).toBe(0);
  });

  it('refuses evidence for an unknown incident, without a file, or not multipart', async () => {
    expect((await upload('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const c = await addClient();
    const inc = await addIncident(c.id);
    const wrongField = multipart({ name: 'a.png', type: 'image/png', bytes: PNG }, {}, 'attachment');
    expect((await t.app.inject({ method: 'POST', url: `${base}/incidents/${inc.id}/evidence`, ...wrongField })).statusCode).toBe(422);
    expect((await json('POST', `${base}/incidents/${inc.id}/evidence`, { file: 'x' })).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await upload(inc.id, new Uint8Array(0))).statusCode).toBe(422);
  });

  it('exports a case file and imports it back as an equal record', async () => {
    const demo = loadDemoCases()[9] as { client: { name: string } };
    const imported = await json('POST', `${base}/cases`, demo);
    expect(imported.status).toBe(201);
    const exported = await json('GET', `${base}/clients/${imported.body.client.id}/case`);
    expect(exported.status).toBe(200);
    const again = await json('POST', `${base}/cases?as=${encodeURIComponent('Copy of it')}`, exported.body);
    expect(again.status).toBe(201);
    const reexported = (await json('GET', `${base}/clients/${again.body.client.id}/case`)).body;
    const strip = (f: any) => ({ ...f, client: { ...f.client, name: 'X' } });
    expect(strip(reexported)).toEqual(strip(exported.body));
    for (const key of ['engagements', 'invoices', 'incidents', 'messages', 'cards', 'time'] as const) {
      expect(exported.body[key]).toHaveLength((demo as any)[key].length);
    }
  });

  it('rejects an invalid case file with every field named, and writes nothing', async () => {
    const file = structuredClone(loadDemoCases()[0]) as any;
    file.incidents[0].code = 'rude';
    file.invoices[0].amount_minor = 10.5;
    file.surprise = true;
    const res = await json('POST', `${base}/cases`, file);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('INVALID_CASE_FILE');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'incidents[0].code',
      'invoices[0].amount_minor',
      'surprise',
    ]);
    expect((await json('GET', `${base}/clients`)).body).toEqual([]);
  });

  it('refuses a duplicate import as a whole and keeps the first one intact', async () => {
    const file = loadDemoCases()[2] as { client: { name: string } };
    expect((await json('POST', `${base}/cases`, file)).status).toBe(201);
    const dup = await json('POST', `${base}/cases`, file);
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE_CLIENT');
    const list = (await json('GET', `${base}/clients`)).body;
    expect(list).toHaveLength(1);
  });

  it('refuses an import whose client name clashes case-insensitively, writing nothing', async () => {
    const file = structuredClone(loadDemoCases()[1]) as any;
    // Valid by the schema; the clash with an existing client (case-insensitive) is found in the store.
    await addClient(file.client.name.toUpperCase());
    const res = await json('POST', `${base}/cases`, file);
    expect(res.status).toBe(409);
    const list = (await json('GET', `${base}/clients`)).body;
    expect(list).toHaveLength(1);
    expect(list[0].open_incidents).toBe(0);
  });

  it('exports each demo case file as a valid case file after importing it', async () => {
    for (const file of loadDemoCases()) {
      const res = await json('POST', `${base}/cases`, file);
      expect(res.status).toBe(201);
      expect((await json('GET', `${base}/clients/${res.body.client.id}/case`)).status).toBe(200);
    }
    expect((await json('GET', `${base}/clients`)).body).toHaveLength(loadDemoCases().length);
  });
});
