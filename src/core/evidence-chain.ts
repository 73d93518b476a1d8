/**
 * The evidence log is a hash chain (X11: keep evidence that holds up later). Each entry's hash
 * covers the previous entry's hash, the file's SHA-256, the incident, the time and the entry's
 * own description, so changing, removing or reordering any entry is detectable.
 *
 * The position (`seq`) is deliberately NOT hashed: the order is defined by the links, so a swap
 * of two entries' positions is reported as a reordering rather than as two altered entries.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry hash covers. */
export interface ChainedFields {
  id: string;
  workspace_id: string;
  incident_id: string;
  file_sha256: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  note: string;
  recorded_at: string;
  prev_hash: string;
}

export interface StoredEntry extends Omit<ChainedFields, 'workspace_id'> {
  seq: number;
  entry_hash: string;
}

/** The position and hash of the last entry, as recorded when it was appended. */
export interface RecordedHead {
  seq: number;
  entry_hash: string;
}

export type ChainProblemKind = 'altered_entry' | 'broken_link' | 'missing_entry' | 'reordered' | 'missing_file' | 'altered_file';

export interface ChainProblem {
  kind: ChainProblemKind;
  seq: number;
  evidence_id: string | null;
  detail: string;
}

/** Hash of one entry: SHA-256 over a versioned, fixed-order JSON array of its fields. */
export function entryHash(fields: ChainedFields): string {
  const canonical = JSON.stringify([
    'redcard.evidence/1',
    fields.prev_hash,
    fields.id,
    fields.workspace_id,
    fields.incident_id,
    fields.file_sha256,
    fields.file_name,
    fields.media_type,
    fields.size_bytes,
    fields.note,
    fields.recorded_at,
  ]);

  return bytesToHex(sha256(utf8ToBytes(canonical)));
}

/** The next entry's position and link, given the current last entry (undefined for an empty chain). */
export function nextLink(last: { seq: number; entry_hash: string } | undefined): { seq: number; prev_hash: string } {
  return last === undefined ? { seq: 1, prev_hash: GENESIS_HASH } : { seq: last.seq + 1, prev_hash: last.entry_hash };
}

/**
 * Checks a workspace's chain as stored (any order; it is sorted by seq here) and the state of
 * each entry's file. `fileState` maps a file hash to the hash of the bytes found now, or
 * undefined when the file is missing; hashes absent from the map are not checked. `head` is the
 * head recorded at the last append, when there is one.
 */
export function verifyChain(
  workspaceId: string,
  stored: readonly StoredEntry[],
  fileState: ReadonlyMap<string, string | undefined> = new Map(),
  head?: RecordedHead,
): ChainProblem[] {
  const entries = [...stored].sort((a, b) => a.seq - b.seq);
  const problems: ChainProblem[] = [];
  const seqOfHash = new Map(entries.map((e) => [e.entry_hash, e.seq]));

  let expectedSeq = 1;
  let previous: StoredEntry | undefined;
  for (const entry of entries) {
    // A gap in the positions: entries were removed.
    if (entry.seq > expectedSeq) {
      const missing = entry.seq - expectedSeq;
      problems.push({
        kind: 'missing_entry',
        seq: expectedSeq,
        evidence_id: null,
        detail:
          missing === 1
            ? `entry ${expectedSeq} is missing from the log`
            : `entries ${expectedSeq}..${entry.seq - 1} are missing from the log`,
      });
    }

    const recomputed = entryHash({ ...entry, workspace_id: workspaceId });
    if (recomputed !== entry.entry_hash) {
      problems.push({
        kind: 'altered_entry',
        seq: entry.seq,
        evidence_id: entry.id,
        detail: `entry ${entry.seq} (${entry.file_name}) was changed after it was recorded: its content no longer matches its hash`,
      });
    }

    const expectedPrev = previous === undefined ? (entry.seq === 1 ? GENESIS_HASH : undefined) : previous.entry_hash;
    const gapBefore = previous === undefined ? entry.seq > 1 : entry.seq > previous.seq + 1;
    if (!gapBefore && expectedPrev !== undefined && entry.prev_hash !== expectedPrev) {
      const realPredecessor = entry.prev_hash === GENESIS_HASH ? 0 : seqOfHash.get(entry.prev_hash);
      if (realPredecessor !== undefined) {
        problems.push({
          kind: 'reordered',
          seq: entry.seq,
          evidence_id: entry.id,
          detail:
            realPredecessor === 0
              ? `entry ${entry.seq} (${entry.file_name}) was recorded first but is stored at position ${entry.seq}`
              : `entry ${entry.seq} (${entry.file_name}) was recorded after entry ${realPredecessor}, not after entry ${entry.seq - 1}`,
        });
      } else {
        problems.push({
          kind: 'broken_link',
          seq: entry.seq,
          evidence_id: entry.id,
          detail: `entry ${entry.seq} (${entry.file_name}) does not link to the entry before it: an entry was removed or replaced`,
        });
      }
    }

    if (fileState.has(entry.file_sha256)) {
      const now = fileState.get(entry.file_sha256);
      if (now === undefined) {
        problems.push({
          kind: 'missing_file',
          seq: entry.seq,
          evidence_id: entry.id,
          detail: `the file of entry ${entry.seq} (${entry.file_name}, sha256 ${entry.file_sha256}) is missing`,
        });
      } else if (now !== entry.file_sha256) {
        problems.push({
          kind: 'altered_file',
          seq: entry.seq,
          evidence_id: entry.id,
          detail: `the file of entry ${entry.seq} (${entry.file_name}) was altered: its bytes now hash to ${now}`,
        });
      }
    }

    previous = entry;
    expectedSeq = entry.seq + 1;
  }

  if (head) problems.push(...checkHead(previous, head));

  return problems;
}

/**
 * Compares the chain's last entry with the head recorded at the last append: a chain cut short
 * at the end is still internally valid, so only this comparison shows it.
 */
function checkHead(last: StoredEntry | undefined, head: RecordedHead): ChainProblem[] {
  const lastSeq = last?.seq ?? 0;
  if (lastSeq < head.seq) {
    return [
      {
        kind: 'missing_entry',
        seq: lastSeq + 1,
        evidence_id: null,
        detail:
          head.seq === lastSeq + 1
            ? `entry ${head.seq}, the last one recorded, is missing from the log`
            : `entries ${lastSeq + 1}..${head.seq}, the last ones recorded, are missing from the log`,
      },
    ];
  }
  if (lastSeq > head.seq) {
    return [
      {
        kind: 'broken_link',
        seq: head.seq + 1,
        evidence_id: null,
        detail: `entries after ${head.seq} were added to the log outside RedCard: the recorded head is entry ${head.seq}`,
      },
    ];
  }
  if (last && last.entry_hash !== head.entry_hash) {
    return [
      {
        kind: 'altered_entry',
        seq: last.seq,
        evidence_id: last.id,
        detail: `entry ${last.seq} (${last.file_name}) is not the entry recorded as the head of the log: it was replaced`,
      },
    ];
  }

  return [];
}
