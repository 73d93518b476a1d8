/**
 * Opening what one process needs (the store chosen by the configuration, the evidence directory,
 * the clock, ids). Kept apart from the HTTP server so CLI commands start without loading it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { blobDirFiles } from '../app/adapters/blob-dir.js';
import { randomIds, systemClock } from '../app/adapters/system.js';
import type { Deps } from '../app/ports.js';
import type { Config } from '../config/env.js';
import { openStore } from '../store/open-store.js';

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };

  return pkg.version;
}

/** Opens the store and the evidence directory for one process. */
export async function openRuntime(config: Config): Promise<Deps> {
  mkdirSync(config.dataDir, { recursive: true });
  mkdirSync(config.blobDir, { recursive: true });
  const store = await openStore(config.db);

  return { store, clock: systemClock, ids: randomIds, files: blobDirFiles(config.blobDir) };
}
