/**
 * Evidence (X11): files attached to incidents, stored content-addressed, each entry appended to
 * the workspace's hash chain. The file is made durable before its entry is written, so an
 * acknowledged entry always has its bytes.
 */
import type { ChainReport, EvidenceEntry } from '../contracts/records.js';
import { DomainError } from '../core/errors.js';
import { entryHash, nextLink, verifyChain } from '../core/evidence-chain.js';
import { LIMITS } from '../core/limits.js';
import { found, isId, requireWorkspace } from './context.js';
import { requireIncident } from './incidents.js';
import type { Deps, Repos } from './ports.js';
import { isUniqueViolation } from './unique.js';

export interface AddEvidenceOptions {
  workspaceId: string;
  incidentId: string;
  fileName: string;
  mediaType?: string;
  note?: string;
  /** The file's bytes, streamed. */
  content: AsyncIterable<Uint8Array>;
  maxBytes?: number;
}

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;
const APPEND_ATTEMPTS = 5;

/** A file name safe to store and show: no path, no control characters, bounded length. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, LIMITS.nameMax);

  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'evidence' : cleaned;
}

export function cleanMediaType(raw: string | undefined): string {
  const type = (raw ?? '').split(';')[0]!.trim().toLowerCase();

  return MEDIA_TYPE.test(type) ? type : 'application/octet-stream';
}

export async function addEvidence(
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'files'>,
  options: AddEvidenceOptions,
): Promise<EvidenceEntry> {
  const note = options.note ?? '';
  if (note.length > LIMITS.noteMax) {
    throw new DomainError('VALIDATION_FAILED', `Invalid evidence: note: must be at most ${LIMITS.noteMax} characters`, {
      issues: [{ path: 'note', message: `must be at most ${LIMITS.noteMax} characters` }],
    });
  }
  // Check the incident first so a wrong id costs no upload.
  await requireIncident(deps.store, options.workspaceId, options.incidentId);
  const file = await deps.files.putStream(options.content, options.maxBytes ?? LIMITS.evidenceFileMaxBytes);
  if (file.size === 0) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid evidence: file: the file is empty', {
      issues: [{ path: 'file', message: 'is empty' }],
    });
  }

  const id = deps.ids.newId();

  return withChainRetry(() =>
    deps.store.transaction(async (tx) => {
      await tx.lockEvidenceChain(options.workspaceId);
      await requireIncident(tx, options.workspaceId, options.incidentId);

      return appendEvidenceEntry(tx, deps, { ...options, id, file, note });
    }),
  );
}

/** What one chain entry records about a file already stored by `Files`. */
export interface EvidenceEntryFields {
  id: string;
  workspaceId: string;
  incidentId: string;
  fileName: string;
  mediaType?: string | undefined;
  note: string;
  file: { sha256: string; size: number };
}

/**
 * Appends one entry to the workspace's chain inside the caller's transaction, which must have
 * called `lockEvidenceChain` first and checked the incident. For use cases that create the
 * incident and its evidence together (confirming a suggestion); wrap the transaction in
 * `withChainRetry`.
 */
export async function appendEvidenceEntry(tx: Repos, deps: Pick<Deps, 'clock'>, entry: EvidenceEntryFields): Promise<EvidenceEntry> {
  const link = nextLink(await tx.lastEvidence(entry.workspaceId));
  const fields = {
    id: entry.id,
    workspace_id: entry.workspaceId,
    incident_id: entry.incidentId,
    file_sha256: entry.file.sha256,
    file_name: cleanFileName(entry.fileName),
    media_type: cleanMediaType(entry.mediaType),
    size_bytes: entry.file.size,
    note: entry.note,
    recorded_at: deps.clock.now().toISOString(),
    prev_hash: link.prev_hash,
  };

  return tx.insertEvidence(entry.workspaceId, { ...fields, seq: link.seq, entry_hash: entryHash(fields) });
}

/** Runs a transaction that appends to the chain, again when a concurrent append took its position. */
export async function withChainRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      // Another writer took this position in the chain; link to the new last entry and retry.
      if (isUniqueViolation(error) && attempt < APPEND_ATTEMPTS) continue;
      if (isUniqueViolation(error)) throw new DomainError('STORE_BUSY', 'The evidence log is busy; try again.', { cause: error });
      throw error;
    }
  }
}

/** Walks the workspace's whole chain and re-hashes every file; reports each problem precisely. */
export async function verifyEvidence(deps: Pick<Deps, 'store' | 'files'>, workspaceId: string): Promise<ChainReport> {
  await requireWorkspace(deps.store, workspaceId);
  const chain = await deps.store.listEvidenceChain(workspaceId);
  const fileState = new Map<string, string | undefined>();
  for (const entry of chain) {
    if (!fileState.has(entry.file_sha256)) fileState.set(entry.file_sha256, await deps.files.rehash(entry.file_sha256));
  }
  const problems = verifyChain(workspaceId, chain, fileState, await deps.store.getEvidenceHead(workspaceId));
  const last = chain.reduce<EvidenceEntry | undefined>((a, e) => (a === undefined || e.seq > a.seq ? e : a), undefined);

  return { workspace_id: workspaceId, ok: problems.length === 0, entries: chain.length, problems, head_hash: last?.entry_hash ?? null };
}

/**
 * An evidence entry and where its bytes are, for download. The caller checks the file is there
 * as it opens it: re-hashing a large recording on every download would read it all before the
 * first byte is sent (`verifyEvidence` is where files are re-hashed).
 */
export async function getEvidenceFile(
  deps: Pick<Deps, 'store' | 'files'>,
  workspaceId: string,
  evidenceId: string,
): Promise<{ entry: EvidenceEntry; path: string }> {
  const entry = found(
    isId(evidenceId) ? await deps.store.getEvidence(workspaceId, evidenceId) : undefined,
    'EVIDENCE_NOT_FOUND',
    'evidence',
    evidenceId,
  );

  return { entry, path: deps.files.pathOf(entry.file_sha256) };
}
