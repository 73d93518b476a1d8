/** The assessment and the exit plan of a stored client, and the plan as a calendar (.ics) and a PDF. */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assessClient } from '../../app/assess-client.js';
import { type PlanDownload, planClient, planClientCalendar, planClientPdf } from '../../app/plan-client.js';
import { Assessment } from '../../contracts/assessment.js';
import { isoDate } from '../../contracts/common.js';
import { ExitPathSchema, ExitPlan } from '../../contracts/plan.js';
import type { ServerDeps } from '../context.js';
import { ClientParams, errors, Problem } from './schemas.js';

const today = isoDate.optional().describe("the day to judge on, YYYY-MM-DD (default: the workspace's today)");
const AssessmentQuery = z.object({ today });
const PlanQuery = z.object({
  path: ExitPathSchema.optional().describe("the exit path (default: the assessment's red-card path, or reassign when it recommends one)"),
  today,
});

const planDescription =
  'The path is the one given, else the red-card path of the assessment, else `reassign` when the assessment recommends a reassignment; otherwise 422 VALIDATION_FAILED asks for a path.';

export function planRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['assessment and exit plan'];
    const base = '/api/workspaces/:ws/clients/:clientId';

    app.get(
      `${base}/assessment`,
      {
        schema: {
          tags,
          summary: 'Assess a client: recommendation, score, reasons and impact',
          description: 'The same result as `redcard assess` on the case file of this client.',
          params: ClientParams,
          querystring: AssessmentQuery,
          response: { 200: Assessment, ...errors },
        },
      },
      async (req) => assessClient(deps, req.params.ws, req.params.clientId, { ...(req.query.today ? { today: req.query.today } : {}) }),
    );

    app.get(
      `${base}/plan`,
      {
        schema: {
          tags,
          summary: 'Plan the exit from a client: dates, lawyer check, steps, handover, money',
          description: planDescription,
          params: ClientParams,
          querystring: PlanQuery,
          response: { 200: ExitPlan, ...errors },
        },
      },
      async (req) => planClient(deps, req.params.ws, req.params.clientId, req.query),
    );

    app.get(
      `${base}/plan.ics`,
      {
        schema: {
          tags,
          summary: 'Download the exit plan as a calendar (iCalendar, RFC 5545)',
          description: `Each step is a to-do with its due date; the day to tell the client and the last working day are all-day events. UIDs are stable per workspace, client and step, so importing a newer export updates the entries. ${planDescription}`,
          params: ClientParams,
          querystring: PlanQuery,
          produces: ['text/calendar'],
          response: { 200: z.string().describe('the calendar, as a download'), 404: Problem, 422: Problem },
        },
      },
      async (req, reply) => download(reply, await planClientCalendar(deps, req.params.ws, req.params.clientId, req.query)),
    );

    app.get(
      `${base}/plan.pdf`,
      {
        schema: {
          tags,
          summary: 'Download the exit plan as a printable PDF',
          description: planDescription,
          params: ClientParams,
          querystring: PlanQuery,
          produces: ['application/pdf'],
          response: { 200: z.unknown().describe('the PDF, as a download'), 404: Problem, 422: Problem },
        },
      },
      async (req, reply) => download(reply, await planClientPdf(deps, req.params.ws, req.params.clientId, req.query)),
    );
  };
}

/** Sends a plan file as a download, with an ASCII name and the UTF-8 original (RFC 6266). */
export function download(reply: FastifyReply, file: PlanDownload) {
  const ascii =
    file.fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '')
      .replace(/-{2,}/g, '-')
      .replace(/^-+/, '') || 'exit-plan';

  return reply
    .header('content-type', file.mediaType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'no-store')
    .send(
      typeof file.content === 'string' ? file.content : Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
    );
}
