/**
 * Staff reports (issue 7; DOMAIN section 6, D5): a member files a report about a client; managers
 * and owners see the queue and confirm a report as an incident (with the report's evidence, and
 * the reporter as the member it involves, so the D5 reassignment rule sees it), answer it, or share
 * it with every member. Each use case takes the acting Principal and enforces the role rules here,
 * so they hold whichever face calls them. A member asking for a report they may not see gets
 * STAFF_REPORT_NOT_FOUND (its existence is not disclosed); a member trying to decide gets FORBIDDEN.
 */
import { parseOrThrow } from '../contracts/issues.js';
import type { EvidenceEntry, Incident } from '../contracts/records.js';
import {
  AnswerStaffReportInput,
  ConfirmStaffReportInput,
  ShareStaffReportInput,
  type StaffReport,
  type StaffReportFile,
  StaffReportInput,
  type StaffReportList,
  StaffReportQuery,
} from '../contracts/staff-reports.js';
import { DomainError } from '../core/errors.js';
import { LIMITS } from '../core/limits.js';
import { mayDecide, maySee, membersToReassign } from '../core/staff-reports.js';
import { isId, newRow, requireClient, requireWorkspace } from './context.js';
import { appendEvidenceEntry, cleanFileName, cleanMediaType, withChainRetry } from './evidence.js';
import type { Deps, Repos } from './ports.js';
import type { Principal } from './principal.js';
import type { StoredStaffReport } from './staff-reports-port.js';

/** Files one report may carry (uploads); links to existing evidence are capped by the schema. */
const FILES_MAX = 20;

function forbidden(what: string): DomainError {
  return new DomainError('FORBIDDEN', `Only a manager or the owner can ${what}.`);
}

function requireDecider(principal: Principal, what: string): void {
  if (!mayDecide(principal.role)) throw forbidden(what);
}

async function requireReport(repos: Repos, workspaceId: string, reportId: string, principal: Principal): Promise<StoredStaffReport> {
  const report = isId(reportId) ? await repos.staffReports.getStaffReport(workspaceId, reportId) : undefined;
  if (!report || !maySee(principal, report))
    throw new DomainError('STAFF_REPORT_NOT_FOUND', `No staff report with id ${reportId} in this workspace.`);

  return report;
}

function requireOpen(report: StoredStaffReport): void {
  if (report.status !== 'open') {
    throw new DomainError(
      'STAFF_REPORT_ALREADY_DECIDED',
      `This report was already ${report.status} by ${report.decided_by_name ?? 'a manager'}.`,
      {
        details: { report_status: report.status },
      },
    );
  }
}

/**
 * Adds the D5 flag to each report: its reporter is the member the client's incidents involve. Only
 * an agency has another manager to move the client to (DOMAIN section 7, rule 4), so a
 * freelancer's workspace never shows it.
 */
async function present(repos: Repos, workspaceId: string, reports: StoredStaffReport[]): Promise<StaffReport[]> {
  const agency = (await repos.getWorkspace(workspaceId))?.provider_kind === 'agency';
  const members = agency
    ? await repos.staffReports.listIncidentMembers(workspaceId, [...new Set(reports.map((r) => r.client_id))])
    : new Map<string, string[]>();

  return reports.map((r) => ({ ...r, member_involved: membersToReassign([r.reporter_name], members.get(r.client_id) ?? []).length > 0 }));
}

/** Any role files a report about a client of the workspace; linked evidence must be this client's. */
export async function fileStaffReport(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  principal: Principal,
  workspaceId: string,
  clientId: string,
  raw: unknown,
): Promise<StaffReport> {
  const input = parseOrThrow(StaffReportInput, raw, 'VALIDATION_FAILED', 'staff report');

  return deps.store.transaction(async (tx) => {
    await requireClient(tx, workspaceId, clientId);
    for (const [i, evidenceId] of input.evidence_ids.entries())
      await requireClientEvidence(tx, workspaceId, clientId, evidenceId, `evidence_ids[${i}]`);
    const report = await tx.staffReports.insertStaffReport(workspaceId, clientId, newRow(deps), {
      reporter_id: principal.userId,
      reporter_name: principal.displayName,
      what: input.what,
      happened_on: input.happened_on,
      codes: input.codes,
      evidence_ids: input.evidence_ids,
    });

    return (await present(tx, workspaceId, [report]))[0] as StaffReport;
  });
}

async function requireClientEvidence(
  tx: Repos,
  workspaceId: string,
  clientId: string,
  evidenceId: string,
  path: string,
): Promise<EvidenceEntry> {
  const entry = await tx.getEvidence(workspaceId, evidenceId);
  const incident = entry && (await tx.getIncident(workspaceId, entry.incident_id));
  if (!entry || !incident || incident.client_id !== clientId) {
    throw new DomainError('EVIDENCE_NOT_FOUND', `No evidence with id ${evidenceId} for this client.`, {
      issues: [{ path, message: 'does not name evidence of this client' }],
    });
  }

  return entry;
}

/**
 * The queue: deciders see every report (open first), members their own and the shared ones.
 * With `clientId`, one client's reports and the D5 hint for it.
 */
export async function listStaffReports(
  deps: Pick<Deps, 'store'>,
  principal: Principal,
  workspaceId: string,
  options: { clientId?: string; query?: unknown } = {},
): Promise<StaffReportList> {
  const query = parseOrThrow(StaffReportQuery, options.query ?? {}, 'VALIDATION_FAILED', 'query');
  await requireWorkspace(deps.store, workspaceId);
  if (options.clientId !== undefined) await requireClient(deps.store, workspaceId, options.clientId);
  const rows = await deps.store.staffReports.listStaffReports(workspaceId, {
    ...(options.clientId !== undefined ? { clientId: options.clientId } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(mayDecide(principal.role) ? {} : { visibleToMember: principal.userId }),
  });
  const reports = await present(deps.store, workspaceId, rows);
  const involved = new Map<string, string>();
  for (const r of reports) if (r.member_involved) involved.set(r.reporter_name.toLowerCase(), r.reporter_name);

  return {
    reports,
    reassign_hint: { members: [...involved.values()] },
    viewer: { user_id: principal.userId, display_name: principal.displayName, role: principal.role, may_decide: mayDecide(principal.role) },
  };
}

export async function getStaffReport(
  deps: Pick<Deps, 'store'>,
  principal: Principal,
  workspaceId: string,
  reportId: string,
): Promise<StaffReport> {
  const report = await requireReport(deps.store, workspaceId, reportId, principal);

  return (await present(deps.store, workspaceId, [report]))[0] as StaffReport;
}

/**
 * A manager or the owner confirms the report as an incident of the client: dated when it happened,
 * the chosen code (staff_report by default), the reporter as the member involved (D5), the report's
 * text as its note, and the report's evidence appended to the chain under the new incident.
 */
export async function confirmStaffReport(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  principal: Principal,
  workspaceId: string,
  reportId: string,
  raw: unknown,
): Promise<{ report: StaffReport; incident: Incident }> {
  requireDecider(principal, 'confirm a staff report as an incident');
  const input = parseOrThrow(ConfirmStaffReportInput, raw, 'VALIDATION_FAILED', 'confirmation');
  const incidentRow = newRow(deps);

  return withChainRetry(() =>
    deps.store.transaction(async (tx) => {
      await tx.lockEvidenceChain(workspaceId);
      const report = await requireReport(tx, workspaceId, reportId, principal);
      requireOpen(report);
      await tx.insertIncident(workspaceId, report.client_id, incidentRow, {
        date: report.happened_on,
        code: input.code,
        severity: input.severity,
        source: 'staff_report',
        about_member: report.reporter_name,
        note: report.what,
        message_id: null,
      });
      const note = `Staff report by ${report.reporter_name}`;
      for (const evidenceId of report.evidence_ids) {
        const entry = await tx.getEvidence(workspaceId, evidenceId);
        // Linked entries were checked when the report was filed; the chain is append-only, so they are still there.
        if (!entry) continue;
        await appendEvidenceEntry(tx, deps, {
          id: deps.ids.newId(),
          workspaceId,
          incidentId: incidentRow.id,
          fileName: entry.file_name,
          mediaType: entry.media_type,
          note,
          file: { sha256: entry.file_sha256, size: entry.size_bytes },
        });
      }
      for (const file of report.files) {
        await appendEvidenceEntry(tx, deps, {
          id: deps.ids.newId(),
          workspaceId,
          incidentId: incidentRow.id,
          fileName: file.file_name,
          mediaType: file.media_type,
          note,
          file: { sha256: file.sha256, size: file.size_bytes },
        });
      }
      const updated = await tx.staffReports.updateStaffReport(
        workspaceId,
        reportId,
        {
          status: 'confirmed',
          incident_id: incidentRow.id,
          decided_by_id: principal.userId,
          decided_by_name: principal.displayName,
          decided_at: incidentRow.now,
          answer: input.answer === null || input.answer.trim() === '' ? null : input.answer,
        },
        incidentRow.now,
      );
      const incident = (await tx.getIncident(workspaceId, incidentRow.id)) as Incident;

      return { report: (await present(tx, workspaceId, [updated as StoredStaffReport]))[0] as StaffReport, incident };
    }),
  );
}

/** A manager or the owner answers the report instead of confirming it; the reporter sees the answer. */
export async function answerStaffReport(
  deps: Pick<Deps, 'store' | 'clock'>,
  principal: Principal,
  workspaceId: string,
  reportId: string,
  raw: unknown,
): Promise<StaffReport> {
  requireDecider(principal, 'answer a staff report');
  const input = parseOrThrow(AnswerStaffReportInput, raw, 'VALIDATION_FAILED', 'answer');

  return deps.store.transaction(async (tx) => {
    const report = await requireReport(tx, workspaceId, reportId, principal);
    requireOpen(report);
    const now = deps.clock.now().toISOString();
    const updated = await tx.staffReports.updateStaffReport(
      workspaceId,
      reportId,
      {
        status: 'answered',
        answer: input.answer,
        decided_by_id: principal.userId,
        decided_by_name: principal.displayName,
        decided_at: now,
      },
      now,
    );

    return (await present(tx, workspaceId, [updated as StoredStaffReport]))[0] as StaffReport;
  });
}

/** A manager or the owner shows a report (and its decision) to every member, or stops showing it. */
export async function shareStaffReport(
  deps: Pick<Deps, 'store' | 'clock'>,
  principal: Principal,
  workspaceId: string,
  reportId: string,
  raw: unknown,
): Promise<StaffReport> {
  requireDecider(principal, 'share a staff report');
  const input = parseOrThrow(ShareStaffReportInput, raw ?? {}, 'VALIDATION_FAILED', 'share');

  return deps.store.transaction(async (tx) => {
    await requireReport(tx, workspaceId, reportId, principal);
    const now = deps.clock.now().toISOString();
    const updated = await tx.staffReports.updateStaffReport(workspaceId, reportId, { shared_with_members: input.shared }, now);

    return (await present(tx, workspaceId, [updated as StoredStaffReport]))[0] as StaffReport;
  });
}

export interface AddStaffReportFileOptions {
  workspaceId: string;
  reportId: string;
  fileName: string;
  mediaType?: string;
  content: AsyncIterable<Uint8Array>;
  maxBytes?: number;
}

/**
 * Attaches a file to an open report: the reporter or a decider. The bytes are stored
 * content-addressed now; the chain entry is written when the report is confirmed, under the
 * incident it becomes (the chain records incidents' evidence).
 */
export async function addStaffReportFile(
  deps: Pick<Deps, 'store' | 'clock' | 'files'>,
  principal: Principal,
  options: AddStaffReportFileOptions,
): Promise<StaffReport> {
  const before = await requireReport(deps.store, options.workspaceId, options.reportId, principal);
  if (before.reporter_id !== principal.userId && !mayDecide(principal.role)) throw forbidden("add evidence to another member's report");
  requireOpen(before);
  if (before.files.length >= FILES_MAX) {
    throw new DomainError('VALIDATION_FAILED', `A report carries at most ${FILES_MAX} files.`, {
      issues: [{ path: 'file', message: `at most ${FILES_MAX} files` }],
    });
  }
  const stored = await deps.files.putStream(options.content, options.maxBytes ?? LIMITS.evidenceFileMaxBytes);
  if (stored.size === 0)
    throw new DomainError('VALIDATION_FAILED', 'Invalid evidence: file: the file is empty', {
      issues: [{ path: 'file', message: 'is empty' }],
    });
  const file: StaffReportFile = {
    sha256: stored.sha256,
    file_name: cleanFileName(options.fileName),
    media_type: cleanMediaType(options.mediaType),
    size_bytes: stored.size,
  };

  return deps.store.transaction(async (tx) => {
    const report = await requireReport(tx, options.workspaceId, options.reportId, principal);
    requireOpen(report);
    const now = deps.clock.now().toISOString();
    const updated = await tx.staffReports.updateStaffReport(options.workspaceId, options.reportId, { files: [...report.files, file] }, now);

    return (await present(tx, options.workspaceId, [updated as StoredStaffReport]))[0] as StaffReport;
  });
}
