/**
 * Team mode's gate in front of every /api route: the permissions table (src/app/permissions.ts)
 * decides; no session answers 401, a workspace the person does not belong to answers 404 (its
 * existence is not confirmed), a role below the route's answers 403, and a member reaches only
 * the clients assigned to them. Cookie-authenticated writes must come from RedCard's own origin.
 * Runs at onRequest, before the body is read, so nothing of a refused request is parsed.
 */

import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isId } from '../../app/context.js';
import { permissionOf, roleAtLeast } from '../../app/permissions.js';
import type { Principal } from '../../app/principal.js';
import { DomainError } from '../../core/errors.js';
import type { ServerDeps, TeamServerDeps } from '../context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface TeamRequest {
  principal?: Principal;
  /** Ids a list answer is narrowed to (workspaces of the person, clients of a member). */
  listFilter?: Set<string>;
  /** POST /api/workspaces: the creator becomes owner of the new workspace. */
  createsWorkspace?: boolean;
}

/** The signed-in person of this request, if any (set by the guard in team mode). */
export function signedInOf(request: FastifyRequest): Principal | undefined {
  return (request as TeamRequest).principal;
}

/** Routes the auth library answers itself (with its own origin checks), and the API docs. */
function ownedElsewhere(url: string): boolean {
  return url.startsWith('/api/auth/') || url === '/api/auth' || url.startsWith('/api/docs');
}

/**
 * Cross-site request forgery: a browser always sends Origin on cross-origin and on non-GET
 * fetches; a write whose Origin is missing or foreign is refused. With SameSite=Lax cookies this
 * keeps other sites from acting with a member's session.
 */
function checkOrigin(request: FastifyRequest, publicUrl: string): void {
  const origin = request.headers.origin;
  if (origin !== new URL(publicUrl).origin)
    throw new DomainError('ORIGIN_REJECTED', 'This change must come from the RedCard page itself (the request origin was not RedCard).');
}

export function installTeamGuard(app: FastifyInstance, deps: ServerDeps, team: TeamServerDeps): void {
  app.addHook('onRequest', async (request, reply) => {
    const url = request.routeOptions.url;
    if (url === undefined || !url.startsWith('/api') || ownedElsewhere(url)) return;
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    const rule = permissionOf(method, url);
    if (!rule) throw new DomainError('FORBIDDEN', 'This route has no permission rule yet, so team mode refuses it.');
    if (rule.access === 'solo-only') throw new DomainError('FORBIDDEN', 'This is not available in team mode.');
    if (!SAFE_METHODS.has(request.method)) checkOrigin(request, team.publicUrl);

    // A session used near its end is extended; the renewed cookie must reach the browser too, or
    // the session would still end a week after sign-in however active the person is.
    const { headers: renewed, response: session } = await team.auth.api.getSession({
      headers: fromNodeHeaders(request.headers),
      returnHeaders: true,
    });
    const setCookies = renewed.getSetCookie();
    if (setCookies.length > 0) reply.header('set-cookie', setCookies);
    const state = request as TeamRequest;
    if (!session) {
      if (rule.access === 'public') return;
      throw new DomainError('UNAUTHENTICATED', 'Sign in to RedCard first.');
    }
    const who = { userId: session.user.id, displayName: session.user.name };
    if (rule.access === 'public' || rule.access === 'signed-in') {
      state.principal = { ...who, role: 'member' };
      if (url === '/api/workspaces' && request.method === 'POST') state.createsWorkspace = true;
      if (url === '/api/workspaces' && request.method === 'GET') {
        state.listFilter = new Set((await team.team.listMemberships(who.userId)).map((m) => m.workspace_id));
      }
      return;
    }

    const workspaceId = (request.params as { ws?: string }).ws;
    const role = workspaceId === undefined ? undefined : await team.team.getRole(workspaceId, who.userId);
    if (!role || workspaceId === undefined) throw new DomainError('WORKSPACE_NOT_FOUND', 'No such workspace.');
    if (!roleAtLeast(role, rule.access)) throw new DomainError('FORBIDDEN', `This needs the ${rule.access} role in this workspace.`);
    state.principal = { ...who, role };
    if (role !== 'member' || !rule.scope) return;

    const params = request.params as { clientId?: string; id?: string };
    switch (rule.scope) {
      case 'client': {
        const clientId = params.clientId ?? params.id ?? '';
        if (!(await team.team.isAssigned(workspaceId, clientId, who.userId))) throw new DomainError('CLIENT_NOT_FOUND', 'No such client.');
        return;
      }
      case 'incident': {
        const incident = await deps.store.getIncident(workspaceId, params.id ?? '');
        if (!incident || !(await team.team.isAssigned(workspaceId, incident.client_id, who.userId)))
          throw new DomainError('INCIDENT_NOT_FOUND', 'No such incident.');
        return;
      }
      case 'staff-report': {
        const reportId = params.id ?? '';
        const report = isId(reportId) ? await deps.store.staffReports.getStaffReport(workspaceId, reportId) : undefined;
        if (!report || !(await team.team.isAssigned(workspaceId, report.client_id, who.userId)))
          throw new DomainError('STAFF_REPORT_NOT_FOUND', 'No such staff report.');
        return;
      }
      case 'evidence': {
        const evidenceId = params.id ?? '';
        const entry = isId(evidenceId) ? await deps.store.getEvidence(workspaceId, evidenceId) : undefined;
        const incident = entry && (await deps.store.getIncident(workspaceId, entry.incident_id));
        if (!incident || !(await team.team.isAssigned(workspaceId, incident.client_id, who.userId)))
          throw new DomainError('EVIDENCE_NOT_FOUND', 'No such evidence.');
        return;
      }
      case 'client-list':
        state.listFilter = new Set(await team.team.assignedClientIds(workspaceId, who.userId));
        return;
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = request as TeamRequest;
    if (!state.createsWorkspace || reply.statusCode !== 201 || !state.principal || typeof payload !== 'string') return payload;
    const created = JSON.parse(payload) as { id: string };
    await team.team.putMembership(created.id, state.principal.userId, 'owner', new Date().toISOString());

    return payload;
  });

  app.addHook('preSerialization', async (request, _reply, payload: unknown) => {
    const filter = (request as TeamRequest).listFilter;
    if (!filter || !Array.isArray(payload)) return payload;

    return payload.filter((item: { id?: unknown }) => typeof item.id === 'string' && filter.has(item.id));
  });
}
