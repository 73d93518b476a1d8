/**
 * Escalation (issue 4): yellow and red cards, reassignment, the other status steps, and the audit
 * trail. A step the state machine refuses answers 409 INVALID_TRANSITION saying why and what is
 * allowed (`refusal`, `from_status`, `event`, `allowed_events` in the problem body).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeStatus } from '../../app/escalation/change-status.js';
import { issueRedCard } from '../../app/escalation/issue-red-card.js';
import { issueYellowCard } from '../../app/escalation/issue-yellow-card.js';
import { listClientEvents } from '../../app/escalation/list-client-events.js';
import { listClientSteps } from '../../app/escalation/list-client-steps.js';
import { reassignClient } from '../../app/escalation/reassign-client.js';
import {
  ClientEvent,
  ClientSteps,
  EscalationResult,
  ReassignRequest,
  RedCardRequest,
  StatusChangeRequest,
  YellowCardRequest,
} from '../../contracts/events.js';
import type { ServerDeps } from '../context.js';
import { ClientParams, errors } from './schemas.js';

export function escalationRoutes(deps: ServerDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['escalation'];
    const client = '/api/workspaces/:ws/clients/:clientId';
    const target = (params: { ws: string; clientId: string }) => ({ workspaceId: params.ws, clientId: params.clientId });

    app.post(
      `${client}/cards/yellow`,
      {
        schema: {
          tags,
          summary: 'Give a yellow card (D4): record what was said and how; the client becomes warned',
          params: ClientParams,
          body: YellowCardRequest,
          response: { 201: EscalationResult, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await issueYellowCard(deps, { ...target(req.params), ...req.body })),
    );

    app.post(
      `${client}/cards/red`,
      {
        schema: {
          tags,
          summary: 'Give a red card: the client is exiting. Without a prior yellow card only by section 7 rules 1-2 or an override_reason',
          params: ClientParams,
          body: RedCardRequest,
          response: { 201: EscalationResult, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await issueRedCard(deps, { ...target(req.params), ...req.body })),
    );

    app.post(
      `${client}/reassign`,
      {
        schema: {
          tags,
          summary: 'Move the client to another team member (D5; an agency, or a workspace naming two or more members)',
          params: ClientParams,
          body: ReassignRequest,
          response: { 200: EscalationResult, ...errors },
        },
      },
      async (req) => reassignClient(deps, { ...target(req.params), ...req.body }),
    );

    app.post(
      `${client}/status`,
      {
        schema: {
          tags,
          summary: 'Take a status step: watch, end, close, reopen (with a reason) or back_to_active',
          params: ClientParams,
          body: StatusChangeRequest,
          response: { 200: EscalationResult, ...errors },
        },
      },
      async (req) => changeStatus(deps, { ...target(req.params), ...req.body }),
    );

    app.get(
      `${client}/steps`,
      {
        schema: {
          tags,
          summary: 'Where the client stands and every step judged now: allowed or refused (and why), and what it asks for',
          params: ClientParams,
          response: { 200: ClientSteps, ...errors },
        },
      },
      async (req) => listClientSteps(deps, target(req.params)),
    );

    app.get(
      `${client}/events`,
      {
        schema: {
          tags,
          summary: "The client's audit trail, newest first",
          params: ClientParams,
          response: { 200: z.array(ClientEvent), ...errors },
        },
      },
      async (req) => listClientEvents(deps, target(req.params)),
    );
  };
}
