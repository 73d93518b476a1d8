/**
 * Reflection after an exit, the workspace's lessons, and screening new clients (issue 8):
 * prospects with their questionnaire and fit score, and the public form a prospect fills in
 * through a link, without logging in.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addProspect,
  createProspectLink,
  decideProspect,
  getProspect,
  getPublicForm,
  listProspects,
  submitPublicForm,
  updateProspect,
} from '../../app/prospects.js';
import { addLesson, deleteLesson, getReflection, listLessons, saveReflection } from '../../app/reflections.js';
import {
  AcceptProspectRequest,
  Lesson,
  LessonInput,
  LessonList,
  LessonQuery,
  Prospect,
  ProspectInput,
  ProspectLink,
  ProspectList,
  ProspectPatch,
  PublicForm,
  PublicSubmit,
  PublicSubmitted,
  Reflection,
  ReflectionRequest,
} from '../../contracts/screening.js';
import { DomainError } from '../../core/errors.js';
import type { ServerDeps } from '../context.js';
import { ClientParams, errors, NoContent, Problem, WsParams } from './schemas.js';

const param = z.string().min(1).max(100);
const ProspectParams = WsParams.extend({ prospectId: param });
const LessonParams = WsParams.extend({ lessonId: param });
const TokenParams = z.object({ token: z.string().min(1).max(200) });

/**
 * A light limit on the public form: a few dozen calls a minute per address, enough for a person
 * and too few to guess tokens (which are 128 random bits anyway). In memory: one server's view.
 */
const PUBLIC_LIMIT = 30;
const PUBLIC_WINDOW_MS = 60_000;

function publicLimiter() {
  const hits = new Map<string, { count: number; since: number }>();

  return async (request: FastifyRequest, reply: FastifyReply) => {
    const now = Date.now();
    if (hits.size > 10_000) for (const [k, v] of hits) if (now - v.since > PUBLIC_WINDOW_MS) hits.delete(k);
    const seen = hits.get(request.ip);
    const entry = seen && now - seen.since <= PUBLIC_WINDOW_MS ? seen : { count: 0, since: now };
    entry.count += 1;
    hits.set(request.ip, entry);
    if (entry.count > PUBLIC_LIMIT) {
      const seconds = Math.ceil((entry.since + PUBLIC_WINDOW_MS - now) / 1000);
      reply.header('retry-after', String(seconds));
      // The same code and detail as team mode's limiter (server/team/plugin.ts).
      const after = `${seconds} seconds`;
      throw new DomainError('RATE_LIMITED', `Too many requests from this address: try again in ${after}.`, {
        details: { retry_after: after },
      });
    }
    // Nothing of the form may be kept by a shared cache or the browser's history cache.
    reply.header('cache-control', 'no-store');
  };
}

export function screeningRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const reflectionTags = ['reflection and lessons'];
    const screeningTags = ['screening'];

    app.get(
      '/api/workspaces/:ws/clients/:clientId/reflection',
      {
        schema: {
          tags: reflectionTags,
          summary: "The client's reflection after the exit, or a draft prefilled with the first incident's date and code",
          params: ClientParams,
          response: { 200: Reflection, ...errors },
        },
      },
      async (req) => getReflection(deps, req.params.ws, req.params.clientId),
    );

    app.put(
      '/api/workspaces/:ws/clients/:clientId/reflection',
      {
        schema: {
          tags: reflectionTags,
          summary: 'Save (create or replace) the reflection of an ended or closed client, with its lessons (A3, A4)',
          description:
            'Three steps: the first signs (text, date, code), what the contract lacked (term keys and text), what to do earlier; plus lessons, each a short text with the red-flag codes it relates to. Saving replaces the lessons written with the reflection. 409 CLIENT_NOT_ENDED while the client is not ended or closed.',
          params: ClientParams,
          body: ReflectionRequest,
          response: { 200: Reflection, ...errors },
        },
      },
      async (req) => saveReflection(deps, req.params.ws, req.params.clientId, req.body),
    );

    app.get(
      '/api/workspaces/:ws/lessons',
      {
        schema: {
          tags: reflectionTags,
          summary: "The workspace's lessons, newest first; `q` searches the text and the client's name, `code` filters",
          params: WsParams,
          querystring: LessonQuery,
          response: { 200: LessonList, ...errors },
        },
      },
      async (req) => ({ lessons: await listLessons(deps, req.params.ws, req.query) }),
    );

    app.post(
      '/api/workspaces/:ws/lessons',
      {
        schema: {
          tags: reflectionTags,
          summary: 'Write a lesson on its own (not from a reflection)',
          params: WsParams,
          body: LessonInput,
          response: { 201: Lesson, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await addLesson(deps, req.params.ws, req.body)),
    );

    app.delete(
      '/api/workspaces/:ws/lessons/:lessonId',
      {
        schema: { tags: reflectionTags, summary: 'Delete a lesson', params: LessonParams, response: { 204: NoContent, ...errors } },
      },
      async (req, reply) => {
        await deleteLesson(deps, req.params.ws, req.params.lessonId);

        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/workspaces/:ws/prospects',
      {
        schema: {
          tags: screeningTags,
          summary: 'Prospects being screened, newest first, with score and status',
          params: WsParams,
          response: { 200: ProspectList, ...errors },
        },
      },
      async (req) => ({ prospects: await listProspects(deps, req.params.ws) }),
    );

    app.post(
      '/api/workspaces/:ws/prospects',
      {
        schema: {
          tags: screeningTags,
          summary: 'Add a prospect: name, contact, language, notes and the first messages (early signs are detected at once)',
          params: WsParams,
          body: ProspectInput,
          response: { 201: Prospect, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await addProspect(deps, req.params.ws, req.body)),
    );

    app.get(
      '/api/workspaces/:ws/prospects/:prospectId',
      {
        schema: {
          tags: screeningTags,
          summary:
            'A prospect with the questionnaire (fixed questions and reminders from your lessons), the fit score, its reasons and the early signs',
          params: ProspectParams,
          response: { 200: Prospect, ...errors },
        },
      },
      async (req) => getProspect(deps, req.params.ws, req.params.prospectId),
    );

    app.patch(
      '/api/workspaces/:ws/prospects/:prospectId',
      {
        schema: {
          tags: screeningTags,
          summary: "Change a prospect's details, answers (question id -> option id) or status; the score is recomputed",
          params: ProspectParams,
          body: ProspectPatch,
          response: { 200: Prospect, ...errors },
        },
      },
      async (req) => updateProspect(deps, req.params.ws, req.params.prospectId, req.body),
    );

    app.post(
      '/api/workspaces/:ws/prospects/:prospectId/link',
      {
        schema: {
          tags: screeningTags,
          summary: 'Make a new public link for the prospect to answer the questions themselves (14 days, one submission)',
          description: 'The token is shown once and stored only as its SHA-256; a new link replaces the previous one.',
          params: ProspectParams,
          response: { 201: ProspectLink, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await createProspectLink(deps, req.params.ws, req.params.prospectId)),
    );

    app.post(
      '/api/workspaces/:ws/prospects/:prospectId/accept',
      {
        schema: {
          tags: screeningTags,
          summary: 'Accept the prospect; with `create_client` a client is created from it',
          params: ProspectParams,
          body: AcceptProspectRequest.optional(),
          response: { 200: Prospect, ...errors },
        },
      },
      async (req) => decideProspect(deps, req.params.ws, req.params.prospectId, 'accepted', req.body ?? {}),
    );

    app.post(
      '/api/workspaces/:ws/prospects/:prospectId/decline',
      {
        schema: { tags: screeningTags, summary: 'Decline the prospect', params: ProspectParams, response: { 200: Prospect, ...errors } },
      },
      async (req) => decideProspect(deps, req.params.ws, req.params.prospectId, 'declined'),
    );

    // The public form: no workspace in the address, nothing but the questions in the answer.
    const limit = publicLimiter();
    const publicErrors = { 404: Problem, 409: Problem, 410: Problem, 422: Problem, 429: Problem } as const;

    app.get(
      '/api/public/prospect-forms/:token',
      {
        preHandler: limit,
        schema: {
          tags: ['public'],
          summary: 'The questions of a prospect form, in the prospect’s language (no login)',
          params: TokenParams,
          response: { 200: PublicForm, ...publicErrors },
        },
      },
      async (req) => getPublicForm(deps, req.params.token),
    );

    app.post(
      '/api/public/prospect-forms/:token',
      {
        preHandler: limit,
        schema: {
          tags: ['public'],
          summary: 'Send the answers of a prospect form (no login; once per link)',
          params: TokenParams,
          body: PublicSubmit,
          response: { 201: PublicSubmitted, ...publicErrors },
        },
      },
      async (req, reply) => reply.code(201).send(await submitPublicForm(deps, req.params.token, req.body)),
    );
  };
}
