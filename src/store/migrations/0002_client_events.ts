/**
 * The client event log (issue 4; STYLE practice 13): every escalation step of a client, in order.
 * Append-only: the application only inserts (the repositories have no update or delete for it).
 * The client's `status` column stays the current projection, updated in the same transaction as
 * the append.
 *
 * `seq` numbers a client's events from 1 without gaps; (client_id, seq) is unique, so two
 * concurrent appends cannot both take a position. `payload` is JSON text whose shape per `type`
 * is src/contracts/events.ts (read its banner before changing one). `date` is the calendar day
 * the step happened as the user gave it, `at` the instant it was recorded.
 *
 * Events cascade away with their client, like every other part of the record: deleting a client
 * is the user's explicit wish to forget it (evidence, which must survive, blocks that deletion).
 */
import { type Kysely, sql } from 'kysely';

/** Creates client_events. */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema types (Kysely's advice)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('client_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addUniqueConstraint('client_events_client_seq_unique', ['client_id', 'seq'])
    .addForeignKeyConstraint('client_events_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('client_events_seq', sql`seq >= 1`)
    .execute();
  await db.schema
    .createIndex('client_events_workspace_client_idx')
    .on('client_events')
    .columns(['workspace_id', 'client_id', 'seq'])
    .execute();
}

/** Drops client_events. */
// biome-ignore lint/suspicious/noExplicitAny: as for up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('client_events').execute();
}
