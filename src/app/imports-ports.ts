/**
 * The store port for imports, suggestions and suppressions (migration 0004), reached as
 * `repos.imports`. Like every repository method, each takes the workspace id and treats a row of
 * another workspace as absent. Its writes are meant to run inside `store.transaction()`.
 */
import type { Import, ImportCounts, ImportProblemEntry, Suggestion, SuggestionStatus, Suppression } from '../contracts/imports.js';

export interface NewImport {
  id: string;
  clientId: string;
  fileName: string;
  format: Import['format'];
  startedAt: string;
}

export interface ImportProgress {
  counts: ImportCounts;
  problems: ImportProblemEntry[];
  status?: Import['status'];
  error?: string | null;
  finishedAt?: string | null;
}

/** One imported message ready to store; `dedupeKey` is unique per client. */
export interface NewImportedMessage {
  id: string;
  dedupeKey: string;
  sentAt: string;
  sender: 'client' | 'provider';
  senderParty: string | null;
  channel: 'email' | 'chat' | 'other';
  subject: string | null;
  text: string;
  attachments: { id: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string }[];
}

export interface NewSuggestion {
  id: string;
  messageId: string;
  code: Suggestion['code'];
  severity: 1 | 2 | 3;
  rule: string;
  spans: { start: number; end: number }[];
}

export interface SuggestionDecision {
  status: Exclude<SuggestionStatus, 'open'>;
  incidentId: string | null;
  decidedAt: string;
  decidedBy: string;
  note: string;
}

export interface SuggestionFilter {
  clientId?: string;
  status: SuggestionStatus;
  limit: number;
}

export interface ImportRepos {
  insertImport(workspaceId: string, row: NewImport): Promise<Import>;
  /** Moves counts, problems and (when given) status, error and finish time. False when absent. */
  updateImport(workspaceId: string, importId: string, progress: ImportProgress): Promise<boolean>;
  getImport(workspaceId: string, importId: string): Promise<Import | undefined>;
  /** Newest first. */
  listImports(workspaceId: string, clientId: string): Promise<Import[]>;
  /**
   * Marks every import of the workspace still `running` as failed with `error` (the process that
   * ran them ended). Returns how many were marked.
   */
  failRunningImports(workspaceId: string | null, error: string, finishedAt: string): Promise<number>;

  /**
   * Inserts the messages whose dedupe key the client does not have yet (also within the batch),
   * with their attachments. Returns the ids of the messages actually inserted.
   */
  insertImportedMessages(
    workspaceId: string,
    clientId: string,
    importId: string | null,
    messages: readonly NewImportedMessage[],
    now: string,
  ): Promise<Set<string>>;
  insertSuggestions(
    workspaceId: string,
    clientId: string,
    importId: string | null,
    suggestions: readonly NewSuggestion[],
    now: string,
  ): Promise<void>;
  getSuggestion(workspaceId: string, suggestionId: string): Promise<Suggestion | undefined>;
  /** Newest message first, at most `limit`. */
  listSuggestions(workspaceId: string, filter: SuggestionFilter): Promise<Suggestion[]>;
  /** Decides an open suggestion; false when it is absent or no longer open (a concurrent decision). */
  decideSuggestion(workspaceId: string, suggestionId: string, decision: SuggestionDecision): Promise<boolean>;
  /** Dismisses the client's other open suggestions of `rule`; returns how many. */
  dismissOpenByRule(workspaceId: string, clientId: string, rule: string, decision: SuggestionDecision): Promise<number>;

  /** Adds a suppression, or returns the one the client already has for `rule`. */
  putSuppression(
    workspaceId: string,
    clientId: string,
    row: { id: string; rule: string; code: Suggestion['code']; note: string; createdAt: string },
  ): Promise<Suppression>;
  listSuppressions(workspaceId: string, clientId: string): Promise<Suppression[]>;
  /** The rule ids suppressed for the client. */
  suppressedRules(workspaceId: string, clientId: string): Promise<Set<string>>;
  deleteSuppression(workspaceId: string, suppressionId: string): Promise<boolean>;
}
