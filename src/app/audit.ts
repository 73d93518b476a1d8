/**
 * The audit log's use cases (issue 7): list it, export it, verify its chain. Viewing and export
 * are for owners; verification reports only whether the chain holds (and where it breaks), which
 * the CLI and the consistency checks need.
 */
import type { AuditEntry, AuditExportQuery, AuditPage, AuditQuery, AuditReport } from '../contracts/audit.js';
import { type StoredAuditEntry, verifyAuditChain } from '../core/audit-chain.js';
import { DomainError } from '../core/errors.js';
import { auditCsvHeader, auditCsvRow, auditJsonLine } from '../exports/audit-export.js';
import { requireWorkspace } from './context.js';
import type { Deps } from './ports.js';
import type { Principal } from './principal.js';

/** Entries read per query while walking the whole chain. */
const CHAIN_PAGE = 500;

export interface AuditAccess {
  principal: Principal;
  workspaceId: string;
}

/** Only an owner sees the log: it holds every record's history, whoever may see the record now. */
export function requireOwner(principal: Principal): void {
  if (principal.role !== 'owner') {
    throw new DomainError('FORBIDDEN', 'Only an owner of the workspace can see its audit log.');
  }
}

function parsed(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

/** An entry as the API and the exports show it: before/after as JSON values. */
export function presentAuditEntry(entry: StoredAuditEntry): AuditEntry {
  return { ...entry, before: parsed(entry.before), after: parsed(entry.after) };
}

/** The day after `date` (YYYY-MM-DD), as the exclusive end of a day range. */
function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);

  return next.toISOString();
}

export async function listAuditLog(deps: Pick<Deps, 'store'>, access: AuditAccess, query: AuditQuery): Promise<AuditPage> {
  requireOwner(access.principal);
  await requireWorkspace(deps.store, access.workspaceId);
  const rows = await deps.store.audit.listAudit(access.workspaceId, {
    entity: query.entity,
    clientId: query.client_id,
    from: query.from && `${query.from}T00:00:00.000Z`,
    to: query.to && dayAfter(query.to),
    beforeSeq: query.before_seq,
    // One more than asked tells whether there is a next page.
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);

  return {
    entries: page.map(presentAuditEntry),
    next_before_seq: rows.length > query.limit ? (page.at(-1)?.seq ?? null) : null,
  };
}

/** The whole chain, oldest first, a page at a time (it can be long). */
async function* walkChain(deps: Pick<Deps, 'store'>, workspaceId: string): AsyncGenerator<StoredAuditEntry> {
  let after = 0;
  for (;;) {
    const page = await deps.store.audit.listAuditChain(workspaceId, after, CHAIN_PAGE);
    yield* page;
    if (page.length < CHAIN_PAGE) return;
    after = (page.at(-1) as StoredAuditEntry).seq;
  }
}

/** The workspace's log as JSON Lines or CSV, streamed line by line, oldest first. */
export async function exportAuditLog(
  deps: Pick<Deps, 'store'>,
  access: AuditAccess,
  query: AuditExportQuery,
): Promise<AsyncGenerator<string>> {
  requireOwner(access.principal);
  await requireWorkspace(deps.store, access.workspaceId);

  return (async function* lines() {
    if (query.format === 'csv') yield auditCsvHeader();
    for await (const entry of walkChain(deps, access.workspaceId)) {
      const shown = presentAuditEntry(entry);
      yield query.format === 'csv' ? auditCsvRow(shown) : auditJsonLine(shown);
    }
  })();
}

/** Re-hashes the whole chain and compares it with the recorded head; problems in chain order. */
export async function verifyAuditLog(deps: Pick<Deps, 'store'>, workspaceId: string): Promise<AuditReport> {
  await requireWorkspace(deps.store, workspaceId);
  const entries: StoredAuditEntry[] = [];
  for await (const entry of walkChain(deps, workspaceId)) entries.push(entry);
  const problems = verifyAuditChain(workspaceId, entries, await deps.store.audit.getAuditHead(workspaceId));

  return {
    workspace_id: workspaceId,
    ok: problems.length === 0,
    entries: entries.length,
    head_hash: entries.at(-1)?.entry_hash ?? null,
    problems,
  };
}
