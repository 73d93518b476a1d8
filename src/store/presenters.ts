/**
 * Rows to records: the one place per entity where a stored row becomes the shape the rest of
 * RedCard sees (src/contracts/records.ts). Flags become booleans, minutes become hours, bigint
 * aggregates become numbers, and stored vocabulary is checked rather than cast, so a corrupt
 * or newer-than-this-code value fails loudly instead of flowing on as a lie.
 */
import type { Selectable } from 'kysely';
import { type ClientEvent, ClientEventData } from '../contracts/events.js';
import type {
  Card,
  Client,
  ClientSummary,
  Contract,
  Engagement,
  EvidenceEntry,
  Incident,
  Invoice,
  Message,
  Payment,
  TimeEntry,
  Workspace,
} from '../contracts/records.js';
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
  SEVERITIES,
} from '../core/vocabulary.js';
import type {
  CardsTable,
  ClientEventsTable,
  ClientsTable,
  ContractsTable,
  DeliverablesTable,
  EngagementsTable,
  EvidenceTable,
  Flag,
  IncidentsTable,
  InvoicesTable,
  MessagesTable,
  PaymentsTable,
  TimeEntriesTable,
  WorkspacesTable,
} from './schema.js';

function oneOf<const T extends readonly (string | number)[]>(allowed: T, value: string | number, column: string): T[number] {
  if (!(allowed as readonly (string | number)[]).includes(value))
    throw new Error(`Stored ${column} has an unknown value: ${String(value)}`);

  return value as T[number];
}

/** Aggregates come back as bigint (number via the pg parser) or, for sums on PostgreSQL, numeric text. */
export function toInt(value: number | string | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;

  return Number(value);
}

/** Booleans are 0/1 integers in the database. */
export function toFlag(value: boolean): Flag {
  return value ? 1 : 0;
}

export function presentWorkspace(row: Selectable<WorkspacesTable>): Workspace {
  return {
    id: row.id,
    name: row.name,
    provider_name: row.provider_name,
    provider_kind: oneOf(PROVIDER_KINDS, row.provider_kind, 'workspaces.provider_kind'),
    currency: row.currency,
    jurisdiction: row.jurisdiction,
    timezone: row.timezone,
    language: oneOf(LANGUAGES, row.language, 'workspaces.language'),
    revenue_last_12m_minor: row.revenue_last_12m_minor === null ? null : Number(row.revenue_last_12m_minor),
    is_demo: row.is_demo === 1,
    created_at: row.created_at,
  };
}

export function presentClient(row: Selectable<ClientsTable>): Client {
  return {
    id: row.id,
    workspace_id: row.workspace_id,
    name: row.name,
    kind: oneOf(CLIENT_KINDS, row.kind, 'clients.kind'),
    size: oneOf(CLIENT_SIZES, row.size, 'clients.size'),
    language: oneOf(LANGUAGES, row.language, 'clients.language'),
    since: row.since,
    manager: row.manager,
    email: row.email,
    notes: row.notes,
    status: oneOf(CLIENT_STATUSES, row.status, 'clients.status'),
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** The per-client counts computed by the client list query. */
export interface ClientCounts {
  open_incidents: number | string | null;
  serious_incidents: number | string | null;
  last_incident_on: string | null;
  cards_yellow: number | string | null;
  cards_red: number | string | null;
  owed_minor: number | string | null;
}

export function presentClientSummary(row: Selectable<ClientsTable> & ClientCounts): ClientSummary {
  return {
    ...presentClient(row),
    open_incidents: toInt(row.open_incidents),
    serious_incidents: toInt(row.serious_incidents),
    last_incident_on: row.last_incident_on,
    cards_yellow: toInt(row.cards_yellow),
    cards_red: toInt(row.cards_red),
    owed_minor: toInt(row.owed_minor),
  };
}

export function presentContract(row: Selectable<ContractsTable>): Contract {
  return {
    signed: row.signed,
    ends: row.ends,
    provider_may_terminate: row.provider_may_terminate === null ? null : row.provider_may_terminate === 1,
    notice:
      row.notice_amount === null || row.notice_unit === null
        ? null
        : { amount: Number(row.notice_amount), unit: oneOf(NOTICE_UNITS, row.notice_unit, 'contracts.notice_unit') },
    penalty: row.penalty_minor === null ? null : { amount_minor: Number(row.penalty_minor), description: row.penalty_description ?? '' },
    refund_clause: row.refund_clause === 1,
  };
}

export function presentEngagement(row: Selectable<EngagementsTable>, deliverables: Selectable<DeliverablesTable>[]): Engagement {
  return {
    id: row.id,
    client_id: row.client_id,
    name: row.name,
    kind: oneOf(ENGAGEMENT_KINDS, row.kind, 'engagements.kind'),
    price_minor: Number(row.price_minor),
    prepaid_minor: Number(row.prepaid_minor),
    deliverables: deliverables.map((d) => ({
      id: d.id,
      name: d.name,
      due: d.due,
      done: d.done === 1,
      percent_done: Number(d.percent_done),
    })),
  };
}

export function presentPayment(row: Selectable<PaymentsTable>): Payment {
  return { id: row.id, date: row.date, amount_minor: Number(row.amount_minor) };
}

/** `payments` must already be in display order (date, then id). */
export function presentInvoice(row: Selectable<InvoicesTable>, payments: Selectable<PaymentsTable>[]): Invoice {
  const amount = Number(row.amount_minor);
  const presented = payments.map(presentPayment);
  const paid = presented.reduce((sum, p) => sum + p.amount_minor, 0);

  return {
    id: row.id,
    client_id: row.client_id,
    number: row.number,
    issued: row.issued,
    due: row.due,
    amount_minor: amount,
    currency: row.currency,
    payments: presented,
    paid_minor: paid,
    // An overpaid invoice owes nothing; the surplus is not a negative debt.
    outstanding_minor: Math.max(0, amount - paid),
  };
}

export function presentTime(row: Pick<Selectable<TimeEntriesTable>, 'month' | 'minutes'>): TimeEntry {
  return { month: row.month, hours: Number(row.minutes) / 60 };
}

export function presentEvidence(row: Selectable<EvidenceTable>): EvidenceEntry {
  return {
    id: row.id,
    incident_id: row.incident_id,
    seq: Number(row.seq),
    file_sha256: row.file_sha256,
    file_name: row.file_name,
    media_type: row.media_type,
    size_bytes: Number(row.size_bytes),
    note: row.note,
    recorded_at: row.recorded_at,
    prev_hash: row.prev_hash,
    entry_hash: row.entry_hash,
  };
}

/** `evidence` must already be in seq order. */
export function presentIncident(row: Selectable<IncidentsTable>, evidence: Selectable<EvidenceTable>[]): Incident {
  return {
    id: row.id,
    client_id: row.client_id,
    date: row.date,
    code: oneOf(RED_FLAG_CODES, row.code, 'incidents.code'),
    severity: oneOf(SEVERITIES, Number(row.severity), 'incidents.severity'),
    source: oneOf(INCIDENT_SOURCES, row.source, 'incidents.source'),
    about_member: row.about_member,
    note: row.note,
    message_id: row.message_id,
    evidence: evidence.map(presentEvidence),
    created_at: row.created_at,
  };
}

export function presentCard(row: Selectable<CardsTable>): Card {
  return {
    id: row.id,
    client_id: row.client_id,
    date: row.date,
    color: oneOf(CARD_COLORS, row.color, 'cards.color'),
    note: row.note,
  };
}

export function presentMessage(row: Selectable<MessagesTable>): Message {
  return {
    id: row.id,
    client_id: row.client_id,
    sent_at: row.sent_at,
    from: oneOf(MESSAGE_SENDERS, row.sender, 'messages.sender'),
    channel: oneOf(MESSAGE_CHANNELS, row.channel, 'messages.channel'),
    subject: row.subject,
    text: row.text,
  };
}

/**
 * A stored event, its JSON payload checked against its type's schema: a row written by an older
 * shape that no migration converted fails here, loudly, rather than reaching the audit trail.
 */
export function presentClientEvent(row: Selectable<ClientEventsTable>): ClientEvent {
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch (error) {
    throw new Error(`Stored client_events #${row.seq} of client ${row.client_id} has a payload that is not JSON`, { cause: error });
  }
  const data = ClientEventData.safeParse({ type: row.type, payload });
  if (!data.success) {
    throw new Error(
      `Stored client_events #${row.seq} (${row.type}) of client ${row.client_id} does not match its schema: ${data.error.message}`,
    );
  }
  const base = { id: row.id, client_id: row.client_id, seq: toInt(row.seq), actor: row.actor, at: row.at, date: row.date, note: row.note };

  return { ...base, ...data.data };
}
