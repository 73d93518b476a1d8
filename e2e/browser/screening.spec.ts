/**
 * Issue 8 in the browser, on a phone (390x844): add a prospect whose first message pushes on price
 * and rushes before any contract, see the early signs highlighted, answer the questionnaire (one
 * reminder comes from a lesson), see the fit score and its reasons; make a public link, open it in
 * a fresh browser context (nothing of the workspace visible), answer there, and see the answers
 * arrive. Then the reflection of an ended client, in three steps, and its lesson on /lessons.
 * Screenshots go to e2e/screenshots/ to be looked at.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, settle, startBrowserSuite, stopBrowserSuite } from '../helpers/browser.js';
import { ROOT as repoRoot, type ServerProcess } from '../helpers/redcard-process.js';

const SHOTS = join(repoRoot, 'e2e', 'screenshots');
const PHONE = { width: 390, height: 844 };
const FIRST_MESSAGE = 'Hi! Your price is way too high, can you do it cheaper? We need it by tomorrow, ASAP.';
const LESSON = 'Asked for a discount before the first invoice';

describe('screening and reflection in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let workspaceId: string;
  const pageErrors: string[] = [];

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();

    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  beforeAll(async () => {
    ({ server, browser } = await startBrowserSuite());
    const config = (await (await fetch(`${server.url}/api/config`)).json()) as { default_workspace_id: string };
    workspaceId = config.default_workspace_id;
    // A lesson from an earlier client: it becomes a reminder in the questionnaire.
    expect((await api('POST', `/workspaces/${workspaceId}/lessons`, { text: LESSON, codes: ['price_pressure'] })).status).toBe(201);
  });

  afterAll(() => stopBrowserSuite({ server, browser }));

  async function openPage(options: { workspace: boolean }): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-US', isMobile: true, hasTouch: true });
    if (options.workspace) {
      await context.addInitScript((ws) => localStorage.setItem('redcard.workspace', ws as string), workspaceId);
    }
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(20_000);

    return page;
  }

  const question = (page: Page, text: string) => page.locator('.mantine-Paper-root', { hasText: text });

  it('screens a prospect on a phone and takes the answers the prospect sends through the link', async () => {
    const page = await openPage({ workspace: true });
    await page.goto(`${server.url}/screening`);
    await page.getByRole('heading', { level: 1, name: 'Screening new clients' }).waitFor();

    await page.getByLabel('Name', { exact: false }).first().fill('Nova Studio');
    await page.getByLabel('Contact').fill('nova@example.test');
    await page.getByLabel('First messages').fill(FIRST_MESSAGE);
    await page.getByRole('button', { name: 'Add and screen' }).click();

    // The prospect page: early signs first, with the matched words highlighted.
    await page.getByRole('heading', { level: 1, name: 'Nova Studio' }).waitFor();
    const signs = page.getByTestId('early-signs');
    await signs.getByText('Price pressure in the first message').waitFor();
    await signs.getByText('A rush before any contract').waitFor();
    const marked = await page.locator('mark.rc-sign-mark').allTextContents();
    expect(marked.join(' ')).toMatch(/cheaper/);
    expect(marked.join(' ')).toMatch(/ASAP|tomorrow/);
    expect(await page.getByTestId('fit-score').count()).toBe(0);

    // The questionnaire: a reminder from the lesson, and the price question weighed by it.
    await question(page, LESSON).getByText('From your lessons').first().waitFor();
    await question(page, 'Is the budget fixed').getByText('Counts more').waitFor();
    await question(page, 'Will you pay a deposit').getByRole('radio', { name: 'Only when it is delivered' }).click();
    await question(page, 'Is the budget fixed').getByRole('radio', { name: 'Well below the quote' }).click();
    await question(page, 'When do you need it').getByRole('radio', { name: 'As soon as possible, no reason given' }).click();
    await question(page, LESSON).getByRole('radio', { name: 'I see the same sign again' }).click();
    await page.getByText('4 of 10 answered').waitFor();
    const chosen = question(page, 'Will you pay a deposit').getByRole('radio', { name: 'Only when it is delivered' });
    expect(await chosen.getAttribute('aria-checked')).toBe('true');
    // Touch targets a thumb can hit.
    const box = await chosen.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);

    await page.getByRole('button', { name: 'Save answers' }).click();
    const score = page.getByTestId('fit-score');
    await score.waitFor();
    const value = Number((await score.textContent())?.match(/\d+/)?.[0]);
    expect(value).toBeLessThan(50);
    await page.getByText('Poor fit').first().waitFor();
    const reasons = page.getByTestId('fit-reasons');
    await reasons.getByText('Is the budget fixed, and does it match the quote? — “Well below the quote”').waitFor();
    await reasons.getByText('Early sign: Price pressure in the first message').waitFor();
    await reasons.getByText(`${LESSON} — “I see the same sign again”`).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'screening-prospect-phone.png') });
    await page.screenshot({ path: join(SHOTS, 'screening-prospect-phone-full.png'), fullPage: true });

    // The public link, shown once.
    await page.getByRole('button', { name: 'Create a link' }).click();
    const link = await page.getByTestId('prospect-link').inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/p/[A-Za-z0-9_-]{22,}$`));

    // A fresh context: no workspace in storage, no session; only the questions show.
    const outsider = await openPage({ workspace: false });
    await outsider.goto(link);
    await outsider.getByRole('heading', { level: 1, name: 'A few questions before we start' }).waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: what the prospect sees, not hidden text
    const text = await outsider.locator('body').innerText();
    for (const hidden of ['Nova Studio', 'nova@example.test', LESSON, 'Screening', 'Clients', 'Workspace', 'cheaper']) {
      expect(text, hidden).not.toContain(hidden);
    }
    await question(outsider, 'Will you pay a deposit').getByRole('radio', { name: 'Yes, a deposit up front' }).click();
    await question(outsider, 'Will you sign a written contract').getByRole('radio', { name: 'Yes, before work starts' }).click();
    expect(await horizontalOverflow(outsider)).toBeLessThanOrEqual(0);
    await outsider.evaluate(() => window.scrollTo(0, 0));
    await outsider.screenshot({ path: join(SHOTS, 'screening-public-form-phone.png') });
    await outsider.getByRole('button', { name: 'Send answers' }).click();
    await outsider.getByRole('heading', { name: 'Thank you: your answers were sent.' }).waitFor();

    // Sent once: opening the link again says so.
    await outsider.reload();
    await outsider.getByText('The answers were already sent with this link').waitFor();

    // The answers arrive on the prospect's page.
    await page.reload();
    await page.getByText('Answered by the prospect').waitFor();
    const deposit = question(page, 'Will you pay a deposit').getByRole('radio', { name: 'Yes, a deposit up front' });
    expect(await deposit.getAttribute('aria-checked')).toBe('true');
    expect(
      await question(page, 'Is the budget fixed').getByRole('radio', { name: 'Well below the quote' }).getAttribute('aria-checked'),
    ).toBe('true');
    await page.getByText(/The prospect answered on/).waitFor();
    await page.setViewportSize({ width: 1440, height: 900 });
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'screening-prospect-desktop.png') });
    await page.setViewportSize(PHONE);

    // The list shows it with its score and status.
    await page.goto(`${server.url}/screening`);
    const row = page.getByTestId('prospect-row').filter({ hasText: 'Nova Studio' });
    await row.getByText('Screening', { exact: true }).waitFor();
    await row.getByText('A rush before any contract').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'screening-list-phone.png') });
    expect(pageErrors).toEqual([]);
  });

  it("opens a prospect's link in the prospect's language", async () => {
    const p = await api('POST', `/workspaces/${workspaceId}/prospects`, { name: 'Casa Verde', language: 'ro' });
    const link = await api('POST', `/workspaces/${workspaceId}/prospects/${p.body.id}/link`);
    const outsider = await openPage({ workspace: false });
    await outsider.goto(`${server.url}${link.body.path}`);
    await outsider.getByRole('heading', { level: 1, name: 'Câteva întrebări înainte să începem' }).waitFor();
    await question(outsider, 'Sunteți de acord să plătiți un avans').getByRole('radio', { name: 'Nu, nu plătim avans' }).waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: what the prospect sees, not hidden text
    expect(await outsider.locator('body').innerText()).not.toContain('Casa Verde');
  });

  it('guides the reflection of an ended client in three steps and keeps its lesson', async () => {
    const client = await api('POST', `/workspaces/${workspaceId}/clients`, { name: 'Vortex Media' });
    const url = `/workspaces/${workspaceId}/clients/${client.body.id}`;
    expect((await api('POST', `${url}/incidents`, { date: '2026-03-14', code: 'price_pressure', severity: 1 })).status).toBe(201);
    expect((await api('POST', `${url}/cards/red`, { override_reason: 'Unpaid for months, no intent to pay' })).status).toBe(201);
    expect((await api('POST', `${url}/status`, { event: 'end' })).status).toBe(200);

    const page = await openPage({ workspace: true });
    await page.goto(`${server.url}/clients/${client.body.id}`);
    const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Reflection' }) });
    await panel.getByText(/Prefilled from the first incident/).waitFor();
    expect(await panel.getByLabel('When did they show?').inputValue()).toBe('2026-03-14');
    await panel.getByLabel('What were the first signs?').fill('Haggled over the very first quote');
    await panel.getByRole('button', { name: 'Next', exact: true }).click();
    await panel.getByLabel('A deposit or prepayment').check();
    await panel.getByLabel('A process for changes').check();
    await panel.getByRole('button', { name: 'Next', exact: true }).click();
    await panel.getByLabel('What would you do earlier next time?').fill('Ask for a deposit before any work');
    await panel.getByLabel('Lesson 1').fill('Price haggling on day one predicts late payment');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await panel.screenshot({ path: join(SHOTS, 'reflection-step3-phone.png') });
    await panel.getByRole('button', { name: 'Save the reflection' }).click();
    await panel.getByText(/Saved on/).waitFor();
    await panel.getByText('A deposit or prepayment; A process for changes').waitFor();

    await page.goto(`${server.url}/lessons`);
    await page.getByRole('heading', { level: 1, name: 'Lessons' }).waitFor();
    const lessons = page.getByTestId('lessons');
    await lessons.getByText('Price haggling on day one predicts late payment').waitFor();
    await lessons.getByText(LESSON).waitFor();
    await page.getByRole('textbox', { name: 'Search lessons' }).fill('HAGGLING');
    await lessons.getByText('From Vortex Media').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="lessons"] > li').length === 1);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'lessons-phone.png') });
    expect(pageErrors).toEqual([]);
  });
});
