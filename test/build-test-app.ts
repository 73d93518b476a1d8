/**
 * A RedCard HTTP app on a fresh store, for route tests: `app.inject` only, no port. Runs on
 * each backend of test/stores.ts (SQLite always, PostgreSQL when DATABASE_URL is set).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { blobDirFiles } from '../src/app/adapters/blob-dir.js';
import { randomIds, systemClock } from '../src/app/adapters/system.js';
import type { Deps, Store } from '../src/app/ports.js';
import { ensureDefaultWorkspace } from '../src/app/workspaces.js';
import { LIMITS } from '../src/core/limits.js';
import { loadDemoCases } from '../src/demo/load-demo-cases.js';
import { buildServer } from '../src/server/app.js';
import type { ServerSettings } from '../src/server/context.js';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  workspaceId: string;
  blobDir: string;
  close(): Promise<void>;
}

export async function buildTestApp(store: Store, settings: Partial<ServerSettings> = {}): Promise<TestApp> {
  const blobDir = mkdtempSync(join(tmpdir(), 'redcard-blobs-'));
  const deps: Deps = { store, clock: systemClock, ids: randomIds, files: blobDirFiles(blobDir) };
  const workspace = await ensureDefaultWorkspace(deps);
  const app = await buildServer({
    ...deps,
    settings: {
      version: 'test',
      defaultWorkspaceId: workspace.id,
      demoWorkspaceId: null,
      evidenceMaxBytes: LIMITS.evidenceFileMaxBytes,
      bodyMaxBytes: LIMITS.jsonBodyMaxBytes,
      demoCases: loadDemoCases,
      ...settings,
    },
  });

  return {
    app,
    deps,
    workspaceId: workspace.id,
    blobDir,
    async close() {
      await app.close();
      rmSync(blobDir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body with one file (and optional fields before it). */
export function multipart(
  file: { name: string; type: string; bytes: Uint8Array },
  fields: Record<string, string> = {},
  fieldName = 'file',
) {
  const boundary = `----redcard${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${fieldName}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
  );
  parts.push(Buffer.from(file.bytes));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));

  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
