/**
 * The escalation journey in the browser (issue 4): a fresh client goes active → watch → yellow
 * card → red card → ended → closed for contact → reopened (with a reason), each through its
 * button and dialog. After every step the status badge and the newest timeline entry are checked,
 * and a step the state machine forbids is shown inert with its reason, never taken.
 * Screenshots go to e2e/screenshots/ to be looked at.
 */
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle, startBrowserSuite, stopBrowserSuite } from '../helpers/browser.js';
import { ROOT as repoRoot, type ServerProcess } from '../helpers/redcard-process.js';

const SHOTS = join(repoRoot, 'e2e', 'screenshots');
const CLIENT = 'Vortex Media SRL';
const REOPEN_REASON = 'They apologised in writing and paid every overdue invoice.';

describe('escalation journey in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startBrowserSuite());
  });

  afterAll(() => stopBrowserSuite({ server, browser }));

  it('walks a fresh client through every step, checking the badge, the timeline and the forbidden steps', async () => {
    // A fresh client with one serious incident, through the API.
    const [workspace] = (await (await fetch(`${server.url}/api/workspaces`)).json()) as Array<{ id: string }>;
    const base = `${server.url}/api/workspaces/${workspace!.id}`;
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.status, path).toBeLessThan(300);

      return (await res.json()) as { id: string };
    };
    const client = await post('/clients', { name: CLIENT, manager: 'Ioana' });
    await post(`/clients/${client.id}/incidents`, {
      date: '2026-01-12',
      code: 'abuse',
      severity: 2,
      note: 'Shouted at Ioana on a call',
    });

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(15_000);
    await page.goto(`${server.url}/clients/${client.id}`);
    const heading = page.getByRole('heading', { level: 1, name: CLIENT });
    await heading.waitFor();

    const badge = () => heading.locator('..').locator('.mantine-Badge-root');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const newestStep = () => timeline.getByTestId('timeline-event').first();
    const step = (name: string) => page.getByRole('button', { name, exact: true });
    const expectStatus = async (label: string) => {
      await heading.locator('..').getByText(label, { exact: true }).waitFor();
      expect(await badge().textContent()).toBe(label);
    };
    /** A step the machine forbids: visible, inert (aria-disabled), its reason as the accessible description. */
    const expectRefused = async (button: Locator, why: RegExp) => {
      expect(await button.getAttribute('aria-disabled')).toBe('true');
      const describedBy = (await button.getAttribute('aria-describedby')) as string;
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(why);
    };
    const take = async (button: string, title: string, fill?: (dialog: Locator) => Promise<void>, submit = button) => {
      await step(button).click();
      const dialog = page.getByRole('dialog', { name: title });
      await dialog.waitFor();
      await fill?.(dialog);
      await dialog.getByRole('button', { name: submit, exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
    };

    // Active: watch, yellow and red card are offered; ending, closing and reopening are not; nor is
    // reassignment, as a freelancer naming one team member has nobody to move the client to.
    await expectStatus('Active');
    for (const name of ['Put on watch', 'Give yellow card', 'Give red card'])
      expect(await step(name).getAttribute('aria-disabled')).toBeNull();
    for (const name of ['End the relationship', 'Close for contact', 'Reopen', 'Reassign']) expect(await step(name).count()).toBe(0);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'escalation-1-active.png'), fullPage: true });

    // Watch.
    await take('Put on watch', 'Put the client on watch', async (d) => {
      await d.getByText('Nothing is said to the client', { exact: false }).waitFor();
      await d.getByLabel('Note').fill('Two tense calls this month');
    });
    await expectStatus('Watching');
    await newestStep().getByText('Put on watch: Active → Watching', { exact: true }).waitFor();
    await newestStep().getByText('Two tense calls this month').waitFor();
    await newestStep().getByText('by you', { exact: false }).waitFor();
    await expectRefused(step('Put on watch'), /Not possible while the client is “Watching”/);

    // Yellow card: what was said is required; the draft is built from the recorded incidents and stays editable.
    await step('Give yellow card').click();
    const yellow = page.getByRole('dialog', { name: 'Give a yellow card' });
    await yellow.getByRole('button', { name: 'Record yellow card' }).click();
    await yellow.getByText('Required', { exact: false }).first().waitFor();
    await yellow.getByRole('button', { name: 'Draft it from the incidents' }).click();
    const said = yellow.getByLabel('What was said');
    expect(await said.inputValue()).toMatch(/Shouted at Ioana on a call[\s\S]*If it happens again, I will end our cooperation\./);
    await said.fill(`${await said.inputValue()}\nConfirmed by email the same day.`);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'escalation-2-yellow-dialog.png') });
    await yellow.getByRole('button', { name: 'Record yellow card' }).click();
    await yellow.waitFor({ state: 'hidden' });
    await expectStatus('Warned');
    // One entry for the step: the card, what was said and the status change together.
    const yellowStep = timeline.getByTestId('timeline-event').filter({ hasText: 'Yellow card given (Call)' });
    await yellowStep.getByText('Yellow card: Watching → Warned', { exact: true }).waitFor();
    await yellowStep.getByText('Confirmed by email').waitFor();
    expect(await timeline.getByTestId('timeline-event').filter({ hasText: '→ Warned' }).count()).toBe(1);
    await expectRefused(step('Give yellow card'), /Not possible while the client is “Warned”/);

    // Red card: after the yellow card it needs no override, and the dialog says on what grounds.
    await step('Give red card').click();
    const red = page.getByRole('dialog', { name: 'Give a red card' });
    await red
      .getByTestId('red-card-grounds')
      .getByText('a yellow card was given and the warning was not heeded', { exact: false })
      .waitFor();
    expect(await red.getByLabel('Why end it without a yellow card').count()).toBe(0);
    await red.getByRole('button', { name: 'Record red card' }).click();
    await red.waitFor({ state: 'hidden' });
    await expectStatus('Exiting');
    await newestStep().getByText('Red card: Warned → Exiting', { exact: true }).waitFor();
    await expectRefused(step('Give red card'), /Not possible while the client is “Exiting”/);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'escalation-3-exiting.png'), fullPage: true });

    // End, then close for contact.
    await take('End the relationship', 'End the relationship', undefined, 'Record the end');
    await expectStatus('Ended');
    await newestStep().getByText('Relationship ended: Exiting → Ended', { exact: true }).waitFor();
    await take('Close for contact', 'Close for contact');
    await expectStatus('Closed');
    await newestStep().getByText('Closed for contact: Ended → Closed', { exact: true }).waitFor();

    // Closed: nothing but reopening is offered; the others say why.
    for (const name of ['Put on watch', 'Give yellow card', 'Give red card']) {
      await expectRefused(step(name), /closed for contact: reopen it first/);
    }
    for (const name of ['End the relationship', 'Close for contact', 'Reassign']) expect(await step(name).count()).toBe(0);
    // An inert step does nothing when clicked (the last dialog's closing transition is over first,
    // so a dialog seen afterwards can only be one the click opened).
    await page.getByRole('dialog').first().waitFor({ state: 'detached' });
    await step('Give red card').click({ force: true });
    await page.waitForTimeout(400);
    expect(await page.getByRole('dialog').count()).toBe(0);
    // The forced click left the red card's tooltip open; wait until it has gone so the one seen
    // next is the tooltip of the step hovered now.
    await page.mouse.move(0, 0);
    await page.getByRole('tooltip').first().waitFor({ state: 'detached' });
    await step('Put on watch').hover();
    await page.getByRole('tooltip').getByText('reopen it first', { exact: false }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'escalation-4-closed.png'), fullPage: true });

    // Reopen needs a written reason of at least 15 characters.
    await step('Reopen').click();
    const reopen = page.getByRole('dialog', { name: 'Reopen the client' });
    await reopen.getByRole('button', { name: 'Reopen', exact: true }).click();
    await reopen.getByText('Required', { exact: false }).first().waitFor();
    await reopen.getByLabel('Reason').fill('They changed');
    await reopen.getByRole('button', { name: 'Reopen', exact: true }).click();
    await reopen.getByText('Write at least 15 characters', { exact: false }).waitFor();
    await reopen.getByLabel('Reason').fill(REOPEN_REASON);
    await reopen.getByRole('button', { name: 'Reopen', exact: true }).click();
    await reopen.waitFor({ state: 'hidden' });
    await expectStatus('Active');
    await newestStep().getByText('Reopened: Closed → Active', { exact: true }).waitFor();
    await newestStep().getByText(REOPEN_REASON).waitFor();
    for (const name of ['Put on watch', 'Give red card']) expect(await step(name).getAttribute('aria-disabled')).toBeNull();

    // The whole trail, as the API keeps it: seven steps and the two cards, in order.
    const trail = (await (await fetch(`${base}/clients/${client.id}/events`)).json()) as Array<{
      type: string;
      payload: { event?: string };
    }>;
    expect(
      trail
        .filter((e) => e.type === 'status_changed')
        .map((e) => e.payload.event)
        .reverse(),
    ).toEqual(['watch', 'yellow_card', 'red_card', 'end', 'close', 'reopen']);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'escalation-5-reopened.png'), fullPage: true });

    // At a phone's width the steps wrap and the dialog fills the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await step('Give yellow card').click();
    await page.getByRole('dialog', { name: 'Give a yellow card' }).waitFor();
    // Let the modal's opening transition finish, so the picture shows the dialog rather than a blend.
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, 'escalation-6-phone-dialog.png') });
    await page.getByRole('dialog', { name: 'Give a yellow card' }).getByRole('button', { name: 'Cancel' }).click();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'escalation-7-phone.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
