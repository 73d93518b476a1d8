/**
 * After the exit (issue 8; DOMAIN.md A1, A2).
 *
 * - after_close_marks: one row per message or incident that arrived after the relationship ended
 *   (contact after close, A1). The mark lives beside the item instead of as a column on messages
 *   and incidents: it is a fact about the item's arrival, not about its content, it needs the day
 *   the relationship ended that made it one, and keeping it apart leaves the message and incident
 *   queries (and their import fast path) untouched. Each row references its item by a single
 *   column with ON DELETE CASCADE, so deleting the item removes its mark; exactly one is set.
 * - client_reviews: at most one review date per client (A2: reconsider later, with a note). It
 *   reopens nothing by itself; the dashboard lists it once it is due.
 */
import { type Kysely, sql } from 'kysely';

/** Creates after_close_marks and client_reviews. */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema types (Kysely's advice)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('after_close_marks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.references('messages.id').onDelete('cascade'))
    .addColumn('incident_id', 'text', (c) => c.references('incidents.id').onDelete('cascade'))
    // The item's day, the status and the end day that made it contact after close.
    .addColumn('item_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('after_close_marks_message_unique', ['message_id'])
    .addUniqueConstraint('after_close_marks_incident_unique', ['incident_id'])
    .addForeignKeyConstraint('after_close_marks_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('after_close_marks_one_item', sql`(message_id is null) <> (incident_id is null)`)
    .execute();
  await db.schema
    .createIndex('after_close_marks_client_idx')
    .on('after_close_marks')
    .columns(['workspace_id', 'client_id', 'item_date'])
    .execute();

  await db.schema
    .createTable('client_reviews')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('review_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('set_on', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('client_reviews_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('client_reviews_workspace_idx').on('client_reviews').columns(['workspace_id', 'review_on']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('client_reviews').execute();
  await db.schema.dropTable('after_close_marks').execute();
}
