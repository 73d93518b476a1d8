/**
 * Team mode in the browser (issue 7): the owner is created and two people are invited from the
 * CLI; each accepts their invitation in the browser. The member signs in and sees only the client
 * assigned to them, logs an incident and files a staff report; the manager signs in, sees the whole
 * portfolio, confirms the report from the queue and finds the incident on the timeline; the member
 * signs in again and reads the decision. Screenshots go to
 * e2e/screenshots/ to be looked at.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle, startBrowserSuite, stopBrowserSuite } from '../helpers/browser.js';
import { freePort, ROOT, runCli, type ServerProcess, tempDataDir } from '../helpers/redcard-process.js';

const SHOTS = join(ROOT, 'e2e', 'screenshots');
const PASSWORD = 'vilnius agency passphrase';
const REPORT = 'The client left an angry voicemail and threatened not to pay for the shop redesign.';

describe('team mode in the browser', () => {
  let server: ServerProcess;
  let browser: Browser;
  const links: Record<string, string> = {};
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const env = { REDCARD_MODE: 'team', REDCARD_PUBLIC_URL: `http://127.0.0.1:${port}` };
    const owner = runCli(
      [
        'user',
        'create-owner',
        '--email',
        'rasa@agency.test',
        '--name',
        'Rasa',
        '--workspace',
        'Vilnius agency',
        '--password-stdin',
        '--data-dir',
        dataDir,
      ],
      { env, input: `${PASSWORD}\n` },
    );
    expect(owner.status, owner.stderr).toBe(0);
    for (const [who, role] of [
      ['lina', 'member'],
      ['tomas', 'manager'],
    ] as const) {
      const invited = runCli(
        ['user', 'invite', `${who}@agency.test`, '--role', role, '--workspace', 'Vilnius agency', '--data-dir', dataDir],
        { env },
      );
      expect(invited.status, invited.stderr).toBe(0);
      links[who] = /http:\/\/\S+\/invite\?token=\S+/.exec(invited.stdout)![0];
    }
    ({ server, browser } = await startBrowserSuite({ dataDir, port, env }));
  }, 120_000);

  afterAll(() => stopBrowserSuite({ server, browser }));

  /** The owner's session over HTTP, to set up clients as a script would. */
  async function asOwner(method: string, path: string, body?: unknown, cookie?: string) {
    return fetch(`${server.url}/api${path}`, {
      method,
      headers: { origin: server.url, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.setDefaultTimeout(20_000);

    return page;
  }

  async function acceptInvitation(page: Page, link: string, name: string) {
    await page.goto(link);
    await page.getByRole('heading', { name: /Join Vilnius agency/ }).waitFor();
    await page.getByLabel('Your name').fill(name);
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create my account' }).click();
  }

  async function signOut(page: Page, name: string) {
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in to RedCard' }).waitFor();
    expect(await page.getByText(name).count()).toBe(0);
  }

  async function signIn(page: Page, email: string) {
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Sign in to RedCard' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('asks for sign-in, and the member sees only the client assigned to them; the manager sees all', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Sign in to RedCard' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'team-sign-in.png') });

    // Both invited people accept in the browser (and are signed in by it).
    await acceptInvitation(page, links.lina!, 'Lina');
    await page.getByRole('heading', { name: 'Your clients' }).waitFor();
    await signOut(page, 'Lina');
    await acceptInvitation(page, links.tomas!, 'Tomas');
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await signOut(page, 'Tomas');

    // The owner adds two clients (over HTTP, as a script would).
    const signedIn = await asOwner('POST', '/auth/sign-in/email', { email: 'rasa@agency.test', password: PASSWORD });
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const session = (await (await asOwner('GET', '/session', undefined, cookie)).json()) as { workspaces: { id: string }[] };
    const ws = session.workspaces[0]!.id;
    const add = async (name: string) =>
      ((await (await asOwner('POST', `/workspaces/${ws}/clients`, { name, language: 'lt' }, cookie)).json()) as { id: string }).id;
    const baltic = await add('Baltic Shop UAB');
    await add('Vortex Media SRL');
    expect(baltic).toBeTruthy();

    // Tomas, the manager, signs in: the whole portfolio; on the Team page he gives Lina the Baltic Shop.
    await signIn(page, 'tomas@agency.test');
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page.getByTestId('portfolio-row').first().waitFor();
    await expect(page.getByTestId('portfolio-row').count()).resolves.toBe(2);
    await page.screenshot({ path: join(SHOTS, 'team-manager-portfolio.png') });
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Team' }).click();
    await page.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
    await expect(page.getByRole('row').count()).resolves.toBe(4);
    await page.getByLabel('Assigned clients: Lina').first().click();
    await page.getByRole('option', { name: 'Baltic Shop UAB' }).click();
    await page.getByText('Assignments saved').waitFor();
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(SHOTS, 'team-members.png') });
    await signOut(page, 'Tomas');

    // Lina signs in: only her client.
    await signIn(page, 'lina@agency.test');
    await page.getByRole('heading', { name: 'Your clients' }).waitFor();
    await expect(page.getByTestId('my-client').allTextContents()).resolves.toEqual([expect.stringContaining('Baltic Shop UAB')]);
    expect(await page.getByText('Vortex Media SRL').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'team-member-clients.png') });
    await page.getByTestId('my-client').click();
    await page.getByRole('heading', { level: 1, name: 'Baltic Shop UAB' }).waitFor();
    // She reports what happened on a call, with her notes as evidence; deciding is not hers to do.
    expect(await page.getByRole('button', { name: 'Give yellow card' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Log incident' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log incident' });
    await dialog.getByRole('combobox', { name: 'Red flag' }).click();
    await page.getByRole('option', { name: 'Abuse', exact: true }).click();
    await dialog.getByLabel('Note').fill('Shouted at me on the call about the delivery date.');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Evidence file' }).click()]);
    await chooser.setFiles({ name: 'call-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Call at 10:05, shouting.') });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: 'Timeline' }).getByRole('link', { name: 'call-notes.txt' }).waitFor();
    // What a member cannot do is not offered: no exit planning, letters, or managers' sections.
    expect(await page.getByRole('button', { name: 'Plan the exit' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Letters' }).count()).toBe(0);
    for (const section of ['Import', 'Review', 'Screening'])
      expect(await page.getByRole('link', { name: section, exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'More', exact: true }).click();
    // The menu opens with a transition: read its items once the first one is shown.
    await page.getByRole('menuitem').first().waitFor();
    await expect(page.getByRole('menuitem').allTextContents()).resolves.toEqual(['Reports']);
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(SHOTS, 'team-member-client.png') });

    // She also reports the problem to her manager, through the client page's dialog.
    await page.getByRole('button', { name: 'Report a problem' }).click();
    const report = page.getByRole('dialog', { name: 'Report a problem with this client' });
    await report.waitFor();
    await report.getByLabel('What happened').fill(REPORT);
    await report.getByLabel('When').fill('2026-11-18');
    await report
      .locator('input[type=file]')
      .setInputFiles({ name: 'voicemail-notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Voicemail at 18:40') });
    await page.screenshot({ path: join(SHOTS, 'team-member-report-dialog.png') });
    await report.getByRole('button', { name: 'Save', exact: true }).click();
    await report.waitFor({ state: 'hidden' });
    const panel = page.getByRole('region', { name: 'Staff reports' });
    await panel.getByText(REPORT).waitFor();
    await panel.getByText('Open', { exact: true }).waitFor();
    await signOut(page, 'Lina');

    // Tomas sees her incident on the client, and her report in the queue (the header's More menu).
    await signIn(page, 'tomas@agency.test');
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page.goto(`${server.url}/clients/${baltic}`);
    await page.getByRole('region', { name: 'Timeline' }).getByText('Shouted at me on the call', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Give yellow card' }).waitFor();
    await page.getByRole('button', { name: 'Plan the exit', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Letters' }).waitFor();
    await page.getByRole('link', { name: 'Import', exact: true }).waitFor();
    await page.getByRole('button', { name: 'More', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Staff reports' }).waitFor();
    const card = page.getByTestId('staff-report').filter({ hasText: REPORT });
    await card.waitFor();
    await card.getByText('Lina', { exact: false }).first().waitFor();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'team-manager-reports.png'), fullPage: true });
    await card.getByRole('button', { name: 'Confirm as an incident' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm as an incident' });
    await confirm.waitFor();
    await confirm.getByLabel('A word to the reporter (optional)').fill('Thank you, Lina. I will call them myself.');
    await confirm.getByRole('button', { name: 'Confirm', exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    await card.getByText(/Confirmed as an incident by Tomas/).waitFor();
    await card.getByRole('link', { name: 'See the incident on the client’s timeline' }).click();
    await page.getByRole('heading', { level: 1, name: 'Baltic Shop UAB' }).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText(REPORT).first().waitFor();
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'team-manager-confirmed.png'), fullPage: true });
    await signOut(page, 'Tomas');

    // Lina signs in again and reads the decision in her reports.
    await signIn(page, 'lina@agency.test');
    await page.getByRole('heading', { name: 'Your clients' }).waitFor();
    await page.getByRole('button', { name: 'More', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'My reports' }).waitFor();
    const mine = page.getByTestId('staff-report').filter({ hasText: REPORT });
    await mine.getByText(/Confirmed as an incident by Tomas/).waitFor();
    await mine.getByText('Thank you, Lina. I will call them myself.').waitFor();
    expect(await mine.getByRole('button', { name: 'Confirm as an incident' }).count()).toBe(0);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, 'team-member-decision.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('serves the API docs under the content security policy', async () => {
    const page = await newPage();
    const blocked: string[] = [];
    page.on('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && blocked.push(m.text()));
    const res = await page.goto(`${server.url}/api/docs`);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'self'");
    await page.getByText('RedCard API').first().waitFor();
    expect(blocked).toEqual([]);
  }, 60_000);
});
