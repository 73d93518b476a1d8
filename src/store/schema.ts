/**
 * The stored rows as Kysely sees them. Column types are the portable subset both SQLite and
 * PostgreSQL agree on: ids, dates and instants as text, money as bigint minor units (parsed to a
 * JS number on both drivers), booleans as 0/1 integers, hours as integer minutes.
 * These shapes never leave the store: presenters.ts maps them to the contract records.
 */

import type { Generated } from 'kysely';
import type { ScreeningTables } from './screening-schema.js';

/** SQLite has no boolean type, so flags are 0/1 on both dialects. */
export type Flag = 0 | 1;

export interface WorkspacesTable {
  id: string;
  name: string;
  provider_name: string | null;
  provider_kind: string;
  currency: string;
  jurisdiction: string | null;
  timezone: string;
  language: string;
  revenue_last_12m_minor: number | null;
  is_demo: Flag;
  created_at: string;
  updated_at: string;
}

export interface ClientsTable {
  id: string;
  workspace_id: string;
  name: string;
  /** Case-folded name (core/names.ts nameKey): unique per workspace and the search key. */
  name_key: string;
  kind: string;
  size: string;
  language: string;
  since: string | null;
  manager: string | null;
  email: string | null;
  notes: string;
  status: string;
  /** Bumped with every write that can change the client's assessment (migration 0005). */
  revision: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ContractsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  signed: string | null;
  ends: string | null;
  provider_may_terminate: Flag | null;
  notice_amount: number | null;
  notice_unit: string | null;
  penalty_minor: number | null;
  penalty_description: string | null;
  refund_clause: Flag;
  created_at: string;
  updated_at: string;
}

export interface EngagementsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  name: string;
  kind: string;
  price_minor: number;
  prepaid_minor: number;
  /** Creation order within the client (ids are random, instants can tie). */
  ord: number;
  created_at: string;
  updated_at: string;
}

export interface DeliverablesTable {
  id: string;
  workspace_id: string;
  engagement_id: string;
  position: number;
  name: string;
  due: string | null;
  done: Flag;
  percent_done: number;
}

export interface InvoicesTable {
  id: string;
  workspace_id: string;
  client_id: string;
  number: string;
  issued: string;
  due: string;
  amount_minor: number;
  currency: string;
  created_at: string;
  updated_at: string;
}

export interface PaymentsTable {
  id: string;
  workspace_id: string;
  invoice_id: string;
  date: string;
  amount_minor: number;
  created_at: string;
}

export interface TimeEntriesTable {
  id: string;
  workspace_id: string;
  client_id: string;
  /** YYYY-MM */
  month: string;
  minutes: number;
  created_at: string;
  updated_at: string;
}

export interface IncidentsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  date: string;
  code: string;
  severity: number;
  source: string;
  about_member: string | null;
  note: string;
  message_id: string | null;
  ord: number;
  created_at: string;
  updated_at: string;
}

export interface CardsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  date: string;
  color: string;
  note: string;
  ord: number;
  created_at: string;
  updated_at: string;
}

export interface MessagesTable {
  id: string;
  workspace_id: string;
  client_id: string;
  /** As given, with its original offset. */
  sent_at: string;
  /** The same instant normalised to UTC, so text order is time order. */
  sent_at_utc: string;
  sender: string;
  channel: string;
  subject: string | null;
  text: string;
  ord: number;
  created_at: string;
  updated_at: string;
  /** Migration 0004: Message-ID or content hash of an imported message, unique per client. */
  dedupe_key: Generated<string | null>;
  /** Migration 0004: the sender as the source named them. */
  sender_party: Generated<string | null>;
  /** Migration 0004: the import that stored it. */
  import_id: Generated<string | null>;
}

export interface EvidenceTable {
  id: string;
  workspace_id: string;
  incident_id: string;
  seq: number;
  file_sha256: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  note: string;
  recorded_at: string;
  prev_hash: string;
  entry_hash: string;
}

/** The append-only escalation log (migration 0002); `payload` is JSON, see contracts/events.ts. */
export interface ClientEventsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  seq: number;
  type: string;
  payload: string;
  actor: string;
  at: string;
  date: string;
  note: string;
}

/** The whole schema, for `Kysely<Database>`. */
/** The recorded head of a workspace's evidence chain (migration 0003). */
export interface EvidenceHeadsTable {
  workspace_id: string;
  seq: number;
  entry_hash: string;
  updated_at: string;
}

/** The saved exit plan, one per client (migration 0006). `inputs` and `plan` are JSON text. */
export interface ExitPlansTable {
  id: string;
  workspace_id: string;
  client_id: string;
  path: string;
  recommended_path: string | null;
  path_reason: string | null;
  tell_on: string | null;
  planned_on: string;
  referral_mode: string;
  referral_checked: Flag;
  referral_note: string;
  inputs: string;
  plan: string;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

/** A step of a saved exit plan, keyed by the plan's stable step id (migration 0006). */
export interface ExitPlanStepsTable {
  id: string;
  workspace_id: string;
  plan_id: string;
  key: string;
  ord: number;
  title: string;
  due: string | null;
  owner: string;
  rule: string;
  adjusted: Flag;
  done_at: string | null;
  done_by: string | null;
  done_note: string | null;
  created_at: string;
  updated_at: string;
}

/** A line of the handover inventory (migration 0006); never a secret. */
export interface ExitHandoverItemsTable {
  id: string;
  workspace_id: string;
  plan_id: string;
  ord: number;
  kind: string;
  label: string;
  state: string;
  note: string;
  created_at: string;
  updated_at: string;
}

/** Migration 0004: one run of `redcard import` or POST .../imports. */
export interface ImportsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  file_name: string;
  format: string;
  status: string;
  read_count: number;
  stored_count: number;
  duplicate_count: number;
  skipped_count: number;
  suggestion_count: number;
  /** JSON array of { position, message }. */
  problems: string;
  error: string | null;
  started_at: string;
  finished_at: string | null;
}

/** Migration 0004: an attachment of an imported message (an evidence candidate; bytes not kept). */
export interface MessageAttachmentsTable {
  id: string;
  workspace_id: string;
  message_id: string;
  position: number;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
}

/** Migration 0004: a red flag the detector suggests on a stored message. */
export interface SuggestionsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  message_id: string;
  import_id: string | null;
  code: string;
  severity: number;
  rule: string;
  /** JSON array of { start, end }. */
  spans: string;
  status: string;
  incident_id: string | null;
  decided_at: string | null;
  decided_by: string | null;
  note: string;
  created_at: string;
}

/** Migration 0004: a rule no longer suggested for one client. */
export interface SuppressionsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  rule: string;
  code: string;
  note: string;
  created_at: string;
}

/** Counts the writes that can change a workspace's dashboard (migration 0005). */
export interface DashboardRevisionsTable {
  workspace_id: string;
  revision: number;
}

/** One client's dashboard summary as of one day (migration 0005); `payload` is JSON. */
export interface ScoreCacheTable {
  workspace_id: string;
  client_id: string;
  as_of: string;
  revision: number;
  basis: string;
  payload: string;
  computed_at: string;
}

/** One change in the audit log (migration 0011); before/after are JSON text. */
export interface AuditLogTable {
  id: string;
  workspace_id: string;
  seq: number;
  at: string;
  actor_id: string;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  client_id: string | null;
  method: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  entry_hash: string;
}

/** The head of a workspace's audit chain, moved with every append (migration 0011). */
export interface AuditHeadsTable {
  workspace_id: string;
  seq: number;
  entry_hash: string;
  updated_at: string;
}

export interface Database {
  workspaces: WorkspacesTable;
  clients: ClientsTable;
  contracts: ContractsTable;
  engagements: EngagementsTable;
  deliverables: DeliverablesTable;
  invoices: InvoicesTable;
  payments: PaymentsTable;
  time_entries: TimeEntriesTable;
  incidents: IncidentsTable;
  cards: CardsTable;
  messages: MessagesTable;
  evidence: EvidenceTable;
  evidence_heads: EvidenceHeadsTable;
  client_events: ClientEventsTable;
  exit_plans: ExitPlansTable;
  exit_plan_steps: ExitPlanStepsTable;
  exit_handover_items: ExitHandoverItemsTable;
  imports: ImportsTable;
  message_attachments: MessageAttachmentsTable;
  suggestions: SuggestionsTable;
  suppressions: SuppressionsTable;
  dashboard_revisions: DashboardRevisionsTable;
  score_cache: ScoreCacheTable;
  // letter drafts (migration 0007)
  letter_drafts: LetterDraftsTable;
  letter_draft_versions: LetterDraftVersionsTable;
  // clause-reports
  staff_reports: StaffReportsTable;
}

// clause-reports
/** A staff report (migration 0013). `codes`, `evidence_ids` and `files` are JSON text. */
export interface StaffReportsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  reporter_id: string;
  reporter_name: string;
  what: string;
  happened_on: string;
  codes: string;
  evidence_ids: string;
  files: string;
  status: string;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  answer: string | null;
  incident_id: string | null;
  shared_with_members: Flag;
  created_at: string;
  updated_at: string;
}

/** A letter draft of a client (migration 0007); `options` is JSON. */
export interface LetterDraftsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  kind: string;
  lang: string;
  options: string;
  latest_version: number;
  created_at: string;
  updated_at: string;
}

/** One saved version of a letter draft, never updated (migration 0007); `violations` is a JSON array of tone codes. */
export interface LetterDraftVersionsTable {
  id: string;
  workspace_id: string;
  draft_id: string;
  number: number;
  subject: string;
  body: string;
  origin: string;
  restored_from: number | null;
  violations: string;
  words: number;
  created_at: string;
}

// Reflection, lessons and prospects (migration 0009): the tables live in screening-schema.ts.
export interface Database extends ScreeningTables {}
// ---------------------------------------------------------------- after the exit (issue 8, migration 0008)

/** A message or incident that arrived after the relationship ended (A1); exactly one item id is set. */
export interface AfterCloseMarksTable {
  id: string;
  workspace_id: string;
  client_id: string;
  message_id: string | null;
  incident_id: string | null;
  item_date: string;
  status: string;
  ended_on: string | null;
  marked_at: string;
}

/** The day to reconsider an ended relationship (A2), at most one per client. */
export interface ClientReviewsTable {
  client_id: string;
  workspace_id: string;
  review_on: string;
  note: string;
  set_on: string;
  set_by: string;
  updated_at: string;
}

// Declaration merging adds the tables to `Database` without editing its block above.
export interface Database {
  after_close_marks: AfterCloseMarksTable;
  client_reviews: ClientReviewsTable;
  audit_log: AuditLogTable;
  audit_heads: AuditHeadsTable;
}
