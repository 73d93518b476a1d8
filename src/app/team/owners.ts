/**
 * The first owner of a team (CLI `redcard user create-owner`): an account and the owner
 * membership of a workspace, with either a password given now or a one-time link to set one.
 */

import { z } from 'zod';
import { parseOrThrow } from '../../contracts/issues.js';
import { Password } from '../../contracts/team.js';
import { DomainError } from '../../core/errors.js';
import { requireWorkspace } from '../context.js';
import type { TeamDeps, UserRow } from './ports.js';

const OwnerInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'must be an email address' })),
  name: z.string().trim().min(1).max(120),
  password: Password.optional(),
});

export async function createOwner(
  deps: TeamDeps,
  workspaceId: string,
  input: unknown,
): Promise<{ user: UserRow; created: boolean; link: string | null; mailed: boolean }> {
  const data = parseOrThrow(OwnerInput, input, 'VALIDATION_FAILED', 'owner');
  await requireWorkspace(deps.store, workspaceId);
  const existing = await deps.team.findUserByEmail(data.email);
  if (existing && data.password !== undefined)
    throw new DomainError('ACCOUNT_EXISTS', `${data.email} already has an account; it keeps its password.`);
  const user = existing ?? (await deps.accounts.createUser(data));
  await deps.team.putMembership(workspaceId, user.id, 'owner', deps.clock.now().toISOString());
  const link = data.password === undefined && !existing ? await deps.accounts.passwordLink(data.email) : undefined;

  return { user, created: !existing, link: link?.link ?? null, mailed: link?.mailed ?? false };
}

/** A one-time link that sets a new password (CLI `redcard user reset-password`). */
export async function passwordResetLink(deps: Pick<TeamDeps, 'accounts' | 'team'>, email: string) {
  const user = await deps.team.findUserByEmail(email.trim().toLowerCase());
  if (!user) throw new DomainError('MEMBER_NOT_FOUND', `No account for ${email}.`);
  const link = await deps.accounts.passwordLink(user.email);
  if (!link) throw new DomainError('INTERNAL', 'The reset link could not be made.');

  return link;
}
