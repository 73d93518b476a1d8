/**
 * The composition root: opens the store chosen by the configuration, wires the adapters, and
 * starts the HTTP server. The CLI's commands use `openRuntime` too, so every face runs the same
 * use cases on the same store.
 */
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { failInterruptedImports } from '../app/imports.js';
import type { Deps } from '../app/ports.js';
import { seedDemo } from '../app/seed-demo.js';
import { ensureDefaultWorkspace } from '../app/workspaces.js';
import type { Config } from '../config/env.js';
import { LIMITS } from '../core/limits.js';
import { loadDemoCases } from '../demo/load-demo-cases.js';
import { buildServer } from './app.js';
import { openRuntime, packageVersion } from './runtime.js';
import { authSecret } from './team/auth.js';
import { openTeamMode } from './team/runtime.js';

export function webDistDir(): string {
  return fileURLToPath(new URL('../../dist/web/', import.meta.url));
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
    // Imports this server was running when it last stopped will never finish: say so.
    await failInterruptedImports(deps);
    const demo = config.demo ? await seedDemo(deps, loadDemoCases()) : undefined;
    // Team mode (issue 7): accounts, sessions and roles on the same store.
    const teamMode =
      config.mode === 'team'
        ? openTeamMode(deps.store, {
            secret: authSecret(config.team.authSecret, config.dataDir),
            publicUrl: config.team.publicUrl,
            smtpUrl: config.team.smtpUrl,
            smtpFrom: config.team.smtpFrom,
          })
        : undefined;
    const app = await buildServer(
      {
        ...deps,
        teamMode,
        settings: {
          version: packageVersion(),
          webDir: webDistDir(),
          defaultWorkspaceId: defaultWorkspace.id,
          demoWorkspaceId: demo?.id ?? null,
          evidenceMaxBytes: options.evidenceMaxBytes ?? LIMITS.evidenceFileMaxBytes,
          bodyMaxBytes: LIMITS.jsonBodyMaxBytes,
          demoCases: loadDemoCases,
          importMaxBytes: config.importMaxBytes,
          importTempDir: config.importTempDir,
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
