/**
 * The shapes of letter drafts (issue 6): the kinds, the honest reason framings, the facts a draft
 * is built from, and the contract each language's phrase bank (phrases/{en,ru,ro,lt}.ts) fulfils.
 */
import type { ClientKind, EngagementKind, Language, RedFlagCode } from '../vocabulary.js';

export const LETTER_KINDS = ['warning', 'termination', 'call_script', 'debt_demand', 're_engagement_reply'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/**
 * The provider-centred framings of the reason (X4). Each is offered only when recorded facts back
 * it (reasons.ts), so the letter never states a motive nothing records.
 */
export const REASON_KEYS = ['payment', 'scope', 'capacity', 'misfit', 'expertise', 'terms', 'conduct', 'lawful'] as const;
export type ReasonKey = (typeof REASON_KEYS)[number];

/** How the draft is sent: an email, or a letter printed or attached (a dated letter head). */
export const CHANNELS = ['email', 'letter'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The exit paths a letter can announce (a reassignment ends nothing, so it has no letter). */
export type LetterPath = 'immediate' | 'stop_and_collect' | 'finish_then_exit';

/** One recorded fact a draft relies on, with a stable id pointing back into the case. */
export type RecordedFact =
  | { id: `incident:${number}`; kind: 'incident'; date: string; code: RedFlagCode; severity: number; about_member: string | null }
  | { id: `invoice:${string}`; kind: 'invoice'; date: string; number: string; amount_minor: number; owed_minor: number; days_late: number }
  | { id: `time:${string}`; kind: 'time'; date: string; month: string; hours: number };

export interface ReasonOption {
  key: ReasonKey;
  /** The recorded facts this framing rests on; never empty. */
  facts: RecordedFact[];
}

export interface InvoiceLine {
  number: string;
  issued: string;
  due: string;
  amount_minor: number;
  owed_minor: number;
  days_overdue: number;
  interest_minor: number;
  compensation_minor: number;
}

/**
 * Everything a phrase bank needs, already decided and computed: the banks only word it. Dates are
 * YYYY-MM-DD (the bank formats them), money is minor units.
 */
export interface LetterFacts {
  kind: LetterKind;
  lang: Language;
  channel: Channel;
  today: string;
  sender: string;
  /** Whom the letter addresses: a person, or the company's name. */
  recipient: string;
  client: { name: string; kind: ClientKind; since: string | null };
  /** The engagement the letter is about (the one with open work, else the first). */
  engagement: { name: string; kind: EngagementKind } | null;
  path: LetterPath;
  /** The day the client is told (the conversation and its written confirmation). */
  tell_on: string;
  /** The last working day. */
  end_on: string;
  /** The day every file and access is handed over (X9). */
  handover_by: string;
  /** The notice the end date follows, when one does. */
  notice: { amount: number; unit: 'days' | 'business_days' | 'months'; from_contract: boolean } | null;
  /** On the finish path: what is finished before the end. On the stop paths: what is stopped. */
  open_work: Array<{ name: string; due: string | null }>;
  /** Open items left out of `open_work` to keep the letter short (the handover list carries them). */
  open_more: number;
  /** X8: a colleague only for a client who paid and was not abusive; else resources only. */
  referral: 'colleague' | 'resources_only';
  reason: ReasonOption;
  money: {
    currency: string;
    owed_minor: number;
    overdue_minor: number;
    interest_minor: number;
    compensation_minor: number;
    refund_minor: number;
    final_invoice_minor: number;
    /** Invoices with something still owed. */
    unpaid: InvoiceLine[];
    /** The statutory interest regime, when interest is claimed (business clients only). */
    interest_regime: 'LT' | 'RO' | 'RU' | 'EU' | null;
  };
  /** The debt demand's deadline (the plan's formal demand), and what follows if it passes. */
  demand: { deadline: string; jurisdiction: string | null } | null;
  /** The warning's subject: the serious incident that crossed the line (D4). */
  crossing: { date: string; code: RedFlagCode; about_member: string | null } | null;
  /** For a warning: what happens if it repeats; follows the contract's notice when there is one. */
  if_repeated: 'end_with_notice' | 'end_at_once';
}

export const SECTION_KEYS = [
  'date_line',
  'greeting',
  'opening',
  'decision',
  'reason',
  'crossing',
  'expectation',
  'consequence',
  'timeline',
  'money',
  'invoices',
  'interest',
  'deadline',
  'next_step',
  'handover',
  'referral',
  'thanks',
  'closing',
  'signature',
  'reaction_anger',
  'reaction_bargaining',
  'reaction_guilt',
  'reaction_reviews',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface SectionText {
  key: SectionKey;
  text: string;
  /** Joined to the previous section by a line break instead of a blank line (a sign-off's name). */
  tight?: boolean;
}

/** What one language provides: a subject and ordered sections for each kind. */
export interface PhraseBank {
  subject(f: LetterFacts): string;
  warning(f: LetterFacts): SectionText[];
  termination(f: LetterFacts): SectionText[];
  call_script(f: LetterFacts): SectionText[];
  debt_demand(f: LetterFacts): SectionText[];
  re_engagement_reply(f: LetterFacts): SectionText[];
}

export interface DraftSection {
  key: SectionKey;
  /** UTF-16 offsets into `body`, end exclusive (as String.prototype.slice takes them). */
  start: number;
  end: number;
}

export interface Draft {
  kind: LetterKind;
  lang: Language;
  subject: string;
  /** Plain text, paragraphs separated by a blank line. */
  body: string;
  sections: DraftSection[];
  /** The recorded facts the text uses, with their ids. */
  facts: RecordedFact[];
}
