/**
 * Imports of mail archives and chat exports (issue 3): the import runs themselves, a dedupe key on
 * messages (unique per workspace and client, so re-importing a file adds nothing), the attachments
 * of imported messages (recorded as evidence candidates, never inlined), the red-flag suggestions
 * the detector makes, and per-client suppressions of dismissed patterns.
 *
 * Like every table, each carries workspace_id and references its parent by (id, workspace_id), so
 * the database refuses a row whose parent lives in another workspace.
 */
import { type Kysely, sql } from 'kysely';

/** Creates imports, message_attachments, suggestions, suppressions and the messages' dedupe key. */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema types (Kysely's advice)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('read_count', 'integer', (c) => c.notNull())
    .addColumn('stored_count', 'integer', (c) => c.notNull())
    .addColumn('duplicate_count', 'integer', (c) => c.notNull())
    .addColumn('skipped_count', 'integer', (c) => c.notNull())
    .addColumn('suggestion_count', 'integer', (c) => c.notNull())
    // JSON array of { position, message }, capped by the use case.
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addUniqueConstraint('imports_id_workspace_unique', ['id', 'workspace_id'])
    .addForeignKeyConstraint('imports_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('imports_status', sql`status in ('running', 'done', 'failed')`)
    .execute();
  await db.schema.createIndex('imports_client_idx').on('imports').columns(['workspace_id', 'client_id', 'started_at']).execute();

  // Null for messages typed in by hand; NULLs never collide in a unique index (both databases).
  await db.schema.alterTable('messages').addColumn('dedupe_key', 'text').execute();
  // Who sent it as the source named them ("Name <address>"): `sender` only says client or provider.
  await db.schema.alterTable('messages').addColumn('sender_party', 'text').execute();
  await db.schema.alterTable('messages').addColumn('import_id', 'text').execute();
  await db.schema
    .createIndex('messages_dedupe_unique')
    .on('messages')
    .columns(['workspace_id', 'client_id', 'dedupe_key'])
    .unique()
    .execute();
  // Each import batch numbers its messages after the client's last `ord`.
  await db.schema.createIndex('messages_client_ord_idx').on('messages').columns(['workspace_id', 'client_id', 'ord']).execute();
  // The target of the (message_id, workspace_id) foreign keys below.
  await db.schema.createIndex('messages_id_workspace_unique').on('messages').columns(['id', 'workspace_id']).unique().execute();

  await db.schema
    .createTable('message_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('message_attachments_message_fk', ['message_id', 'workspace_id'], 'messages', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('message_attachments_message_idx').on('message_attachments').columns(['message_id', 'position']).execute();

  await db.schema
    .createTable('suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    // JSON array of { start, end }: UTF-16 offsets into the message text.
    .addColumn('spans', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('suggestions_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('suggestions_message_fk', ['message_id', 'workspace_id'], 'messages', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    // A single-column key so deleting the incident only unlinks it (as incidents.message_id does).
    .addForeignKeyConstraint('suggestions_incident_fk', ['incident_id'], 'incidents', ['id'], (fk) => fk.onDelete('set null'))
    .addCheckConstraint('suggestions_status', sql`status in ('open', 'confirmed', 'dismissed')`)
    .addCheckConstraint('suggestions_severity', sql`severity between 1 and 3`)
    .execute();
  await db.schema.createIndex('suggestions_client_idx').on('suggestions').columns(['workspace_id', 'client_id', 'status']).execute();
  await db.schema.createIndex('suggestions_status_idx').on('suggestions').columns(['workspace_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('suggestions_message_idx').on('suggestions').column('message_id').execute();

  await db.schema
    .createTable('suppressions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('suppressions_client_rule_unique', ['workspace_id', 'client_id', 'rule'])
    .addForeignKeyConstraint('suppressions_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
}

/** Drops everything `up` created, children first. */
// biome-ignore lint/suspicious/noExplicitAny: as for up
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['suppressions', 'suggestions', 'message_attachments']) await db.schema.dropTable(table).execute();
  await db.schema.dropIndex('messages_id_workspace_unique').execute();
  await db.schema.dropIndex('messages_client_ord_idx').execute();
  await db.schema.dropIndex('messages_dedupe_unique').execute();
  for (const column of ['import_id', 'sender_party', 'dedupe_key']) await db.schema.alterTable('messages').dropColumn(column).execute();
  await db.schema.dropTable('imports').execute();
}
