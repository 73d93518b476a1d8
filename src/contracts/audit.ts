/** The audit log over the API (issue 7): entries, the listing's filters, the export and the check. */
import { z } from 'zod';
import { AUDIT_ACTIONS } from '../core/audit-chain.js';
import { id, isoDate } from './common.js';

/** A table name as the log records it (clients, invoices, exit_plan_steps, ...). */
const entity = z.string().regex(/^[a-z][a-z_]{0,63}$/, { message: 'must be a table name such as clients or invoices' });

export const AuditQuery = z.strictObject({
  entity: entity.optional(),
  client_id: id.optional(),
  /** Calendar days in UTC, both included. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** The `next_before_seq` of the previous page. */
  before_seq: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditExportQuery = z.strictObject({
  format: z.enum(['jsonl', 'csv']).default('jsonl'),
});
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;

export const AuditEntry = z
  .object({
    seq: z.number().int(),
    id: z.string(),
    at: z.string(),
    actor_id: z.string(),
    actor_name: z.string(),
    action: z.enum(AUDIT_ACTIONS),
    entity: z.string(),
    entity_id: z.string(),
    client_id: z.string().nullable(),
    method: z.string(),
    /** The row(s) before the change, as recorded; null for a creation. */
    before: z.unknown(),
    /** The row(s) after the change, as recorded; null for a deletion. */
    after: z.unknown(),
    prev_hash: z.string(),
    entry_hash: z.string(),
  })
  .meta({ id: 'AuditEntry', description: 'One change: who, when, what, and the row before and after' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  /** Pass as `before_seq` for the next (older) page; null on the last page. */
  next_before_seq: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditProblem = z.object({
  kind: z.enum(['altered_entry', 'broken_link', 'missing_entry']),
  seq: z.number().int(),
  entry_id: z.string().nullable(),
  detail: z.string(),
});

export const AuditReport = z.object({
  workspace_id: z.string(),
  ok: z.boolean(),
  entries: z.number().int(),
  head_hash: z.string().nullable(),
  problems: z.array(AuditProblem),
});
export type AuditReport = z.infer<typeof AuditReport>;
