/**
 * A client's case as the pure core reads it: the shape of a validated case file
 * (../shared/CASE_FORMAT.md, src/contracts/case-file.ts) with its defaults applied. The core
 * declares it structurally so it imports nothing from contracts; src/app/case-shape.test.ts
 * proves a parsed CaseFile is assignable to it.
 */
import type {
  CardColor,
  ClientKind,
  ClientSize,
  EngagementKind,
  IncidentSource,
  Language,
  MessageChannel,
  MessageSender,
  NoticeUnit,
  ProviderKind,
  RedFlagCode,
  Severity,
} from './vocabulary.js';

export interface CaseRecord {
  /** The date the case is judged on (YYYY-MM-DD); incidents and cards after it are ignored. */
  today?: string;
  timezone: string;
  provider: {
    name?: string;
    kind: ProviderKind;
    language?: Language;
    currency: string;
    jurisdiction?: string | null;
    revenue_last_12m_minor?: number | null;
  };
  client: {
    name: string;
    kind: ClientKind;
    size: ClientSize;
    language: Language;
    since?: string | null;
    manager?: string | null;
  };
  contract: {
    signed?: string | null;
    ends?: string | null;
    provider_may_terminate: boolean | null;
    notice?: { amount: number; unit: NoticeUnit } | null;
    penalty?: { amount_minor: number; description: string } | null;
    refund_clause: boolean;
  } | null;
  engagements: Array<{
    name: string;
    kind: EngagementKind;
    price_minor: number;
    prepaid_minor: number;
    deliverables: Array<{ name: string; due?: string | null; done: boolean; percent_done: number }>;
  }>;
  invoices: Array<{
    number: string;
    issued: string;
    due: string;
    amount_minor: number;
    payments: Array<{ date: string; amount_minor: number }>;
  }>;
  time: Array<{ month: string; hours: number }>;
  incidents: Array<{
    date: string;
    code: RedFlagCode;
    severity: Severity;
    source: IncidentSource;
    about_member?: string | null;
    note: string;
  }>;
  messages: Array<{ sent_at: string; from: MessageSender; channel: MessageChannel; subject?: string | null; text: string }>;
  cards: Array<{ date: string; color: CardColor; note: string }>;
  /** The client was moved to another team member at least once (D5), dated or not. */
  reassigned: boolean;
  /**
   * The dated reassignments (D5), when known: serious incidents up to the last one's date were
   * answered by it; those after it are judged against the new pairing. Absent in older files.
   */
  reassignments?: ReadonlyArray<CaseReassignment>;
}

/** One move of the client to another team member (D5). */
export interface CaseReassignment {
  date: string;
  from_member?: string | null;
  to_member?: string | null;
}
