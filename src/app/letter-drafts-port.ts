/**
 * The store's part for letter drafts (issue 6): the draft row and its append-only versions. Like
 * every port method, each takes the workspace id and treats another workspace's row as absent.
 * Reached as `repos.letterDrafts` (ports.ts).
 */
import type { LetterKind } from '../core/letters/drafts-types.js';
import type { ToneCode } from '../core/letters/tone.js';
import type { Language } from '../core/vocabulary.js';

export interface StoredLetterDraft {
  id: string;
  client_id: string;
  kind: LetterKind;
  lang: Language;
  /** The generation options as saved (JSON parsed; the use case validates them). */
  options: unknown;
  latest_version: number;
  created_at: string;
  updated_at: string;
}

export type VersionOrigin = 'created' | 'edited' | 'restored';

export interface StoredLetterVersion {
  id: string;
  draft_id: string;
  number: number;
  subject: string;
  body: string;
  origin: VersionOrigin;
  restored_from: number | null;
  violations: ToneCode[];
  words: number;
  created_at: string;
}

export type NewLetterVersion = Omit<StoredLetterVersion, 'id' | 'draft_id' | 'created_at'>;

export interface LetterDraftRepos {
  insertLetterDraft(
    workspaceId: string,
    clientId: string,
    row: { id: string; now: string },
    fields: { kind: LetterKind; lang: Language; options: unknown },
  ): Promise<StoredLetterDraft>;
  getLetterDraft(workspaceId: string, draftId: string): Promise<StoredLetterDraft | undefined>;
  /** The client's drafts with their latest version, latest change first. */
  listLetterDrafts(workspaceId: string, clientId: string): Promise<Array<StoredLetterDraft & { latest: StoredLetterVersion }>>;
  /** Every version of a draft, oldest first. */
  listLetterVersions(workspaceId: string, draftId: string): Promise<StoredLetterVersion[]>;
  getLetterVersion(workspaceId: string, draftId: string, number: number): Promise<StoredLetterVersion | undefined>;
  /**
   * Adds a version and makes it the draft's latest. The number must be the draft's latest + 1
   * (the caller holds the client's lock); a number already taken fails with a unique violation.
   */
  appendLetterVersion(
    workspaceId: string,
    draftId: string,
    row: { id: string; now: string },
    version: NewLetterVersion,
  ): Promise<StoredLetterVersion>;
  /** Deletes the draft and all its versions. False when absent. */
  deleteLetterDraft(workspaceId: string, draftId: string): Promise<boolean>;
}
