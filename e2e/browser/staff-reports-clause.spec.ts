/**
 * Staff reports (issue 7) and the contract clause (issue 8) in the browser, solo mode on the demo
 * workspace: report a problem on a demo client with a file, find it in the queue, confirm it, see
 * the incident on the client's timeline and the D5 hint; then write a clause on a phone, switch
 * its language and download the .docx (read back with yauzl). Screenshots go to e2e/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxParagraphs } from '../../test/docx-text.js';
import { horizontalOverflow, settle, startBrowserSuite, stopBrowserSuite } from '../helpers/browser.js';
import { ROOT as repoRoot, type ServerProcess } from '../helpers/redcard-process.js';

const SHOTS = join(repoRoot, 'e2e', 'screenshots');
const WHAT = 'The client shouted at me on the Tuesday call and said the invoice would never be paid.';

describe('staff reports and the contract clause in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  let ws: string;

  beforeAll(async () => {
    ({ server, browser } = await startBrowserSuite({ demo: true }));
    ws = ((await (await fetch(`${server.url}/api/config`)).json()) as { demo_workspace_id: string }).demo_workspace_id;
  });

  afterAll(() => stopBrowserSuite({ server, browser }));

  it('files a report on a demo client, confirms it from the queue, and finds the incident on the timeline', async () => {
    const clients = (await (await fetch(`${server.url}/api/workspaces/${ws}/clients`)).json()) as Array<{ id: string; name: string }>;
    const client = clients.find((c) => c.name.includes('TransBalt')) as { id: string; name: string };
    // A screenshot already attached to one of the client's incidents, for the report to point to.
    const before = (await (await fetch(`${server.url}/api/workspaces/${ws}/clients/${client.id}`)).json()) as {
      incidents: Array<{ id: string }>;
    };
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('png bytes')], { type: 'image/png' }), 'chat-screenshot.png');
    const attached = await fetch(`${server.url}/api/workspaces/${ws}/incidents/${before.incidents[0]?.id}/evidence`, {
      method: 'POST',
      body: form,
    });
    expect(attached.status).toBe(201);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(15_000);

    await page.goto(`${server.url}/clients/${client.id}`);
    await page.getByRole('heading', { level: 1, name: client.name }).waitFor();
    await page.getByRole('button', { name: 'Report a problem' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report a problem with this client' });
    await dialog.waitFor();
    await dialog.getByLabel('What happened').fill(WHAT);
    await dialog.getByLabel('When').fill('2026-11-17');
    // Point to evidence the client's record already holds, and upload a new file.
    await dialog.getByLabel('Evidence already recorded', { exact: true }).first().fill('chat');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await dialog
      .getByText(/chat-screenshot\.png/)
      .first()
      .waitFor();
    await dialog.getByText(/^Say what happened/).click();
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'call-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Call notes, 17 Nov') });
    await page.screenshot({ path: join(SHOTS, 'staff-report-dialog.png') });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const panel = page.getByRole('region', { name: 'Staff reports' });
    await panel.getByText(WHAT).waitFor();
    expect(await panel.getByText('Open', { exact: true }).count()).toBe(1);

    // The queue: the report is there, open, with its file.
    // Staff reports sit in the header's "More" menu.
    await page.getByRole('button', { name: 'More', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staff reports' }).waitFor();
    const card = page.getByTestId('staff-report').filter({ hasText: WHAT });
    await card.waitFor();
    await card.getByText('2 evidence files').waitFor();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'staff-reports-queue.png'), fullPage: true });

    await card.getByRole('button', { name: 'Confirm as an incident' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm as an incident' });
    await confirm.waitFor();
    await confirm.getByLabel('A word to the reporter (optional)').fill('Thank you. I will take the calls from now on.');
    await confirm.getByRole('button', { name: 'Confirm', exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    await card.getByText(/Confirmed as an incident by You/).waitFor();
    await card.getByText('Thank you. I will take the calls from now on.').waitFor();
    // The reporter ("You") is now the member the client's incidents involve: the D5 hint shows.
    await page.getByText('Consider reassigning the client').waitFor();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'staff-reports-confirmed.png'), fullPage: true });

    // The incident is on the client's timeline, with the report's text and the file as evidence.
    await card.getByRole('link', { name: 'See the incident on the client’s timeline' }).click();
    await page.getByRole('heading', { level: 1, name: client.name }).waitFor();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(WHAT).first().waitFor();
    const detail = (await (await fetch(`${server.url}/api/workspaces/${ws}/clients/${client.id}`)).json()) as {
      incidents: Array<{ note: string; source: string; about_member: string | null; evidence: Array<{ file_name: string }> }>;
    };
    const incident = detail.incidents.find((i) => i.note === WHAT);
    expect(incident).toMatchObject({ source: 'staff_report', about_member: 'You' });
    expect(incident?.evidence.map((e) => e.file_name).sort()).toEqual(['call-notes.txt', 'chat-screenshot.png']);
    await page.getByRole('region', { name: 'Staff reports' }).getByRole('button', { name: 'Reassign the client' }).waitFor();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'staff-report-client.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('writes the clause on a phone: the notice stands first, the preview follows the answers, the .docx downloads', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'en-US',
      acceptDownloads: true,
      isMobile: true,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/clause`);
    await page.getByRole('heading', { level: 1, name: 'Contract clause' }).waitFor();
    await expect(page.getByTestId('clause-disclaimer').textContent()).resolves.toContain('have a lawyer'.replace('have', 'Have'));

    const text = page.getByTestId('clause-text');
    await page.getByRole('combobox', { name: 'Language of the clause' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('combobox', { name: 'Whose law' }).click();
    await page.getByRole('option', { name: 'Lithuania' }).click();
    await page.getByRole('textbox', { name: 'Notice period' }).fill('45');
    await page.getByLabel('Client', { exact: true }).fill('UAB Medaus kelias');
    await expect.poll(() => text.textContent(), { timeout: 10_000 }).toContain('forty-five (45) calendar days');
    const shown = (await text.textContent()) ?? '';
    expect(shown).toContain('Template, not legal advice');
    expect(shown).toContain('law of the Republic of Lithuania');
    expect(shown).toContain('UAB Medaus kelias');

    // A bad notice period is refused in place, and nothing is sent.
    await page.getByRole('textbox', { name: 'Notice period' }).fill('400');
    await page.getByText('Enter a whole number from 1 to 365').waitFor();
    await page.getByRole('textbox', { name: 'Notice period' }).fill('45');

    await page.getByRole('combobox', { name: 'Language of the clause' }).click();
    await page.getByRole('option', { name: 'Lietuvių' }).click();
    await expect.poll(() => text.textContent(), { timeout: 10_000 }).toContain('45 (keturiasdešimt penkios) kalendorinės dienos');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'clause-phone.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Word (.docx)' }).click()]);
    expect(download.suggestedFilename()).toBe('contract-clauses-lt.docx');
    const paragraphs = await docxParagraphs(readFileSync((await download.path()) as string));
    expect(paragraphs[1]).toContain('Šablonas, ne teisinė konsultacija');
    expect(paragraphs.join('\n')).toContain('45 (keturiasdešimt penkios) kalendorinės dienos');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('speaks the interface language: the clause page in Russian, the header fitting at 1440 and 1280 px', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/clause`);
    await page.getByRole('heading', { level: 1, name: 'Пункт договора' }).waitFor();
    expect(await page.getByTestId('clause-disclaimer').textContent()).toContain('Шаблон, а не юридическая консультация');
    await page.getByRole('button', { name: 'Ещё', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Сообщения' }).waitFor();
    await page.keyboard.press('Escape');
    // Every header control stays on screen with every section's label, on a laptop too.
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await settle(page);
      const toggle = await page.getByRole('button', { name: /тёмную|светлую/i }).boundingBox();
      expect((toggle?.x ?? 9999) + (toggle?.width ?? 0)).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect
      .poll(() => page.getByTestId('clause-text').textContent(), { timeout: 10_000 })
      .toMatch(/30 \(\S+\)|thirty \(30\)|30 \(trisdešimt\)/);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'clause-ru.png'), fullPage: true });
    await context.close();
  });
});
