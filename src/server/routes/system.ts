/** Health, settings the UI needs at start, and the OpenAPI document. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServerDeps } from '../context.js';

export function systemRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
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
            200: z.object({ default_workspace_id: z.string(), demo_workspace_id: z.string().nullable(), version: z.string(), mode: z.literal('solo') }),
          },
        },
      },
      async () => ({
        default_workspace_id: deps.settings.demoWorkspaceId ?? deps.settings.defaultWorkspaceId,
        demo_workspace_id: deps.settings.demoWorkspaceId,
        version: deps.settings.version,
        mode: 'solo' as const,
      }),
    );

    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  };
}
