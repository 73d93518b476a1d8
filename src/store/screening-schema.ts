/** The tables of migration 0009 (reflection, lessons, prospects); merged into `Database` in schema.ts. */

/** One reflection per ended or closed client. `contract_lacked` is a JSON array of term keys. */
export interface ReflectionsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  first_signs: string;
  first_signs_on: string | null;
  first_signs_code: string | null;
  contract_lacked: string;
  contract_note: string;
  do_earlier: string;
  created_at: string;
  updated_at: string;
}

/** A lesson; `codes` is a JSON array of red-flag codes, `search_key` the case-folded text. */
export interface LessonsTable {
  id: string;
  workspace_id: string;
  client_id: string | null;
  client_name: string | null;
  reflection_id: string | null;
  text: string;
  codes: string;
  search_key: string;
  created_at: string;
  updated_at: string;
}

/** A prospect being screened; `answers` and `result` are JSON, the token is kept only as its SHA-256. */
export interface ProspectsTable {
  id: string;
  workspace_id: string;
  name: string;
  contact: string;
  language: string;
  notes: string;
  first_messages: string;
  answers: string;
  answered_by: string | null;
  score: number | null;
  result: string;
  status: string;
  client_id: string | null;
  token_hash: string | null;
  token_expires_at: string | null;
  token_used_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ScreeningTables {
  reflections: ReflectionsTable;
  lessons: LessonsTable;
  prospects: ProspectsTable;
}
