/**
 * Team mode's queries (src/app/team/ports.ts): memberships, invitations, client assignments, and
 * reads of the auth library's user table. Its own table types, so schema.ts stays as it is.
 * Open it with auditedTeamRepos (audit.ts), which records its writes in the audit log.
 */
import type { Kysely } from 'kysely';
import type { InvitationRow, TeamRepos, UserRow } from '../app/team/ports.js';
import type { Member, Role } from '../contracts/team.js';

interface TeamTables {
  auth_users: {
    id: string;
    name: string;
    email: string;
    email_verified: number;
    image: string | null;
    created_at: string;
    updated_at: string;
  };
  memberships: { workspace_id: string; user_id: string; role: Role; created_at: string };
  invitations: InvitationRow;
  client_assignments: { workspace_id: string; client_id: string; user_id: string; assigned_at: string; assigned_by: string | null };
}

export class SqlTeamRepos implements TeamRepos {
  readonly #db: Kysely<TeamTables>;

  /** `db` is the store's own query builder (kyselyOf): same connection, tables typed here. */
  constructor(db: unknown) {
    this.#db = db as Kysely<TeamTables>;
  }

  /** `work` in a transaction: the caller's when there is one (the audit wrapper's), else a new one. */
  #inTransaction<R>(work: (trx: Kysely<TeamTables>) => Promise<R>): Promise<R> {
    return this.#db.isTransaction ? work(this.#db) : this.#db.transaction().execute(work);
  }

  async getRole(workspaceId: string, userId: string): Promise<Role | undefined> {
    const row = await this.#db
      .selectFrom('memberships')
      .select('role')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();

    return row?.role;
  }

  async listMemberships(userId: string) {
    return this.#db
      .selectFrom('memberships')
      .select(['workspace_id', 'role'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
  }

  async listMembers(workspaceId: string): Promise<Member[]> {
    const rows = await this.#db
      .selectFrom('memberships as m')
      .innerJoin('auth_users as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'u.name', 'u.email', 'm.role', 'm.created_at'])
      .where('m.workspace_id', '=', workspaceId)
      .orderBy('u.name')
      .execute();

    return rows.map((r) => ({ user_id: r.user_id, name: r.name, email: r.email, role: r.role, joined_at: r.created_at }));
  }

  async putMembership(workspaceId: string, userId: string, role: Role, now: string): Promise<void> {
    await this.#db
      .insertInto('memberships')
      .values({ workspace_id: workspaceId, user_id: userId, role, created_at: now })
      .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet({ role }))
      .execute();
  }

  async deleteMembership(workspaceId: string, userId: string): Promise<boolean> {
    return this.#inTransaction(async (trx) => {
      // Leaving a workspace ends its client assignments too.
      await trx.deleteFrom('client_assignments').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
      const result = await trx
        .deleteFrom('memberships')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst();

      return Number(result.numDeletedRows) > 0;
    });
  }

  async countOwners(workspaceId: string): Promise<number> {
    const row = await this.#db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();

    return Number(row.n);
  }

  async findUserByEmail(email: string): Promise<UserRow | undefined> {
    return this.#db.selectFrom('auth_users').select(['id', 'name', 'email']).where('email', '=', email.toLowerCase()).executeTakeFirst();
  }

  async getUser(userId: string): Promise<UserRow | undefined> {
    return this.#db.selectFrom('auth_users').select(['id', 'name', 'email']).where('id', '=', userId).executeTakeFirst();
  }

  async insertInvitation(row: InvitationRow): Promise<void> {
    await this.#db.insertInto('invitations').values(row).execute();
  }

  async listPendingInvitations(workspaceId: string, now: string): Promise<InvitationRow[]> {
    return this.#db
      .selectFrom('invitations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at')
      .execute();
  }

  async findInvitationByTokenHash(tokenHash: string): Promise<InvitationRow | undefined> {
    return this.#db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  async markInvitationAccepted(id: string, now: string): Promise<boolean> {
    const result = await this.#db
      .updateTable('invitations')
      .set({ accepted_at: now })
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();

    return Number(result.numUpdatedRows) === 1;
  }

  async reopenInvitation(id: string): Promise<void> {
    await this.#db.updateTable('invitations').set({ accepted_at: null }).where('id', '=', id).execute();
  }

  async deleteInvitation(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('invitations')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();

    return Number(result.numDeletedRows) > 0;
  }

  async assignedClientIds(workspaceId: string, userId: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('client_assignments')
      .select('client_id')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .execute();

    return rows.map((r) => r.client_id);
  }

  async isAssigned(workspaceId: string, clientId: string, userId: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('client_assignments')
      .select('client_id')
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .where('user_id', '=', userId)
      .executeTakeFirst();

    return row !== undefined;
  }

  async listAssignees(workspaceId: string, clientId: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('client_assignments')
      .select('user_id')
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .orderBy('assigned_at')
      .execute();

    return rows.map((r) => r.user_id);
  }

  async listAssignments(workspaceId: string) {
    return this.#db
      .selectFrom('client_assignments')
      .select(['client_id', 'user_id'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('client_id')
      .orderBy('user_id')
      .execute();
  }

  async setAssignees(workspaceId: string, clientId: string, userIds: string[], by: string, now: string): Promise<void> {
    await this.#inTransaction(async (trx) => {
      await trx.deleteFrom('client_assignments').where('workspace_id', '=', workspaceId).where('client_id', '=', clientId).execute();
      if (userIds.length > 0)
        await trx
          .insertInto('client_assignments')
          .values(
            userIds.map((user_id) => ({ workspace_id: workspaceId, client_id: clientId, user_id, assigned_at: now, assigned_by: by })),
          )
          .execute();
    });
  }
}
