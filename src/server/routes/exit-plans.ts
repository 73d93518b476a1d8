/**
 * The saved exit plan (issue 5): preview and save it (the exit wizard), read it as a checklist,
 * tick and untick steps, keep the handover inventory, export it (.ics, PDF), and list the
 * workspace's overdue steps for the dashboard.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addHandoverItem,
  deleteHandoverItem,
  getSavedExitPlan,
  listOverdueExitSteps,
  previewExitPlan,
  savedPlanCalendar,
  savedPlanPdf,
  saveExitPlan,
  setExitStepDone,
  updateHandoverItem,
} from '../../app/exit-plans.js';
import { isoDate } from '../../contracts/common.js';
import {
  ExitPlanPreview,
  HandoverItem,
  HandoverItemInput,
  HandoverItemPatch,
  OverdueSteps,
  SavedExitPlan,
  SaveExitPlanRequest,
  StepDoneRequest,
} from '../../contracts/exit-plan.js';
import type { ServerDeps } from '../context.js';
import { download } from './plans.js';
import { ClientParams, errors, NoContent, Problem, WsParams } from './schemas.js';

const param = z.string().min(1).max(100);
const StepParams = ClientParams.extend({ stepId: param });
const ItemParams = ClientParams.extend({ itemId: param });
const TodayQuery = z.object({ today: isoDate.optional().describe("the day to count overdue steps on (default: the workspace's today)") });

export function exitPlanRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['saved exit plan'];
    const base = '/api/workspaces/:ws/clients/:clientId/exit-plan';

    app.post(
      `${base}/preview`,
      {
        schema: {
          tags,
          summary: 'Preview the exit plan the wizard would save (nothing is stored)',
          description:
            'Takes the same body as PUT. The steps keep the done state of a saved plan where their key remains. A missing path reason or a refused referral is reported only when saving.',
          params: ClientParams,
          body: SaveExitPlanRequest,
          response: { 200: ExitPlanPreview, ...errors },
        },
      },
      async (req) => previewExitPlan(deps, req.params.ws, req.params.clientId, req.body),
    );

    app.put(
      base,
      {
        schema: {
          tags,
          summary: "Save (create or replace) the client's exit plan",
          description:
            "A path other than the assessment's needs `path_reason`. `tell_on` is refused while the right to terminate is false or unknown (C1, C3). A colleague may be recommended only when the plan allows it (X8) and `checked_first` is true. Replacing keeps the done state of every step whose key remains and keeps the handover inventory. Recorded on the client's event log.",
          params: ClientParams,
          body: SaveExitPlanRequest,
          response: { 200: SavedExitPlan, ...errors },
        },
      },
      async (req) => saveExitPlan(deps, req.params.ws, req.params.clientId, req.body),
    );

    app.get(
      base,
      {
        schema: {
          tags,
          summary: "The client's saved exit plan: the checklist with done states and overdue days, and the handover inventory",
          params: ClientParams,
          querystring: TodayQuery,
          response: { 200: SavedExitPlan, ...errors },
        },
      },
      async (req) => getSavedExitPlan(deps, req.params.ws, req.params.clientId, req.query),
    );

    app.patch(
      `${base}/steps/:stepId`,
      {
        schema: {
          tags,
          summary: 'Tick or untick a step (who and when are recorded; unticking needs a reason)',
          params: StepParams,
          body: StepDoneRequest,
          response: { 200: SavedExitPlan, ...errors },
        },
      },
      async (req) => setExitStepDone(deps, req.params.ws, req.params.clientId, req.params.stepId, req.body),
    );

    app.post(
      `${base}/handover`,
      {
        schema: {
          tags,
          summary: 'Add a line to the handover inventory (X9): files, materials, or an access; never a password',
          params: ClientParams,
          body: HandoverItemInput,
          response: { 201: HandoverItem, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await addHandoverItem(deps, req.params.ws, req.params.clientId, req.body)),
    );

    app.patch(
      `${base}/handover/:itemId`,
      {
        schema: {
          tags,
          summary: 'Change a line of the handover inventory (its state, label or note)',
          params: ItemParams,
          body: HandoverItemPatch,
          response: { 200: HandoverItem, ...errors },
        },
      },
      async (req) => updateHandoverItem(deps, req.params.ws, req.params.clientId, req.params.itemId, req.body),
    );

    app.delete(
      `${base}/handover/:itemId`,
      {
        schema: {
          tags,
          summary: 'Remove a line of the handover inventory',
          params: ItemParams,
          response: { 204: NoContent, ...errors },
        },
      },
      async (req, reply) => {
        await deleteHandoverItem(deps, req.params.ws, req.params.clientId, req.params.itemId);

        return reply.code(204).send(null);
      },
    );

    app.get(
      `${base}.ics`,
      {
        schema: {
          tags,
          summary: 'Download the saved exit plan as a calendar: one to-do per step, UIDs stable per step, done steps COMPLETED',
          params: ClientParams,
          produces: ['text/calendar'],
          response: { 200: z.string().describe('the calendar, as a download'), 404: Problem },
        },
      },
      async (req, reply) => download(reply, await savedPlanCalendar(deps, req.params.ws, req.params.clientId)),
    );

    app.get(
      `${base}.pdf`,
      {
        schema: {
          tags,
          summary: 'Download the saved exit plan as a printable PDF',
          params: ClientParams,
          produces: ['application/pdf'],
          response: { 200: z.unknown().describe('the PDF, as a download'), 404: Problem },
        },
      },
      async (req, reply) => download(reply, await savedPlanPdf(deps, req.params.ws, req.params.clientId)),
    );

    app.get(
      '/api/workspaces/:ws/exit-steps/overdue',
      {
        schema: {
          tags,
          summary: "Open exit-plan steps past their due date across the workspace's clients, oldest first (for the dashboard)",
          params: WsParams,
          querystring: TodayQuery,
          response: { 200: OverdueSteps, ...errors },
        },
      },
      async (req) => listOverdueExitSteps(deps, req.params.ws, req.query),
    );
  };
}
