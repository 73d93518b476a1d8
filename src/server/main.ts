/**
 * The composition root: opens the store chosen by the configuration, wires the adapters, and
 * starts the HTTP server. The CLI's commands use `openRuntime` too, so every face runs the same
 * use cases on the same store.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { blobDirFiles } from '../app/adapters/blob-dir.js';
import { randomIds, systemClock } from '../app/adapters/system.js';
import type { Deps } from '../app/ports.js';
import { seedDemo } from '../app/seed-demo.js';
import { ensureDefaultWorkspace } from '../app/workspaces.js';
import type { Config } from '../config/env.js';
import { LIMITS } from '../core/limits.js';
import { loadDemoCases } from '../demo/load-demo-cases.js';
import { openStore } from '../store/open-store.js';
import { buildServer } from './app.js';

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };

  return pkg.version;
}

export function webDistDir(): string {
  return fileURLToPath(new URL('../../dist/web/', import.meta.url));
}

/** Opens the store and the evidence directory for one process. */
export async function openRuntime(config: Config): Promise<Deps> {
  mkdirSync(config.dataDir, { recursive: true });
  mkdirSync(config.blobDir, { recursive: true });
  const store = await openStore(config.db);

  return { store, clock: systemClock, ids: randomIds, files: blobDirFiles(config.blobDir) };
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  deps: Deps;
  close(): Promise<void>;
}

export async function startServer(config: Config, options: { log?: boolean; evidenceMaxBytes?: number } = {}): Promise<RunningServer> {
  const deps = await openRuntime(config);
  try {
    const defaultWorkspace = await ensureDefaultWorkspace(deps);
    const demo = config.demo ? await seedDemo(deps, loadDemoCases()) : undefined;
    const app = await buildServer(
      {
        ...deps,
        settings: {
          version: packageVersion(),
          webDir: webDistDir(),
          defaultWorkspaceId: defaultWorkspace.id,
          demoWorkspaceId: demo?.id ?? null,
          evidenceMaxBytes: options.evidenceMaxBytes ?? LIMITS.evidenceFileMaxBytes,
          bodyMaxBytes: LIMITS.jsonBodyMaxBytes,
        },
      },
      { logger: options.log ? { level: 'info' } : false },
    );
    const address = await app.listen({ port: config.port, host: config.host });

    return {
      app,
      url: address,
      deps,
      async close() {
        await app.close();
        await deps.store.close();
      },
    };
  } catch (error) {
    await deps.store.close();
    throw error;
  }
}
