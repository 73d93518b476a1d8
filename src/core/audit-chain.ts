/**
 * The audit log is a hash chain per workspace, like the evidence log (evidence-chain.ts): each
 * entry's hash covers the previous entry's hash and the entry itself (who, when, what, and the
 * row before and after), so changing, removing or reordering an entry is detectable, and the
 * head recorded with every append shows entries cut from the end.
 *
 * `before` and `after` are hashed as the JSON text that is stored, not re-serialised, so the
 * check does not depend on how a JSON library orders keys today.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { GENESIS_HASH, type RecordedHead } from './evidence-chain.js';

export { GENESIS_HASH };

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The fields an audit entry hash covers. */
export interface AuditFields {
  id: string;
  workspace_id: string;
  /** ISO-8601 UTC instant of the change. */
  at: string;
  actor_id: string;
  actor_name: string;
  action: AuditAction;
  /** The table changed (clients, invoices, ...). */
  entity: string;
  entity_id: string;
  /** The client the change belongs to, when there is one (for filtering). */
  client_id: string | null;
  /** The store method that made the change. */
  method: string;
  /** JSON text of the row(s) before the change; null for a creation. */
  before: string | null;
  /** JSON text of the row(s) after the change; null for a deletion. */
  after: string | null;
  prev_hash: string;
}

export interface StoredAuditEntry extends Omit<AuditFields, 'workspace_id'> {
  seq: number;
  entry_hash: string;
}

export type AuditProblemKind = 'altered_entry' | 'broken_link' | 'missing_entry';

export interface AuditProblem {
  kind: AuditProblemKind;
  seq: number;
  entry_id: string | null;
  detail: string;
}

/** Hash of one entry: SHA-256 over a versioned, fixed-order JSON array of its fields. */
export function auditEntryHash(fields: AuditFields): string {
  const canonical = JSON.stringify([
    'redcard.audit/1',
    fields.prev_hash,
    fields.id,
    fields.workspace_id,
    fields.at,
    fields.actor_id,
    fields.actor_name,
    fields.action,
    fields.entity,
    fields.entity_id,
    fields.client_id,
    fields.method,
    fields.before,
    fields.after,
  ]);

  return bytesToHex(sha256(utf8ToBytes(canonical)));
}

/**
 * Checks a workspace's audit chain as stored (any order; sorted by seq here) against its hashes,
 * its links and the head recorded at the last append. Problems come in seq order, so the first
 * one names the first broken entry.
 */
export function verifyAuditChain(workspaceId: string, stored: readonly StoredAuditEntry[], head?: RecordedHead): AuditProblem[] {
  const entries = [...stored].sort((a, b) => a.seq - b.seq);
  const problems: AuditProblem[] = [];
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  for (const entry of entries) {
    if (entry.seq > expectedSeq) {
      problems.push({
        kind: 'missing_entry',
        seq: expectedSeq,
        entry_id: null,
        detail:
          entry.seq === expectedSeq + 1
            ? `entry ${expectedSeq} is missing from the audit log`
            : `entries ${expectedSeq}..${entry.seq - 1} are missing from the audit log`,
      });
    } else if (entry.prev_hash !== previousHash) {
      problems.push({
        kind: 'broken_link',
        seq: entry.seq,
        entry_id: entry.id,
        detail: `entry ${entry.seq} (${entry.action} ${entry.entity} ${entry.entity_id}) does not link to the entry before it`,
      });
    }
    if (auditEntryHash({ ...entry, workspace_id: workspaceId }) !== entry.entry_hash) {
      problems.push({
        kind: 'altered_entry',
        seq: entry.seq,
        entry_id: entry.id,
        detail: `entry ${entry.seq} (${entry.action} ${entry.entity} ${entry.entity_id}) was changed after it was recorded: its content no longer matches its hash`,
      });
    }
    previousHash = entry.entry_hash;
    expectedSeq = entry.seq + 1;
  }
  if (head) {
    const last = entries.at(-1);
    const lastSeq = last?.seq ?? 0;
    if (lastSeq < head.seq) {
      problems.push({
        kind: 'missing_entry',
        seq: lastSeq + 1,
        entry_id: null,
        detail:
          head.seq === lastSeq + 1
            ? `entry ${head.seq}, the last one recorded, is missing from the audit log`
            : `entries ${lastSeq + 1}..${head.seq}, the last ones recorded, are missing from the audit log`,
      });
    } else if (lastSeq > head.seq) {
      problems.push({
        kind: 'broken_link',
        seq: head.seq + 1,
        entry_id: null,
        detail: `entries after ${head.seq} were added to the audit log outside RedCard`,
      });
    } else if (last && last.entry_hash !== head.entry_hash) {
      problems.push({
        kind: 'altered_entry',
        seq: last.seq,
        entry_id: last.id,
        detail: `entry ${last.seq} is not the entry recorded as the head of the audit log: it was replaced`,
      });
    }
  }

  return problems;
}
