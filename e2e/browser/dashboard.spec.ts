/**
 * The portfolio dashboard in the browser (issue 4), on the demo workspace: every client with a
 * light and a sparkline, sorting by score, filtering by light (from the filter and from the
 * summary), the charts with their table view, and a row opening the client with its score
 * history. Screenshots (desktop light and dark, phone) go to e2e/screenshots/ to be looked at.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, startBrowserSuite, stopBrowserSuite } from '../helpers/browser.js';
import { ROOT, type ServerProcess } from '../helpers/redcard-process.js';

const SHOTS = join(ROOT, 'e2e', 'screenshots');

const scores = async (page: Page) => (await page.getByTestId('portfolio-score').allTextContents()).map(Number);
const lightsOf = (page: Page) =>
  page.locator('[data-testid="portfolio-row"] [data-light]').evaluateAll((els) => els.map((e) => e.getAttribute('data-light')));

describe('portfolio dashboard in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startBrowserSuite({ demo: true }));
  });

  afterAll(() => stopBrowserSuite({ server, browser }));

  it('shows every demo client with a light and a trend, sorts, filters and opens a client', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(20_000);
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    const rows = page.getByTestId('portfolio-row');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(12);
    // Every client has a light and a 12-month sparkline.
    expect((await lightsOf(page)).every((l) => l === 'green' || l === 'yellow' || l === 'red')).toBe(true);
    await expect(page.locator('[data-testid="portfolio-row"] [data-testid="sparkline"]').count()).resolves.toBe(12);
    // One line through at most 12 months: those before a client existed are left out.
    for (const d of await page.locator('[data-testid="sparkline"] path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')))) {
      expect(d).toMatch(/^M[\d.]+,[\d.]+( L[\d.]+,[\d.]+){0,11}$/);
    }
    // The default order puts what needs attention first: red before yellow before green.
    const rank = { red: 0, yellow: 1, green: 2 } as Record<string, number>;
    const defaultOrder = (await lightsOf(page)).map((l) => rank[l ?? ''] ?? 9);
    expect(defaultOrder).toEqual([...defaultOrder].sort((a, b) => a - b));

    // The charts, and the same numbers as a table.
    const concentration = page.getByTestId('chart-concentration');
    await concentration.getByRole('img').waitFor();
    await page.getByTestId('chart-incidents').getByRole('img').waitFor();
    await concentration.getByRole('button', { name: 'Show as table' }).click();
    await concentration.getByRole('table').getByText('At risk', { exact: true }).waitFor();
    await concentration.getByRole('button', { name: 'Show as chart' }).click();
    await concentration.getByRole('img').waitFor();

    await page.screenshot({ path: join(SHOTS, 'dashboard-1440.png'), fullPage: true });

    // Sorting by score: lowest first, then highest first.
    await page.getByRole('button', { name: 'Sort by Score' }).click();
    await page.waitForURL(/sort=score&dir=asc/);
    const ascending = await scores(page);
    expect(ascending).toHaveLength(12);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    expect(ascending[0]).toBeLessThan(ascending.at(-1)!);
    await page.getByRole('button', { name: 'Sort by Score' }).click();
    await page.waitForURL(/dir=desc/);
    const descending = await scores(page);
    expect(descending).toEqual([...ascending].reverse());
    await expect(page.getByRole('columnheader', { name: /Score/ }).getAttribute('aria-sort')).resolves.toBe('descending');

    // Filtering by light with the filter...
    const redCount = Number(await page.getByTestId('lights-red').locator('p').first().textContent());
    expect(redCount).toBeGreaterThan(0);
    // The segmented control's radios are visually hidden; its labels are what a user clicks.
    await page.locator('.mantine-SegmentedControl-label', { hasText: /^Red$/ }).click();
    await page.waitForURL(/light=red/);
    await expect(rows.count()).resolves.toBe(redCount);
    expect(new Set(await lightsOf(page))).toEqual(new Set(['red']));
    // ...and with the summary of the lights, which toggles it.
    await page.getByTestId('lights-green').click();
    await page.waitForURL(/light=green/);
    expect(new Set(await lightsOf(page))).toEqual(new Set(['green']));
    await expect(page.getByTestId('lights-green')).toBeDefined();
    await page.getByTestId('lights-green').click();
    await page.waitForURL((url) => !url.search.includes('light='));
    await expect(rows.count()).resolves.toBe(12);

    // A search narrows the list; clicking a row opens the client, whose assessment shows its score history.
    await page.getByLabel('Search clients').fill('brightline');
    await page.waitForURL(/q=brightline/);
    await expect(rows.count()).resolves.toBe(1);
    await rows.first().getByRole('cell').nth(3).click();
    await page.getByRole('heading', { level: 1, name: 'Brightline Fitness Ltd' }).waitFor();
    const history = page.getByTestId('chart-score-history');
    await history.getByRole('img').waitFor();
    const scored = await history.locator('circle').count();
    expect(scored).toBeGreaterThan(0);
    expect(scored).toBeLessThanOrEqual(12);
    await page.screenshot({ path: join(SHOTS, 'dashboard-client-history.png') });

    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('reads well in the dark and on a phone', async () => {
    const dark = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    await dark.addInitScript(() => localStorage.setItem('mantine-color-scheme-value', 'dark'));
    const page = await dark.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(server.url);
    await page.getByTestId('portfolio-row').first().waitFor();
    await expect(page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'))).resolves.toBe('dark');
    await page.screenshot({ path: join(SHOTS, 'dashboard-dark.png'), fullPage: true });
    await dark.close();

    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
    });
    const small = await phone.newPage();
    small.on('pageerror', (e) => pageErrors.push(String(e)));
    await small.goto(server.url);
    await small.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await small.getByTestId('portfolio-row').first().waitFor();
    await expect(small.getByTestId('portfolio-row').count()).resolves.toBe(12);
    await expect(small.locator('[data-testid="portfolio-row"] [data-testid="sparkline"]').count()).resolves.toBe(12);
    // Nothing sticks out sideways.
    expect(await horizontalOverflow(small)).toBeLessThanOrEqual(0);
    // Sorting from the phone's select.
    await small.getByRole('combobox', { name: 'Sort' }).click();
    await small.getByRole('option', { name: 'Lowest score first' }).click();
    await small.waitForURL(/sort=score/);
    const phoneScores = await scores(small);
    expect(phoneScores).toEqual([...phoneScores].sort((a, b) => a - b));
    await small.evaluate(() => window.scrollTo(0, 0));
    await small.screenshot({ path: join(SHOTS, 'dashboard-390.png'), fullPage: true });
    await phone.close();
    expect(pageErrors).toEqual([]);
  });
});
