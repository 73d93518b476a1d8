/**
 * Staff reports (issue 7): what a member files, what a manager decides, and what the API returns.
 * Stored JSON (codes, evidence ids, files) is read back through these schemas.
 */
import { z } from 'zod';
import { LIMITS } from '../core/limits.js';
import { STAFF_REPORT_STATUSES } from '../core/staff-reports.js';
import { freeText, id, isoDate } from './common.js';
import { Incident, redFlagCode, severity } from './records.js';

const text = freeText(LIMITS.noteMax).refine((s) => s.trim().length > 0, { message: 'must not be empty' });

export const StaffReportInput = z.strictObject({
  what: text.describe('what happened, in the reporter’s words'),
  happened_on: isoDate.describe('when it happened'),
  codes: z
    .array(redFlagCode)
    .max(15)
    .default([])
    .refine((c) => new Set(c).size === c.length, { message: 'must not repeat a code' })
    .describe('the red flags it shows, if the reporter knows them'),
  evidence_ids: z
    .array(id)
    .max(50)
    .default([])
    .refine((c) => new Set(c).size === c.length, { message: 'must not repeat an id' })
    .describe("existing evidence entries of this client's incidents (uploads go to POST .../staff-reports/{id}/evidence)"),
});
export type StaffReportInput = z.infer<typeof StaffReportInput>;

export const ConfirmStaffReportInput = z.strictObject({
  code: redFlagCode.default('staff_report').describe('the incident’s red-flag code (default staff_report)'),
  severity: severity.default(2),
  answer: freeText(LIMITS.noteMax).nullable().default(null).describe('a word to the reporter, shown with the decision'),
});
export type ConfirmStaffReportInput = z.infer<typeof ConfirmStaffReportInput>;

export const AnswerStaffReportInput = z.strictObject({ answer: text });
export const ShareStaffReportInput = z.strictObject({ shared: z.boolean().default(true) });

export const StaffReportFile = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  file_name: z.string(),
  media_type: z.string(),
  size_bytes: z.number().int(),
});
export type StaffReportFile = z.infer<typeof StaffReportFile>;

export const StaffReport = z
  .object({
    id,
    client_id: id,
    client_name: z.string(),
    reporter_id: z.string(),
    reporter_name: z.string(),
    what: z.string(),
    happened_on: z.string(),
    codes: z.array(redFlagCode),
    evidence_ids: z.array(z.string()),
    files: z.array(StaffReportFile),
    status: z.enum(STAFF_REPORT_STATUSES),
    decided_by_id: z.string().nullable(),
    decided_by_name: z.string().nullable(),
    decided_at: z.string().nullable(),
    answer: z.string().nullable(),
    incident_id: z.string().nullable(),
    shared_with_members: z.boolean(),
    /** The reporter is the team member this client's incidents involve (D5: consider reassigning). */
    member_involved: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'StaffReport' });
export type StaffReport = z.infer<typeof StaffReport>;

export const StaffReportList = z.object({
  reports: z.array(StaffReport),
  /** D5: members who filed reports and whom the client's incidents involve; move the client to another manager first. */
  reassign_hint: z.object({ members: z.array(z.string()) }),
  /** Who is looking, so a face can show the managers' queue or "my reports". */
  viewer: z.object({
    user_id: z.string(),
    display_name: z.string(),
    role: z.enum(['owner', 'manager', 'member']),
    may_decide: z.boolean(),
  }),
});
export type StaffReportList = z.infer<typeof StaffReportList>;

export const StaffReportQuery = z.strictObject({ status: z.enum(STAFF_REPORT_STATUSES).optional() });

export const ConfirmedStaffReport = z.object({ report: StaffReport, incident: Incident });
