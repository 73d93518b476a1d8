/** The audit log (issue 7): a page of entries, the chain check, and the export links. Owners only. */
import { useQuery } from '@tanstack/react-query';
import type { AuditPage, AuditReport } from '../../contracts/audit.js';
import { isApiError, request } from './client.js';

export type { AuditEntry, AuditPage, AuditReport } from '../../contracts/audit.js';

export interface AuditFilters {
  entity?: string;
  clientId?: string;
  from?: string;
  to?: string;
}

export const auditKeys = {
  all: (ws: string) => ['audit', ws] as const,
  page: (ws: string, filters: AuditFilters) => ['audit', ws, 'page', filters] as const,
  verify: (ws: string) => ['audit', ws, 'verify'] as const,
  access: (ws: string) => ['audit', ws, 'access'] as const,
};

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();

  return text ? `?${text}` : '';
}

export const auditApi = {
  page: (ws: string, filters: AuditFilters, beforeSeq?: number) =>
    request<AuditPage>(
      'GET',
      `/workspaces/${ws}/audit${query({ entity: filters.entity, client_id: filters.clientId, from: filters.from, to: filters.to, before_seq: beforeSeq, limit: 50 })}`,
    ),
  verify: (ws: string) => request<AuditReport>('GET', `/workspaces/${ws}/audit/verify`),
  exportUrl: (ws: string, format: 'jsonl' | 'csv') => `/api/workspaces/${ws}/audit/export?format=${format}`,
};

/**
 * Whether the signed-in person may see the audit log (owners only), asked of the server itself
 * so the link appears exactly when the page would load. False while unknown.
 */
export function useAuditAccess(ws: string): boolean {
  const probe = useQuery({
    queryKey: auditKeys.access(ws),
    queryFn: async () => {
      try {
        await request<AuditPage>('GET', `/workspaces/${ws}/audit?limit=1`);

        return true;
      } catch (error) {
        if (isApiError(error) && error.status === 403) return false;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });

  return probe.data === true;
}
