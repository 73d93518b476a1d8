/**
 * The client record as the API, the CLI and the web UI see it (snake_case, like the case file).
 * `*Input` schemas validate what comes in; the others describe what goes out, so the server
 * serialises against them and never leaks a stored row.
 */
import { z } from 'zod';
import { LIMITS } from '../core/limits.js';
import {
  CARD_COLORS,
  CLIENT_KINDS,
  CLIENT_SIZES,
  CLIENT_STATUSES,
  ENGAGEMENT_KINDS,
  INCIDENT_SOURCES,
  LANGUAGES,
  MESSAGE_CHANNELS,
  MESSAGE_SENDERS,
  NOTICE_UNITS,
  PROVIDER_KINDS,
  RED_FLAG_CODES,
} from '../core/vocabulary.js';
import {
  countryCode,
  currency,
  freeText,
  id,
  isoDate,
  isoInstant,
  moneyMinor,
  name,
  note,
  patchOf,
  positiveMoneyMinor,
  timeZone,
} from './common.js';

export const language = z.enum(LANGUAGES);
export const redFlagCode = z.enum(RED_FLAG_CODES);
export const severity = z.union([z.literal(1), z.literal(2), z.literal(3)]);

// ---------------------------------------------------------------- workspace

export const WorkspaceInput = z.strictObject({
  name,
  provider_name: name.nullable().default(null),
  provider_kind: z.enum(PROVIDER_KINDS).default('freelancer'),
  currency: currency.default('EUR'),
  jurisdiction: countryCode.nullable().default(null),
  timezone: timeZone.default('UTC'),
  language: language.default('en'),
  revenue_last_12m_minor: moneyMinor.nullable().default(null),
});
export type WorkspaceInput = z.infer<typeof WorkspaceInput>;
export const WorkspacePatch = patchOf(WorkspaceInput);
export type WorkspacePatch = z.infer<typeof WorkspacePatch>;

export const Workspace = z.object({
  id,
  name: z.string(),
  provider_name: z.string().nullable(),
  provider_kind: z.enum(PROVIDER_KINDS),
  currency: z.string(),
  jurisdiction: z.string().nullable(),
  timezone: z.string(),
  language,
  revenue_last_12m_minor: z.number().int().nullable(),
  is_demo: z.boolean(),
  created_at: z.string(),
});
export type Workspace = z.infer<typeof Workspace>;

// ---------------------------------------------------------------- client

export const ClientInput = z.strictObject({
  name,
  kind: z.enum(CLIENT_KINDS).default('business'),
  size: z.enum(CLIENT_SIZES).default('small'),
  language: language.default('en'),
  since: isoDate.nullable().default(null),
  manager: name.nullable().default(null),
  email: z.email({ message: 'must be an email address' }).max(LIMITS.nameMax).nullable().default(null),
  notes: note.default(''),
  /** Read-only here: a new client starts active, and the status moves only through the escalation steps (409 ESCALATION_STEP_REQUIRED). */
  status: z
    .enum(CLIENT_STATUSES)
    .default('active')
    .describe(
      'Only "active" on creation, or the current status on a change; other values answer 409 ESCALATION_STEP_REQUIRED (use the escalation steps)',
    ),
});
export type ClientInput = z.infer<typeof ClientInput>;
/**
 * A change to a client: only the fields sent. Not `ClientInput.partial()`: zod still applies a
 * field's default under `.partial()`, so a patch of the name alone would reset the kind, the
 * notes... and the status to their defaults.
 */
export const ClientPatch = z.strictObject({
  name: name.optional(),
  kind: z.enum(CLIENT_KINDS).optional(),
  size: z.enum(CLIENT_SIZES).optional(),
  language: language.optional(),
  since: isoDate.nullable().optional(),
  manager: name.nullable().optional(),
  email: z.email({ message: 'must be an email address' }).max(LIMITS.nameMax).nullable().optional(),
  notes: note.optional(),
  status: z
    .enum(CLIENT_STATUSES)
    .optional()
    .describe('Only the current status (no change); another value answers 409 ESCALATION_STEP_REQUIRED (use the escalation steps)'),
});
export type ClientPatch = z.infer<typeof ClientPatch>;

export const Client = z.object({
  id,
  workspace_id: id,
  name: z.string(),
  kind: z.enum(CLIENT_KINDS),
  size: z.enum(CLIENT_SIZES),
  language,
  since: z.string().nullable(),
  manager: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string(),
  status: z.enum(CLIENT_STATUSES),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Client = z.infer<typeof Client>;

/** A row of the client list: the client plus counts the list shows. */
export const ClientSummary = Client.extend({
  open_incidents: z.number().int(),
  serious_incidents: z.number().int(),
  last_incident_on: z.string().nullable(),
  cards_yellow: z.number().int(),
  cards_red: z.number().int(),
  owed_minor: z.number().int(),
});
export type ClientSummary = z.infer<typeof ClientSummary>;

export const ClientListQuery = z.strictObject({
  q: freeText(LIMITS.searchMax).optional(),
  status: z.enum(CLIENT_STATUSES).optional(),
});
export type ClientListQuery = z.infer<typeof ClientListQuery>;

// ---------------------------------------------------------------- contract

export const Notice = z.strictObject({
  amount: z.number().int().min(1, { message: 'must be at least 1' }).max(3650, { message: 'must be at most 3650' }),
  unit: z.enum(NOTICE_UNITS),
});
export const Penalty = z.strictObject({
  amount_minor: moneyMinor,
  description: note.default(''),
});

export const ContractInput = z.strictObject({
  signed: isoDate.nullable().default(null),
  ends: isoDate.nullable().default(null),
  provider_may_terminate: z.boolean().nullable().default(null),
  notice: Notice.nullable().default(null),
  penalty: Penalty.nullable().default(null),
  refund_clause: z.boolean().default(false),
});
export type ContractInput = z.infer<typeof ContractInput>;

export const Contract = z.object({
  signed: z.string().nullable(),
  ends: z.string().nullable(),
  provider_may_terminate: z.boolean().nullable(),
  notice: z.object({ amount: z.number().int(), unit: z.enum(NOTICE_UNITS) }).nullable(),
  penalty: z.object({ amount_minor: z.number().int(), description: z.string() }).nullable(),
  refund_clause: z.boolean(),
});
export type Contract = z.infer<typeof Contract>;

// ---------------------------------------------------------------- engagement

export const DeliverableInput = z.strictObject({
  name,
  due: isoDate.nullable().default(null),
  done: z.boolean().default(false),
  percent_done: z.number().int().min(0).max(100).default(0),
});
export type DeliverableInput = z.infer<typeof DeliverableInput>;

export const EngagementInput = z.strictObject({
  name,
  kind: z.enum(ENGAGEMENT_KINDS).default('one_off'),
  price_minor: moneyMinor.default(0),
  prepaid_minor: moneyMinor.default(0),
  deliverables: z.array(DeliverableInput).max(LIMITS.listMax).default([]),
});
export type EngagementInput = z.infer<typeof EngagementInput>;
export const EngagementPatch = patchOf(EngagementInput);
export type EngagementPatch = z.infer<typeof EngagementPatch>;

export const Deliverable = z.object({
  id,
  name: z.string(),
  due: z.string().nullable(),
  done: z.boolean(),
  percent_done: z.number().int(),
});
export const Engagement = z.object({
  id,
  client_id: id,
  name: z.string(),
  kind: z.enum(ENGAGEMENT_KINDS),
  price_minor: z.number().int(),
  prepaid_minor: z.number().int(),
  deliverables: z.array(Deliverable),
});
export type Engagement = z.infer<typeof Engagement>;

// ---------------------------------------------------------------- invoices and payments

export const PaymentInput = z.strictObject({
  date: isoDate,
  amount_minor: positiveMoneyMinor,
});
export type PaymentInput = z.infer<typeof PaymentInput>;

export const InvoiceInput = z
  .strictObject({
    number: name,
    issued: isoDate,
    due: isoDate,
    amount_minor: positiveMoneyMinor,
    currency: currency.optional(),
    payments: z.array(PaymentInput).max(LIMITS.listMax).default([]),
  })
  .superRefine((inv, ctx) => {
    if (inv.due < inv.issued) ctx.addIssue({ code: 'custom', path: ['due'], message: 'must not be before the issue date' });
    const paid = inv.payments.reduce((sum, p) => sum + p.amount_minor, 0);
    if (paid > inv.amount_minor) {
      ctx.addIssue({ code: 'custom', path: ['payments'], message: `add up to ${paid}, more than the invoice amount ${inv.amount_minor}` });
    }
  });
export type InvoiceInput = z.infer<typeof InvoiceInput>;

export const InvoicePatch = z.strictObject({
  number: name.optional(),
  issued: isoDate.optional(),
  due: isoDate.optional(),
  amount_minor: positiveMoneyMinor.optional(),
});
export type InvoicePatch = z.infer<typeof InvoicePatch>;

export const Payment = z.object({ id, date: z.string(), amount_minor: z.number().int() });
export type Payment = z.infer<typeof Payment>;

export const Invoice = z.object({
  id,
  client_id: id,
  number: z.string(),
  issued: z.string(),
  due: z.string(),
  amount_minor: z.number().int(),
  currency: z.string(),
  payments: z.array(Payment),
  paid_minor: z.number().int(),
  outstanding_minor: z.number().int(),
});
export type Invoice = z.infer<typeof Invoice>;

// ---------------------------------------------------------------- time spent

export const TimeInput = z.strictObject({
  hours: z
    .number()
    .min(0)
    .max(LIMITS.hoursPerMonthMax, { message: `must be at most ${LIMITS.hoursPerMonthMax} hours in a month` }),
});
export const TimeEntry = z.object({ month: z.string(), hours: z.number() });
export type TimeEntry = z.infer<typeof TimeEntry>;

// ---------------------------------------------------------------- evidence

export const EvidenceEntry = z.object({
  id,
  incident_id: id,
  seq: z.number().int(),
  file_sha256: z.string(),
  file_name: z.string(),
  media_type: z.string(),
  size_bytes: z.number().int(),
  note: z.string(),
  recorded_at: z.string(),
  prev_hash: z.string(),
  entry_hash: z.string(),
});
export type EvidenceEntry = z.infer<typeof EvidenceEntry>;

// ---------------------------------------------------------------- incidents

export const IncidentInput = z.strictObject({
  date: isoDate,
  code: redFlagCode,
  severity: severity.default(2),
  source: z.enum(INCIDENT_SOURCES).default('manual'),
  about_member: name.nullable().default(null),
  note: note.default(''),
  message_id: id.nullable().default(null),
});
export type IncidentInput = z.infer<typeof IncidentInput>;
export const IncidentPatch = z.strictObject({
  date: isoDate.optional(),
  code: redFlagCode.optional(),
  severity: severity.optional(),
  source: z.enum(INCIDENT_SOURCES).optional(),
  about_member: name.nullable().optional(),
  note: note.optional(),
});
export type IncidentPatch = z.infer<typeof IncidentPatch>;

export const Incident = z.object({
  id,
  client_id: id,
  date: z.string(),
  code: redFlagCode,
  severity,
  source: z.enum(INCIDENT_SOURCES),
  about_member: z.string().nullable(),
  note: z.string(),
  message_id: z.string().nullable(),
  evidence: z.array(EvidenceEntry),
  created_at: z.string(),
  /** Logged after the relationship ended (contact after close, A1; issue 8). */
  after_close: z.boolean().optional(),
});
export type Incident = z.infer<typeof Incident>;

// ---------------------------------------------------------------- cards

export const CardInput = z.strictObject({
  date: isoDate,
  color: z.enum(CARD_COLORS),
  note: note.default(''),
});
export type CardInput = z.infer<typeof CardInput>;
export const CardPatch = patchOf(CardInput);
export type CardPatch = z.infer<typeof CardPatch>;

export const Card = z.object({ id, client_id: id, date: z.string(), color: z.enum(CARD_COLORS), note: z.string() });
export type Card = z.infer<typeof Card>;

// ---------------------------------------------------------------- messages

export const MessageInput = z.strictObject({
  sent_at: isoInstant,
  from: z.enum(MESSAGE_SENDERS).default('client'),
  channel: z.enum(MESSAGE_CHANNELS).default('email'),
  subject: freeText(LIMITS.nameMax).nullable().default(null),
  text: freeText(LIMITS.messageTextMax).refine((s) => s.length > 0, { message: 'must not be empty' }),
});
export type MessageInput = z.infer<typeof MessageInput>;
export const MessagePatch = z.strictObject({
  sent_at: isoInstant.optional(),
  from: z.enum(MESSAGE_SENDERS).optional(),
  channel: z.enum(MESSAGE_CHANNELS).optional(),
  subject: freeText(LIMITS.nameMax).nullable().optional(),
  text: freeText(LIMITS.messageTextMax)
    .refine((s) => s.length > 0, { message: 'must not be empty' })
    .optional(),
});
export type MessagePatch = z.infer<typeof MessagePatch>;

export const Message = z.object({
  id,
  client_id: id,
  sent_at: z.string(),
  from: z.enum(MESSAGE_SENDERS),
  channel: z.enum(MESSAGE_CHANNELS),
  subject: z.string().nullable(),
  text: z.string(),
  /** Arrived after the relationship ended (contact after close, A1; issue 8). */
  after_close: z.boolean().optional(),
});
export type Message = z.infer<typeof Message>;

// ---------------------------------------------------------------- the whole record

export const ClientDetail = z.object({
  client: Client,
  contract: Contract.nullable(),
  engagements: z.array(Engagement),
  invoices: z.array(Invoice),
  time: z.array(TimeEntry),
  incidents: z.array(Incident),
  cards: z.array(Card),
  messages: z.array(Message),
});
export type ClientDetail = z.infer<typeof ClientDetail>;

// ---------------------------------------------------------------- evidence chain verification

export const ChainProblem = z.object({
  kind: z.enum(['altered_entry', 'broken_link', 'missing_entry', 'reordered', 'missing_file', 'altered_file']),
  seq: z.number().int(),
  evidence_id: z.string().nullable(),
  detail: z.string(),
});
export type ChainProblem = z.infer<typeof ChainProblem>;

export const ChainReport = z.object({
  workspace_id: id,
  ok: z.boolean(),
  entries: z.number().int(),
  problems: z.array(ChainProblem),
  head_hash: z.string().nullable(),
});
export type ChainReport = z.infer<typeof ChainReport>;
