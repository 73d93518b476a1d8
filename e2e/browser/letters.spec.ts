/**
 * The letter editor (issue 6) in the browser: on a demo client generate a termination letter, type
 * an insult and watch the checker's finding appear while typing (highlighted in the text), remove
 * it and watch it go, save, edit and save again, see both versions in the history, restore the
 * first, download the PDF, be asked before losing unsaved changes, and open the call script's
 * printable page. Screenshots at 1440x900 and at 390x844 in the dark theme go to e2e/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, settle, startBrowserSuite, stopBrowserSuite } from '../helpers/browser.js';
import { ROOT as repoRoot, type ServerProcess } from '../helpers/redcard-process.js';

const SHOTS = join(repoRoot, 'e2e', 'screenshots');
const INSULT = '\n\nFrankly, you are an idiot.';

async function openClient(page: Page, url: string, name: RegExp): Promise<void> {
  await page.goto(url);
  await page.getByRole('link', { name }).first().click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

async function chooseKind(page: Page, kind: string): Promise<void> {
  const panel = page.getByRole('region', { name: 'Letters' });
  await panel.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: kind, exact: true }).click();
}

describe('letter editor in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startBrowserSuite({ demo: true }));
  });

  afterAll(() => stopBrowserSuite({ server, browser }));

  it('generates, checks while typing, saves versions, restores, exports and prints', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(20_000);
    await openClient(page, server.url, /Brightline Fitness/);

    await chooseKind(page, 'Termination letter');
    await page.getByRole('button', { name: 'Generate' }).click();
    const editor = page.getByRole('dialog', { name: /Termination letter/ });
    const body = editor.locator('#letter-body');
    await body.waitFor();
    const generated = await body.inputValue();
    expect(generated.length).toBeGreaterThan(200);
    const emotional = editor.locator('[data-testid="letter-findings"] li[data-code="emotional"]');
    expect(await emotional.count()).toBe(0);

    // Typed as a person types: the finding appears without any button, quoted and highlighted.
    await body.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(INSULT, { delay: 15 });
    await emotional.first().waitFor();
    expect(await emotional.first().textContent()).toContain('idiot');
    expect(await emotional.first().textContent()).toContain('Remove it and keep a calm, neutral tone');
    await editor.locator('mark[data-code="emotional"]').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'letters-editor-finding.png') });

    // Fixed the same way: the finding goes.
    for (let i = 0; i < INSULT.length; i++) await page.keyboard.press('Backspace');
    expect(await body.inputValue()).toBe(generated);
    await emotional.first().waitFor({ state: 'detached' });
    expect(await editor.locator('mark[data-code="emotional"]').count()).toBe(0);

    // Save: version 1. Edit and save again: version 2.
    await editor.getByRole('button', { name: 'Save draft' }).click();
    const history = editor.getByTestId('letter-history');
    await history.locator('li[data-version="1"]').waitFor();
    await editor.getByText('All changes saved').waitFor();
    await body.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nThe final invoice follows separately.');
    await editor.getByText('Unsaved changes').waitFor();
    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await history.locator('li[data-version="2"]').waitFor();
    expect(await history.locator('li').count()).toBe(2);
    await page.screenshot({ path: join(SHOTS, 'letters-editor-history.png') });

    // Restore version 1: it comes back as version 3, and the text is version 1's again.
    await history.locator('li[data-version="1"]').getByRole('button', { name: 'Restore' }).click();
    await history.locator('li[data-version="3"]').waitFor();
    expect(await history.locator('li[data-version="3"]').textContent()).toContain('restored from v1');
    expect(await body.inputValue()).toBe(generated);

    // The PDF download is a PDF.
    const [download] = await Promise.all([page.waitForEvent('download'), editor.getByRole('link', { name: 'PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^brightline-fitness-ltd-termination-v3\.pdf$/);
    const bytes = readFileSync((await download.path()) as string);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');

    // Leaving with unsaved changes asks first; keeping them keeps the text.
    await page.keyboard.press('Control+End');
    await body.focus();
    await page.keyboard.type(' Draft note.');
    await editor.getByRole('button', { name: 'Close' }).click();
    const discard = page.getByRole('dialog', { name: 'Discard the unsaved changes?' });
    await discard.waitFor();
    await discard.getByRole('button', { name: 'Keep editing' }).click();
    expect(await body.inputValue()).toBe(`${generated} Draft note.`);
    await editor.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog', { name: 'Discard the unsaved changes?' }).getByRole('button', { name: 'Discard' }).click();
    await editor.waitFor({ state: 'detached' });

    // The panel lists the draft at its latest version.
    const drafts = page.getByTestId('letter-drafts');
    await drafts.getByText('v3').waitFor();

    // The call script: generated, saved, and printable on a page of its own.
    await chooseKind(page, 'Call script');
    await page.getByRole('button', { name: 'Generate' }).click();
    const script = page.getByRole('dialog', { name: /Call script/ });
    await script.locator('#letter-body').waitFor();
    const subject = await script.getByLabel('Subject').inputValue();
    await script.getByRole('button', { name: 'Save draft' }).click();
    await script.getByTestId('letter-history').locator('li[data-version="1"]').waitFor();
    const [printable] = await Promise.all([
      context.waitForEvent('page'),
      script.getByRole('link', { name: 'Print the call script' }).click(),
    ]);
    printable.on('pageerror', (e) => pageErrors.push(String(e)));
    await printable.getByRole('heading', { level: 1, name: subject }).waitFor();
    await printable.getByRole('button', { name: 'Print' }).waitFor();
    await printable.emulateMedia({ media: 'print' });
    // On paper: the script alone, without the app's header, navigation or the print button.
    expect(await printable.getByRole('heading', { level: 1, name: subject }).isVisible()).toBe(true);
    expect(await printable.locator('header').first().isVisible()).toBe(false);
    expect(await printable.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await printable.screenshot({ path: join(SHOTS, 'letters-call-script-print.png'), fullPage: true });
    await printable.close();

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('works on a phone in the dark theme', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US', isMobile: true, hasTouch: true });
    await context.addInitScript(() => localStorage.setItem('mantine-color-scheme-value', 'dark'));
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(20_000);
    await openClient(page, server.url, /Brightline Fitness/);
    const panel = page.getByRole('region', { name: 'Letters' });
    await panel.scrollIntoViewIfNeeded();
    await settle(page);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await panel.screenshot({ path: join(SHOTS, 'letters-panel-phone-dark.png') });

    // The termination draft saved by the first test opens full screen, with its history.
    await panel
      .getByTestId('letter-drafts')
      .getByRole('listitem')
      .filter({ hasText: 'Termination letter' })
      .getByRole('button', { name: 'Open' })
      .click();
    const editor = page.getByRole('dialog', { name: /Termination letter/ });
    await editor.getByTestId('letter-history').locator('li[data-version="3"]').waitFor();
    const body = editor.locator('#letter-body');
    await body.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' We will never work with clowns again.', { delay: 10 });
    await editor.locator('[data-testid="letter-findings"] li').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'letters-editor-phone-dark.png') });
    await page.screenshot({ path: join(SHOTS, 'letters-editor-phone-dark-full.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
