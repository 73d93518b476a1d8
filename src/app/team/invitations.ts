/**
 * Invitations: the only way into a team-mode workspace. An owner invites an email with a role;
 * the link carries a one-time token (only its hash is stored) valid for INVITATION_DAYS.
 * Accepting creates the account (or, for someone already signed in with that email, just the
 * membership) and ends the invitation.
 */

import { parseOrThrow } from '../../contracts/issues.js';
import { AcceptInvitation, type Invitation, InvitationInput, type Role } from '../../contracts/team.js';
import { DomainError } from '../../core/errors.js';
import { actAs } from '../acting.js';
import { requireWorkspace } from '../context.js';
import type { Principal } from '../principal.js';
import type { InvitationRow, TeamDeps, UserRow } from './ports.js';
import { newToken, tokenHash } from './tokens.js';

export const INVITATION_DAYS = 7;

function present(row: InvitationRow): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    expires_at: row.expires_at,
    invited_by: row.invited_by,
    created_at: row.created_at,
  };
}

export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/invite?token=${token}`;
}

export interface InviteMemberOptions {
  workspaceId: string;
  input: unknown;
  /** Who invites ('cli' when invited from the command line). */
  by: string;
}

/** Creates an invitation; the link is returned once and mailed when SMTP is configured. */
export async function inviteMember(
  deps: TeamDeps,
  { workspaceId, input, by }: InviteMemberOptions,
): Promise<Invitation & { link: string; mailed: boolean }> {
  const data = parseOrThrow(InvitationInput, input, 'VALIDATION_FAILED', 'invitation');
  const workspace = await requireWorkspace(deps.store, workspaceId);
  const existing = await deps.team.findUserByEmail(data.email);
  if (existing && (await deps.team.getRole(workspaceId, existing.id)))
    throw new DomainError('ACCOUNT_EXISTS', `${data.email} is already a member of this workspace.`);
  const token = newToken();
  const now = deps.clock.now();
  const row: InvitationRow = {
    id: deps.ids.newId(),
    workspace_id: workspaceId,
    email: data.email,
    role: data.role,
    token_hash: tokenHash(token),
    expires_at: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
    accepted_at: null,
    invited_by: by,
    created_at: now.toISOString(),
  };
  await deps.team.insertInvitation(row);
  const link = invitationLink(deps.publicUrl, token);
  const mailed = await deps.mailer.send({
    to: data.email,
    subject: `RedCard: you are invited to ${workspace.name}`,
    text: `You are invited to the RedCard workspace "${workspace.name}" as ${data.role}.\n\nOpen this link within ${INVITATION_DAYS} days to set your name and password:\n${link}\n`,
  });

  return { ...present(row), link, mailed };
}

export async function listInvitations(deps: Pick<TeamDeps, 'team' | 'clock'>, workspaceId: string): Promise<Invitation[]> {
  return (await deps.team.listPendingInvitations(workspaceId, deps.clock.now().toISOString())).map(present);
}

export async function revokeInvitation(deps: Pick<TeamDeps, 'team'>, workspaceId: string, id: string): Promise<void> {
  if (!(await deps.team.deleteInvitation(workspaceId, id))) throw new DomainError('NOT_FOUND', 'No such invitation in this workspace.');
}

/** The pending invitation a token opens, or INVITATION_INVALID (unknown, used or expired: one answer for all). */
async function openInvitation(deps: Pick<TeamDeps, 'team' | 'clock'>, token: string): Promise<InvitationRow> {
  const row = await deps.team.findInvitationByTokenHash(tokenHash(token));
  if (!row || row.accepted_at !== null || row.expires_at <= deps.clock.now().toISOString())
    throw new DomainError('INVITATION_INVALID', 'This invitation link is not valid any more: ask the workspace owner for a new one.');

  return row;
}

export async function previewInvitation(
  deps: Pick<TeamDeps, 'team' | 'clock' | 'store'>,
  token: string,
): Promise<{ email: string; role: Role; workspace_name: string; account_exists: boolean }> {
  const row = await openInvitation(deps, token);
  const workspace = await requireWorkspace(deps.store, row.workspace_id);

  return {
    email: row.email,
    role: row.role,
    workspace_name: workspace.name,
    account_exists: (await deps.team.findUserByEmail(row.email)) !== undefined,
  };
}

/**
 * Accepts an invitation. A new person gets an account with the name and password given. Someone
 * who already has an account must be signed in as that account (`signedIn`), so a leaked link
 * cannot add a workspace to another person's account.
 */
export async function acceptInvitation(
  deps: TeamDeps,
  input: unknown,
  signedIn: Principal | undefined,
): Promise<{ user: UserRow; workspace_id: string; role: Role; created: boolean }> {
  const data = parseOrThrow(AcceptInvitation, input, 'VALIDATION_FAILED', 'invitation');
  const row = await openInvitation(deps, data.token);
  const existing = await deps.team.findUserByEmail(row.email);
  if (existing && signedIn?.userId !== existing.id)
    throw new DomainError('ACCOUNT_EXISTS', `An account for ${row.email} exists: sign in as ${row.email} first, then open the link again.`);
  if (!existing && (data.name === undefined || data.password === undefined))
    throw new DomainError('VALIDATION_FAILED', 'A new account needs a name and a password.', {
      issues: [
        ...(data.name === undefined ? [{ path: 'name', message: 'Required' }] : []),
        ...(data.password === undefined ? [{ path: 'password', message: 'Required' }] : []),
      ],
    });
  const now = deps.clock.now().toISOString();
  // Claim the invitation before creating anything, so two tabs cannot both use it.
  if (!(await deps.team.markInvitationAccepted(row.id, now)))
    throw new DomainError('INVITATION_INVALID', 'This invitation link is not valid any more: ask the workspace owner for a new one.');
  let user = existing;
  try {
    user ??= await deps.accounts.createUser({ email: row.email, name: data.name!, password: data.password });
    const joiner = user;
    // The audit log's "who" for the membership is the person joining (often not signed in yet).
    await actAs({ userId: joiner.id, displayName: joiner.name, role: row.role }, () =>
      deps.team.putMembership(row.workspace_id, joiner.id, row.role, now),
    );
  } catch (error) {
    await deps.team.reopenInvitation(row.id);
    throw error;
  }

  return { user, workspace_id: row.workspace_id, role: row.role, created: existing === undefined };
}
