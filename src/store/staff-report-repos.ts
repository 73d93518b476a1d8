/**
 * The StaffReportRepos port (app/staff-reports-port.ts) over Kysely, for SQLite and PostgreSQL
 * alike. Every query filters by workspace_id. JSON columns are written from validated values and
 * read back through the contracts' schemas, so a row that no longer fits fails loudly.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import { z } from 'zod';
import type {
  NewStaffReport,
  StaffReportChange,
  StaffReportFilter,
  StaffReportRepos,
  StoredStaffReport,
} from '../app/staff-reports-port.js';
import { redFlagCode } from '../contracts/records.js';
import { StaffReportFile } from '../contracts/staff-reports.js';
import type { StaffReportStatus } from '../core/staff-reports.js';
import { toFlag, toInt } from './presenters.js';
import type { Database, StaffReportsTable } from './schema.js';

const Codes = z.array(redFlagCode);
const Ids = z.array(z.string());
const Files = z.array(StaffReportFile);

function present(row: Selectable<StaffReportsTable> & { client_name: string }): StoredStaffReport {
  return {
    id: row.id,
    client_id: row.client_id,
    client_name: row.client_name,
    reporter_id: row.reporter_id,
    reporter_name: row.reporter_name,
    what: row.what,
    happened_on: row.happened_on,
    codes: Codes.parse(JSON.parse(row.codes)),
    evidence_ids: Ids.parse(JSON.parse(row.evidence_ids)),
    files: Files.parse(JSON.parse(row.files)),
    status: row.status as StaffReportStatus,
    decided_by_id: row.decided_by_id,
    decided_by_name: row.decided_by_name,
    decided_at: row.decided_at,
    answer: row.answer,
    incident_id: row.incident_id,
    shared_with_members: toInt(row.shared_with_members) === 1,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** Staff reports over a Kysely instance or transaction. */
export class SqlStaffReportRepos implements StaffReportRepos {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  #select(workspaceId: string) {
    return this.#db
      .selectFrom('staff_reports as r')
      .innerJoin('clients as c', (j) => j.onRef('c.id', '=', 'r.client_id').onRef('c.workspace_id', '=', 'r.workspace_id'))
      .selectAll('r')
      .select('c.name as client_name')
      .where('r.workspace_id', '=', workspaceId);
  }

  async insertStaffReport(
    workspaceId: string,
    clientId: string,
    row: { id: string; now: string },
    report: NewStaffReport,
  ): Promise<StoredStaffReport> {
    await this.#db
      .insertInto('staff_reports')
      .values({
        id: row.id,
        workspace_id: workspaceId,
        client_id: clientId,
        reporter_id: report.reporter_id,
        reporter_name: report.reporter_name,
        what: report.what,
        happened_on: report.happened_on,
        codes: JSON.stringify(report.codes),
        evidence_ids: JSON.stringify(report.evidence_ids),
        files: '[]',
        status: 'open',
        decided_by_id: null,
        decided_by_name: null,
        decided_at: null,
        answer: null,
        incident_id: null,
        shared_with_members: 0,
        created_at: row.now,
        updated_at: row.now,
      })
      .execute();

    return (await this.getStaffReport(workspaceId, row.id)) as StoredStaffReport;
  }

  async getStaffReport(workspaceId: string, reportId: string): Promise<StoredStaffReport | undefined> {
    const row = await this.#select(workspaceId).where('r.id', '=', reportId).executeTakeFirst();

    return row && present(row);
  }

  async listStaffReports(workspaceId: string, filter: StaffReportFilter): Promise<StoredStaffReport[]> {
    let query = this.#select(workspaceId);
    if (filter.clientId !== undefined) query = query.where('r.client_id', '=', filter.clientId);
    if (filter.status !== undefined) query = query.where('r.status', '=', filter.status);
    const member = filter.visibleToMember;
    if (member !== undefined) query = query.where((eb) => eb.or([eb('r.reporter_id', '=', member), eb('r.shared_with_members', '=', 1)]));
    const rows = await query
      .orderBy(sql`case when ${sql.ref('r.status')} = 'open' then 0 else 1 end`)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id')
      .execute();

    return rows.map(present);
  }

  async updateStaffReport(
    workspaceId: string,
    reportId: string,
    change: StaffReportChange,
    now: string,
  ): Promise<StoredStaffReport | undefined> {
    const set: Partial<Omit<StaffReportsTable, 'id' | 'workspace_id'>> = { updated_at: now };
    if (change.status !== undefined) set.status = change.status;
    if (change.decided_by_id !== undefined) set.decided_by_id = change.decided_by_id;
    if (change.decided_by_name !== undefined) set.decided_by_name = change.decided_by_name;
    if (change.decided_at !== undefined) set.decided_at = change.decided_at;
    if (change.answer !== undefined) set.answer = change.answer;
    if (change.incident_id !== undefined) set.incident_id = change.incident_id;
    if (change.shared_with_members !== undefined) set.shared_with_members = toFlag(change.shared_with_members);
    if (change.files !== undefined) set.files = JSON.stringify(change.files);
    const result = await this.#db
      .updateTable('staff_reports')
      .set(set)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', reportId)
      .executeTakeFirst();
    if (toInt(result.numUpdatedRows) === 0) return undefined;

    return this.getStaffReport(workspaceId, reportId);
  }

  async listIncidentMembers(workspaceId: string, clientIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(clientIds.map((id) => [id, []]));
    if (clientIds.length === 0) return out;
    const rows = await this.#db
      .selectFrom('incidents')
      .select(['client_id', 'about_member'])
      .distinct()
      .where('workspace_id', '=', workspaceId)
      .where('client_id', 'in', [...clientIds])
      .where('about_member', 'is not', null)
      .execute();
    for (const r of rows) out.get(r.client_id)?.push(r.about_member as string);

    return out;
  }
}
