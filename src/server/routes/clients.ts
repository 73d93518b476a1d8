import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addClient, deleteClient, getClientDetail, listClients, updateClient } from '../../app/clients.js';
import { Client, ClientDetail, ClientInput, ClientListQuery, ClientPatch, ClientSummary } from '../../contracts/records.js';
import type { ServerDeps } from '../context.js';
import { ClientParams, errors, NoContent, WsParams } from './schemas.js';

export function clientRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['clients'];
    app.get(
      '/api/workspaces/:ws/clients',
      {
        schema: {
          tags,
          summary: 'List clients (search by name, filter by status)',
          params: WsParams,
          querystring: ClientListQuery,
          response: { 200: z.array(ClientSummary), ...errors },
        },
      },
      async (req) => listClients(deps, req.params.ws, req.query),
    );

    app.post(
      '/api/workspaces/:ws/clients',
      { schema: { tags, summary: 'Add a client', params: WsParams, body: ClientInput, response: { 201: Client, ...errors } } },
      async (req, reply) => reply.code(201).send(await addClient(deps, req.params.ws, req.body)),
    );

    app.get(
      '/api/workspaces/:ws/clients/:clientId',
      { schema: { tags, summary: "A client's whole record", params: ClientParams, response: { 200: ClientDetail, ...errors } } },
      async (req) => getClientDetail(deps, req.params.ws, req.params.clientId),
    );

    app.patch(
      '/api/workspaces/:ws/clients/:clientId',
      { schema: { tags, summary: 'Change a client', params: ClientParams, body: ClientPatch, response: { 200: Client, ...errors } } },
      async (req) => updateClient(deps, req.params.ws, req.params.clientId, req.body),
    );

    app.delete(
      '/api/workspaces/:ws/clients/:clientId',
      {
        schema: {
          tags,
          summary: 'Delete a client (refused once evidence is attached)',
          params: ClientParams,
          response: { 204: NoContent, ...errors },
        },
      },
      async (req, reply) => {
        await deleteClient(deps, req.params.ws, req.params.clientId);

        return reply.code(204).send(null);
      },
    );
  };
}
