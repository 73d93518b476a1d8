/**
 * Team mode (issue 7): who is signed in, the members of a workspace, invitations, and which
 * members see which clients. Registered only in team mode; the guard (team/guard.ts) has already
 * checked the session and the role from src/app/permissions.ts when a handler runs.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptInvitation, inviteMember, listInvitations, previewInvitation, revokeInvitation } from '../../app/team/invitations.js';
import { assignClient, changeMemberRole, listAssignees, listAssignments, listMembers, removeMember } from '../../app/team/members.js';
import type { TeamDeps } from '../../app/team/ports.js';
import { listWorkspaces } from '../../app/workspaces.js';
import {
  AcceptInvitation,
  Assignment,
  CreatedInvitation,
  Invitation,
  InvitationInput,
  InvitationPreview,
  InvitationTokenQuery,
  Member,
  MemberParams,
  RolePatch,
  SessionInfo,
} from '../../contracts/team.js';
import type { ServerDeps, TeamServerDeps } from '../context.js';
import { principalOf } from '../principal.js';
import { signedInOf } from '../team/guard.js';
import { ClientParams, errors, ItemParams, NoContent, Problem, WsParams } from './schemas.js';

export function teamRoutes(deps: ServerDeps, team: TeamServerDeps): FastifyPluginAsyncZod {
  const teamDeps: TeamDeps = { ...deps, ...team };
  const tags = ['team'];
  const authErrors = { 401: Problem, 403: Problem, ...errors };

  return async (app) => {
    app.get(
      '/api/session',
      { schema: { tags, summary: 'Who is signed in, and the workspaces they belong to with their role', response: { 200: SessionInfo } } },
      async (req) => {
        const who = signedInOf(req);
        if (!who) return { mode: 'team' as const, user: null, workspaces: [] };
        const user = await team.team.getUser(who.userId);
        const roles = new Map((await team.team.listMemberships(who.userId)).map((m) => [m.workspace_id, m.role]));
        const workspaces = (await listWorkspaces(deps))
          .filter((w) => roles.has(w.id))
          .map((w) => ({ id: w.id, name: w.name, role: roles.get(w.id)! }));

        return { mode: 'team' as const, user: user ?? null, workspaces };
      },
    );

    app.get(
      '/api/workspaces/:ws/members',
      {
        schema: {
          tags,
          summary: 'The members of the workspace and their roles',
          params: WsParams,
          response: { 200: z.array(Member), ...authErrors },
        },
      },
      async (req) => listMembers(teamDeps, req.params.ws),
    );

    app.patch(
      '/api/workspaces/:ws/members/:userId',
      {
        schema: {
          tags,
          summary: "Change a member's role (a workspace keeps at least one owner)",
          params: MemberParams,
          body: RolePatch,
          response: { 200: Member, ...authErrors },
        },
      },
      async (req) => changeMemberRole(teamDeps, req.params.ws, req.params.userId, req.body),
    );

    app.delete(
      '/api/workspaces/:ws/members/:userId',
      {
        schema: { tags, summary: 'Remove a member from the workspace', params: MemberParams, response: { 204: NoContent, ...authErrors } },
      },
      async (req, reply) => {
        await removeMember(teamDeps, req.params.ws, req.params.userId);

        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/workspaces/:ws/invitations',
      {
        schema: { tags, summary: 'Invitations not yet accepted', params: WsParams, response: { 200: z.array(Invitation), ...authErrors } },
      },
      async (req) => listInvitations(teamDeps, req.params.ws),
    );

    app.post(
      '/api/workspaces/:ws/invitations',
      {
        schema: {
          tags,
          summary: 'Invite someone by email with a role; the one-time link is answered once (and mailed when SMTP is set)',
          params: WsParams,
          body: InvitationInput,
          response: { 201: CreatedInvitation, ...authErrors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await inviteMember(teamDeps, { workspaceId: req.params.ws, input: req.body, by: principalOf(req).userId })),
    );

    app.delete(
      '/api/workspaces/:ws/invitations/:id',
      { schema: { tags, summary: 'Withdraw an invitation', params: ItemParams, response: { 204: NoContent, ...authErrors } } },
      async (req, reply) => {
        await revokeInvitation(teamDeps, req.params.ws, req.params.id);

        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/invitations/preview',
      {
        schema: {
          tags,
          summary: 'What an invitation link offers (workspace, role, email)',
          querystring: InvitationTokenQuery,
          response: { 200: InvitationPreview, 410: Problem, ...errors },
        },
      },
      async (req) => previewInvitation(teamDeps, req.query.token),
    );

    app.post(
      '/api/invitations/accept',
      {
        schema: {
          tags,
          summary: 'Accept an invitation: creates the account (name, password) and the membership; then sign in',
          body: AcceptInvitation,
          response: { 200: z.object({ email: z.string(), workspace_id: z.string(), created: z.boolean() }), 410: Problem, ...errors },
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (req) => {
        const result = await acceptInvitation(teamDeps, req.body, signedInOf(req));

        return { email: result.user.email, workspace_id: result.workspace_id, created: result.created };
      },
    );

    app.get(
      '/api/workspaces/:ws/assignments',
      {
        schema: {
          tags,
          summary: 'Which members are assigned to which clients, for the whole workspace',
          params: WsParams,
          response: { 200: z.array(z.object({ client_id: z.string(), user_id: z.string() })), ...authErrors },
        },
      },
      async (req) => listAssignments(teamDeps, req.params.ws),
    );

    app.get(
      '/api/workspaces/:ws/clients/:clientId/assignees',
      {
        schema: { tags, summary: 'The members assigned to a client', params: ClientParams, response: { 200: Assignment, ...authErrors } },
      },
      async (req) => listAssignees(teamDeps, req.params.ws, req.params.clientId),
    );

    app.put(
      '/api/workspaces/:ws/clients/:clientId/assignees',
      {
        schema: {
          tags,
          summary: 'Set the members assigned to a client (a member sees only the clients assigned to them)',
          params: ClientParams,
          body: Assignment,
          response: { 200: Assignment, ...authErrors },
        },
      },
      async (req) => assignClient(teamDeps, req.params.ws, req.params.clientId, req.body, principalOf(req).userId),
    );
  };
}
