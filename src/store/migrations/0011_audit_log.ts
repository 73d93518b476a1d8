/**
 * The audit log (issue 7): every change made through the store, who made it, when, and the row
 * before and after, hash-chained per workspace like the evidence log (migration 0003).
 *
 * - audit_log: one row per change; `seq` numbers the workspace's chain (unique with the
 *   workspace, a safety net under the head lock); before/after are JSON text (portable).
 *   client_id has no foreign key: the entries of a deleted client must outlive it.
 * - audit_heads: the head of each workspace's chain, moved in the same transaction as every
 *   append. Taking its row lock first serialises appenders on PostgreSQL (SQLite's write
 *   transaction already does), so two processes never fork the chain, and comparing it with the
 *   chain shows entries cut from the end.
 */
import type { Kysely } from 'kysely';

/** Creates audit_log and audit_heads. */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema types (Kysely's advice)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('entry_hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('audit_log_workspace_seq_unique', ['workspace_id', 'seq'])
    .execute();
  await db.schema.createIndex('audit_log_workspace_at').on('audit_log').columns(['workspace_id', 'at']).execute();
  await db.schema.createIndex('audit_log_workspace_entity').on('audit_log').columns(['workspace_id', 'entity', 'seq']).execute();
  await db.schema.createIndex('audit_log_workspace_client').on('audit_log').columns(['workspace_id', 'client_id', 'seq']).execute();

  await db.schema
    .createTable('audit_heads')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('entry_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_heads').execute();
  await db.schema.dropTable('audit_log').execute();
}
