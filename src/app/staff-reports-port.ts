/**
 * The store's part for staff reports (issue 7, migration 0013). Like every port method, each takes
 * the workspace id and treats another workspace's row as absent. Reached as `repos.staffReports`.
 */
import type { StaffReportFile } from '../contracts/staff-reports.js';
import type { StaffReportStatus } from '../core/staff-reports.js';
import type { RedFlagCode } from '../core/vocabulary.js';

/** A report as the use cases read it (JSON columns parsed, the client's name joined). */
export interface StoredStaffReport {
  id: string;
  client_id: string;
  client_name: string;
  reporter_id: string;
  reporter_name: string;
  what: string;
  happened_on: string;
  codes: RedFlagCode[];
  evidence_ids: string[];
  files: StaffReportFile[];
  status: StaffReportStatus;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  answer: string | null;
  incident_id: string | null;
  shared_with_members: boolean;
  created_at: string;
  updated_at: string;
}

export type NewStaffReport = Pick<StoredStaffReport, 'reporter_id' | 'reporter_name' | 'what' | 'happened_on' | 'codes' | 'evidence_ids'>;

/** What a decision or a share changes. */
export type StaffReportChange = Partial<
  Pick<
    StoredStaffReport,
    'status' | 'decided_by_id' | 'decided_by_name' | 'decided_at' | 'answer' | 'incident_id' | 'shared_with_members' | 'files'
  >
>;

export interface StaffReportFilter {
  clientId?: string;
  status?: StaffReportStatus;
  /** Only reports this user filed, or shared with every member. */
  visibleToMember?: string;
}

export interface StaffReportRepos {
  insertStaffReport(
    workspaceId: string,
    clientId: string,
    row: { id: string; now: string },
    report: NewStaffReport,
  ): Promise<StoredStaffReport>;
  getStaffReport(workspaceId: string, reportId: string): Promise<StoredStaffReport | undefined>;
  /** Open reports first, then the rest; newest first within each. */
  listStaffReports(workspaceId: string, filter: StaffReportFilter): Promise<StoredStaffReport[]>;
  updateStaffReport(workspaceId: string, reportId: string, change: StaffReportChange, now: string): Promise<StoredStaffReport | undefined>;
  /** The team members named in incidents, per client, for the D5 hint (one query for many clients). */
  listIncidentMembers(workspaceId: string, clientIds: readonly string[]): Promise<Map<string, string[]>>;
}
