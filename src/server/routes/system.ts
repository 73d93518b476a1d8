/** Health, settings the UI needs at start, and the OpenAPI document. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { seedDemo } from '../../app/seed-demo.js';
import { Workspace } from '../../contracts/records.js';
import { DomainError } from '../../core/errors.js';
import type { ServerDeps } from '../context.js';

export function systemRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Started with --demo: the UI opens the demo; otherwise the user's own workspace.
    const openOnStart = deps.settings.demoWorkspaceId ?? deps.settings.defaultWorkspaceId;

    app.get(
      '/api/health',
      {
        schema: {
          tags: ['system'],
          summary: 'Answers 200 when the store is ready',
          response: {
            200: z.object({ status: z.literal('ok'), store: z.enum(['sqlite', 'postgres']), version: z.string() }),
            503: z.object({ status: z.literal('unavailable'), store: z.enum(['sqlite', 'postgres']) }),
          },
        },
      },
      async (_req, reply) => {
        try {
          await deps.store.ping();

          return { status: 'ok' as const, store: deps.store.kind, version: deps.settings.version };
        } catch {
          return reply.code(503).send({ status: 'unavailable' as const, store: deps.store.kind });
        }
      },
    );

    app.get(
      '/api/config',
      {
        schema: {
          tags: ['system'],
          summary: 'What the web UI needs to start: the default and demo workspaces',
          response: {
            200: z.object({
              default_workspace_id: z.string(),
              demo_workspace_id: z.string().nullable(),
              version: z.string(),
              mode: z.enum(['solo', 'team']),
            }),
          },
        },
      },
      async () => ({
        default_workspace_id: openOnStart,
        demo_workspace_id: deps.settings.demoWorkspaceId,
        version: deps.settings.version,
        mode: deps.teamMode ? ('team' as const) : ('solo' as const),
      }),
    );

    app.post(
      '/api/demo',
      {
        schema: {
          tags: ['system'],
          summary: 'Open the demo workspace (created once, with a dozen realistic clients; your own workspace is untouched)',
          response: { 200: Workspace },
        },
      },
      async () => {
        if (!deps.settings.demoCases) throw new DomainError('NOT_FOUND', 'The demo is not available on this server.');
        const workspace = await seedDemo(deps, deps.settings.demoCases());
        deps.settings.demoWorkspaceId = workspace.id;

        return workspace;
      },
    );

    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  };
}
