/**
 * Staff reports (issue 7): a team member reports what a client did; a manager confirms it as an
 * incident or answers it; the reporter sees the decision.
 *
 * - reporter_id / reporter_name and decided_by_id / decided_by_name: who, as the principal was at
 *   the time (names are kept, so a later rename does not rewrite history).
 * - codes, evidence_ids, files: JSON text (red-flag codes; ids of existing evidence entries of the
 *   client; files uploaded with the report, stored content-addressed and appended to the evidence
 *   chain only when the report is confirmed, under the new incident).
 * - incident_id: the incident a confirmation created. No foreign key: incidents are per client and
 *   the report must survive as history even if its incident is edited.
 * - shared_with_members: a manager showed the report (and its decision) to every member.
 */
import { type Kysely, sql } from 'kysely';

/** Creates staff_reports. */
// biome-ignore lint/suspicious/noExplicitAny: a migration must not depend on today's schema types (Kysely's advice)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('reporter_id', 'text', (c) => c.notNull())
    .addColumn('reporter_name', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('happened_on', 'text', (c) => c.notNull())
    .addColumn('codes', 'text', (c) => c.notNull())
    .addColumn('evidence_ids', 'text', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by_id', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('answer', 'text')
    .addColumn('incident_id', 'text')
    .addColumn('shared_with_members', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('staff_reports_client_fk', ['client_id', 'workspace_id'], 'clients', ['id', 'workspace_id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addCheckConstraint('staff_reports_status', sql`status in ('open', 'confirmed', 'answered')`)
    .addCheckConstraint('staff_reports_shared_flag', sql`shared_with_members in (0, 1)`)
    // A decision has who and when, and an open report has neither.
    .addCheckConstraint(
      'staff_reports_decision',
      sql`(status = 'open') = (decided_at is null) and (decided_at is null) = (decided_by_id is null)`,
    )
    .addCheckConstraint('staff_reports_incident', sql`(status = 'confirmed') = (incident_id is not null)`)
    .execute();
  // The queue (open first, newest first) and a client's reports.
  await db.schema.createIndex('staff_reports_queue_idx').on('staff_reports').columns(['workspace_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('staff_reports_client_idx').on('staff_reports').columns(['workspace_id', 'client_id']).execute();
}

/** Drops staff_reports. */
// biome-ignore lint/suspicious/noExplicitAny: as for up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_reports').execute();
}
