/** Case files in and out (../shared/CASE_FORMAT.md). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportCase, importCase } from '../../app/case-files.js';
import { CaseFile } from '../../contracts/case-file.js';
import { name } from '../../contracts/common.js';
import { Client } from '../../contracts/records.js';
import type { ServerDeps } from '../context.js';
import { ClientParams, errors, WsParams } from './schemas.js';

export function caseRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['case files'];
    app.get(
      '/api/workspaces/:ws/clients/:clientId/case',
      {
        schema: {
          tags,
          summary: "Export a client's record as a case file",
          params: ClientParams,
          querystring: z.object({ download: z.enum(['0', '1']).optional() }),
          response: { 200: CaseFile, ...errors },
        },
      },
      async (req, reply) => {
        const file = await exportCase(deps, req.params.ws, req.params.clientId);
        if (req.query.download === '1') {
          const slug =
            file.client.name
              .normalize('NFKD')
              .replace(/[^\w-]+/g, '-')
              .replace(/^-+|-+$/g, '')
              .toLowerCase() || 'client';
          reply.header('content-disposition', `attachment; filename="${slug}.case.json"`);
        }

        return file;
      },
    );

    app.post(
      '/api/workspaces/:ws/cases',
      {
        schema: {
          tags,
          summary: 'Import a case file as a new client',
          description:
            'The whole file is validated first; an invalid file is answered 422 INVALID_CASE_FILE with every field named, and nothing is written.',
          params: WsParams,
          querystring: z.object({ as: name.optional().describe('import under this client name instead') }),
          body: CaseFile,
          response: { 201: z.object({ client: Client }), ...errors },
        },
      },
      async (req, reply) => {
        const client = await importCase(deps, req.params.ws, req.body, { as: req.query.as });

        return reply.code(201).send({ client });
      },
    );
  };
}
