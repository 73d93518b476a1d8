/**
 * The head of each workspace's evidence chain, kept beside the chain and moved in the same
 * transaction as every append. A chain alone cannot show that its LAST entries were deleted (what
 * remains is still a valid chain); comparing it with the recorded head can.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/** Creates evidence_heads and records the head of every existing chain. */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema types (Kysely's advice)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence_heads')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('entry_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`
    insert into evidence_heads (workspace_id, seq, entry_hash, updated_at)
    select e.workspace_id, e.seq, e.entry_hash, e.recorded_at
    from evidence e
    where e.seq = (select max(e2.seq) from evidence e2 where e2.workspace_id = e.workspace_id)
  `.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evidence_heads').execute();
}
