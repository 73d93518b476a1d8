/**
 * The ports a use case takes, for tests: a store, the system clock and ids, and evidence files in
 * a temp folder of their own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobDirFiles } from '../src/app/adapters/blob-dir.js';
import { randomIds, systemClock } from '../src/app/adapters/system.js';
import type { Deps, Store } from '../src/app/ports.js';
import type { StoreBackend } from './stores.js';

export interface TestDeps {
  deps: Deps;
  blobDir: string;
  /** Removes the evidence files folder (the store is the caller's to close). */
  removeBlobs(): void;
}

export function depsOn(store: Store): TestDeps {
  const blobDir = mkdtempSync(join(tmpdir(), 'redcard-blobs-'));

  return {
    deps: { store, clock: systemClock, ids: randomIds, files: blobDirFiles(blobDir) },
    blobDir,
    removeBlobs: () => rmSync(blobDir, { recursive: true, force: true }),
  };
}

/** depsOn a fresh database of the backend; dispose() drops the database and the evidence files. */
export async function openTestDeps(backend: StoreBackend): Promise<{ deps: Deps; dispose(): Promise<void> }> {
  const opened = await backend.open();
  const { deps, removeBlobs } = depsOn(opened.store);

  return {
    deps,
    async dispose() {
      try {
        await opened.dispose();
      } finally {
        removeBlobs();
      }
    },
  };
}

/** A file's content as the evidence use cases take it: an async stream of bytes. */
export function textStream(text: string): AsyncIterable<Uint8Array> {
  return (async function* () {
    yield new TextEncoder().encode(text);
  })();
}
