/**
 * The ports team mode needs beyond the Store: memberships, invitations and client assignments
 * (src/store/team-repos.ts), and the accounts kept by the auth library (src/server/team/auth.ts).
 */
import type { Member, Role } from '../../contracts/team.js';
import type { Clock, Ids, Store } from '../ports.js';

export interface InvitationRow {
  id: string;
  workspace_id: string;
  email: string;
  role: Role;
  token_hash: string;
  expires_at: string;
  accepted_at: string | null;
  invited_by: string | null;
  created_at: string;
}

export interface UserRow {
  id: string;
  name: string;
  email: string;
}

export interface TeamRepos {
  getRole(workspaceId: string, userId: string): Promise<Role | undefined>;
  /** The workspaces a user belongs to, with the role in each. */
  listMemberships(userId: string): Promise<{ workspace_id: string; role: Role }[]>;
  listMembers(workspaceId: string): Promise<Member[]>;
  /** Adds the membership or changes its role. */
  putMembership(workspaceId: string, userId: string, role: Role, now: string): Promise<void>;
  deleteMembership(workspaceId: string, userId: string): Promise<boolean>;
  countOwners(workspaceId: string): Promise<number>;

  findUserByEmail(email: string): Promise<UserRow | undefined>;
  getUser(userId: string): Promise<UserRow | undefined>;

  insertInvitation(row: InvitationRow): Promise<void>;
  listPendingInvitations(workspaceId: string, now: string): Promise<InvitationRow[]>;
  findInvitationByTokenHash(tokenHash: string): Promise<InvitationRow | undefined>;
  /** Marks it accepted unless it already was; false when someone else got there first. */
  markInvitationAccepted(id: string, now: string): Promise<boolean>;
  /** Undoes markInvitationAccepted when creating the account failed. */
  reopenInvitation(id: string): Promise<void>;
  deleteInvitation(workspaceId: string, id: string): Promise<boolean>;

  /** Ids of the clients this user is assigned to in the workspace. */
  assignedClientIds(workspaceId: string, userId: string): Promise<string[]>;
  isAssigned(workspaceId: string, clientId: string, userId: string): Promise<boolean>;
  listAssignees(workspaceId: string, clientId: string): Promise<string[]>;
  /** Every assignment of the workspace. */
  listAssignments(workspaceId: string): Promise<{ client_id: string; user_id: string }[]>;
  /** Replaces the client's assignees with `userIds`. */
  setAssignees(workspaceId: string, clientId: string, userIds: string[], by: string, now: string): Promise<void>;
}

/** Accounts live in the auth library's tables; RedCard only asks for these. */
export interface Accounts {
  /** Creates a user with a credential account; the password is hashed by the library (argon2id). */
  createUser(input: { email: string; name: string; password?: string }): Promise<UserRow>;
  /** A one-time link that sets (or resets) the password, as the reset flow builds it. */
  passwordLink(email: string): Promise<{ link: string; mailed: boolean } | undefined>;
}

/** Sends a link by mail when SMTP is configured; answers false when it is not. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<boolean>;
}

export interface TeamDeps {
  store: Store;
  clock: Clock;
  ids: Ids;
  team: TeamRepos;
  accounts: Accounts;
  mailer: Mailer;
  /** Base URL of the UI, for links. */
  publicUrl: string;
}
