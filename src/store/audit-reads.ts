/** Reading the audit log (migration 0011); appending is src/store/audit.ts's job alone. */
import type { Kysely, Selectable } from 'kysely';
import type { AuditFilter, AuditReads } from '../app/audit-port.js';
import type { AuditAction, StoredAuditEntry } from '../core/audit-chain.js';
import type { AuditLogTable, Database } from './schema.js';

function present(row: Selectable<AuditLogTable>): StoredAuditEntry {
  return {
    id: row.id,
    seq: Number(row.seq),
    at: row.at,
    actor_id: row.actor_id,
    actor_name: row.actor_name,
    action: row.action as AuditAction,
    entity: row.entity,
    entity_id: row.entity_id,
    client_id: row.client_id,
    method: row.method,
    before: row.before_json,
    after: row.after_json,
    prev_hash: row.prev_hash,
    entry_hash: row.entry_hash,
  };
}

export class SqlAuditReads implements AuditReads {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async listAudit(workspaceId: string, filter: AuditFilter): Promise<StoredAuditEntry[]> {
    let query = this.#db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId);
    if (filter.entity !== undefined) query = query.where('entity', '=', filter.entity);
    if (filter.clientId !== undefined) query = query.where('client_id', '=', filter.clientId);
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('at', '<', filter.to);
    if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
    const rows = await query.orderBy('seq', 'desc').limit(filter.limit).execute();

    return rows.map(present);
  }

  async listAuditChain(workspaceId: string, afterSeq: number, limit: number): Promise<StoredAuditEntry[]> {
    const rows = await this.#db
      .selectFrom('audit_log')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();

    return rows.map(present);
  }

  async getAuditHead(workspaceId: string): Promise<{ seq: number; entry_hash: string } | undefined> {
    const head = await this.#db
      .selectFrom('audit_heads')
      .select(['seq', 'entry_hash'])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();

    return head && { seq: Number(head.seq), entry_hash: head.entry_hash };
  }
}
