/**
 * What the audit use cases read from the store (issue 7). There are no write methods: the store
 * appends entries itself, in the transaction of every write it makes (src/store/audit.ts).
 */
import type { StoredAuditEntry } from '../core/audit-chain.js';

export interface AuditFilter {
  entity?: string;
  clientId?: string;
  /** ISO instants, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  /** Entries before this position (the next page of a newest-first listing). */
  beforeSeq?: number;
  limit: number;
}

export interface AuditReads {
  /** The workspace's entries matching `filter`, newest first. */
  listAudit(workspaceId: string, filter: AuditFilter): Promise<StoredAuditEntry[]>;
  /** Up to `limit` entries of the chain after position `afterSeq`, oldest first (for verify and export). */
  listAuditChain(workspaceId: string, afterSeq: number, limit: number): Promise<StoredAuditEntry[]>;
  /** The head recorded with the last append. */
  getAuditHead(workspaceId: string): Promise<{ seq: number; entry_hash: string } | undefined>;
}
