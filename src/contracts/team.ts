/** Team mode (issue 7): the shapes of members, invitations, assignments and the signed-in session. */
import { z } from 'zod';

export const Role = z.enum(['owner', 'manager', 'member']);
export type Role = z.infer<typeof Role>;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be an email address' }));
const name = z.string().trim().min(1, { message: 'must not be empty' }).max(120);
/** Long enough to resist guessing; the upper bound keeps argon2 work per request bounded. */
export const Password = z.string().min(10, { message: 'must be at least 10 characters' }).max(256);
/** The one-time tokens RedCard hands out: 32 random bytes, base64url. */
export const OneTimeToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'is not a valid link token' });

export const Member = z.object({
  user_id: z.string(),
  name: z.string(),
  email: z.string(),
  role: Role,
  joined_at: z.string(),
});
export type Member = z.infer<typeof Member>;

export const MemberParams = z.object({ ws: z.string().min(1).max(100), userId: z.string().min(1).max(100) });
export const RolePatch = z.object({ role: Role });

export const InvitationInput = z.object({ email, role: Role });
export type InvitationInput = z.infer<typeof InvitationInput>;

export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: Role,
  expires_at: z.string(),
  invited_by: z.string().nullable(),
  created_at: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;

/** What the owner sees once, right after inviting: the link to hand over (also mailed when SMTP is set). */
export const CreatedInvitation = Invitation.extend({ link: z.string(), mailed: z.boolean() });

/** What the invitation page shows before the person accepts. */
export const InvitationPreview = z.object({
  email: z.string(),
  role: Role,
  workspace_name: z.string(),
  account_exists: z.boolean(),
});

/** Name and password create a new account; someone already signed in with the invited email sends neither. */
export const AcceptInvitation = z.object({ token: OneTimeToken, name: name.optional(), password: Password.optional() });
export const InvitationTokenQuery = z.object({ token: OneTimeToken });

export const Assignment = z.object({ user_ids: z.array(z.string().min(1).max(64)).max(200) });

/** Who is signed in and where they belong (GET /api/session). */
export const SessionInfo = z.object({
  mode: z.enum(['solo', 'team']),
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), role: Role })),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
