import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, multipart, type TestApp } from '../../../test/build-test-app.js';
import { sampleMbox } from '../../../test/import-fixtures.js';
import { storeBackends } from '../../../test/stores.js';
import type { Import, Suggestion } from '../../contracts/imports.js';
import { settleRunningImports } from '../import-uploads.js';

describe.each(storeBackends())('imports and suggestions API on $name', (backend) => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  let base: string;

  beforeEach(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    t = await buildTestApp(opened.store);
    base = `/api/workspaces/${t.workspaceId}`;
  });
  afterEach(async () => {
    await t.close();
    await dispose();
  });

  // `any`: test responses are checked field by field
  const json = async (method: string, url: string, payload?: unknown): Promise<{ status: number; body: any }> => {
    const res = await t.app.inject({ method: method as 'GET', url, ...(payload === undefined ? {} : { payload: payload as object }) });

    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
  };
  const addClient = async (name = 'Vortex Media SRL', ws = base) => {
    const res = await json('POST', `${ws}/clients`, { name });
    expect(res.status).toBe(201);

    return res.body as { id: string };
  };
  const upload = async (fields: Record<string, string>, bytes: string | Uint8Array, name = 'mail.mbox', ws = base) => {
    const body = multipart({ name, type: 'application/mbox', bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes }, fields);
    const res = await t.app.inject({ method: 'POST', url: `${ws}/imports`, payload: body.payload, headers: body.headers });

    return { status: res.statusCode, body: JSON.parse(res.body) as any, headers: res.headers };
  };
  const importFinished = async (id: string): Promise<Import> => {
    await settleRunningImports();
    const res = await json('GET', `${base}/imports/${id}`);
    expect(res.status).toBe(200);

    return res.body as Import;
  };

  it('imports an mbox in the background, then a re-import stores nothing new', async () => {
    const c = await addClient();
    const started = await upload({ client: c.id }, sampleMbox());
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ clientId: c.id, fileName: 'mail.mbox', format: 'mbox', status: 'running', finishedAt: null });

    const done = await importFinished(started.body.id);
    expect(done).toMatchObject({ status: 'done', error: null, counts: { read: 2, stored: 2, duplicates: 0, skipped: 0, suggestions: 2 } });
    expect(done.finishedAt).not.toBeNull();

    const again = await upload({ client: c.id, format: 'mbox' }, sampleMbox(), 'copy.mbox');
    const second = await importFinished(again.body.id);
    expect(second.counts).toEqual({ read: 2, stored: 0, duplicates: 2, skipped: 0, suggestions: 0 });

    const list = await json('GET', `${base}/imports?client=${c.id}`);
    expect(list.body.items.map((i: Import) => i.id)).toEqual([again.body.id, started.body.id]);
    const messages = await json('GET', `${base}/clients/${c.id}`);
    expect(messages.status).toBe(200);
  });

  it('lists open suggestions with spans into the message text, per client and for the workspace', async () => {
    const c = await addClient();
    await importFinished((await upload({ client: c.id }, sampleMbox())).body.id);
    const res = await json('GET', `${base}/suggestions?client=${c.id}`);
    expect(res.status).toBe(200);
    const items = res.body.items as Suggestion[];
    expect(items.map((s) => s.code).sort()).toEqual(['abuse', 'payment']);
    for (const s of items) {
      expect(s).toMatchObject({ clientId: c.id, clientName: 'Vortex Media SRL', status: 'open', incidentId: null });
      expect(s.message).toMatchObject({
        sender: 'Ann Client <ann@vortex.test>',
        sentAt: '2025-01-06T12:00:00+02:00',
        subject: 'Invoice 12',
      });
      const words = s.spans.map((sp) => s.message.text.slice(sp.start, sp.end));
      expect(words.join(' ').length).toBeGreaterThan(0);
    }
    const payment = items.find((s) => s.code === 'payment')!;
    expect(payment.message.text.slice(payment.spans[0]!.start, payment.spans[0]!.end).toLowerCase()).toBe('pay');
    expect((await json('GET', `${base}/suggestions`)).body.items).toHaveLength(2);
    expect((await json('GET', `${base}/suggestions?status=confirmed`)).body.items).toHaveLength(0);
  });

  it('confirms a suggestion into an incident with the message as evidence; a second confirm is 409', async () => {
    const c = await addClient();
    await importFinished((await upload({ client: c.id }, sampleMbox())).body.id);
    const [s] = (await json('GET', `${base}/suggestions?client=${c.id}`)).body.items as Suggestion[];
    const res = await json('POST', `${base}/suggestions/${s!.id}/confirm`, { severity: 3, note: 'Refused in writing' });
    expect(res.status).toBe(200);
    expect(res.body.suggestion).toMatchObject({ id: s!.id, status: 'confirmed', incidentId: res.body.incident.id });
    expect(res.body.incident).toMatchObject({
      client_id: c.id,
      code: s!.code,
      severity: 3,
      date: '2025-01-06',
      source: 'detected',
      note: 'Refused in writing',
      message_id: s!.message.id,
    });
    expect(res.body.incident.evidence).toHaveLength(1);
    expect(res.body.incident.evidence[0]).toMatchObject({ media_type: 'text/plain' });

    const file = await t.app.inject({ method: 'GET', url: `${base}/evidence/${res.body.incident.evidence[0].id}/file` });
    expect(file.body).toContain(s!.message.text);
    expect((await json('GET', `${base}/evidence/verify`)).body).toMatchObject({ ok: true, entries: 1 });

    const twice = await json('POST', `${base}/suggestions/${s!.id}/confirm`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('SUGGESTION_ALREADY_DECIDED');
    expect((await json('GET', `${base}/evidence/verify`)).body.entries).toBe(1);
  });

  it('dismisses a pattern: a suppression, the other open suggestions of the rule, none on re-import; lifting it', async () => {
    const c = await addClient();
    const insult = (n: number) =>
      `From ann@vortex.test Mon Jan  6 10:00:00 2025\nFrom: ann@vortex.test\nDate: Mon, ${n} Jan 2025 12:00:00 +0200\nMessage-ID: <i${n}@x>\n\nYou are idiots, all of you.\n\n`;
    await importFinished((await upload({ client: c.id }, insult(6) + insult(7) + insult(8))).body.id);
    const open = (await json('GET', `${base}/suggestions?client=${c.id}`)).body.items as Suggestion[];
    expect(open).toHaveLength(3);
    const res = await json('POST', `${base}/suggestions/${open[0]!.id}/dismiss`, { scope: 'pattern', note: 'Their humour' });
    expect(res.status).toBe(200);
    expect(res.body.dismissedAlso).toBe(2);
    expect(res.body.suggestion.status).toBe('dismissed');
    expect((await json('GET', `${base}/suggestions?client=${c.id}`)).body.items).toHaveLength(0);
    expect((await json('GET', `${base}/suggestions?client=${c.id}&status=dismissed`)).body.items).toHaveLength(3);

    const suppressions = await json('GET', `${base}/clients/${c.id}/suppressions`);
    expect(suppressions.body.items).toEqual([expect.objectContaining({ rule: open[0]!.rule, code: 'abuse', note: 'Their humour' })]);
    // New messages with the same pattern are not suggested for this client any more.
    const later = await importFinished((await upload({ client: c.id }, insult(9))).body.id);
    expect(later.counts).toMatchObject({ stored: 1, suggestions: 0 });

    const lift = await t.app.inject({ method: 'DELETE', url: `${base}/suppressions/${suppressions.body.items[0].id}` });
    expect(lift.statusCode).toBe(204);
    expect((await json('GET', `${base}/clients/${c.id}/suppressions`)).body.items).toEqual([]);
    const again = await importFinished((await upload({ client: c.id }, insult(10))).body.id);
    expect(again.counts).toMatchObject({ stored: 1, suggestions: 1 });
    expect((await t.app.inject({ method: 'DELETE', url: `${base}/suppressions/${suppressions.body.items[0].id}` })).statusCode).toBe(404);
  });

  it('dismisses only this one with scope this', async () => {
    const c = await addClient();
    await importFinished((await upload({ client: c.id }, sampleMbox())).body.id);
    const [s] = (await json('GET', `${base}/suggestions?client=${c.id}`)).body.items as Suggestion[];
    const res = await json('POST', `${base}/suggestions/${s!.id}/dismiss`, { scope: 'this' });
    expect(res.body).toMatchObject({ dismissedAlso: 0, suggestion: { status: 'dismissed' } });
    expect((await json('GET', `${base}/clients/${c.id}/suppressions`)).body.items).toEqual([]);
    expect((await json('POST', `${base}/suggestions/${s!.id}/dismiss`, { scope: 'this' })).status).toBe(409);
  });

  it('answers 404 for ids of another workspace, on every route', async () => {
    const c = await addClient();
    const imp = await upload({ client: c.id }, sampleMbox());
    await importFinished(imp.body.id);
    const [s] = (await json('GET', `${base}/suggestions`)).body.items as Suggestion[];
    await json('POST', `${base}/suggestions/${s!.id}/dismiss`, { scope: 'pattern' });
    const [sup] = (await json('GET', `${base}/clients/${c.id}/suppressions`)).body.items;

    const other = `/api/workspaces/${(await json('POST', '/api/workspaces', { name: 'Second workspace' })).body.id}`;
    expect((await json('GET', `${other}/imports/${imp.body.id}`)).body.code).toBe('IMPORT_NOT_FOUND');
    expect((await json('GET', `${other}/imports?client=${c.id}`)).body.code).toBe('CLIENT_NOT_FOUND');
    expect((await json('GET', `${other}/suggestions?client=${c.id}`)).body.code).toBe('CLIENT_NOT_FOUND');
    expect((await json('GET', `${other}/suggestions`)).body.items).toEqual([]);
    const [open] = (await json('GET', `${base}/suggestions`)).body.items as Suggestion[];
    expect((await json('POST', `${other}/suggestions/${open!.id}/confirm`, {})).status).toBe(404);
    expect((await json('POST', `${other}/suggestions/${open!.id}/dismiss`, { scope: 'this' })).status).toBe(404);
    expect((await json('GET', `${other}/clients/${c.id}/suppressions`)).status).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: `${other}/suppressions/${sup.id}` })).statusCode).toBe(404);
    expect((await upload({ client: c.id }, sampleMbox(), 'x.mbox', other)).status).toBe(404);
    // Still there in its own workspace.
    expect((await json('GET', `${base}/clients/${c.id}/suppressions`)).body.items).toHaveLength(1);
  });

  it('rejects bad input with a clear problem and stores nothing', async () => {
    const c = await addClient();
    const noClient = await upload({}, sampleMbox());
    expect(noClient.status).toBe(422);
    expect(noClient.body.errors).toEqual([{ path: 'client', message: 'is required' }]);
    expect((await upload({ client: 'nope' }, sampleMbox())).body.errors[0].path).toBe('client');
    expect((await upload({ client: c.id, format: 'pdf' }, sampleMbox())).body.errors[0].path).toBe('format');
    const empty = await upload({ client: c.id }, '');
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual([{ path: 'file', message: 'is empty' }]);
    const unknown = await upload({ client: c.id }, 'just some words', 'notes.bin');
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe('format');
    const json422 = await t.app.inject({ method: 'POST', url: `${base}/imports`, payload: { client: c.id } });
    expect(json422.statusCode).toBe(415);

    expect((await json('GET', `${base}/suggestions?status=maybe`)).status).toBe(422);
    expect((await json('GET', `${base}/imports`)).status).toBe(422);
    expect((await json('GET', `${base}/imports/not-an-id`)).status).toBe(404);
    expect((await json('POST', `${base}/suggestions/00000000-0000-4000-8000-000000000000/confirm`, {})).status).toBe(404);
    expect((await json('POST', `${base}/suggestions/00000000-0000-4000-8000-000000000000/dismiss`, { scope: 'all' })).status).toBe(422);
    expect((await json('POST', `${base}/suggestions/00000000-0000-4000-8000-000000000000/confirm`, { severity: 5 })).status).toBe(422);
    expect((await json('GET', `${base}/imports?client=${c.id}`)).body.items).toEqual([]);
  });

  it('refuses a file over the import limit with 413 and stores nothing', async () => {
    await t.close();
    await dispose();
    const opened = await backend.open();
    dispose = opened.dispose;
    t = await buildTestApp(opened.store, { importMaxBytes: 1024 });
    base = `/api/workspaces/${t.workspaceId}`;
    const c = await addClient();
    const big = await upload({ client: c.id }, sampleMbox('x'.repeat(2000)));
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ code: 'FILE_TOO_LARGE', limit_bytes: 1024 });
    expect((await json('GET', `${base}/imports?client=${c.id}`)).body.items).toEqual([]);
  });

  it('is not bound by the evidence upload limit', async () => {
    await t.close();
    await dispose();
    const opened = await backend.open();
    dispose = opened.dispose;
    t = await buildTestApp(opened.store, { evidenceMaxBytes: 512 });
    base = `/api/workspaces/${t.workspaceId}`;
    const c = await addClient();
    const res = await upload({ client: c.id }, sampleMbox());
    expect(res.status).toBe(202);
    expect((await importFinished(res.body.id)).counts).toMatchObject({ read: 2, stored: 2 });
  });

  it('records a file that is not what it claims as a failed import with a clear error', async () => {
    const c = await addClient();
    const res = await upload({ client: c.id, format: 'mbox' }, 'Subject: hi\n\nnot an archive\n', 'x.mbox');
    expect(res.status).toBe(202);
    const done = await importFinished(res.body.id);
    expect(done.status).toBe('failed');
    expect(done.error).toContain('x.mbox is not an mbox archive');
    expect(done.error).not.toContain('import-uploads');
    expect(done.counts.stored).toBe(0);
  });

  it('describes the routes in the OpenAPI document', async () => {
    const doc = (await json('GET', '/api/openapi.json')).body;
    for (const path of [
      '/api/workspaces/{ws}/imports',
      '/api/workspaces/{ws}/imports/{id}',
      '/api/workspaces/{ws}/suggestions',
      '/api/workspaces/{ws}/suggestions/{id}/confirm',
      '/api/workspaces/{ws}/suggestions/{id}/dismiss',
      '/api/workspaces/{ws}/clients/{id}/suppressions',
      '/api/workspaces/{ws}/suppressions/{id}',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
