/**
 * Issue 3 in the browser: import a generated mbox for a demo client through the import page
 * (upload progress, processing, result), review the suggested red flags (confirm one: it becomes
 * an incident with the message as evidence; dismiss a pattern: its siblings go and the
 * suppression is listed, then lifted), and import the same file again (nothing new, all
 * duplicates). Screenshots go to e2e/screenshots/ to be looked at, desktop and phone, light and dark.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, settle, startBrowserSuite, stopBrowserSuite } from '../helpers/browser.js';
import { ROOT as repoRoot, type ServerProcess, startRedcard } from '../helpers/redcard-process.js';

const SHOTS = join(repoRoot, 'e2e', 'screenshots');

interface MailSpec {
  id: string;
  date: string;
  subject: string;
  body: string;
}

/** An mbox as Thunderbird or Gmail Takeout writes it: a From_ line, headers, a blank line, the body. */
function makeMbox(from: string, messages: readonly MailSpec[]): Buffer {
  const parts = messages.map((m) => {
    const when = new Date(m.date);
    const fromLine = `From ${from} ${when.toUTCString().replace(/^(\w{3}), (\d{2}) (\w{3}) (\d{4}) (\S+) GMT$/, '$1 $3 $2 $5 $4')}`;
    // mboxrd: a body line starting with "From " is quoted so it cannot end the message.
    const body = m.body.replace(/^(>*From )/gm, '>$1');

    return [
      fromLine,
      `From: Dan Vortex <${from}>`,
      'To: Ana <ana@studio.example>',
      `Subject: ${m.subject}`,
      `Date: ${when.toUTCString().replace('GMT', '+0000')}`,
      `Message-ID: <${m.id}@vortex.example>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
      '',
    ].join('\n');
  });

  return Buffer.from(parts.join('\n'), 'utf8');
}

/** Flagged messages, one harmless one, and enough neutral mail to make the upload take a moment. */
function correspondence(): MailSpec[] {
  const flagged: MailSpec[] = [
    {
      id: 'insult-1',
      date: '2026-10-12T19:41:00Z',
      subject: 'Re: Logo',
      body: 'Frankly you are an idiot and your work is useless.',
    },
    {
      id: 'price-1',
      date: '2026-10-14T09:05:00Z',
      subject: 'Quote',
      body: 'Your price is too high, give us a 50% discount or we go elsewhere.',
    },
    {
      id: 'price-2',
      date: '2026-10-20T11:30:00Z',
      subject: 'Re: Quote',
      // Markup in a plain-text mail must be shown as text, never interpreted.
      body: 'Again, your price is too high for what it is. <img src=x onerror="window.__pwned=1"> Give us a discount on the next invoice.',
    },
    {
      id: 'thanks-1',
      date: '2026-10-22T08:00:00Z',
      subject: 'Monday',
      body: 'Thanks for the update, see you on Monday at the studio.',
    },
  ];
  const neutral: MailSpec[] = Array.from({ length: 40 }, (_, i) => ({
    id: `notes-${i}`,
    date: new Date(Date.UTC(2026, 8, 1 + (i % 28), 10, i)).toISOString(),
    subject: `Meeting notes ${i + 1}`,
    body: `Notes from meeting ${i + 1}.\n${'We looked at the mockups together and listed the open questions for the team. '.repeat(12)}`,
  }));

  return [...flagged, ...neutral];
}

describe('importing messages and reviewing suggested red flags in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  const pageErrors: string[] = [];
  let workspaceId = '';
  let client = { id: '', name: '' };
  const messages = correspondence();
  const mbox = makeMbox('dan@vortex.example', messages);
  const file = { name: 'vortex-2026.mbox', mimeType: 'application/mbox', buffer: mbox };

  beforeAll(async () => {
    ({ server, browser } = await startBrowserSuite({ demo: true }));
    const config = (await (await fetch(`${server.url}/api/config`)).json()) as { demo_workspace_id: string | null };
    workspaceId = config.demo_workspace_id ?? '';
    expect(workspaceId).not.toBe('');
    const clients = (await (await fetch(`${server.url}/api/workspaces/${workspaceId}/clients`)).json()) as Array<{
      id: string;
      name: string;
    }>;
    client = clients[0] as { id: string; name: string };
  });

  afterAll(() => stopBrowserSuite({ server, browser }));

  async function openPage(options: { width: number; height: number; dark?: boolean }): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: options.width, height: options.height },
      colorScheme: options.dark ? 'dark' : 'light',
      locale: 'en-US',
    });
    await context.addInitScript(
      ([ws, scheme]) => {
        localStorage.setItem('redcard.workspace', ws as string);
        localStorage.setItem('mantine-color-scheme-value', scheme as string);
      },
      [workspaceId, options.dark ? 'dark' : 'light'],
    );
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(20_000);

    return page;
  }

  it('imports an mbox with progress, reviews the suggestions, and re-imports it as duplicates', async () => {
    const page = await openPage({ width: 1440, height: 900 });

    // From the client page, the import opens with the client chosen.
    await page.goto(`${server.url}/clients/${client.id}`);
    await page.getByRole('heading', { level: 1, name: client.name }).waitFor();
    await page.getByRole('link', { name: 'Import messages' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import messages' }).waitFor();
    expect(new URL(page.url()).searchParams.get('client')).toBe(client.id);
    expect(await page.getByRole('combobox', { name: /^Client/ }).inputValue()).toBe(client.name);
    await page.getByText('Earlier imports for this client').waitFor();
    await page.getByText('No imports for this client yet.').waitFor();

    // Without a file, the form says what is missing instead of sending anything.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Choose a file to import').waitFor();

    // An empty file is refused before upload.
    await page.locator('input[type="file"]').setInputFiles({ name: 'empty.mbox', mimeType: 'application/mbox', buffer: Buffer.alloc(0) });
    await page.getByText('This file is empty').waitFor();

    // Choose the real file: its name, size and likely format are shown.
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByTestId('chosen-file').filter({ hasText: file.name }).waitFor();
    await page.getByText('looks like Mailbox (mbox)').waitFor();
    expect(await page.getByText('This file is empty').count()).toBe(0);

    // A slow uplink so the upload progress can be seen (and photographed).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: Math.ceil(mbox.length / 3),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const uploadBar = page.getByRole('progressbar', { name: 'Upload progress' });
    await uploadBar.waitFor();
    await page.getByText(/Uploading… \d+%/).waitFor();
    await page.getByRole('button', { name: 'Cancel the upload' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'import-uploading.png') });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    // Processing, then the result: every message is new, the flagged ones are suggested.
    const status = page.getByTestId('import-status');
    await status.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
    const importId = new URL(page.url()).searchParams.get('import');
    expect(importId).toBeTruthy();
    const count = async (testId: string) => Number((await status.getByTestId(testId).textContent())?.replace(/\D/g, ''));
    expect(await count('count-read')).toBe(messages.length);
    expect(await count('count-stored')).toBe(messages.length);
    expect(await count('count-duplicates')).toBe(0);
    expect(await count('count-skipped')).toBe(0);
    const suggested = await count('count-suggestions');
    expect(suggested).toBeGreaterThanOrEqual(3);
    await page.getByRole('table').getByText(file.name).waitFor();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'import-result.png'), fullPage: true });

    // The way to the review queue, filtered to the client.
    await page.getByRole('link', { name: new RegExp(`Review ${suggested} suggestion`) }).click();
    await page.getByRole('heading', { level: 1, name: 'Review suggestions' }).waitFor();
    expect(new URL(page.url()).searchParams.get('client')).toBe(client.id);
    const cards = page.getByTestId('suggestion');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(suggested);
    await page.getByText(`${suggested} suggestions waiting for you`).waitFor();

    // Matched words are marked; markup in the mail is shown as text and never runs.
    const insultCard = cards.filter({ has: page.getByRole('heading', { name: /Abuse/ }) }).first();
    // A rule may mark several words ("your work … useless"); the insult is among them.
    expect((await insultCard.locator('mark').allTextContents()).join(' ')).toMatch(/idiot|useless/);
    await insultCard.getByText(/^Why: rule/).waitFor();
    const priceCards = cards.filter({ has: page.getByRole('heading', { name: /Price pressure/ }) });
    expect(await priceCards.count()).toBe(2);
    await page.getByText('<img src=x onerror="window.__pwned=1">', { exact: false }).waitFor();
    expect(await page.locator('[data-testid="suggestion-text"] img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // Keyboard: j moves to the first card, c opens its confirmation, Esc closes it.
    await page.locator('body').click({ position: { x: 5, y: 200 } });
    await page.keyboard.press('j');
    await expect(cards.first().getAttribute('data-active')).resolves.toBe('true');
    await page.keyboard.press('c');
    await cards.first().getByRole('button', { name: 'Confirm as an incident' }).waitFor();
    await page.keyboard.press('Escape');
    await cards.first().getByRole('button', { name: 'Confirm as an incident' }).waitFor({ state: 'detached' });
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'review-queue.png'), fullPage: true });

    // Confirm the insult as a grave incident with a note.
    await insultCard.getByRole('button', { name: 'Confirm', exact: true }).click();
    await insultCard.getByText('Grave', { exact: true }).click();
    await insultCard.getByLabel('Note').fill('Called me an idiot in writing.');
    await page.screenshot({ path: join(SHOTS, 'review-confirming.png'), fullPage: true });
    await insultCard.getByRole('button', { name: 'Confirm as an incident' }).click();
    await page.getByText(`Recorded as an incident for ${client.name}`).waitFor();
    await expect.poll(() => cards.count()).toBe(suggested - 1);

    // Dismiss one price suggestion as a pattern: its sibling goes too, and the pattern is listed.
    const priceCard = priceCards.first();
    await priceCard.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await priceCard.getByLabel(`Stop suggesting this pattern for ${client.name}`).check();
    await priceCard.getByLabel('Why (for your own record)').fill('We agreed to talk about the price in December.');
    await priceCard.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await page.getByText('Dismissed, with 1 more like it', { exact: false }).waitFor();
    await expect.poll(() => priceCards.count()).toBe(0);
    await expect.poll(() => cards.count()).toBe(suggested - 3);
    const suppressions = page.getByRole('region', { name: 'Suppressed patterns' });
    await suppressions.getByTestId('suppression').filter({ hasText: 'en.price.cheaper' }).waitFor();
    await suppressions.getByText('We agreed to talk about the price in December.').waitFor();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'review-after-decisions.png'), fullPage: true });

    // The confirmed flag is on the client's timeline: an incident detected in a message, with the message as evidence.
    await page.goto(`${server.url}/clients/${client.id}`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const incident = timeline.getByTestId('timeline-incident').filter({ hasText: 'Called me an idiot in writing.' });
    await incident.waitFor();
    await incident.getByText('Abuse', { exact: true }).waitFor();
    await incident.getByText('Grave', { exact: true }).waitFor();
    await incident.getByText('Detected in a message', { exact: true }).waitFor();
    expect(await incident.getByRole('list', { name: 'Evidence' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(1);
    // The client page counts what is left to review.
    await page.getByRole('link', { name: `Suggestions (${suggested - 3})` }).waitFor();

    // Lift the suppression: the pattern is no longer listed.
    await page.getByRole('link', { name: `Suggestions (${suggested - 3})` }).click();
    await page.getByRole('heading', { level: 1, name: 'Review suggestions' }).waitFor();
    await suppressions.getByRole('button', { name: /Suggest again/ }).click();
    await suppressions.getByText('None: every pattern is suggested.').waitFor();

    // The same file again: nothing new, every message a duplicate, no new suggestions.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Import messages' }).waitFor();
    await page.getByRole('combobox', { name: /^Client/ }).click();
    await page.getByRole('option', { name: client.name }).click();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await status.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('import')).not.toBe(importId);
    expect(await count('count-stored')).toBe(0);
    expect(await count('count-duplicates')).toBe(messages.length);
    expect(await count('count-suggestions')).toBe(0);
    await status.getByText(`Nothing new: all ${messages.length} messages were already in the record.`).waitFor();
    expect(await page.getByTestId('past-imports').getByText(file.name).count()).toBe(2);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'import-again.png'), fullPage: true });

    await page.context().close();
    expect(pageErrors).toEqual([]);
  });

  it('says plainly when a file is too large or its format cannot be recognised', async () => {
    // A second server with a 1 MB import limit, so "too large" needs no gigabyte of test data.
    const small = await startRedcard({ env: { REDCARD_IMPORT_MAX_MB: '1' } });
    try {
      const config = (await (await fetch(`${small.url}/api/config`)).json()) as { default_workspace_id: string };
      const ws = config.default_workspace_id;
      const created = await fetch(`${small.url}/api/workspaces/${ws}/clients`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Limits Test SRL' }),
      });
      expect(created.status).toBe(201);
      const limitsClient = (await created.json()) as { id: string };
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
      await context.addInitScript((w) => localStorage.setItem('redcard.workspace', w), ws);
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      page.setDefaultTimeout(20_000);
      await page.goto(`${small.url}/import?client=${limitsClient.id}`);
      await page.getByRole('heading', { level: 1, name: 'Import messages' }).waitFor();

      const big = Buffer.concat([mbox, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
      await page.locator('input[type="file"]').setInputFiles({ name: 'everything.mbox', mimeType: 'application/mbox', buffer: big });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'The file is too large' });
      await alert.waitFor();
      await alert.getByText('Split the export into smaller parts', { exact: false }).waitFor();

      await page.locator('input[type="file"]').setInputFiles({
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('just some words\nwith no structure at all\n'),
      });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByText('RedCard could not recognise this file. Choose its format here and try again.').waitFor();
      expect(await page.getByText('The file is too large').count()).toBe(0);
      // Nothing was stored by either attempt.
      const list = (await (await fetch(`${small.url}/api/workspaces/${ws}/imports?client=${limitsClient.id}`)).json()) as {
        items: unknown[];
      };
      expect(list.items).toEqual([]);
      await page.screenshot({ path: join(SHOTS, 'import-errors.png'), fullPage: true });
      await context.close();
    } finally {
      await small.stop();
    }
    expect(pageErrors).toEqual([]);
  });

  it('works on a phone and in the dark theme', async () => {
    const phone = await openPage({ width: 390, height: 844 });
    await phone.goto(`${server.url}/import?client=${client.id}`);
    await phone.getByRole('heading', { level: 1, name: 'Import messages' }).waitFor();
    await phone.getByTestId('past-imports').getByText(file.name).first().waitFor();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: join(SHOTS, 'import-390.png'), fullPage: true });

    await phone.goto(`${server.url}/review?client=${client.id}`);
    await phone.getByRole('heading', { level: 1, name: 'Review suggestions' }).waitFor();
    await phone.getByTestId('suggestion').first().waitFor();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    // The actions are reachable without a keyboard.
    await phone.getByTestId('suggestion').first().getByRole('button', { name: 'Dismiss', exact: true }).click();
    await phone.getByRole('radio', { name: 'Only this one' }).waitFor();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: join(SHOTS, 'review-390.png'), fullPage: true });
    // Reach the sections through the menu.
    await phone.getByRole('button', { name: 'Open navigation' }).click();
    await phone.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import', exact: true }).waitFor();
    await phone.context().close();

    const dark = await openPage({ width: 1440, height: 900, dark: true });
    await dark.goto(`${server.url}/review`);
    await dark.getByTestId('suggestion').first().waitFor();
    // Without a client filter, each card names its client.
    await dark.getByTestId('suggestion').first().getByText(client.name).waitFor();
    await dark.screenshot({ path: join(SHOTS, 'review-dark.png'), fullPage: true });
    await dark.context().close();
    expect(pageErrors).toEqual([]);
  });
});
