/**
 * A RedCard HTTP app on a fresh store, for route tests: `app.inject` only, no port. Runs on
 * each backend of test/stores.ts (SQLite always, PostgreSQL when DATABASE_URL is set).
 */
import type { FastifyInstance } from 'fastify';
import type { Deps, Store } from '../src/app/ports.js';
import { ensureDefaultWorkspace } from '../src/app/workspaces.js';
import { LIMITS } from '../src/core/limits.js';
import { loadDemoCases } from '../src/demo/load-demo-cases.js';
import { buildServer } from '../src/server/app.js';
import type { ServerSettings } from '../src/server/context.js';
import { depsOn } from './deps.js';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  workspaceId: string;
  blobDir: string;
  close(): Promise<void>;
}

export async function buildTestApp(store: Store, settings: Partial<ServerSettings> = {}): Promise<TestApp> {
  const { deps, blobDir, removeBlobs } = depsOn(store);
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
      removeBlobs();
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
