/**
 * What the browser specs share: the built UI they need, Debian's Chromium started the way the
 * project runs it, and small waits and measures on a page.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type RedcardOptions, ROOT, type ServerProcess, startRedcard } from './redcard-process.js';

/** Where the specs write screenshots to be looked at. */
export const SCREENSHOTS = join(ROOT, 'e2e', 'screenshots');

/** Fails early, with the command to run, when the web UI has not been built into dist/web. */
export function requireBuiltUi(): void {
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) {
    throw new Error('The web UI is not built: run `npm run build` (or `npm run build:web`) first.');
  }
}

/** Debian's Chromium, headless, with the flags CI uses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A running RedCard and a Chromium to drive it: what every browser spec starts before its tests. */
export interface BrowserSuite {
  server: ServerProcess;
  browser: Browser;
}

/**
 * The beforeAll of a browser spec: checks the UI is built, makes the screenshots folder, starts
 * RedCard, then Chromium. A server whose Chromium failed to start is stopped here, because the
 * spec never receives it to stop.
 */
export async function startBrowserSuite(options: RedcardOptions = {}): Promise<BrowserSuite> {
  requireBuiltUi();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await startRedcard(options);
  try {
    return { server, browser: await launchChromium() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** The afterAll of a browser spec: closes what was started, and stops the server even if Chromium fails to close. */
export async function stopBrowserSuite({ server, browser }: Partial<BrowserSuite>): Promise<void> {
  try {
    await browser?.close();
  } finally {
    await server?.stop();
  }
}

/** Waits until no notification is showing and scrolls to the top, so a screenshot is stable. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.mantine-Notification-root').length === 0, undefined, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** How many CSS pixels the page is wider than its viewport (0 or less: no sideways scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
