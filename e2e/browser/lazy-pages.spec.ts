/**
 * Pages as chunks in the browser: the prospect's public form arrives without the signed-in app's
 * pages, a page whose chunk cannot be fetched (an open tab after a redeploy) says so inside the
 * frame and reloads into a working page, and someone who reads Russian gets the Russian texts
 * fetched for them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserSuite, stopBrowserSuite } from '../helpers/browser.js';
import type { ServerProcess } from '../helpers/redcard-process.js';

// The chunk a request is for: `/assets/ClientPage-abc123.js` -> `ClientPage`.
// Vite names a chunk `<name>-<8-character hash>.js`; the hash may itself contain '-'.
const chunkName = (url: string) => new URL(url).pathname.match(/^\/assets\/(.+)-[\w-]{8}\.js$/)?.[1];

describe('pages loaded as chunks', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startBrowserSuite({ demo: true }));
  });

  afterAll(() => stopBrowserSuite({ server, browser }));

  async function api(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${server.url}/api${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(res.status, `${method} ${path}`).toBeLessThan(300);

    return res.json();
  }

  async function newPage(locale = 'en-US'): Promise<{ page: Page; chunks: string[] }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const chunks: string[] = [];
    page.on('request', (request) => {
      const name = chunkName(request.url());
      if (name) chunks.push(name);
    });

    return { page, chunks };
  }

  it('sends the prospect only the public form, not the pages of the signed-in app', async () => {
    const workspaces = (await api('GET', '/workspaces')) as Array<{ id: string; is_demo: boolean }>;
    const ws = workspaces.find((w) => w.is_demo)?.id as string;
    const prospect = (await api('POST', `/workspaces/${ws}/prospects`, { name: 'Chunk Prospect', language: 'en' })) as { id: string };
    const link = (await api('POST', `/workspaces/${ws}/prospects/${prospect.id}/link`, {})) as { path: string };

    const { page, chunks } = await newPage();
    await page.goto(`${server.url}${link.path}`);
    await page.getByRole('radio').first().waitFor();
    expect(chunks).toContain('PublicProspectPage');
    for (const signedIn of ['DashboardPage', 'ClientPage', 'ExitWizardPage', 'ScreeningPage', 'vendor-zod']) {
      expect(chunks, signedIn).not.toContain(signedIn);
    }
    // English is built in: no other language is fetched for an English reader.
    expect(chunks.filter((name) => ['ru', 'ro', 'lt'].includes(name))).toEqual([]);
    await page.context().close();
  });

  it('says a page could not be loaded, keeps the frame, and reloads into the page', async () => {
    const { page } = await newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    // The screening page's chunk is gone, as after a redeploy.
    const gone = /\/assets\/ScreeningPage-[\w-]+\.js$/;
    await page.route(gone, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page.getByRole('link', { name: 'Screening' }).first().click();
    const failure = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
    await failure.waitFor();
    // The header stays, so the person can still go elsewhere.
    await expect(page.getByRole('link', { name: 'Clients' }).first().isVisible()).resolves.toBe(true);

    // The new version is there now: the reload button brings the page.
    await page.unroute(gone);
    await failure.getByRole('button', { name: 'Reload the page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Screening' }).waitFor();
    await expect(failure.count()).resolves.toBe(0);
    await page.context().close();
  });

  it('draws the first page in the reader’s own language, fetching only that language', async () => {
    const { page, chunks } = await newPage('ru-RU');
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Портфель' }).waitFor();
    expect(chunks).toContain('ru');
    expect(chunks.filter((name) => name === 'ro' || name === 'lt')).toEqual([]);
    await page.context().close();
  });
});
