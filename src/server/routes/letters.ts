/**
 * Letter drafts of a client (issue 6): what can be drafted, generate (nothing stored), save with
 * history, restore an earlier version, delete, and download a version as PDF, DOCX or .eml.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createLetterDraft,
  deleteLetterDraft,
  generateLetter,
  getLetterDraft,
  letterChoices,
  letterDraftFile,
  listLetterDrafts,
  restoreLetterVersion,
  saveLetterVersion,
} from '../../app/letter-drafts.js';
import { isoDate } from '../../contracts/common.js';
import {
  CreateLetterDraftRequest,
  GeneratedLetter,
  GenerateLetterRequest,
  LETTER_FORMATS,
  LetterChoices,
  LetterDraft,
  LetterDraftSummary,
  SaveLetterVersionRequest,
} from '../../contracts/letters.js';
import type { ServerDeps } from '../context.js';
import { download } from './plans.js';
import { ClientParams, errors, NoContent, Problem } from './schemas.js';

const param = z.string().min(1).max(100);
const DraftParams = ClientParams.extend({ draftId: param });
const VersionParams = DraftParams.extend({ number: param.describe('the version to restore: 1, 2, 3 ...') });
const FileParams = DraftParams.extend({ format: z.enum(LETTER_FORMATS) });
const FileQuery = z.object({ version: z.string().max(10).optional().describe('the version to export (default: the latest)') });
const ChoicesQuery = z.object({ today: isoDate.optional().describe("the day to judge on (default: the workspace's today)") });

const MEDIA_TYPES = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'message/rfc822'];

export function letterRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['letter drafts'];
    const base = '/api/workspaces/:ws/clients/:clientId/letters';

    app.get(
      `${base}/choices`,
      {
        schema: {
          tags,
          summary: 'What can be drafted for this client now: the kinds (with why not), the honest reason framings, the default path',
          params: ClientParams,
          querystring: ChoicesQuery,
          response: { 200: LetterChoices, ...errors },
        },
      },
      async (req) => letterChoices(deps, req.params.ws, req.params.clientId, req.query),
    );

    app.post(
      `${base}/generate`,
      {
        schema: {
          tags,
          summary: "Draft a letter from the client's record (nothing is stored)",
          description:
            'The same draft as `redcard letter` on the case file of this client. 422 VALIDATION_FAILED names why a kind cannot be drafted (no serious incident for a warning, the contract still to check, nothing owed...).',
          params: ClientParams,
          body: GenerateLetterRequest,
          response: { 200: GeneratedLetter, ...errors },
        },
      },
      async (req) => generateLetter(deps, req.params.ws, req.params.clientId, req.body),
    );

    app.get(
      base,
      {
        schema: {
          tags,
          summary: "The client's saved letter drafts with their latest version, latest change first",
          params: ClientParams,
          response: { 200: z.array(LetterDraftSummary), ...errors },
        },
      },
      async (req) => listLetterDrafts(deps, req.params.ws, req.params.clientId),
    );

    app.post(
      base,
      {
        schema: {
          tags,
          summary: 'Save a new letter draft as its version 1',
          params: ClientParams,
          body: CreateLetterDraftRequest,
          response: { 201: LetterDraft, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await createLetterDraft(deps, req.params.ws, req.params.clientId, req.body)),
    );

    app.get(
      `${base}/:draftId`,
      {
        schema: {
          tags,
          summary: 'A letter draft with every saved version',
          params: DraftParams,
          response: { 200: LetterDraft, ...errors },
        },
      },
      async (req) => getLetterDraft(deps, req.params.ws, req.params.clientId, req.params.draftId),
    );

    app.post(
      `${base}/:draftId/versions`,
      {
        schema: {
          tags,
          summary: 'Save the edited text as the next version (earlier versions are kept unchanged)',
          params: DraftParams,
          body: SaveLetterVersionRequest,
          response: { 201: LetterDraft, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await saveLetterVersion(deps, req.params.ws, req.params.clientId, req.params.draftId, req.body)),
    );

    app.post(
      `${base}/:draftId/versions/:number/restore`,
      {
        schema: {
          tags,
          summary: 'Restore an earlier version: its text becomes a new latest version',
          params: VersionParams,
          response: { 201: LetterDraft, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await restoreLetterVersion(deps, req.params.ws, req.params.clientId, req.params.draftId, req.params.number)),
    );

    app.delete(
      `${base}/:draftId`,
      {
        schema: {
          tags,
          summary: 'Delete a letter draft and all its versions',
          params: DraftParams,
          response: { 204: NoContent, ...errors },
        },
      },
      async (req, reply) => {
        await deleteLetterDraft(deps, req.params.ws, req.params.clientId, req.params.draftId);

        return reply.code(204).send(null);
      },
    );

    app.get(
      `${base}/:draftId/export/:format`,
      {
        schema: {
          tags,
          summary: 'Download a version of the draft (default: the latest) as PDF, DOCX or .eml',
          description:
            'The .eml opens in a mail client as a draft addressed to the client (its e-mail address when recorded), ready to send.',
          params: FileParams,
          querystring: FileQuery,
          produces: MEDIA_TYPES,
          response: { 200: z.unknown().describe('the file, as a download'), 404: Problem, 422: Problem },
        },
      },
      async (req, reply) =>
        download(reply, await letterDraftFile(deps, req.params.ws, req.params.clientId, req.params.draftId, req.params.format, req.query)),
    );
  };
}
