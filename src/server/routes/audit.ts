/** The audit log (issue 7): list, export and verify; owners only. */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportAuditLog, listAuditLog, requireOwner, verifyAuditLog } from '../../app/audit.js';
import { AuditExportQuery, AuditPage, AuditQuery, AuditReport } from '../../contracts/audit.js';
import type { ServerDeps } from '../context.js';
import { principalOf } from '../principal.js';
import { errors, Problem, WsParams } from './schemas.js';

const forbidden = { 403: Problem.describe('only an owner of the workspace sees its audit log') };

export function auditRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['audit'];
    app.get(
      '/api/workspaces/:ws/audit',
      {
        schema: {
          tags,
          summary: 'List the audit log, newest first',
          description:
            'Every change made in the workspace: who, when, what, and the row before and after. Filter by table (`entity`), client and UTC days; page with `before_seq`. Owners only.',
          params: WsParams,
          querystring: AuditQuery,
          response: { 200: AuditPage, ...forbidden, ...errors },
        },
      },
      async (req) => listAuditLog(deps, { principal: principalOf(req), workspaceId: req.params.ws }, req.query),
    );

    app.get(
      '/api/workspaces/:ws/audit/export',
      {
        schema: {
          tags,
          summary: 'Download the whole audit log as JSON Lines or CSV',
          params: WsParams,
          querystring: AuditExportQuery,
          response: { 200: z.unknown().describe('the log, as a download, oldest entry first'), ...forbidden, ...errors },
        },
      },
      async (req, reply) => {
        const lines = await exportAuditLog(deps, { principal: principalOf(req), workspaceId: req.params.ws }, req.query);
        const csv = req.query.format === 'csv';

        return reply
          .header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
          .header('content-disposition', `attachment; filename="audit-log.${csv ? 'csv' : 'jsonl'}"`)
          .send(Readable.from(lines));
      },
    );

    app.get(
      '/api/workspaces/:ws/audit/verify',
      {
        schema: {
          tags,
          summary: "Check the audit log's hash chain",
          description: 'Re-hashes every entry and compares the chain with the head recorded at the last change. Owners only.',
          params: WsParams,
          response: { 200: AuditReport, ...forbidden, ...errors },
        },
      },
      async (req) => {
        requireOwner(principalOf(req));

        return verifyAuditLog(deps, req.params.ws);
      },
    );
  };
}
