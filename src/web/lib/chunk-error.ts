/**
 * Telling a page's code that failed to arrive apart from a page that failed while drawing.
 * After a redeploy an open tab still asks for the old hashed chunks, which no longer exist; each
 * browser words that failure differently, and only a reload (a fresh index.html) cures it.
 */

// Chromium, Firefox, Safari, and Vite's own preload helper, in that order.
const CHUNK_LOAD_MESSAGES = [
  /failed to fetch dynamically imported module/i,
  /error loading dynamically imported module/i,
  /importing a module script failed/i,
  /unable to preload css/i,
];

export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;

  return CHUNK_LOAD_MESSAGES.some((pattern) => pattern.test(error.message));
}
