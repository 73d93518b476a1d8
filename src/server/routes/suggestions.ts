/** Red-flag suggestions on imported messages: list, confirm, dismiss; and per-client suppressions. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { confirmSuggestion, dismissSuggestion, liftSuppression, listSuggestions, listSuppressions } from '../../app/suggestions.js';
import {
  ConfirmSuggestionInput,
  ConfirmSuggestionResult,
  DismissSuggestionInput,
  DismissSuggestionResult,
  SuggestionList,
  SuggestionQuery,
  SuppressionList,
} from '../../contracts/imports.js';
import type { ServerDeps } from '../context.js';
import { errors, ItemParams, NoContent, WsParams } from './schemas.js';

export function suggestionRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['suggestions'];

    app.get(
      '/api/workspaces/:ws/suggestions',
      {
        schema: {
          tags,
          summary: 'Red flags suggested on imported messages, newest message first (at most 1000)',
          description: '`status` defaults to open; without `client`, the whole workspace.',
          params: WsParams,
          querystring: SuggestionQuery,
          response: { 200: SuggestionList, ...errors },
        },
      },
      async (req) => ({ items: await listSuggestions(deps, req.params.ws, req.query) }),
    );

    app.post(
      '/api/workspaces/:ws/suggestions/:id/confirm',
      {
        schema: {
          tags,
          summary: 'Confirm a suggestion: it becomes an incident with its message as evidence',
          description:
            'Creates the incident (the code, `severity` or the suggested one, the day of the message, source `detected`) and appends the message to the evidence hash chain, in one transaction. A suggestion already decided answers 409 SUGGESTION_ALREADY_DECIDED.',
          params: ItemParams,
          body: ConfirmSuggestionInput,
          response: { 200: ConfirmSuggestionResult, ...errors },
        },
      },
      async (req) => confirmSuggestion(deps, { workspaceId: req.params.ws, suggestionId: req.params.id, input: req.body }),
    );

    app.post(
      '/api/workspaces/:ws/suggestions/:id/dismiss',
      {
        schema: {
          tags,
          summary: 'Dismiss a suggestion, or its whole pattern for this client',
          description:
            '`scope: pattern` also stops the rule being suggested for this client (a suppression) and dismisses its other open suggestions of that rule (`dismissedAlso`).',
          params: ItemParams,
          body: DismissSuggestionInput,
          response: { 200: DismissSuggestionResult, ...errors },
        },
      },
      async (req) => dismissSuggestion(deps, { workspaceId: req.params.ws, suggestionId: req.params.id, input: req.body }),
    );

    app.get(
      '/api/workspaces/:ws/clients/:id/suppressions',
      {
        schema: {
          tags,
          summary: 'The rules no longer suggested for a client',
          params: ItemParams,
          response: { 200: SuppressionList, ...errors },
        },
      },
      async (req) => ({ items: await listSuppressions(deps, req.params.ws, req.params.id) }),
    );

    app.delete(
      '/api/workspaces/:ws/suppressions/:id',
      {
        schema: {
          tags,
          summary: 'Lift a suppression: later imports suggest the rule again',
          params: ItemParams,
          response: { 204: NoContent, ...errors },
        },
      },
      async (req, reply) => {
        await liftSuppression(deps, req.params.ws, req.params.id);

        return reply.code(204).send(null);
      },
    );
  };
}
