import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { storeBackends } from '../../test/stores.js';

describe('serving the web UI', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'redcard-web-'));
  let t: TestApp;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(webDir, 'assets', 'app-123.js'), 'console.log(1)');
    const opened = await storeBackends()[0]!.open();
    dispose = opened.dispose;
    t = await buildTestApp(opened.store, { webDir });
  });
  afterAll(async () => {
    await t.close();
    await dispose();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves the app shell at / and for client-side routes', async () => {
    for (const url of ['/', '/clients/abc']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves assets, including ones built after the server started', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/assets/app-123.js' })).body).toBe('console.log(1)');
    writeFileSync(join(webDir, 'assets', 'app-456.js'), 'console.log(2)');
    const late = await t.app.inject({ method: 'GET', url: '/assets/app-456.js' });
    expect(late.statusCode).toBe(200);
    expect(late.headers['content-type']).toMatch(/javascript/);
  });

  it('lets browsers keep hashed assets for a year, and makes them ask again for the app shell', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-123.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/clients/abc', '/p/some-token']) {
      const shell = await t.app.inject({ method: 'GET', url });
      expect(shell.statusCode, url).toBe(200);
      expect(shell.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('revalidates the app shell with its ETag instead of sending it again', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/' });
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const again = await t.app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': String(etag) } });
    expect(again.statusCode).toBe(304);
  });

  it('answers a missing asset (an old chunk after an update) with 404, not the app shell', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/ClientPage-gone.js' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).not.toContain('<div id="root">');
  });

  it('answers unknown API paths with problem+json, not the app shell', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });
});
