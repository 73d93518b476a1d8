/**
 * The portfolio dashboard's precomputed scores (issue 4). Assessing every client at 12 dates on
 * each request is far too slow for a large workspace, so results are cached and recomputed only
 * when something they depend on changed:
 *
 * - `clients.revision` is bumped by the repositories in the same transaction as every write that
 *   can change the client's assessment (its record, cards, events, status), so a cached row whose
 *   revision differs is stale.
 * - `dashboard_revisions` counts every such write per workspace (and workspace settings changes),
 *   so "has anything changed since?" is one primary-key read.
 * - `score_cache` holds one client's summary as of one day (`as_of`): score, traffic light,
 *   recommendation, the 12-month trend and the monthly figures the charts add up, as JSON text
 *   (`payload`, shape in src/app/dashboard-cache.ts). `basis` fingerprints what else it was
 *   computed from (the workspace's settings and the algorithm's version).
 *
 * The cache is derived data: deleting its rows loses nothing, it is rebuilt on the next read.
 */
import { type Kysely, sql } from 'kysely';

/** Adds clients.revision, dashboard_revisions and score_cache. */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema types (Kysely's advice)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('clients')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('dashboard_revisions')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addCheckConstraint('dashboard_revisions_revision', sql`revision >= 0`)
    .execute();
  await db.schema
    .createTable('score_cache')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('score_cache_pk', ['workspace_id', 'client_id', 'as_of'])
    .addForeignKeyConstraint('score_cache_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  // The dashboard reads one day's rows of a workspace.
  await db.schema.createIndex('score_cache_workspace_day_idx').on('score_cache').columns(['workspace_id', 'as_of']).execute();
}

/** Drops what up() added. */
// biome-ignore lint/suspicious/noExplicitAny: as for up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('score_cache').execute();
  await db.schema.dropTable('dashboard_revisions').execute();
  await db.schema.alterTable('clients').dropColumn('revision').execute();
}
