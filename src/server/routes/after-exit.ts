/** After the exit (issue 8): contact after close, review dates, how early the signs showed, the yearly review. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearReviewDate, getAfterExit, getAfterExitOverview, listAfterCloseContacts, setReviewDate } from '../../app/after-exit.js';
import { getYearReview } from '../../app/year-review.js';
import {
  AfterCloseList,
  AfterCloseQuery,
  AfterExitOverview,
  AfterExitView,
  ClientReview,
  ReviewDateInput,
  YearParams,
  YearReview,
} from '../../contracts/after-exit.js';
import { isoDate } from '../../contracts/common.js';
import type { ServerDeps } from '../context.js';
import { ClientParams, errors, NoContent, WsParams } from './schemas.js';

export function afterExitRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['after exit'];

    app.get(
      '/api/workspaces/:ws/clients/:clientId/after-exit',
      {
        schema: {
          tags,
          summary: 'After the exit: contact after close, the suggested closed reply, the review date and the history (A1, A2)',
          description:
            "For an ended or closed client: the messages and incidents that arrived after the end (newest 20 and the total), a short closed reply drafted by the re-engagement reply kind in the client's language (or why none can be drafted; no reply is always an option), the review date and the history summarised. For any other client only the status and any marks.",
          params: ClientParams,
          response: { 200: AfterExitView, ...errors },
        },
      },
      async (req) => getAfterExit(deps, req.params.ws, req.params.clientId),
    );

    app.put(
      '/api/workspaces/:ws/clients/:clientId/review-date',
      {
        schema: {
          tags,
          summary: 'Set the day to reconsider an ended relationship (A2)',
          description:
            'Only for an ended or closed client (else 409 INVALID_TRANSITION); the date must be after today (else 422). It reopens nothing: once reached, the dashboard lists it as due, and reopening still takes a written reason.',
          params: ClientParams,
          body: ReviewDateInput,
          response: { 200: ClientReview, ...errors },
        },
      },
      async (req) => setReviewDate(deps, req.params.ws, req.params.clientId, req.body),
    );

    app.delete(
      '/api/workspaces/:ws/clients/:clientId/review-date',
      { schema: { tags, summary: 'Clear the review date', params: ClientParams, response: { 204: NoContent, ...errors } } },
      async (req, reply) => {
        await clearReviewDate(deps, req.params.ws, req.params.clientId);

        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/workspaces/:ws/after-close',
      {
        schema: {
          tags,
          summary: 'Messages and incidents that arrived after a relationship ended (A1), newest first (at most 500)',
          params: WsParams,
          querystring: AfterCloseQuery,
          response: { 200: AfterCloseList, ...errors },
        },
      },
      async (req) => ({ items: await listAfterCloseContacts(deps, req.params.ws, req.query) }),
    );

    app.get(
      '/api/workspaces/:ws/after-exit',
      {
        schema: {
          tags,
          summary:
            'How early the signs showed for each ended relationship (first incident to the end, with the median), and the review dates reached',
          params: WsParams,
          querystring: z.strictObject({ today: isoDate.optional() }),
          response: { 200: AfterExitOverview, ...errors },
        },
      },
      async (req) => getAfterExitOverview(deps, req.params.ws, req.query.today === undefined ? {} : { today: req.query.today }),
    );

    app.get(
      '/api/workspaces/:ws/reviews/:year',
      {
        schema: {
          tags,
          summary: 'The yearly review: clients by health per month, the exits and their costs, what changed in screening',
          description:
            "A past year is judged on 31 December, the current one up to today. Recovered: of what was owed at the red card, the part paid since; written off: still owed by an ended relationship; time: hours recorded from the red card's month on. `screening` is null until lessons and prospect screening provide it.",
          params: YearParams,
          response: { 200: YearReview, ...errors },
        },
      },
      async (req) => getYearReview(deps, req.params.ws, req.params.year),
    );
  };
}
