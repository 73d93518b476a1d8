/**
 * The contract clause generator's inputs and output (issue 8, DOMAIN C4 and C1): a termination
 * clause with substitution or refund, and a payment-terms clause with late interest, for a NEW
 * contract. The output is a template: every rendering carries the not-legal-advice notice.
 */
import type { ClientKind, Language, NoticeUnit } from '../vocabulary.js';

/** Whose law the clause is written for; `EU` is the generic Directive 2011/7/EU wording. */
export const CLAUSE_JURISDICTIONS = ['LT', 'RO', 'RU', 'EU', 'other'] as const;
export type ClauseJurisdiction = (typeof CLAUSE_JURISDICTIONS)[number];

/** Longest notice accepted per unit: a year, in each unit (a longer notice is not a notice clause any more). */
export const NOTICE_MAX: Readonly<Record<NoticeUnit, number>> = { days: 365, business_days: 260, months: 12 };

export const CLAUSE_LIMITS = {
  paymentDaysMax: 120,
  /** Contractual late interest, percent per year, in basis points: up to 100% a year. */
  interestMaxBp: 10_000,
  partyNameMax: 200,
  placeMax: 100,
} as const;

export type LateInterest =
  | { kind: 'statutory' }
  | { kind: 'contractual' /** Percent per year in basis points (12.5% = 1250). */; rate_bp: number };

export interface ClauseInput {
  lang: Language;
  notice: { amount: number; unit: NoticeUnit };
  jurisdiction: ClauseJurisdiction;
  /** The country or state named for `other` (required there) or `EU` (optional: the provider's state). */
  place: string | null;
  provider_name: string | null;
  client_name: string | null;
  /** Business clients get the commercial-transactions rules (2011/7/EU, EUR 40); individuals do not. */
  client_kind: ClientKind;
  payment_days: number;
  deposit_percent: number | null;
  interest: LateInterest;
}

export interface ClauseSection {
  /** "1", "2", ... */
  number: string;
  heading: string;
  /** Numbered sub-clauses ("1.1 ..."), each one paragraph. */
  paragraphs: string[];
}

export interface ClauseDocument {
  lang: Language;
  title: string;
  /** The template-not-legal-advice notice, in the document's language. */
  disclaimer: string;
  /** Who the clauses bind, when names were given; empty otherwise. */
  parties: string;
  sections: ClauseSection[];
  /** Notes for the user (the statutory rate today and where it comes from); not part of the clause. */
  notes: string[];
}

/** What a language module writes from the resolved facts. */
export interface ClauseFacts {
  input: ClauseInput;
  /** YYYY-MM-DD: the day the reference rate is looked up for the notes. */
  today: string;
  /** Statutory reference figure on `today`, when the jurisdiction has a table. */
  statutoryRate: { rate_bp: number; reference_bp: number; margin_bp: number; known_until: string; bank: 'ECB' | 'NBR' | 'CBR' } | null;
  /** The EUR 40 recovery compensation applies (2011/7/EU art. 6: business client, EU jurisdiction). */
  euCompensation: boolean;
}

export interface ClauseWriter {
  title: string;
  disclaimer: string;
  parties(provider: string | null, client: string | null): string;
  sections(facts: ClauseFacts): ClauseSection[];
  notes(facts: ClauseFacts): string[];
}
