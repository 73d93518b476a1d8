/**
 * Letter drafts with their history (issue 6, "drafts saved with history").
 *
 * - letter_drafts: one draft of one client: its kind and language, and as JSON text the options
 *   it was generated with (reason framing, path, channel, day) and the tone checker's context.
 *   `latest_version` and `updated_at` move forward on every save; nothing else changes.
 * - letter_draft_versions: every save is a new row numbered 1, 2, 3 ... per draft and never
 *   updated, so an earlier wording can always be read and restored (a restore is a new version
 *   that copies it). Each row keeps the checker's codes and word count as they were when saved.
 *
 * Like every child table, rows carry workspace_id and reference their parent by (id, workspace_id),
 * so a draft cannot hang under another workspace's client; everything cascades away with the client.
 */
import { type Kysely, sql } from 'kysely';

/** Creates letter_drafts and letter_draft_versions. */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema types (Kysely's advice)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('letter_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('latest_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('letter_drafts_id_workspace_unique', ['id', 'workspace_id'])
    .addForeignKeyConstraint('letter_drafts_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('letter_drafts_latest_positive', sql`latest_version >= 1`)
    .execute();
  // The client page lists a client's drafts, latest change first.
  await db.schema
    .createIndex('letter_drafts_client_idx')
    .on('letter_drafts')
    .columns(['workspace_id', 'client_id', 'updated_at'])
    .execute();

  await db.schema
    .createTable('letter_draft_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('draft_id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('restored_from', 'integer')
    .addColumn('violations', 'text', (c) => c.notNull())
    .addColumn('words', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Two saves racing for the same number: one fails instead of both landing as "version 3".
    .addUniqueConstraint('letter_draft_versions_number_unique', ['draft_id', 'number'])
    .addForeignKeyConstraint(
      'letter_draft_versions_draft_fk',
      ['draft_id', 'workspace_id'],
      'letter_drafts',
      ['id', 'workspace_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('letter_draft_versions_number_positive', sql`number >= 1`)
    .execute();
}

/** Drops the two tables. */
// biome-ignore lint/suspicious/noExplicitAny: as for up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('letter_draft_versions').execute();
  await db.schema.dropTable('letter_drafts').execute();
}
