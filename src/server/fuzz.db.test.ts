/**
 * Hostile input never breaks the API: for every route of the OpenAPI document that takes a body,
 * random and hostile payloads (deep nesting, huge strings, unicode edge cases, injections) get a
 * 2xx or a problem+json 4xx, never a 5xx, and the store stays readable and consistent.
 * Then every route and method of the document, with hostile path parameters and query strings
 * too: a refused request writes nothing (the audit log's head does not move), and afterwards
 * both hash chains verify and the clients stored are exactly those the 2xx answers created.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { storeBackends } from '../../test/stores.js';

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    "'; DROP TABLE clients; --",
    '<script>alert(1)</script>',
    '\u0000\u0001\u001f',
    '\u202e\u200b\ud800',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧨',
    '%_%',
    '../../etc/passwd',
    '2026-02-30',
    '9'.repeat(400),
  ),
  fc.string({ minLength: 10_000, maxLength: 20_000 }),
);

const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(-1), fc.constant(1e308)),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(tie('node'), { maxLength: 5 }),
    fc.dictionary(hostileString, tie('node'), { maxKeys: 5 }),
  ),
})).node;

/** Valid bodies with some fields made hostile, which get past the first checks and reach the store. */
const validOr = <T>(valid: T) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(valid) }, { weight: 1, arbitrary: hostileString as fc.Arbitrary<unknown> });
const nearlyValid = fc.record(
  {
    name: validOr('Client name'),
    note: validOr('a note'),
    notes: validOr('notes'),
    text: validOr('message text'),
    subject: validOr('subject'),
    manager: validOr('Ieva'),
    about_member: validOr('Tom'),
    date: validOr('2026-01-01'),
    code: validOr('abuse'),
    severity: fc.oneof(fc.constantFrom(1, 2, 3), fc.integer()),
    amount_minor: fc.oneof(fc.constant(1000), fc.integer(), fc.double()),
    number: validOr('INV-1'),
    issued: validOr('2026-01-01'),
    due: validOr('2026-02-01'),
    sent_at: validOr('2026-01-01T10:00:00+02:00'),
    color: validOr('yellow'),
    hours: fc.oneof(fc.double(), fc.integer()),
    kind: validOr('one_off'),
  },
  { requiredKeys: [] },
);

describe.each(storeBackends())('API under hostile input on $name', (backend) => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  let routes: Array<{ method: string; url: string }>;
  let clientUrl: string;

  beforeAll(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    t = await buildTestApp(opened.store);
    const ws = t.workspaceId;
    const client = JSON.parse(
      (await t.app.inject({ method: 'POST', url: `/api/workspaces/${ws}/clients`, payload: { name: 'Fuzz Target' } })).body,
    );
    const incident = JSON.parse(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/workspaces/${ws}/clients/${client.id}/incidents`,
          payload: { date: '2026-01-01', code: 'abuse' },
        })
      ).body,
    );
    const ids: Record<string, string> = { ws, clientId: client.id, id: incident.id, month: '2026-01' };
    const doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).body) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['post', 'put', 'patch'].includes(method))
        .map(([method]) => ({ method: method.toUpperCase(), url: path.replace(/\{(\w+)\}/g, (_, k: string) => ids[k] ?? 'x') })),
    );
    clientUrl = `/api/workspaces/${ws}/clients/${client.id}`;
  });
  afterAll(async () => {
    await t.close();
    await dispose();
  });

  const auditHead = async () => (await t.deps.store.audit.getAuditHead(t.workspaceId))?.seq ?? 0;

  it('covers every write route of the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
  });

  it('answers every hostile body with 2xx or a problem+json 4xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.oneof(hostileValue, nearlyValid), async (route, body) => {
        const res = await t.app.inject({
          method: route.method as 'POST',
          url: route.url,
          payload: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        });
        if (res.statusCode >= 500) throw new Error(`${route.method} ${route.url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400) {
          expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
          expect(JSON.parse(res.body)).toMatchObject({ status: res.statusCode, code: expect.any(String) });
        }
      }),
      { numRuns: 250, seed: 20261122 },
    );
  });

  it('leaves the store readable and the evidence log intact afterwards', async () => {
    const detail = await t.app.inject({ method: 'GET', url: clientUrl });
    expect(detail.statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: `/api/workspaces/${t.workspaceId}/clients` });
    expect(list.statusCode).toBe(200);
    const verify = JSON.parse((await t.app.inject({ method: 'GET', url: `/api/workspaces/${t.workspaceId}/evidence/verify` })).body);
    expect(verify.ok).toBe(true);
  });

  it('answers hostile search queries without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (q) => {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/workspaces/${t.workspaceId}/clients?q=${encodeURIComponent(q.replace(/[\ud800-\udfff]/g, '?'))}`,
        });
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('answers garbage bytes and wrong content types without a 5xx', async () => {
    for (const route of routes) {
      for (const [type, payload] of [
        ['application/json', '{"a":'],
        ['application/json', '\u0000\u0000'],
        ['text/plain', 'hello'],
        ['application/xml', '<a/>'],
      ] as const) {
        const res = await t.app.inject({ method: route.method as 'POST', url: route.url, payload, headers: { 'content-type': type } });
        expect(res.statusCode, `${route.method} ${route.url} ${type}`).toBeLessThan(500);
      }
    }
  });

  describe('every route, method, path parameter and query string', () => {
    interface Operation {
      method: string;
      path: string;
      pathParams: string[];
      queryParams: string[];
    }
    let operations: Operation[];
    let validIds: string[];
    let clientsBefore: number;
    const created = { clients: 0, deleted: 0 };

    beforeAll(async () => {
      const ws = t.workspaceId;
      const post = async (url: string, payload: object) => JSON.parse((await t.app.inject({ method: 'POST', url, payload })).body);
      const client = await post(`/api/workspaces/${ws}/clients`, { name: 'Second Target' });
      const base = `/api/workspaces/${ws}/clients/${client.id}`;
      const invoice = await post(`${base}/invoices`, { number: 'F-1', issued: '2026-01-01', due: '2026-02-01', amount_minor: 5000 });
      const incident = await post(`${base}/incidents`, { date: '2026-01-03', code: 'abuse' });
      const message = await post(`${base}/messages`, { sent_at: '2026-01-01T10:00:00+02:00', from: 'client', text: 'hi' });
      validIds = [ws, client.id, invoice.id, incident.id, message.id].filter((v): v is string => typeof v === 'string');
      expect(validIds).toHaveLength(5);
      clientsBefore = JSON.parse((await t.app.inject({ method: 'GET', url: `/api/workspaces/${ws}/clients` })).body).length;

      const doc = JSON.parse((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).body) as {
        paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>>;
      };
      operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
          queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        })),
      );
    });

    /** A path segment or query value: a real id most of the time, else something hostile. */
    const hostileId = () =>
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...validIds) },
        { weight: 1, arbitrary: fc.uuid() },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            '0',
            '-1',
            '9'.repeat(400),
            '1e308',
            'NaN',
            'null',
            '2026-13',
            "' OR '1'='1",
            '1; DROP TABLE audit_log',
            '<img src=x onerror=alert(1)>',
            '\u202e\u200b',
            '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
            '%00',
            '..',
            ' ',
          ),
        },
        { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }) },
        { weight: 1, arbitrary: fc.string({ minLength: 1000, maxLength: 3000 }) },
      );
    // Lone surrogates cannot be percent-encoded; the rest of the text is sent as is.
    const enc = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '?'));

    it('answers 2xx or a problem+json 4xx, never a 5xx, and a refused request writes nothing', async () => {
      expect(operations.length).toBeGreaterThanOrEqual(60);
      expect(new Set(operations.map((o) => o.method))).toEqual(new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']));
      const request = fc.constantFrom(...operations).chain((op) =>
        fc.record({
          op: fc.constant(op),
          params: fc.tuple(...op.pathParams.map(() => hostileId())),
          query: fc.dictionary(
            fc.oneof(op.queryParams.length > 0 ? fc.constantFrom(...op.queryParams) : fc.constant('x'), fc.string({ maxLength: 8 })),
            fc.oneof(hostileId(), hostileString, fc.integer().map(String), fc.constantFrom('2026-11-22', 'csv', 'jsonl', '1', '')),
            { maxKeys: 3 },
          ),
          body: ['POST', 'PUT', 'PATCH'].includes(op.method) ? fc.oneof(hostileValue, nearlyValid) : fc.constant(undefined),
        }),
      );
      await fc.assert(
        fc.asyncProperty(request, async ({ op, params, query, body }) => {
          let i = 0;
          const path = op.path.replace(/\{(\w+)\}/g, () => enc(params[i++] as string));
          const qs = Object.entries(query)
            .map(([k, v]) => `${enc(k)}=${enc(v)}`)
            .join('&');
          const url = qs ? `${path}?${qs}` : path;
          const head = await auditHead();
          const res = await t.app.inject({
            method: op.method as 'GET',
            url,
            ...(body === undefined ? {} : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
          });
          if (res.statusCode >= 500)
            throw new Error(`${op.method} ${url.slice(0, 200)} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
          if (res.statusCode >= 400) {
            expect(res.headers['content-type'], `${op.method} ${op.path}`).toMatch(/application\/problem\+json/);
            expect(JSON.parse(res.body)).toMatchObject({ status: res.statusCode, code: expect.any(String) });
            expect(await auditHead(), `${op.method} ${op.path} answered ${res.statusCode} but wrote`).toBe(head);
          } else if (op.path === '/api/workspaces/{ws}/clients' && op.method === 'POST') created.clients++;
          else if (op.path === '/api/workspaces/{ws}/cases' && op.method === 'POST') created.clients++;
          else if (op.path === '/api/workspaces/{ws}/clients/{clientId}' && op.method === 'DELETE') created.deleted++;
        }),
        { numRuns: 400, seed: 20261123 },
      );
    });

    it('leaves both hash chains intact and exactly the clients the 2xx answers created', async () => {
      const ws = t.workspaceId;
      const evidence = JSON.parse((await t.app.inject({ method: 'GET', url: `/api/workspaces/${ws}/evidence/verify` })).body);
      expect(evidence.ok).toBe(true);
      const audit = JSON.parse((await t.app.inject({ method: 'GET', url: `/api/workspaces/${ws}/audit/verify` })).body);
      expect(audit).toMatchObject({ ok: true, problems: [] });
      const clients = JSON.parse((await t.app.inject({ method: 'GET', url: `/api/workspaces/${ws}/clients` })).body);
      expect(clients).toHaveLength(clientsBefore + created.clients - created.deleted);
      // And the audit log saw each of them once.
      const entries = (await t.deps.store.audit.listAuditChain(ws, 0, 1_000_000)).filter((e) => e.entity === 'clients');
      const live = new Set(clients.map((c: { id: string }) => c.id));
      const createdIds = entries.filter((e) => e.action === 'create').map((e) => e.entity_id);
      const deletedIds = new Set(entries.filter((e) => e.action === 'delete').map((e) => e.entity_id));
      expect(new Set(createdIds).size).toBe(createdIds.length);
      expect(createdIds.filter((id) => !deletedIds.has(id)).sort()).toEqual([...live].sort());
    });
  });
});
