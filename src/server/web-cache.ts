/**
 * How long a browser may keep each file of the built web UI. Vite names everything under
 * assets/ after its content hash, so those files never change under their name and can be kept
 * for a year without asking; index.html (and anything else unhashed) must be asked about every
 * time, or a tab would keep pointing at chunks an update has replaced.
 */
import { isAbsolute, relative, sep } from 'node:path';

export const WEB_ASSETS_PREFIX = '/assets/';

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

export function webCacheControl(webDir: string, filePath: string): string {
  const inside = relative(webDir, filePath);
  const hashed = !isAbsolute(inside) && inside.startsWith(`assets${sep}`);

  return hashed ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
}
