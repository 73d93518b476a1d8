import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createWorkspace, getWorkspace, listWorkspaces, updateWorkspace } from '../../app/workspaces.js';
import { Workspace, WorkspaceInput, WorkspacePatch } from '../../contracts/records.js';
import type { ServerDeps } from '../context.js';
import { errors, WsParams } from './schemas.js';

export function workspaceRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['workspaces'];
    app.get('/api/workspaces', { schema: { tags, summary: 'List workspaces', response: { 200: z.array(Workspace) } } }, async () =>
      listWorkspaces(deps),
    );

    app.post(
      '/api/workspaces',
      { schema: { tags, summary: 'Create a workspace', body: WorkspaceInput, response: { 201: Workspace, ...errors } } },
      async (req, reply) => reply.code(201).send(await createWorkspace(deps, req.body)),
    );

    app.get(
      '/api/workspaces/:ws',
      { schema: { tags, summary: 'Get a workspace', params: WsParams, response: { 200: Workspace, ...errors } } },
      async (req) => getWorkspace(deps, req.params.ws),
    );

    app.patch(
      '/api/workspaces/:ws',
      {
        schema: {
          tags,
          summary: 'Change workspace settings',
          params: WsParams,
          body: WorkspacePatch,
          response: { 200: Workspace, ...errors },
        },
      },
      async (req) => updateWorkspace(deps, req.params.ws, req.body),
    );
  };
}
