/**
 * The saved exit plan (issue 5, "in the product"): at most one per client, its steps as a
 * checklist with done states, and the handover inventory (X9).
 *
 * - exit_plans: the path, why the user chose it, the tell date they chose, the referral choice
 *   (X8), and as JSON text the request it was saved from (`inputs`) and the computed plan
 *   (`plan`: contract check, dates, money, warnings) so the page shows what the steps came from.
 * - exit_plan_steps: one row per step, keyed by the plan's stable step id (`key`), so re-planning
 *   updates a step in place and its done state (done_at, done_by, done_note) survives.
 * - exit_handover_items: files, materials and access with their state; never a secret (the
 *   contracts refuse text that looks like one).
 *
 * Like every child table, rows carry workspace_id and reference their parent by (id, workspace_id),
 * so the database refuses a row whose parent lives in another workspace; everything cascades away
 * with the client.
 */
import { type Kysely, sql } from 'kysely';

/** Creates exit_plans, exit_plan_steps and exit_handover_items. */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema types (Kysely's advice)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('exit_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('recommended_path', 'text')
    .addColumn('path_reason', 'text')
    .addColumn('tell_on', 'text')
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('referral_mode', 'text', (c) => c.notNull())
    .addColumn('referral_checked', 'integer', (c) => c.notNull())
    .addColumn('referral_note', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('exit_plans_client_unique', ['client_id'])
    .addUniqueConstraint('exit_plans_id_workspace_unique', ['id', 'workspace_id'])
    .addForeignKeyConstraint('exit_plans_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('exit_plans_referral_flag', sql`referral_checked in (0, 1)`)
    .execute();

  await db.schema
    .createTable('exit_plan_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due', 'text')
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('adjusted', 'integer', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    .addColumn('done_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('exit_plan_steps_plan_key_unique', ['plan_id', 'key'])
    .addForeignKeyConstraint('exit_plan_steps_plan_fk', ['plan_id', 'workspace_id'], 'exit_plans', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('exit_plan_steps_adjusted_flag', sql`adjusted in (0, 1)`)
    // Done is a timestamp with who did it: both or neither.
    .addCheckConstraint('exit_plan_steps_done_pair', sql`(done_at is null) = (done_by is null)`)
    .execute();
  // The dashboard's overdue list: open steps of a workspace by due date.
  await db.schema.createIndex('exit_plan_steps_workspace_due_idx').on('exit_plan_steps').columns(['workspace_id', 'due']).execute();

  await db.schema
    .createTable('exit_handover_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull())
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('exit_handover_items_plan_fk', ['plan_id', 'workspace_id'], 'exit_plans', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('exit_handover_items_plan_idx').on('exit_handover_items').columns(['workspace_id', 'plan_id']).execute();
}

/** Drops the three tables. */
// biome-ignore lint/suspicious/noExplicitAny: as for up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('exit_handover_items').execute();
  await db.schema.dropTable('exit_plan_steps').execute();
  await db.schema.dropTable('exit_plans').execute();
}
