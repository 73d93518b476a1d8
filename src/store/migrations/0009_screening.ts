/**
 * Reflection, lessons and screening of new clients (issue 8, DOMAIN.md A3, A4).
 *
 * - reflections: at most one per ended or closed client: the first signs (text, date, code), what
 *   the contract lacked (term keys as a JSON array, plus text), what to do earlier. Cascades away
 *   with the client.
 * - lessons: short texts with the red-flag codes they relate to (JSON array text). They outlive
 *   the client they came from (its id and name are kept, without a foreign key), because a lesson
 *   is the workspace's, not the client's. `search_key` is the text case-folded in JavaScript, since
 *   SQLite's lower() folds ASCII only and searching must behave the same on both backends.
 * - prospects: a possible client being screened: first messages, answers (JSON), the computed
 *   score, reasons and early signs (JSON), status, and the public form's token, stored only as its
 *   SHA-256 with an expiry and the time it was used.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/** Creates reflections, lessons and prospects. */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema types (Kysely's advice)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reflections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('first_signs', 'text', (c) => c.notNull())
    .addColumn('first_signs_on', 'text')
    .addColumn('first_signs_code', 'text')
    .addColumn('contract_lacked', 'text', (c) => c.notNull())
    .addColumn('contract_note', 'text', (c) => c.notNull())
    .addColumn('do_earlier', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('reflections_client_unique', ['client_id'])
    .addForeignKeyConstraint('reflections_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('lessons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text')
    .addColumn('client_name', 'text')
    .addColumn('reflection_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('codes', 'text', (c) => c.notNull())
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lessons_workspace_idx').on('lessons').columns(['workspace_id', 'created_at']).execute();

  await db.schema
    .createTable('prospects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('first_messages', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'text')
    .addColumn('score', 'integer')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('token_hash', 'text')
    .addColumn('token_expires_at', 'text')
    .addColumn('token_used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('prospects_status', sql`status in ('screening', 'accepted', 'declined')`)
    .addCheckConstraint('prospects_score_range', sql`score is null or (score >= 0 and score <= 100)`)
    .execute();
  await db.schema.createIndex('prospects_workspace_idx').on('prospects').columns(['workspace_id', 'created_at']).execute();
  // The public form finds its prospect by the token's hash alone.
  await db.schema.createIndex('prospects_token_idx').on('prospects').column('token_hash').unique().execute();
}

/** Drops the three tables. */
// biome-ignore lint/suspicious/noExplicitAny: as for up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('prospects').execute();
  await db.schema.dropTable('lessons').execute();
  await db.schema.dropTable('reflections').execute();
}
