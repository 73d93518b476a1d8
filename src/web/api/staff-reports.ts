/** The typed client of the staff-report API (issue 7) and of the contract clause API (issue 8). */
import type { ClauseRequest, ClauseResponse } from '../../contracts/clauses.js';
import type { Incident } from '../../contracts/records.js';
import type { StaffReport, StaffReportList } from '../../contracts/staff-reports.js';
import type { RedFlagCode, Severity } from '../../core/vocabulary.js';
import { ApiError, request } from './client.js';

const enc = encodeURIComponent;
const ws = (w: string) => `/workspaces/${enc(w)}`;

export interface NewStaffReport {
  what: string;
  happened_on: string;
  codes: RedFlagCode[];
  evidence_ids: string[];
}

export const staffReportApi = {
  queue: (w: string, status?: 'open') => request<StaffReportList>('GET', `${ws(w)}/staff-reports${status ? `?status=${status}` : ''}`),
  forClient: (w: string, clientId: string) => request<StaffReportList>('GET', `${ws(w)}/clients/${enc(clientId)}/staff-reports`),
  file: (w: string, clientId: string, body: NewStaffReport) =>
    request<StaffReport>('POST', `${ws(w)}/clients/${enc(clientId)}/staff-reports`, body),
  upload: (w: string, reportId: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);

    return request<StaffReport>('POST', `${ws(w)}/staff-reports/${enc(reportId)}/evidence`, form);
  },
  confirm: (w: string, reportId: string, body: { code: RedFlagCode; severity: Severity; answer: string | null }) =>
    request<{ report: StaffReport; incident: Incident }>('POST', `${ws(w)}/staff-reports/${enc(reportId)}/confirm`, body),
  answer: (w: string, reportId: string, answer: string) =>
    request<StaffReport>('POST', `${ws(w)}/staff-reports/${enc(reportId)}/answer`, { answer }),
  share: (w: string, reportId: string, shared: boolean) =>
    request<StaffReport>('POST', `${ws(w)}/staff-reports/${enc(reportId)}/share`, { shared }),
};

/** Under the workspace key, so the client page's refresh after any write refetches them too. */
export const staffReportKeys = {
  queue: (w: string) => ['workspaces', w, 'staff-reports'] as const,
  client: (w: string, clientId: string) => ['workspaces', w, 'clients', 'detail', clientId, 'staff-reports'] as const,
};

export const clauseApi = {
  compose: (w: string, body: Partial<ClauseRequest>) => request<ClauseResponse>('POST', `${ws(w)}/clauses`, body),
  /** The .docx as a Blob (a POST cannot be a plain link). */
  docx: async (w: string, body: Partial<ClauseRequest>): Promise<Blob> => {
    const res = await fetch(`/api${ws(w)}/clauses/docx`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new ApiError({ status: res.status, ...((await res.json().catch(() => ({}))) as object) });

    return res.blob();
  },
};
