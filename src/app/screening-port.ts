/**
 * The store's part for reflections, lessons and prospects (issue 8). Like every port method, each
 * takes the workspace id and treats another workspace's row as absent; the one exception is
 * `findProspectByTokenHash`, the public form's way in, which knows no workspace until it finds one.
 * Reached as `repos.screening` (ports.ts).
 */
import type { ContractGap } from '../core/screening/reflection.js';
import type { Language, RedFlagCode } from '../core/vocabulary.js';

export interface StoredReflection {
  id: string;
  client_id: string;
  first_signs: string;
  first_signs_on: string | null;
  first_signs_code: RedFlagCode | null;
  contract_lacked: ContractGap[];
  contract_note: string;
  do_earlier: string;
  created_at: string;
  updated_at: string;
}

export type ReflectionFields = Omit<StoredReflection, 'id' | 'client_id' | 'created_at' | 'updated_at'>;

export interface StoredLesson {
  id: string;
  text: string;
  codes: RedFlagCode[];
  client_id: string | null;
  client_name: string | null;
  reflection_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface NewLesson {
  id: string;
  text: string;
  codes: RedFlagCode[];
  client_id: string | null;
  client_name: string | null;
  reflection_id: string | null;
  search_key: string;
}

export type ProspectStatus = 'screening' | 'accepted' | 'declined';

export interface StoredProspect {
  id: string;
  workspace_id: string;
  name: string;
  contact: string;
  language: Language;
  notes: string;
  first_messages: string;
  answers: Record<string, string>;
  answered_by: 'user' | 'prospect' | null;
  score: number | null;
  /** The computed result as JSON the app layer owns (band, reasons, signs). */
  result: unknown;
  status: ProspectStatus;
  client_id: string | null;
  token_hash: string | null;
  token_expires_at: string | null;
  token_used_at: string | null;
  created_at: string;
  updated_at: string;
}

export type ProspectFields = Omit<StoredProspect, 'id' | 'workspace_id' | 'created_at'>;

export interface ScreeningRepos {
  getReflection(workspaceId: string, clientId: string): Promise<StoredReflection | undefined>;
  /** Creates or replaces the client's reflection. */
  putReflection(
    workspaceId: string,
    clientId: string,
    row: { id: string; now: string },
    fields: ReflectionFields,
  ): Promise<StoredReflection>;

  /** Newest first; `q` is matched (already case-folded) against the lessons' search keys; `code` filters. */
  listLessons(
    workspaceId: string,
    query: { q?: string; code?: RedFlagCode; reflectionId?: string; limit: number },
  ): Promise<StoredLesson[]>;
  insertLessons(workspaceId: string, now: string, rows: readonly NewLesson[]): Promise<void>;
  deleteLessonsOfReflection(workspaceId: string, reflectionId: string): Promise<number>;
  deleteLesson(workspaceId: string, lessonId: string): Promise<boolean>;

  insertProspect(workspaceId: string, row: { id: string; now: string }, fields: ProspectFields): Promise<StoredProspect>;
  getProspect(workspaceId: string, prospectId: string): Promise<StoredProspect | undefined>;
  listProspects(workspaceId: string, limit: number): Promise<StoredProspect[]>;
  updateProspect(workspaceId: string, prospectId: string, fields: Partial<ProspectFields>): Promise<StoredProspect | undefined>;
  /** The prospect whose public form token hashes to `tokenHash`, in whichever workspace. */
  findProspectByTokenHash(tokenHash: string): Promise<StoredProspect | undefined>;
  /**
   * Records the prospect's own answers and marks the token used, only if it is still unused:
   * false when another submission got there first (the form is submitted once).
   */
  submitProspectForm(
    workspaceId: string,
    prospectId: string,
    fields: Partial<ProspectFields> & { token_used_at: string },
  ): Promise<boolean>;
}
