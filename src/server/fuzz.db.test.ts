/**
 * Hostile input never breaks the API: for every route of the OpenAPI document that takes a body,
 * random and hostile payloads (deep nesting, huge strings, unicode edge cases, injections) get a
 * 2xx or a problem+json 4xx, never a 5xx, and the store stays readable and consistent.
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
});
