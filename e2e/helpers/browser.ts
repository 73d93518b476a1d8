/**
 * What the browser specs share: the built UI they need, Debian's Chromium started the way the
 * project runs it, and small waits and measures on a page.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ROOT } from './redcard-process.js';

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

/** Waits until no notification is showing and scrolls to the top, so a screenshot is stable. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('.mantine-Notification-root').length === 0, undefined, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** How many CSS pixels the page is wider than its viewport (0 or less: no sideways scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
