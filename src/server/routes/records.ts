/** The parts of a client's record: contract, engagements, invoices and payments, time, incidents, cards, messages. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addCard, deleteCard, updateCard } from '../../app/cards.js';
import { removeContract, setContract } from '../../app/contracts-terms.js';
import { addEngagement, deleteEngagement, updateEngagement } from '../../app/engagements.js';
import { addIncident, deleteIncident, updateIncident } from '../../app/incidents.js';
import { addInvoice, deleteInvoice, deletePayment, recordPayment, updateInvoice } from '../../app/invoices.js';
import { addMessage, deleteMessage, updateMessage } from '../../app/messages.js';
import { deleteTime, setTime } from '../../app/time-spent.js';
import {
  Card,
  CardInput,
  CardPatch,
  Contract,
  ContractInput,
  Engagement,
  EngagementInput,
  EngagementPatch,
  Incident,
  IncidentInput,
  IncidentPatch,
  Invoice,
  InvoiceInput,
  InvoicePatch,
  Message,
  MessageInput,
  MessagePatch,
  PaymentInput,
  TimeEntry,
  TimeInput,
} from '../../contracts/records.js';
import type { ServerDeps } from '../context.js';
import { ClientParams, errors, ItemParams, NoContent, TimeParams } from './schemas.js';

export function recordRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const noContent = { 204: NoContent, ...errors };

    // contract
    app.put(
      '/api/workspaces/:ws/clients/:clientId/contract',
      {
        schema: {
          tags: ['contract'],
          summary: 'Set the contract and its termination terms',
          params: ClientParams,
          body: ContractInput,
          response: { 200: Contract, ...errors },
        },
      },
      async (req) => setContract(deps, req.params.ws, req.params.clientId, req.body),
    );
    app.delete(
      '/api/workspaces/:ws/clients/:clientId/contract',
      { schema: { tags: ['contract'], summary: 'Remove the contract (no written contract)', params: ClientParams, response: noContent } },
      async (req, reply) => {
        await removeContract(deps, req.params.ws, req.params.clientId);

        return reply.code(204).send(null);
      },
    );

    // engagements
    app.post(
      '/api/workspaces/:ws/clients/:clientId/engagements',
      {
        schema: {
          tags: ['engagements'],
          summary: 'Add an engagement with its deliverables',
          params: ClientParams,
          body: EngagementInput,
          response: { 201: Engagement, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await addEngagement(deps, req.params.ws, req.params.clientId, req.body)),
    );
    app.patch(
      '/api/workspaces/:ws/engagements/:id',
      {
        schema: {
          tags: ['engagements'],
          summary: 'Change an engagement (deliverables, when given, replace the list)',
          params: ItemParams,
          body: EngagementPatch,
          response: { 200: Engagement, ...errors },
        },
      },
      async (req) => updateEngagement(deps, req.params.ws, req.params.id, req.body),
    );
    app.delete(
      '/api/workspaces/:ws/engagements/:id',
      { schema: { tags: ['engagements'], summary: 'Delete an engagement', params: ItemParams, response: noContent } },
      async (req, reply) => {
        await deleteEngagement(deps, req.params.ws, req.params.id);

        return reply.code(204).send(null);
      },
    );

    // invoices and payments
    app.post(
      '/api/workspaces/:ws/clients/:clientId/invoices',
      {
        schema: {
          tags: ['invoices'],
          summary: 'Add an invoice (with payments already received)',
          params: ClientParams,
          body: InvoiceInput,
          response: { 201: Invoice, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await addInvoice(deps, req.params.ws, req.params.clientId, req.body)),
    );
    app.patch(
      '/api/workspaces/:ws/invoices/:id',
      {
        schema: {
          tags: ['invoices'],
          summary: 'Change an invoice',
          params: ItemParams,
          body: InvoicePatch,
          response: { 200: Invoice, ...errors },
        },
      },
      async (req) => updateInvoice(deps, req.params.ws, req.params.id, req.body),
    );
    app.delete(
      '/api/workspaces/:ws/invoices/:id',
      { schema: { tags: ['invoices'], summary: 'Delete an invoice and its payments', params: ItemParams, response: noContent } },
      async (req, reply) => {
        await deleteInvoice(deps, req.params.ws, req.params.id);

        return reply.code(204).send(null);
      },
    );
    app.post(
      '/api/workspaces/:ws/invoices/:id/payments',
      {
        schema: {
          tags: ['invoices'],
          summary: 'Record a payment; answers the updated invoice',
          params: ItemParams,
          body: PaymentInput,
          response: { 201: Invoice, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await recordPayment(deps, req.params.ws, req.params.id, req.body)),
    );
    app.delete(
      '/api/workspaces/:ws/payments/:id',
      { schema: { tags: ['invoices'], summary: 'Delete a payment', params: ItemParams, response: noContent } },
      async (req, reply) => {
        await deletePayment(deps, req.params.ws, req.params.id);

        return reply.code(204).send(null);
      },
    );

    // time spent
    app.put(
      '/api/workspaces/:ws/clients/:clientId/time/:month',
      {
        schema: {
          tags: ['time'],
          summary: 'Set the hours spent in a month (YYYY-MM)',
          params: TimeParams,
          body: TimeInput,
          response: { 200: TimeEntry, ...errors },
        },
      },
      async (req) => setTime(deps, req.params.ws, req.params.clientId, req.params.month, req.body),
    );
    app.delete(
      '/api/workspaces/:ws/clients/:clientId/time/:month',
      { schema: { tags: ['time'], summary: 'Remove a month of time', params: TimeParams, response: noContent } },
      async (req, reply) => {
        await deleteTime(deps, req.params.ws, req.params.clientId, req.params.month);

        return reply.code(204).send(null);
      },
    );

    // incidents
    app.post(
      '/api/workspaces/:ws/clients/:clientId/incidents',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Log an incident (a red flag)',
          params: ClientParams,
          body: IncidentInput,
          response: { 201: Incident, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await addIncident(deps, req.params.ws, req.params.clientId, req.body)),
    );
    app.patch(
      '/api/workspaces/:ws/incidents/:id',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Change an incident',
          params: ItemParams,
          body: IncidentPatch,
          response: { 200: Incident, ...errors },
        },
      },
      async (req) => updateIncident(deps, req.params.ws, req.params.id, req.body),
    );
    app.delete(
      '/api/workspaces/:ws/incidents/:id',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Delete an incident (refused once evidence is attached)',
          params: ItemParams,
          response: noContent,
        },
      },
      async (req, reply) => {
        await deleteIncident(deps, req.params.ws, req.params.id);

        return reply.code(204).send(null);
      },
    );

    // cards: given only through the escalation steps (routes/escalation.ts); these answer
    // 409 ESCALATION_STEP_REQUIRED naming the step, except for correcting a card's note.
    const throughSteps = 'Refused with 409 ESCALATION_STEP_REQUIRED: cards are given through POST .../cards/yellow or .../cards/red';
    app.post(
      '/api/workspaces/:ws/clients/:clientId/cards',
      {
        schema: {
          tags: ['cards'],
          summary: throughSteps,
          deprecated: true,
          params: ClientParams,
          body: CardInput,
          response: { 201: Card, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await addCard(deps, req.params.ws, req.params.clientId, req.body)),
    );
    app.patch(
      '/api/workspaces/:ws/cards/:id',
      {
        schema: {
          tags: ['cards'],
          summary: "Correct a card's note (its date and colour answer 409 ESCALATION_STEP_REQUIRED)",
          params: ItemParams,
          body: CardPatch,
          response: { 200: Card, ...errors },
        },
      },
      async (req) => updateCard(deps, req.params.ws, req.params.id, req.body),
    );
    app.delete(
      '/api/workspaces/:ws/cards/:id',
      {
        schema: {
          tags: ['cards'],
          summary:
            'Refused with 409 ESCALATION_STEP_REQUIRED: a card stays on record; step back with POST .../status (404 for an unknown card)',
          deprecated: true,
          params: ItemParams,
          response: noContent,
        },
      },
      async (req, reply) => {
        await deleteCard(deps, req.params.ws, req.params.id);

        return reply.code(204).send(null);
      },
    );

    // messages
    app.post(
      '/api/workspaces/:ws/clients/:clientId/messages',
      {
        schema: {
          tags: ['messages'],
          summary: 'Add a message',
          params: ClientParams,
          body: MessageInput,
          response: { 201: Message, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await addMessage(deps, req.params.ws, req.params.clientId, req.body)),
    );
    app.patch(
      '/api/workspaces/:ws/messages/:id',
      {
        schema: {
          tags: ['messages'],
          summary: 'Change a message',
          params: ItemParams,
          body: MessagePatch,
          response: { 200: Message, ...errors },
        },
      },
      async (req) => updateMessage(deps, req.params.ws, req.params.id, req.body),
    );
    app.delete(
      '/api/workspaces/:ws/messages/:id',
      { schema: { tags: ['messages'], summary: 'Delete a message', params: ItemParams, response: noContent } },
      async (req, reply) => {
        await deleteMessage(deps, req.params.ws, req.params.id);

        return reply.code(204).send(null);
      },
    );
  };
}
