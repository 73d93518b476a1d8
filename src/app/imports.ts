/**
 * Importing a mail archive or chat export into a client's record (issue 3). The messages stream
 * in from a `MessageSource` (the readers of src/ingest, wired by the CLI or the server) and are
 * written in batches: each batch is one transaction holding its new messages, their suggestions
 * and the import's counts, so the store never shows a message without its suggestions or counts
 * that disagree with what is stored. Re-importing adds nothing: each message has a dedupe key
 * (Message-ID, else a content hash) unique per client. A failure stops the import, keeps the
 * batches already committed (whole messages, a later re-import completes them) and records where
 * it stopped.
 */
import {
  IMPORT_FILE_FORMATS,
  type Import,
  type ImportCounts,
  type ImportFileFormat,
  type ImportProblemEntry,
} from '../contracts/imports.js';
import { DomainError, isDomainError } from '../core/errors.js';
import { LIMITS } from '../core/limits.js';
import { messageDedupeKey } from '../core/message-key.js';
import type { DetectLang, Finding } from '../detect/detect.js';
import { markImportedAfterClose } from './after-exit.js';
import { found, isId, requireClient } from './context.js';
import type { NewImportedMessage, NewSuggestion } from './imports-ports.js';
import type { Deps } from './ports.js';

/** One message as a reader yields it (the shape of src/ingest's ImportedMessage, plus where). */
export interface IncomingMessage {
  /** Where in the file, for problems: `#12`, `line 40`, `general/2024-12-31.json#3`. */
  position: string;
  messageId?: string | undefined;
  /** ISO-8601 with the sender's offset; empty when the source has no usable date. */
  sentAt: string;
  from: { name?: string | undefined; address?: string | undefined };
  subject?: string | undefined;
  text: string;
  attachments: readonly { file_name: string; media_type: string; size_bytes: number; sha256: string }[];
  langHint?: string | undefined;
  /** Red flags found on `text` by the reader (ingest runs the detector in a thread of its own); else detected here. */
  findings?: readonly Finding[] | undefined;
}

export interface IncomingProblem {
  position: string;
  severity: 'error' | 'warning';
  message: string;
}

/** A file opened by a reader. Problems with single messages go to `onProblem`; an unreadable file throws. */
export interface MessageSource {
  open(onProblem: (problem: IncomingProblem) => void): AsyncIterable<IncomingMessage>;
}

export interface StartImportOptions {
  workspaceId: string;
  clientId: string;
  fileName: string;
  format: ImportFileFormat;
}

export interface RunImportOptions {
  workspaceId: string;
  importId: string;
  source: MessageSource;
  /** Addresses or names that are the provider's own (their messages are stored as `provider` and not scanned). */
  providerAddresses?: readonly string[];
  /** Messages per transaction (default 2000; a batch is also written at least once a second). */
  batchSize?: number;
  /** Called after each committed batch with the import as stored. */
  onProgress?: (progress: Import) => void;
}

/** What the summary of an import adds to the stored record: every problem and suggestions by code. */
export interface ImportSummary {
  import: Import;
  /** Suggestions made, by red-flag code. */
  suggestionsByCode: Record<string, number>;
  /** Skipped messages, by reason. */
  skippedByReason: Record<string, number>;
  /** Problems beyond those kept on the record. */
  problemsNotKept: number;
}

/** Each commit waits for the disk (synchronous=FULL): fewer, larger ones cost less (bench/README.md). */
const DEFAULT_BATCH = 2000;
/** Problems kept on the import record; the rest are counted. */
export const MAX_PROBLEMS_KEPT = 200;
/** A batch is written at least this often, so the counts a UI polls move on slow sources too. */
const FLUSH_EVERY_MS = 1000;
const LANGS = new Set<string>(['en', 'ru', 'ro', 'lt']);

function channelOf(format: ImportFileFormat): NewImportedMessage['channel'] {
  if (format === 'mbox' || format === 'eml') return 'email';
  if (format === 'csv') return 'other';

  return 'chat';
}

function partyOf(from: IncomingMessage['from']): string | null {
  const name = from.name?.trim();
  const address = from.address?.trim();
  if (name && address && name !== address) return `${name} <${address}>`;

  return address || name || null;
}

/** The reason of a problem without its numbers, so "message of 31 MB" and "of 40 MB" group together. */
function reasonOf(message: string): string {
  return message.replace(/\d[\d.,]*/g, 'N').slice(0, 120);
}

function cleanText(text: string, max: number): { text: string; cut: boolean } {
  // PostgreSQL refuses NUL in text, and it means nothing to a reader.
  const clean = text.includes('\u0000') ? text.replace(/\u0000/g, '') : text;

  return clean.length > max ? { text: clean.slice(0, max), cut: true } : { text: clean, cut: false };
}

/** Creates the import record (status `running`) for a client of the workspace. */
export async function startImport(deps: Pick<Deps, 'store' | 'clock' | 'ids'>, options: StartImportOptions): Promise<Import> {
  if (!IMPORT_FILE_FORMATS.includes(options.format)) {
    throw new DomainError('VALIDATION_FAILED', `Invalid import: format: must be one of ${IMPORT_FILE_FORMATS.join(', ')}`, {
      issues: [{ path: 'format', message: `must be one of ${IMPORT_FILE_FORMATS.join(', ')}` }],
    });
  }
  const fileName = cleanText(options.fileName.replace(/[\u0000-\u001f\u007f]/g, ''), LIMITS.nameMax).text || 'import';

  return deps.store.transaction(async (tx) => {
    await requireClient(tx, options.workspaceId, options.clientId);

    return tx.imports.insertImport(options.workspaceId, {
      id: deps.ids.newId(),
      clientId: options.clientId,
      fileName,
      format: options.format,
      startedAt: deps.clock.now().toISOString(),
    });
  });
}

/**
 * Reads the source to its end (or its first fatal error), storing new messages and their
 * suggestions batch by batch. Never throws for a bad file: the import ends `failed` with the
 * error and where it stopped; throws only when the import record itself is missing.
 */
export async function runImport(deps: Pick<Deps, 'store' | 'clock' | 'ids'>, options: RunImportOptions): Promise<ImportSummary> {
  const { workspaceId, importId } = options;
  const record = await getImport(deps, workspaceId, importId);
  const clientId = record.clientId;
  const channel = channelOf(record.format);
  const provider = new Set((options.providerAddresses ?? []).map((a) => a.trim().toLowerCase()).filter(Boolean));
  const suppressed = await deps.store.imports.suppressedRules(workspaceId, clientId);
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);

  const counts: ImportCounts = { read: 0, stored: 0, duplicates: 0, skipped: 0, suggestions: 0 };
  const problems: ImportProblemEntry[] = [];
  let problemsNotKept = 0;
  const suggestionsByCode: Record<string, number> = {};
  const skippedByReason: Record<string, number> = {};
  let lastPosition = '';

  const addProblem = (position: string, message: string) => {
    if (problems.length < MAX_PROBLEMS_KEPT) problems.push({ position, message });
    else problemsNotKept++;
  };
  const skip = (position: string, reason: string) => {
    counts.skipped++;
    const key = reasonOf(reason);
    skippedByReason[key] = (skippedByReason[key] ?? 0) + 1;
    addProblem(position, reason);
  };

  // The batch being gathered: messages with the suggestions for each (kept only if it is new).
  let batch: { message: NewImportedMessage; suggestions: NewSuggestion[] }[] = [];
  let batchKeys = new Set<string>();
  let lastFlush = deps.clock.now().getTime();

  const flush = async () => {
    const now = deps.clock.now();
    lastFlush = now.getTime();
    const pending = batch;
    batch = [];
    batchKeys = new Set();
    const next = { ...counts };
    const byCode: Record<string, number> = {};
    const stored = await deps.store.transaction(async (tx) => {
      const inserted = await tx.imports.insertImportedMessages(
        workspaceId,
        clientId,
        importId,
        pending.map((p) => p.message),
        now.toISOString(),
      );
      // after-exit (issue 8): the relapse guard marks messages that arrive after the relationship ended.
      await markImportedAfterClose(
        tx,
        deps,
        workspaceId,
        clientId,
        pending.map((p) => p.message).filter((m) => inserted.has(m.id)),
      );
      const suggestions = pending.filter((p) => inserted.has(p.message.id)).flatMap((p) => p.suggestions);
      await tx.imports.insertSuggestions(workspaceId, clientId, importId, suggestions, now.toISOString());
      for (const s of suggestions) byCode[s.code] = (byCode[s.code] ?? 0) + 1;
      next.stored += inserted.size;
      next.duplicates += pending.length - inserted.size;
      next.suggestions += suggestions.length;
      // The counts move with the messages they count, in the same transaction.
      await tx.imports.updateImport(workspaceId, importId, { counts: next, problems });

      return inserted.size;
    });
    void stored;
    Object.assign(counts, next);
    for (const [code, n] of Object.entries(byCode)) suggestionsByCode[code] = (suggestionsByCode[code] ?? 0) + n;
    options.onProgress?.({ ...record, counts: { ...counts }, problems: [...problems] });
  };

  let failure: string | null = null;
  try {
    const messages = options.source.open((p) => {
      // Readers skip a message with an error, or with a warning that says so ("empty message: skipped").
      if (p.severity === 'error' || /\bskipped\b/i.test(p.message)) skip(p.position, p.message);
      else addProblem(p.position, p.message);
    });
    for await (const m of messages) {
      counts.read++;
      lastPosition = m.position;
      const prepared = await prepare(m);
      if (typeof prepared === 'string') {
        skip(m.position, prepared);
      } else if (batchKeys.has(prepared.message.dedupeKey)) {
        counts.duplicates++;
      } else {
        batchKeys.add(prepared.message.dedupeKey);
        batch.push(prepared);
      }
      if (batch.length >= batchSize || deps.clock.now().getTime() - lastFlush >= FLUSH_EVERY_MS) await flush();
    }
    await flush();
  } catch (error) {
    const reason = isDomainError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);
    failure = `${lastPosition ? `Stopped after ${lastPosition}` : 'Stopped before the first message'}: ${reason}`;
    // Whole messages read before the failure are kept (one more batch); a write failure keeps nothing more.
    if (batch.length > 0 && !isStoreFailure(error)) {
      try {
        await flush();
      } catch {
        batch = [];
      }
    }
  }

  const finishedAt = deps.clock.now().toISOString();
  const error = failure === null ? null : `${failure}. ${counts.stored} new messages were stored before it.`;
  await deps.store.transaction((tx) =>
    tx.imports.updateImport(workspaceId, importId, {
      counts,
      problems,
      status: failure === null ? 'done' : 'failed',
      error,
      finishedAt,
    }),
  );

  return { import: await getImport(deps, workspaceId, importId), suggestionsByCode, skippedByReason, problemsNotKept };

  async function prepare(m: IncomingMessage): Promise<{ message: NewImportedMessage; suggestions: NewSuggestion[] } | string> {
    if (m.sentAt === '' || Number.isNaN(Date.parse(m.sentAt))) return 'no date: skipped';
    const body = cleanText(m.text, LIMITS.messageTextMax);
    if (body.text.trim() === '' && m.attachments.length === 0) return 'no text: skipped';
    if (body.cut) addProblem(m.position, `text longer than ${LIMITS.messageTextMax} characters: the rest was cut`);
    const party = partyOf(m.from);
    const isProvider =
      provider.size > 0 && [m.from.address, m.from.name].some((v) => v !== undefined && provider.has(v.trim().toLowerCase()));
    const id = deps.ids.newId();
    const message: NewImportedMessage = {
      id,
      dedupeKey: messageDedupeKey({ messageId: m.messageId, sender: party ?? '', sentAt: m.sentAt, text: m.text }),
      sentAt: m.sentAt,
      sender: isProvider ? 'provider' : 'client',
      senderParty: party === null ? null : cleanText(party, LIMITS.nameMax).text,
      channel,
      subject: m.subject === undefined || m.subject === '' ? null : cleanText(m.subject, LIMITS.nameMax).text,
      text: body.text,
      attachments: m.attachments.map((a) => ({
        id: deps.ids.newId(),
        fileName: cleanText(a.file_name, LIMITS.nameMax).text || 'attachment',
        mediaType: a.media_type.slice(0, 255),
        sizeBytes: a.size_bytes,
        sha256: a.sha256,
      })),
    };
    // Only the client's words are red flags; the provider's own messages are kept as context.
    if (isProvider) return { message, suggestions: [] };
    // Found on the text as read: valid unless cleaning changed the text (a NUL removed, a cut).
    const findings = m.findings !== undefined && body.text === m.text ? m.findings : await detectIn(m, body.text);
    const suggestions = findings
      .filter((f) => !suppressed.has(f.rule) && f.end <= body.text.length)
      .map(
        (f): NewSuggestion => ({
          id: deps.ids.newId(),
          messageId: id,
          code: f.code,
          severity: f.severity,
          rule: f.rule,
          spans: (f.spans && f.spans.length > 0 ? f.spans : [f]).map((s) => ({ start: s.start, end: s.end })),
        }),
      );

    return { message, suggestions };
  }
}

/**
 * The detector, loaded on first use: its language model takes about 145 MB per thread, and file
 * imports bring their findings (src/ingest/detect-thread.ts), so this thread loads it only for a
 * source without them or a text that cleaning changed.
 */
let detector: Promise<typeof import('../detect/detect.js')> | undefined;

async function detectIn(m: IncomingMessage, text: string): Promise<readonly Finding[]> {
  detector ??= import('../detect/detect.js');
  const { detect } = await detector;
  const hint = m.langHint?.slice(0, 2).toLowerCase();
  const lang = hint !== undefined && LANGS.has(hint) ? (hint as DetectLang) : undefined;

  return detect({ text, ...(lang ? { lang } : {}), sentAt: m.sentAt }).findings;
}

/** Errors raised by the store rather than the reader (the batch that failed is not retried). */
function isStoreFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;

  return typeof code === 'string' && (code.startsWith('SQLITE_') || /^[0-9A-Z]{5}$/.test(code));
}

/** Creates the import and runs it to its end: for the CLI, which waits. */
export async function importMessages(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  options: StartImportOptions & Omit<RunImportOptions, 'importId'>,
): Promise<ImportSummary> {
  const record = await startImport(deps, options);

  return runImport(deps, { ...options, importId: record.id });
}

export async function getImport(deps: Pick<Deps, 'store'>, workspaceId: string, importId: string): Promise<Import> {
  return found(
    isId(importId) ? await deps.store.imports.getImport(workspaceId, importId) : undefined,
    'IMPORT_NOT_FOUND',
    'import',
    importId,
  );
}

/** A client's imports, newest first. */
export async function listImports(deps: Pick<Deps, 'store'>, workspaceId: string, clientId: string): Promise<Import[]> {
  await requireClient(deps.store, workspaceId, clientId);

  return deps.store.imports.listImports(workspaceId, clientId);
}

/**
 * Marks imports left `running` by a process that ended (a crash, a restart) as failed, so nobody
 * waits on them for ever. Called when the server starts.
 */
export async function failInterruptedImports(deps: Pick<Deps, 'store' | 'clock'>): Promise<number> {
  return deps.store.transaction((tx) =>
    tx.imports.failRunningImports(
      null,
      'The import was interrupted (RedCard stopped while it ran). Messages stored before are kept; import the file again to finish it.',
      deps.clock.now().toISOString(),
    ),
  );
}
