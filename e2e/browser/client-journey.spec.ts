/**
 * The first browser journey (issue 2): create a client through the UI, log an incident with an
 * evidence file, see both on the timeline, switch the interface to Lithuanian and see it
 * translated. Screenshots go to e2e/screenshots/ to be looked at.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, settle, startBrowserSuite, stopBrowserSuite } from '../helpers/browser.js';
import { ROOT as repoRoot, type ServerProcess, startRedcard } from '../helpers/redcard-process.js';

const SHOTS = join(repoRoot, 'e2e', 'screenshots');

/** A real 24x16 PNG (a red card on a grey ground), made here so the test needs no fixture file. */
function makePng(width = 24, height = 16): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;

    return c >>> 0;
  });
  const crc32 = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);

    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));

    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour RGB
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < width; x++) {
      const card = x >= 8 && x < 16 && y >= 2 && y < 14;
      rows.push(...(card ? [201, 42, 42] : [230, 232, 235]));
    }
  }

  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Waits until no notification is on screen and scrolls to the top, so screenshots show the page itself. */
/** Every visible control has an accessible name (label, aria-label, aria-labelledby or text). */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);

      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    for (const el of document.querySelectorAll('button, a[href], input, select, textarea, [role="button"]')) {
      if (!visible(el)) continue;
      if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
      const labelled =
        (el.getAttribute('aria-label') ?? '').trim() !== '' ||
        (el.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .some((id) => id && (document.getElementById(id)?.textContent ?? '').trim() !== '') ||
        ('labels' in el && (el as HTMLInputElement).labels !== null && (el as HTMLInputElement).labels!.length > 0) ||
        (!(el instanceof HTMLInputElement) && (el.textContent ?? '').trim() !== '') ||
        (el.getAttribute('title') ?? '').trim() !== '';
      if (!labelled) bad.push(el.outerHTML.slice(0, 160));
    }

    return bad;
  });
}

describe('client journey in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  const pageErrors: string[] = [];
  const clientName = 'Šviesos Linija UAB';
  const png = makePng();

  beforeAll(async () => {
    ({ server, browser } = await startBrowserSuite());
  });

  afterAll(() => stopBrowserSuite({ server, browser }));

  it('creates a client, logs an incident with evidence, and reads it in Lithuanian', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(15_000);

    // A new workspace teaches the first steps.
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page.getByText('Start your first client record').waitFor();
    await page.getByText('Attach evidence to the incident', { exact: false }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'empty-workspace.png'), fullPage: true });

    // Create a client through the form.
    await page.getByRole('button', { name: 'New client' }).first().click();
    const clientDialog = page.getByRole('dialog', { name: 'New client' });
    await clientDialog.getByLabel('Name').fill(clientName);
    await clientDialog.getByLabel('Manager').fill('Ana Popescu');
    await clientDialog.getByLabel('Client since').fill('2025-03-01');
    await clientDialog.getByRole('button', { name: 'Save' }).click();
    await clientDialog.waitFor({ state: 'hidden' });

    // Saving opens the client; the list shows it too, and a row opens it again.
    await page.getByRole('heading', { level: 1, name: clientName }).waitFor();
    await page.getByRole('link', { name: 'All clients' }).click();
    const row = page.getByRole('row').filter({ hasText: clientName });
    await row.waitFor();
    await expect(row.getByText('Active').count()).resolves.toBe(1);
    await row.getByRole('link', { name: clientName }).click();
    await page.getByRole('heading', { level: 1, name: clientName }).waitFor();
    await page.getByText('Nothing recorded yet', { exact: false }).waitFor();

    // Log an incident with a screenshot as evidence.
    await page.getByRole('button', { name: 'Log incident' }).click();
    const incidentDialog = page.getByRole('dialog', { name: 'Log incident' });
    await incidentDialog.getByRole('combobox', { name: 'Red flag' }).click();
    await page.getByRole('option', { name: 'Abuse', exact: true }).click();
    await incidentDialog.getByText('Insults, rudeness, swearing', { exact: false }).waitFor();
    await incidentDialog.getByRole('radio', { name: '3 · Grave' }).check();
    await incidentDialog.getByLabel('Note').fill('Shouted at Ana on the call and called the designs garbage.');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      incidentDialog.getByRole('button', { name: 'Evidence file' }).click(),
    ]);
    await chooser.setFiles({ name: 'call-screenshot.png', mimeType: 'image/png', buffer: png });
    await incidentDialog.getByText('call-screenshot.png').waitFor();
    expect(await unnamedControls(page)).toEqual([]);
    await incidentDialog.getByRole('button', { name: 'Save' }).click();
    await incidentDialog.waitFor({ state: 'hidden' });

    // The timeline shows the incident with its code, severity and evidence file.
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const incident = timeline.getByTestId('timeline-incident');
    await incident.getByText('Abuse', { exact: true }).waitFor();
    await incident.getByText('Grave', { exact: true }).waitFor();
    const evidenceLink = incident.getByRole('link', { name: 'call-screenshot.png' });
    await evidenceLink.waitFor();
    const href = await evidenceLink.getAttribute('href');
    expect(href).toMatch(/^\/api\/workspaces\/[^/]+\/evidence\/[^/]+\/file$/);
    const file = await page.request.get(`${server.url}${href}`);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).equals(png)).toBe(true);
    await page.getByRole('region', { name: 'Evidence' }).getByText('1 file', { exact: true }).waitFor();

    // A yellow card and an invoice through their forms; money typed in major units lands as exact minor units.
    await page.getByRole('button', { name: 'Give yellow card' }).click();
    const cardDialog = page.getByRole('dialog', { name: 'Give a yellow card' });
    await cardDialog.getByLabel('What was said').fill('Told by phone: one more insult and we stop working together.');
    await cardDialog.getByRole('button', { name: 'Record yellow card' }).click();
    await cardDialog.waitFor({ state: 'hidden' });
    await timeline.getByText('Yellow card given (Call)', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Add invoice' }).first().click();
    const invoiceDialog = page.getByRole('dialog', { name: 'New invoice' });
    await invoiceDialog.getByLabel('Invoice number').fill('2026-014');
    await invoiceDialog.getByLabel('Amount').fill('1500.10');
    await invoiceDialog.getByRole('button', { name: 'Save' }).click();
    await invoiceDialog.waitFor({ state: 'hidden' });
    await timeline.getByText('Invoice 2026-014 issued').waitFor();
    const clientId = new URL(page.url()).pathname.split('/').pop() as string;
    const wsId = href?.split('/')[3] as string;
    const detail = (await (await page.request.get(`${server.url}/api/workspaces/${wsId}/clients/${clientId}`)).json()) as {
      invoices: { amount_minor: number }[];
    };
    expect(detail.invoices.map((i) => i.amount_minor)).toEqual([150010]);

    // The evidence chain verifies.
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText('The chain is intact', { exact: false }).waitFor();

    expect(await unnamedControls(page)).toEqual([]);

    // Switch the interface to Lithuanian.
    await page.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: 'Lietuvių' }).click();
    await page.getByRole('heading', { name: 'Laiko juosta' }).waitFor();
    await page.getByRole('region', { name: 'Laiko juosta' }).getByText('Įžeidinėjimai', { exact: true }).waitFor();
    await page.getByText('Labai rimtas', { exact: true }).waitFor();
    await page.getByText('Įteikta geltona kortelė (Skambutis)', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Užregistruoti incidentą' }).waitFor();
    // The yellow card warned the client.
    await page.getByText('Įspėtas', { exact: true }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('lt');
    expect(await page.getByText('Timeline', { exact: true }).count()).toBe(0);
    // Money and dates follow the interface language.
    await page
      .getByText(/1[\s\u00a0\u202f]?500,10[\s\u00a0]€/)
      .first()
      .waitFor();

    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'client-page-lt.png'), fullPage: true });

    // The choice is remembered across a reload, and a deep link to the client works.
    await page.reload();
    await page.getByRole('heading', { name: 'Laiko juosta' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('lt');

    // The list in Lithuanian: counts, the serious incident, the card, money and the date.
    await page.getByRole('link', { name: 'Visi klientai' }).click();
    const ltRow = page.getByRole('row').filter({ hasText: clientName });
    await ltRow.getByText('1 rimtas', { exact: true }).waitFor();
    await ltRow.getByText('2026 m.', { exact: false }).waitFor();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'clients-lt.png'), fullPage: true });

    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('adds and edits every kind of record through its form, and shows what the server refuses', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    await page.getByRole('link', { name: clientName }).click();
    await page.getByRole('heading', { level: 1, name: clientName }).waitFor();
    const dialog = page.getByRole('dialog');
    const save = async () => {
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });
    };

    // Contract terms.
    await page.getByRole('button', { name: 'Add contract terms' }).click();
    await dialog.getByRole('radio', { name: 'No', exact: true }).check();
    await dialog.getByLabel('The contract sets a notice period').check();
    await dialog.getByLabel('Notice length').fill('10');
    await dialog.getByRole('combobox', { name: 'Unit' }).click();
    await page.getByRole('option', { name: 'Business days' }).click();
    await dialog.getByLabel('Ending early carries a penalty').check();
    await dialog.getByLabel('Penalty amount').fill('1,5');
    await dialog.getByLabel('What the penalty is for').fill('Early termination by either side');
    await save();
    const contract = page.getByRole('region', { name: 'Contract' });
    await contract.getByText('10 business days').waitFor();
    await contract.getByText('€1.50').waitFor();

    // An engagement with two deliverables, then edited.
    await page.getByRole('region', { name: 'Engagements' }).getByRole('button', { name: 'Add' }).click();
    await dialog.getByLabel('Engagement name').fill('Website redesign');
    await dialog.getByRole('combobox', { name: 'Kind of engagement' }).click();
    await page.getByRole('option', { name: 'Long-term engagement' }).click();
    await dialog.getByLabel('Price', { exact: true }).fill('5400');
    await dialog.getByRole('button', { name: 'Add deliverable' }).click();
    await dialog.getByRole('button', { name: 'Add deliverable' }).click();
    await dialog
      .getByRole('textbox', { name: /^Deliverable/ })
      .nth(0)
      .fill('Design');
    await dialog.getByRole('checkbox', { name: 'Done' }).nth(0).check();
    await dialog
      .getByRole('textbox', { name: /^Deliverable/ })
      .nth(1)
      .fill('Build');
    await dialog.getByLabel('Due date').nth(1).fill('2026-12-20');
    await save();
    const engagements = page.getByRole('region', { name: 'Engagements' });
    await engagements.getByText('Website redesign').waitFor();
    await engagements.getByText('Price €5,400.00').waitFor();
    await engagements.getByText('Build · due December 20, 2026').waitFor();
    await engagements.getByRole('button', { name: 'Edit engagement Website redesign' }).click();
    await dialog.getByLabel('Engagement name').fill('Website redesign and build');
    await save();
    await engagements.getByText('Website redesign and build').waitFor();

    // Time spent in a month.
    await page.getByRole('button', { name: 'Record time' }).click();
    await dialog.getByLabel('Month').fill('2026-10');
    await dialog.getByLabel('Hours').fill('12.5');
    await save();
    await page.getByRole('region', { name: 'Time spent' }).getByText('October 2026').waitFor();

    // A message from the client.
    await page.getByRole('button', { name: 'Add message' }).click();
    await dialog.getByLabel('Subject').fill('Re: designs');
    await dialog.getByLabel('Text').fill('We are not paying for this garbage.\nRedo it by tomorrow.');
    await save();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Re: designs').waitFor();

    // Validation in the form: a money amount that is not one, and a due date before the issue date.
    await page.getByRole('button', { name: 'Add invoice' }).first().click();
    await dialog.getByLabel('Invoice number').fill('2026-014');
    await dialog.getByLabel('Amount').fill('12.345');
    await dialog.getByLabel('Due date').fill('2020-01-01');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Use at most 2 decimals', { exact: false }).waitFor();
    await dialog.getByText('The due date cannot be before the issue date').waitFor();
    // The server refuses a repeated invoice number; its answer is shown in the form.
    await dialog.getByLabel('Amount').fill('200');
    await dialog.getByLabel('Due date').fill('2099-01-01');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/invoice/i);
    await dialog.getByLabel('Invoice number').fill('2026-015');
    await save();
    await timeline.getByText('Invoice 2026-015 issued').waitFor();

    // A partial payment on the first invoice.
    await page.getByRole('button', { name: 'Add payment to invoice 2026-014' }).click();
    await dialog.getByLabel('Amount paid').fill('500');
    await save();
    await timeline.getByText('Payment received for invoice 2026-014').waitFor();
    await page.getByRole('region', { name: 'Money' }).getByText('€1,000.10 outstanding').waitFor();

    // Edit the incident. A card given through its step cannot be deleted or edited: it is part of the escalation record.
    await timeline.getByRole('button', { name: /^Edit incident from/ }).click();
    await dialog.getByLabel('Team member involved').fill('Ana');
    await save();
    await timeline.getByText('Involves Ana').waitFor();
    await expect(timeline.getByRole('button', { name: /^Delete card from/ }).count()).resolves.toBe(0);
    await timeline.getByText('Yellow card given (Call)', { exact: true }).waitFor();

    // Edit the client: the status is not a field (it moves only through the escalation steps).
    await page.getByRole('button', { name: 'Edit client' }).click();
    await dialog.getByLabel('Manager').waitFor();
    await expect(dialog.getByRole('combobox', { name: 'Status' }).count()).resolves.toBe(0);
    await save();
    await page.getByText('Warned', { exact: true }).first().waitFor();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'client-page-full.png'), fullPage: true });

    // Export the case file, then import it back under another name.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export case file' }).click()]);
    expect(download.suggestedFilename()).toBe('sviesos-linija-uab.case.json');
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { client: { name: string }; incidents: unknown[] };
    expect(exported.client.name).toBe(clientName);
    expect(exported.incidents).toHaveLength(1);

    await page.getByRole('link', { name: 'All clients' }).click();
    // A broken case file: nothing is saved and each field is named.
    let [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import case file' }).click()]);
    await chooser.setFiles({
      name: 'broken.case.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'redcard.case/1', client: { name: '' }, surprise: true })),
    });
    const importDialog = page.getByRole('dialog', { name: 'The case file was not imported' });
    await importDialog.getByText('client.name', { exact: true }).waitFor();
    await importDialog.getByRole('listitem').filter({ hasText: 'surprise' }).waitFor();
    await page.waitForTimeout(400); // let the modal finish opening
    await page.screenshot({ path: join(SHOTS, 'import-errors.png') });
    await importDialog.getByRole('button', { name: 'Close' }).last().click();
    [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import case file' }).click()]);
    exported.client.name = 'Imported copy';
    await chooser.setFiles({ name: 'copy.case.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await page.getByRole('heading', { level: 1, name: 'Imported copy' }).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Abuse', { exact: true }).waitFor();

    // Search and status filter live in the URL.
    await page.getByRole('link', { name: 'All clients' }).click();
    await page.getByLabel('Search clients').fill('copy');
    await page.waitForURL(/\?q=copy/);
    await page.getByRole('row').filter({ hasText: clientName }).waitFor({ state: 'detached' });
    await expect(page.getByRole('row').count()).resolves.toBe(2);
    // A link with the query opens the filtered list with the box filled in.
    await page.goto(`${server.url}/?q=copy`);
    await page.getByRole('row').filter({ hasText: 'Imported copy' }).waitFor();
    expect(await page.getByLabel('Search clients').inputValue()).toBe('copy');
    await expect(page.getByRole('row').count()).resolves.toBe(2);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Warned' }).click();
    await page.waitForURL(/status=warned/);
    await page.getByRole('row').filter({ hasText: clientName }).waitFor();

    await settle(page);
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  it('shows the assessment and the exit plan of demo clients, and gives a yellow card through its dialog', async () => {
    const demo = await startRedcard({ demo: true });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.setDefaultTimeout(15_000);
    const openClient = async (search: string, name: string) => {
      await page.goto(demo.url);
      await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
      await page.getByLabel('Search clients').fill(search);
      await page.getByRole('link', { name }).first().click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
    };
    try {
      // TransBalt: red card, stop and collect, with D2 among the reasons.
      await openClient('TransBalt', 'UAB „TransBalt Logistika“');
      const assessment = page.getByRole('region', { name: 'Assessment' });
      await assessment.getByTestId('assessment-recommendation').getByText('Red card, stop and collect').waitFor();
      await assessment.getByText('D2', { exact: true }).first().waitFor();
      const score = Number(await assessment.getByTestId('assessment-score').textContent());
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
      // The details open to the seven dimensions.
      await assessment.getByRole('button', { name: 'Details' }).click();
      await assessment.getByText('Wellbeing', { exact: true }).waitFor();

      // The plan beside the timeline: dates, and the two downloads.
      const plan = page.getByRole('region', { name: 'Exit plan' });
      await plan.getByText('Tell the client on').waitFor();
      await plan.getByText('Work ends on').waitFor();
      await plan.getByText('See a lawyer first').waitFor();
      const ics = plan.getByRole('link', { name: 'Add to calendar (.ics)' });
      const pdf = plan.getByRole('link', { name: 'Print plan (PDF)' });
      expect(await pdf.getAttribute('href')).toMatch(/\/plan\.pdf$/);
      const icsHref = (await ics.getAttribute('href')) as string;
      expect(icsHref).toMatch(/\/plan\.ics$/);
      const calendar = await page.request.get(`${demo.url}${icsHref}`);
      expect(calendar.status()).toBe(200);
      expect((await calendar.text()).startsWith('BEGIN:VCALENDAR')).toBe(true);
      expect(await unnamedControls(page)).toEqual([]);

      // Medaus kelias: the recommendation is a yellow card; give it through the dialog.
      await openClient('Medaus', 'UAB „Medaus kelias“');
      const medaus = page.getByRole('region', { name: 'Assessment' });
      await medaus.getByTestId('assessment-recommendation').getByText('Yellow card: warn the client').waitFor();
      expect(await page.getByRole('region', { name: 'Exit plan' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Give yellow card' }).click();
      const dialog = page.getByRole('dialog', { name: 'Give a yellow card' });
      expect(await dialog.getByRole('combobox', { name: 'How it was delivered' }).inputValue()).toBe('Call');
      // "What was said" is required.
      await dialog.getByRole('button', { name: 'Record yellow card' }).click();
      await dialog.getByText('Required', { exact: false }).first().waitFor();
      await dialog.getByLabel('What was said').fill('The next late payment stops the work until the invoices are paid.');
      await dialog.getByLabel('Note').fill('Called Monday morning.');
      await dialog.getByRole('button', { name: 'Record yellow card' }).click();
      await dialog.waitFor({ state: 'hidden' });

      const timeline = page.getByRole('region', { name: 'Timeline' });
      const event = timeline.getByTestId('timeline-event').filter({ hasText: 'Yellow card given (Call)' });
      await event.getByText('The next late payment stops the work', { exact: false }).waitFor();
      await event.getByText('by you', { exact: false }).waitFor();
      await timeline.getByText(/^Yellow card: .+ → Warned$/).waitFor();
      await page
        .getByRole('heading', { level: 1, name: 'UAB „Medaus kelias“' })
        .locator('..')
        .getByText('Warned', { exact: true })
        .waitFor();
      await settle(page);
      await page.screenshot({ path: join(SHOTS, 'client-assessment.png'), fullPage: true });

      // Back to TransBalt for a picture of the plan.
      await openClient('TransBalt', 'UAB „TransBalt Logistika“');
      await page.getByRole('region', { name: 'Exit plan' }).getByText('Tell the client on').waitFor();
      await page.getByRole('region', { name: 'Assessment' }).getByRole('button', { name: 'Details' }).click();
      await page.getByRole('region', { name: 'Assessment' }).getByText('Wellbeing', { exact: true }).waitFor();
      await settle(page);
      await page.screenshot({ path: join(SHOTS, 'client-plan.png') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await demo.stop();
    }
  });

  it('opens the demo workspace from the empty state, leaving the own workspace empty', async () => {
    const fresh = await startRedcard();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(fresh.url);
      await page.getByText('Start your first client record').waitFor();
      await page.getByRole('button', { name: 'Open the demo workspace' }).click();
      // Twelve realistic clients in four languages, one of them in Cyrillic.
      // (The name is also drawn in the revenue chart: look for the client's link in the list.)
      await page.getByRole('link', { name: 'SIA «Балтийские окна»' }).waitFor();
      await page
        .getByRole('link', { name: /Brightline Fitness/ })
        .first()
        .waitFor();
      await page.screenshot({ path: join(SHOTS, 'demo-clients.png') });
      const workspaces = (await (await fetch(`${fresh.url}/api/workspaces`)).json()) as Array<{ id: string; is_demo: boolean }>;
      const own = workspaces.find((w) => !w.is_demo)!;
      expect(await (await fetch(`${fresh.url}/api/workspaces/${own.id}/clients`)).json()).toEqual([]);
    } finally {
      await context.close();
      await fresh.stop();
    }
  });

  it('shows the portfolio on a phone', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page.getByRole('link', { name: new RegExp(clientName) }).waitFor();
    // Nothing sticks out sideways.
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await unnamedControls(page)).toEqual([]);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'clients-390.png'), fullPage: true });

    // The client page stacks the timeline above the panels.
    await page.getByRole('link', { name: new RegExp(clientName) }).click();
    await page.getByRole('heading', { level: 1, name: clientName }).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Abuse', { exact: true }).waitFor();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'client-page-390.png'), fullPage: true });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // The workspace switcher lives behind the menu on a phone.
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('combobox', { name: 'Workspace' }).waitFor();
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
