/**
 * After the exit in the browser (issue 8): a demo client is given a red card and ended; it writes
 * again; the client page shows the banner with the suggested closed reply (in Romanian, the
 * client's language) and the timeline marks the message; a review date is set through the form;
 * the dashboard's "how early" section lists the client; the yearly review shows the exit.
 * Screenshots at 1440x900 and 390x844 go to e2e/screenshots/ to be looked at.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, settle, startBrowserSuite, stopBrowserSuite } from '../helpers/browser.js';
import { ROOT, type ServerProcess } from '../helpers/redcard-process.js';

const SHOTS = join(ROOT, 'e2e', 'screenshots');
const CLIENT = 'Lemnăria Carpați SRL';

describe('after the exit in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let clientId = '';
  let endOn = '';
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  const pageErrors: string[] = [];

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

    return res.status === 204 ? null : res.json();
  }

  async function open(page: Page, path: string, heading: string | RegExp) {
    await page.goto(`${server.url}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  it('marks the contact after close, suggests a closed reply, takes a review date, and shows how early and the year', async () => {
    // The demo client with a yellow card (its story is moved to end today): red card, the end, then it writes again.
    const workspaces = (await api('GET', '/workspaces')) as Array<{ id: string; is_demo: boolean }>;
    const ws = workspaces.find((w) => w.is_demo)?.id as string;
    const clients = (await api('GET', `/workspaces/${ws}/clients`)) as Array<{ id: string; name: string }>;
    clientId = clients.find((c) => c.name === CLIENT)?.id as string;
    expect(clientId).toBeTruthy();
    const base = `/workspaces/${ws}/clients/${clientId}`;
    const redOn = daysAgo(20);
    endOn = daysAgo(10);
    await api('POST', `${base}/cards/red`, { date: redOn, said: 'We stop after the current order.' });
    await api('POST', `${base}/status`, { event: 'end', date: endOn });
    const message = (await api('POST', `${base}/messages`, {
      sent_at: `${daysAgo(2)}T09:30:00Z`,
      subject: 'O nouă comandă?',
      text: 'Bună ziua, putem relua colaborarea? Avem o comandă nouă.',
    })) as { after_close: boolean };
    expect(message.after_close).toBe(true);
    // And a mail through the import path, with red flags the review queue will label.
    const eml = [
      'From: Radu <radu@lemnaria.test>',
      'Subject: Factura',
      `Date: ${new Date(Date.now() - 86_400_000).toUTCString().replace('GMT', '+0000')}`,
      'Message-ID: <after-close@lemnaria.test>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'We will not pay this invoice. You are idiots.',
      '',
    ].join('\r\n');
    const form = new FormData();
    form.set('client', clientId);
    form.set('format', 'eml');
    form.set('file', new Blob([eml], { type: 'message/rfc822' }), 'again.eml');
    const upload = await fetch(`${server.url}/api/workspaces/${ws}/imports`, { method: 'POST', body: form });
    expect(upload.status).toBeLessThan(300);
    const started = (await upload.json()) as { id: string };
    for (let i = 0; i < 100; i++) {
      const state = (await api('GET', `/workspaces/${ws}/imports/${started.id}`)) as { status: string; counts: { stored: number } };
      if (state.status !== 'running') {
        expect(state).toMatchObject({ status: 'done', counts: { stored: 1 } });
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const detail = (await api('GET', base)) as { incidents: Array<{ date: string }> };
    const firstIncident = detail.incidents.map((i) => i.date).sort()[0] as string;
    // The only ended client: its lead time is the median.
    const leadDays = Math.round((Date.parse(endOn) - Date.parse(firstIncident)) / 86_400_000);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(20_000);

    // The client page: the banner, the two answers, the marked message on the timeline.
    await open(page, `/clients/${clientId}`, CLIENT);
    const banner = page.getByTestId('after-close-banner');
    await banner.getByText(`${CLIENT} wrote after the relationship ended`).waitFor();
    await banner.getByText('No reply.').waitFor();
    const reply = page.getByTestId('closed-reply');
    const replyText = await reply.inputValue();
    // The re-engagement reply kind, in Romanian: the end stands, no work resumes.
    expect(replyText).toMatch(/Colaborarea noastră s-a încheiat/);
    await reply.fill(`${replyText}\n\nP.S. Mulțumesc.`);
    expect(await reply.inputValue()).toMatch(/P\.S\. Mulțumesc\.$/);
    await page.getByRole('button', { name: 'Copy the reply' }).waitFor();
    await banner.getByText(/asks for a written reason/).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByTestId('after-close-badge').first().waitFor();

    // A review date: a past day is refused in place, a future one is kept and reopens nothing.
    const panel = page.getByTestId('after-exit');
    await panel.getByLabel('Review on').fill('2020-01-01');
    await panel.getByRole('button', { name: 'Set the review date' }).click();
    await panel.getByText('Choose a date after today.').waitFor();
    await panel.getByLabel('Review on').fill(daysAgo(-365));
    await panel.getByLabel('Note: what to look at then').fill('Did they pay the old invoice?');
    await panel.getByRole('button', { name: 'Set the review date' }).click();
    await panel
      .getByTestId('review-date')
      .getByText(/Review on/)
      .waitFor();
    await panel.getByText('Did they pay the old invoice?').waitFor();
    await page.getByRole('heading', { level: 1, name: CLIENT }).locator('..').getByText('Ended', { exact: true }).waitFor();
    await page.getByTestId('after-exit-history').getByText('First red flag').waitFor();
    await settle(page);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'after-exit-client-1440.png'), fullPage: true });
    await panel.screenshot({ path: join(SHOTS, 'after-exit-panel-1440.png') });

    // The review queue keeps the imported mail's red flags, labelled as sent after the end.
    await open(page, '/review', /Review/);
    await page.getByTestId('suggestion-after-close').first().waitFor();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'after-exit-review-1440.png') });

    // The dashboard: how early the signs showed for the ended client, with the median.
    await open(page, '/', 'Portfolio');
    const section = page.getByTestId('after-exit-overview');
    const row = section.getByTestId('lead-time-row').filter({ hasText: CLIENT });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/months?$/);
    expect(await section.getByTestId('median-lead').textContent()).toMatch(new RegExp(`: ${leadDays} days\\.$`));
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: join(SHOTS, 'after-exit-dashboard-1440.png') });

    // The yearly review, from the dashboard's link.
    await section.getByRole('link', { name: `Review of ${endOn.slice(0, 4)}` }).click();
    await page.getByRole('heading', { level: 1, name: `The year ${endOn.slice(0, 4)} in review` }).waitFor();
    const exit = page.getByTestId('year-exit').filter({ hasText: CLIENT });
    await exit.waitFor();
    await exit.getByText(/ended/).waitFor();
    await page
      .getByTestId('year-screening')
      .getByText(/No screening data yet/)
      .waitFor();
    expect(await page.getByTestId('year-health').locator('tbody tr').count()).toBeGreaterThanOrEqual(11);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'after-exit-year-1440.png'), fullPage: true });
    await context.close();
  });

  it('reads well on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(20_000);
    await open(page, `/clients/${clientId}`, CLIENT);
    await page.getByTestId('after-close-banner').waitFor();
    await page.getByTestId('closed-reply').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'after-exit-client-390.png'), fullPage: true });
    await page.getByTestId('after-exit').screenshot({ path: join(SHOTS, 'after-exit-panel-390.png') });

    await open(page, '/', 'Portfolio');
    const section = page.getByTestId('after-exit-overview');
    await section.getByTestId('lead-time-row').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: join(SHOTS, 'after-exit-dashboard-390.png') });

    await open(page, `/year-review/${endOn.slice(0, 4)}`, `The year ${endOn.slice(0, 4)} in review`);
    await page.getByTestId('year-exit').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'after-exit-year-390.png'), fullPage: true });
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
