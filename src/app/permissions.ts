/**
 * Who may call what in team mode: ONE table, route -> access. The server's guard reads it for
 * every /api request (src/server/team/guard.ts); a route missing here is refused, and the
 * role-by-route matrix test fails until it is added, so a new route cannot slip through.
 *
 * Roles (issue 7, DOMAIN.md section 6): owner (everything: members, workspace settings, deleting
 * clients), manager (decides: records, cards, reassignments, exits, letters, imports), member
 * (sees the clients assigned to them, reports incidents and uploads evidence for them).
 *
 * `scope` narrows a member's access to assigned clients:
 * - 'client': the :clientId (or the clients/:id) in the path must be assigned to them;
 * - 'incident': the incident :id must belong to a client assigned to them;
 * - 'client-list': the answer lists only their clients;
 * - 'staff-report': the staff report :id must be about a client assigned to them;
 * - 'evidence': the evidence entry :id must belong to an incident of a client assigned to them.
 * Keys are Fastify route URLs (`:param`), as OpenAPI `{param}` paths are after conversion.
 */
import type { Role } from './principal.js';

export type Access =
  /** No session needed (health, the UI's start settings, accepting an invitation). */
  | 'public'
  /** Any signed-in person, whatever their workspaces. */
  | 'signed-in'
  /** Exists only in solo mode (refused in team mode). */
  | 'solo-only'
  /** The least role in the workspace of the URL. */
  | Role;

export interface RulePermission {
  access: Access;
  scope?: 'client' | 'incident' | 'client-list' | 'staff-report' | 'evidence';
}

const ws = '/api/workspaces/:ws';
const client = `${ws}/clients/:clientId`;

const MEMBER_OF_CLIENT: RulePermission = { access: 'member', scope: 'client' };
const MANAGER: RulePermission = { access: 'manager' };
const OWNER: RulePermission = { access: 'owner' };

export const PERMISSIONS: Readonly<Record<string, RulePermission>> = {
  // system
  'GET /api/health': { access: 'public' },
  'GET /api/config': { access: 'public' },
  'GET /api/openapi.json': { access: 'public' },
  'POST /api/demo': { access: 'solo-only' },
  'GET /api/session': { access: 'public' },

  // workspaces: the list shows only the caller's (the guard filters it)
  'GET /api/workspaces': { access: 'signed-in' },
  // Whoever creates a workspace becomes its owner (the guard adds the membership).
  'POST /api/workspaces': { access: 'signed-in' },
  [`GET ${ws}`]: { access: 'member' },
  [`PATCH ${ws}`]: OWNER,

  // team: members, invitations, assignments
  [`GET ${ws}/members`]: MANAGER,
  [`PATCH ${ws}/members/:userId`]: OWNER,
  [`DELETE ${ws}/members/:userId`]: OWNER,
  [`GET ${ws}/invitations`]: OWNER,
  [`POST ${ws}/invitations`]: OWNER,
  [`DELETE ${ws}/invitations/:id`]: OWNER,
  'GET /api/invitations/preview': { access: 'public' },
  'POST /api/invitations/accept': { access: 'public' },
  [`GET ${ws}/assignments`]: MANAGER,
  [`GET ${client}/assignees`]: MANAGER,
  [`PUT ${client}/assignees`]: MANAGER,

  // clients
  [`GET ${ws}/clients`]: { access: 'member', scope: 'client-list' },
  [`POST ${ws}/clients`]: MANAGER,
  [`GET ${client}`]: MEMBER_OF_CLIENT,
  [`PATCH ${client}`]: MANAGER,
  [`DELETE ${client}`]: OWNER,

  // the record
  [`PUT ${client}/contract`]: MANAGER,
  [`DELETE ${client}/contract`]: MANAGER,
  [`POST ${client}/engagements`]: MANAGER,
  [`PATCH ${ws}/engagements/:id`]: MANAGER,
  [`DELETE ${ws}/engagements/:id`]: MANAGER,
  [`POST ${client}/invoices`]: MANAGER,
  [`PATCH ${ws}/invoices/:id`]: MANAGER,
  [`DELETE ${ws}/invoices/:id`]: MANAGER,
  [`POST ${ws}/invoices/:id/payments`]: MANAGER,
  [`DELETE ${ws}/payments/:id`]: MANAGER,
  [`PUT ${client}/time/:month`]: MANAGER,
  [`DELETE ${client}/time/:month`]: MANAGER,
  [`POST ${client}/incidents`]: MEMBER_OF_CLIENT,
  [`PATCH ${ws}/incidents/:id`]: MANAGER,
  [`DELETE ${ws}/incidents/:id`]: MANAGER,
  [`POST ${client}/cards`]: MANAGER,
  [`PATCH ${ws}/cards/:id`]: MANAGER,
  [`DELETE ${ws}/cards/:id`]: MANAGER,
  [`POST ${client}/messages`]: MANAGER,
  [`PATCH ${ws}/messages/:id`]: MANAGER,
  [`DELETE ${ws}/messages/:id`]: MANAGER,

  // evidence: members add it to incidents of their clients, and open the files their client's
  // timeline links to; verifying the whole chain is a manager's
  [`POST ${ws}/incidents/:id/evidence`]: { access: 'member', scope: 'incident' },
  [`GET ${ws}/evidence/:id/file`]: { access: 'member', scope: 'evidence' },
  [`GET ${ws}/evidence/verify`]: MANAGER,

  // escalation: managers decide; members read where their client stands
  [`POST ${client}/cards/yellow`]: MANAGER,
  [`POST ${client}/cards/red`]: MANAGER,
  [`POST ${client}/reassign`]: MANAGER,
  [`POST ${client}/status`]: MANAGER,
  [`GET ${client}/steps`]: MEMBER_OF_CLIENT,
  [`GET ${client}/events`]: MEMBER_OF_CLIENT,

  // case files
  [`GET ${client}/case`]: MANAGER,
  [`POST ${ws}/cases`]: MANAGER,

  // assessment and plans
  [`GET ${client}/assessment`]: MEMBER_OF_CLIENT,
  [`GET ${client}/score-history`]: MEMBER_OF_CLIENT,
  [`GET ${client}/plan`]: MANAGER,
  [`GET ${client}/plan.ics`]: MANAGER,
  [`GET ${client}/plan.pdf`]: MANAGER,
  [`POST ${client}/exit-plan/preview`]: MANAGER,
  [`PUT ${client}/exit-plan`]: MANAGER,
  [`GET ${client}/exit-plan`]: MEMBER_OF_CLIENT,
  [`PATCH ${client}/exit-plan/steps/:stepId`]: MANAGER,
  [`POST ${client}/exit-plan/handover`]: MANAGER,
  [`PATCH ${client}/exit-plan/handover/:itemId`]: MANAGER,
  [`DELETE ${client}/exit-plan/handover/:itemId`]: MANAGER,
  [`GET ${client}/exit-plan.ics`]: MANAGER,
  [`GET ${client}/exit-plan.pdf`]: MANAGER,
  [`GET ${ws}/exit-steps/overdue`]: MANAGER,

  // imports and suggestions
  [`POST ${ws}/imports`]: MANAGER,
  [`GET ${ws}/imports`]: MANAGER,
  [`GET ${ws}/imports/:id`]: MANAGER,
  [`GET ${ws}/suggestions`]: MANAGER,
  [`POST ${ws}/suggestions/:id/confirm`]: MANAGER,
  [`POST ${ws}/suggestions/:id/dismiss`]: MANAGER,
  [`GET ${ws}/clients/:id/suppressions`]: MANAGER,
  [`DELETE ${ws}/suppressions/:id`]: MANAGER,

  // portfolio
  [`GET ${ws}/dashboard`]: MANAGER,

  // letters (issue 5): drafting, versions and exports of warnings and demands are decisions
  [`GET ${client}/letters/choices`]: MANAGER,
  [`POST ${client}/letters/generate`]: MANAGER,
  [`GET ${client}/letters`]: MANAGER,
  [`POST ${client}/letters`]: MANAGER,
  [`GET ${client}/letters/:draftId`]: MANAGER,
  [`DELETE ${client}/letters/:draftId`]: MANAGER,
  [`POST ${client}/letters/:draftId/versions`]: MANAGER,
  [`POST ${client}/letters/:draftId/versions/:number/restore`]: MANAGER,
  [`GET ${client}/letters/:draftId/export/:format`]: MANAGER,

  // after the exit (issue 8): the member a closed client still contacts reads where it stands
  // (closed, the suggested closed reply); the review date and the workspace's overviews are managers'.
  [`GET ${client}/after-exit`]: MEMBER_OF_CLIENT,
  [`PUT ${client}/review-date`]: MANAGER,
  [`DELETE ${client}/review-date`]: MANAGER,
  [`GET ${ws}/after-close`]: MANAGER,
  [`GET ${ws}/after-exit`]: MANAGER,
  [`GET ${ws}/reviews/:year`]: MANAGER,

  // screening and learning (issue 9): reflections, lessons and prospects shape who the agency
  // takes on, a manager's decision. The prospect's own form is public: the link's token (random,
  // 14 days, one submission) is the credential, and the route is rate limited.
  [`GET ${client}/reflection`]: MANAGER,
  [`PUT ${client}/reflection`]: MANAGER,
  [`GET ${ws}/lessons`]: MANAGER,
  [`POST ${ws}/lessons`]: MANAGER,
  [`DELETE ${ws}/lessons/:lessonId`]: MANAGER,
  [`GET ${ws}/prospects`]: MANAGER,
  [`POST ${ws}/prospects`]: MANAGER,
  [`GET ${ws}/prospects/:prospectId`]: MANAGER,
  [`PATCH ${ws}/prospects/:prospectId`]: MANAGER,
  [`POST ${ws}/prospects/:prospectId/link`]: MANAGER,
  [`POST ${ws}/prospects/:prospectId/accept`]: MANAGER,
  [`POST ${ws}/prospects/:prospectId/decline`]: MANAGER,
  'GET /api/public/prospect-forms/:token': { access: 'public' },
  'POST /api/public/prospect-forms/:token': { access: 'public' },

  // the contract clause generator: no client data, but the terms a client signs are set by those
  // who own the contract (PUT contract is a manager's too), so a member has no use for it.
  [`POST ${ws}/clauses`]: MANAGER,
  [`POST ${ws}/clauses/docx`]: MANAGER,

  // staff reports (issue 7): a member reports about an assigned client and sees their own reports
  // and the shared ones (src/app/staff-reports.ts filters by the principal); managers decide.
  [`POST ${client}/staff-reports`]: MEMBER_OF_CLIENT,
  [`GET ${client}/staff-reports`]: MEMBER_OF_CLIENT,
  [`GET ${ws}/staff-reports`]: { access: 'member' },
  [`GET ${ws}/staff-reports/:id`]: { access: 'member' },
  [`POST ${ws}/staff-reports/:id/confirm`]: MANAGER,
  [`POST ${ws}/staff-reports/:id/answer`]: MANAGER,
  [`POST ${ws}/staff-reports/:id/share`]: MANAGER,
  [`POST ${ws}/staff-reports/:id/evidence`]: { access: 'member', scope: 'staff-report' },

  // the audit log: who did what, for the owner
  [`GET ${ws}/audit`]: OWNER,
  [`GET ${ws}/audit/export`]: OWNER,
  [`GET ${ws}/audit/verify`]: OWNER,
};

const RANK: Record<Role, number> = { member: 1, manager: 2, owner: 3 };

/** True when `role` is at least `least`. */
export function roleAtLeast(role: Role, least: Role): boolean {
  return RANK[role] >= RANK[least];
}

/** The rule for a route, by method and Fastify URL; undefined when the table lacks it. */
export function permissionOf(method: string, url: string): RulePermission | undefined {
  return PERMISSIONS[`${method.toUpperCase()} ${url}`];
}
