/**
 * The dashboard and score-history routes on each backend: the answer matches its schema and the
 * OpenAPI document lists it; an unchanged dashboard answers 304 to its ETag and a write changes
 * it; bad days and unknown ids answer problem+json.
 */
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { storeBackends } from '../../../test/stores.js';
import { Dashboard, ScoreHistory } from '../../contracts/dashboard.js';

describe.each(storeBackends())('dashboard API on $name', (backend) => {
  let t: TestApp;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    const opened = await backend.open();
    t = await buildTestApp(opened.store);
    dispose = async () => {
      await t.close();
      await opened.dispose();
    };
  });
  afterEach(async () => dispose());

  it('answers the portfolio, revalidates with an ETag, and changes after a write', async () => {
    const demo = (await t.app.inject({ method: 'POST', url: '/api/demo' })).json() as { id: string };
    const url = `/api/workspaces/${demo.id}/dashboard?today=2026-11-22`;
    const first = await t.app.inject({ method: 'GET', url });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    const dashboard = Dashboard.parse(first.json());
    expect(dashboard.clients).toHaveLength(12);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();

    const zipped = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(first.rawPayload.length);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(first.json());

    const again = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    const client = dashboard.clients.find((c) => c.light === 'green')!;
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${demo.id}/clients/${client.id}/incidents`,
      payload: { date: '2026-11-21', code: 'unlawful', severity: 3, note: 'Took the equipment' },
    });
    expect(added.statusCode).toBe(201);
    const changed = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    const row = Dashboard.parse(changed.json()).clients.find((c) => c.id === client.id)!;
    expect(row).toMatchObject({ light: 'red', recommendation: 'red_card', path: 'immediate' });

    const history = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${demo.id}/clients/${client.id}/score-history?today=2026-11-22`,
    });
    expect(history.statusCode).toBe(200);
    const points = ScoreHistory.parse(history.json()).points;
    expect(points.at(-1)).toMatchObject({ as_of: '2026-11-22', score: row.score, light: 'red' });
  });

  it('answers problem+json for a bad day and unknown ids', async () => {
    const bad = await t.app.inject({ method: 'GET', url: `/api/workspaces/${t.workspaceId}/dashboard?today=2026-13-01` });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'query.today' }] });
    const noWs = await t.app.inject({ method: 'GET', url: '/api/workspaces/00000000-0000-4000-8000-000000000000/dashboard' });
    expect(noWs.statusCode).toBe(404);
    expect(noWs.json()).toMatchObject({ code: 'WORKSPACE_NOT_FOUND' });
    const noClient = await t.app.inject({
      method: 'GET',
      url: `/api/workspaces/${t.workspaceId}/clients/00000000-0000-4000-8000-000000000000/score-history`,
    });
    expect(noClient.statusCode).toBe(404);
    expect(noClient.json()).toMatchObject({ code: 'CLIENT_NOT_FOUND' });
  });

  it('answers an empty portfolio for a new workspace, with today by default', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/workspaces/${t.workspaceId}/dashboard` });
    expect(res.statusCode).toBe(200);
    const dashboard = Dashboard.parse(res.json());
    expect(dashboard.clients).toEqual([]);
    expect(dashboard.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dashboard.concentration.total_minor).toBe(0);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/workspaces/{ws}/dashboard', '/api/workspaces/{ws}/clients/{clientId}/score-history']),
    );
  });
});
