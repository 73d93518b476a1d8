/** The members of a workspace: list, change a role, remove; and which clients a member sees. */
import { parseOrThrow } from '../../contracts/issues.js';
import { Assignment, type Member, RolePatch } from '../../contracts/team.js';
import { DomainError } from '../../core/errors.js';
import { requireClient, requireWorkspace } from '../context.js';
import type { TeamDeps } from './ports.js';

export async function listMembers(deps: Pick<TeamDeps, 'team' | 'store'>, workspaceId: string): Promise<Member[]> {
  await requireWorkspace(deps.store, workspaceId);

  return deps.team.listMembers(workspaceId);
}

async function requireMember(deps: Pick<TeamDeps, 'team'>, workspaceId: string, userId: string) {
  const role = await deps.team.getRole(workspaceId, userId);
  if (!role) throw new DomainError('MEMBER_NOT_FOUND', 'No such member in this workspace.');

  return role;
}

/** A workspace always keeps one owner: the last one cannot be demoted or removed. */
async function keepAnOwner(deps: Pick<TeamDeps, 'team'>, workspaceId: string, currentRole: string) {
  if (currentRole === 'owner' && (await deps.team.countOwners(workspaceId)) <= 1)
    throw new DomainError('LAST_OWNER', 'A workspace needs an owner: make someone else owner first.');
}

export async function changeMemberRole(
  deps: Pick<TeamDeps, 'team' | 'clock'>,
  workspaceId: string,
  userId: string,
  input: unknown,
): Promise<Member> {
  const { role } = parseOrThrow(RolePatch, input, 'VALIDATION_FAILED', 'role');
  const current = await requireMember(deps, workspaceId, userId);
  if (role !== 'owner') await keepAnOwner(deps, workspaceId, current);
  await deps.team.putMembership(workspaceId, userId, role, deps.clock.now().toISOString());
  const member = (await deps.team.listMembers(workspaceId)).find((m) => m.user_id === userId);

  return member!;
}

export async function removeMember(deps: Pick<TeamDeps, 'team'>, workspaceId: string, userId: string): Promise<void> {
  const current = await requireMember(deps, workspaceId, userId);
  await keepAnOwner(deps, workspaceId, current);
  await deps.team.deleteMembership(workspaceId, userId);
}

/** Sets who among the members is assigned to a client (members see only their clients). */
export async function assignClient(
  deps: Pick<TeamDeps, 'team' | 'store' | 'clock'>,
  workspaceId: string,
  clientId: string,
  input: unknown,
  by: string,
): Promise<{ user_ids: string[] }> {
  const { user_ids } = parseOrThrow(Assignment, input, 'VALIDATION_FAILED', 'assignment');
  await requireClient(deps.store, workspaceId, clientId);
  const unique = [...new Set(user_ids)];
  for (const userId of unique) await requireMember(deps, workspaceId, userId);
  await deps.team.setAssignees(workspaceId, clientId, unique, by, deps.clock.now().toISOString());

  return { user_ids: unique };
}

export async function listAssignees(deps: Pick<TeamDeps, 'team' | 'store'>, workspaceId: string, clientId: string) {
  await requireClient(deps.store, workspaceId, clientId);

  return { user_ids: await deps.team.listAssignees(workspaceId, clientId) };
}

/** Who is assigned to which client, for the whole workspace (the Team page). */
export async function listAssignments(deps: Pick<TeamDeps, 'team' | 'store'>, workspaceId: string) {
  await requireWorkspace(deps.store, workspaceId);

  return deps.team.listAssignments(workspaceId);
}
