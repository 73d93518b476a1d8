/**
 * The audit log in the browser (issue 7): changes made over the API show on the owner's Audit
 * log page with who, when and what, a change opens into its before/after diff, the export
 * downloads, the chain check passes, and the page reads in Russian.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, settle, startBrowserSuite, stopBrowserSuite } from '../helpers/browser.js';
import { ROOT, type ServerProcess } from '../helpers/redcard-process.js';

const SHOTS = join(ROOT, 'e2e', 'screenshots');

describe('audit log in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startBrowserSuite());
  });
  afterAll(() => stopBrowserSuite({ server, browser }));

  it('shows who changed what, with the row before and after, and exports it', async () => {
    const api = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}/api${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

      return res.status === 204 ? undefined : res.json();
    };
    const config = (await api('GET', '/config')) as { default_workspace_id: string };
    const ws = config.default_workspace_id;
    const client = (await api('POST', `/workspaces/${ws}/clients`, { name: 'Casa Verde SRL' })) as { id: string };
    await api('PATCH', `/workspaces/${ws}/clients/${client.id}`, { notes: 'Pays sixty days late' });

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    // The audit log sits in the header's "More" menu, shown to owners only.
    await page.getByRole('button', { name: 'More', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();

    const changed = page.getByRole('row').filter({ hasText: 'Changed: client' });
    await changed.waitFor();
    await expect(changed.getByRole('link', { name: 'Casa Verde SRL' }).count()).resolves.toBe(1);
    await changed.getByRole('button', { name: 'Show what changed' }).click();
    const diff = page.getByRole('row').filter({ hasText: 'Pays sixty days late' });
    await diff.first().waitFor();
    await expect(diff.first().getByText('notes').count()).resolves.toBe(1);

    await page.getByRole('button', { name: 'Check the chain' }).click();
    await page.getByText(/The chain holds: \d+ entries checked/).waitFor();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'audit-log.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^seq,at,actor_id,actor_name,action,entity/);
    expect(lines.length).toBeGreaterThanOrEqual(4);

    // Filtering by record type leaves only that type.
    await page.getByRole('combobox', { name: 'Record type' }).click();
    await page.getByRole('option', { name: 'workspace settings' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'Changed: client' }).count()).resolves.toBe(0);

    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'Русский' }).click();
    await page.getByRole('heading', { level: 1, name: 'Журнал аудита' }).waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
