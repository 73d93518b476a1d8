/** Contract clauses for a new contract (issue 8): the text and sections, or a .docx. Nothing is stored. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { composeClause, composeClauseDocx } from '../../app/clauses.js';
import { ClauseRequest, ClauseResponse } from '../../contracts/clauses.js';
import type { ServerDeps } from '../context.js';
import { download } from './plans.js';
import { errors, Problem, WsParams } from './schemas.js';

const description =
  'A TEMPLATE, not legal advice: the response carries the notice (`disclaimer`) in the clause language, and the text and the .docx open with it. The language and jurisdiction default to the workspace settings.';

export function clauseRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['clauses'];
    app.post(
      '/api/workspaces/:ws/clauses',
      {
        schema: {
          tags,
          summary: 'Write a termination, substitution-or-refund and payment-terms clause',
          description,
          params: WsParams,
          body: ClauseRequest,
          response: { 200: ClauseResponse, ...errors },
        },
      },
      async (req) => composeClause(deps, req.params.ws, req.body),
    );

    app.post(
      '/api/workspaces/:ws/clauses/docx',
      {
        schema: {
          tags,
          summary: 'The same clauses as a Word document (.docx)',
          description,
          params: WsParams,
          body: ClauseRequest,
          produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
          response: { 200: z.unknown().describe('the .docx, as a download'), 404: Problem, 422: Problem },
        },
      },
      async (req, reply) => download(reply, await composeClauseDocx(deps, req.params.ws, req.body)),
    );
  };
}
