/**
 * Staff reports (issue 7, section 6 and D5): the statuses, who may do what, and the reassignment
 * hint. Pure: the use cases in app/staff-reports.ts load and store.
 */
import { nameKey } from './names.js';

export const STAFF_REPORT_STATUSES = ['open', 'confirmed', 'answered'] as const;
export type StaffReportStatus = (typeof STAFF_REPORT_STATUSES)[number];

export type StaffRole = 'owner' | 'manager' | 'member';

/** Managers and owners decide (section 6: "an owner or manager decides, warns, reassigns and ends"). */
export function mayDecide(role: StaffRole): boolean {
  return role === 'owner' || role === 'manager';
}

/** Members see their own reports and those a manager shared; deciders see all. */
export function maySee(
  viewer: { userId: string; role: StaffRole },
  report: { reporter_id: string; shared_with_members: boolean },
): boolean {
  return mayDecide(viewer.role) || report.reporter_id === viewer.userId || report.shared_with_members;
}

/**
 * D5: the reporters whom the client's incidents involve (names compared as the assessment compares
 * them: case and spacing ignored). When a member both reports a client and is the one its
 * incidents name, the conflict may be between the two of them: move the client to another manager
 * first. Distinct, in first-seen order of the reports.
 */
export function membersToReassign(reporterNames: readonly string[], incidentMembers: ReadonlyArray<string | null>): string[] {
  const involved = new Set(incidentMembers.filter((m): m is string => m !== null && m.trim() !== '').map(nameKey));
  const out = new Map<string, string>();
  for (const name of reporterNames) {
    const key = nameKey(name);
    if (involved.has(key) && !out.has(key)) out.set(key, name);
  }

  return [...out.values()];
}
