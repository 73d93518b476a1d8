/**
 * The shape of an assessment: what `redcard assess` prints and what the API and the UI show for a
 * client. A superset of ../shared/CASE_FORMAT.md's `assess` output.
 */
import type { KeyedText } from '../text.js';
import type { CardColor, RedFlagCode, Severity } from '../vocabulary.js';

/** An integer from 0 to 100; 100 is a healthy relationship. */
export type Score0to100 = number & { readonly __brand: 'Score0to100' };

export const RECOMMENDATIONS = ['keep', 'watch', 'yellow_card', 'reassign', 'red_card'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** How a red card is played out (DOMAIN.md section 7). */
export const EXIT_PATHS = ['immediate', 'stop_and_collect', 'finish_then_exit'] as const;
export type ExitPath = (typeof EXIT_PATHS)[number];

/** The deciding rules of DOMAIN.md section 2. */
export const DECISION_RULES = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7'] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];

/** The numbered reference decisions of DOMAIN.md section 7 (first match wins). */
export type ReferenceRule = 1 | 2 | 3 | 4 | 5 | 6;

export const DIMENSIONS = ['payment', 'respect', 'boundaries', 'cooperation', 'legality', 'economics', 'wellbeing'] as const;
export type DimensionKey = (typeof DIMENSIONS)[number];

/** Points to one record of the case file by its position in its array (`index`). */
export type EvidenceRef = IncidentRef | InvoiceRef | CardRef;

export interface IncidentRef {
  kind: 'incident';
  index: number;
  date: string;
  code: RedFlagCode;
  severity: Severity;
  about_member: string | null;
}

export interface InvoiceRef {
  kind: 'invoice';
  index: number;
  /** The due date. */
  date: string;
  number: string;
  amount_minor: number;
  /** Still unpaid on `today` (payments dated after `today` are not counted yet). */
  outstanding_minor: number;
  /** Days past the due date: until `today` while money is outstanding, else until the last payment. */
  days_late: number;
}

export interface CardRef {
  kind: 'card';
  index: number;
  date: string;
  color: CardColor;
}

export interface Dimension {
  score: Score0to100;
  /** Its share of the overall score; the weights add up to 1. */
  weight: number;
  explanation: string;
  /** The explanation's sentences as keys and parameters, for the UI's languages (texts.ts); absent in assessments stored before it existed. */
  explanation_i18n?: KeyedText;
  evidence: EvidenceRef[];
}

export interface Reason {
  rule: DecisionRule;
  text: string;
  /** The text's key and parameters, for the UI's languages (texts.ts); absent in assessments stored before it existed. */
  text_i18n?: KeyedText;
  refs: EvidenceRef[];
}

/** What losing the client means (D6), over the 12 calendar months ending with `today`'s month. */
export interface Impact {
  currency: string;
  window: { from_month: string; to_month: string };
  /** Invoiced to this client (invoices issued in the window, up to `today`). */
  client_revenue_minor: number;
  /** The provider's revenue over the last 12 months, when the case file gives it. */
  provider_revenue_minor: number | null;
  /** The provider's revenue without this client. */
  revenue_without_client_minor: number | null;
  /** This client's share of the provider's revenue, 0..1 (3 decimals). */
  client_share: number | null;
  /** Hours logged for this client in the window: the hours freed. Null when no time is recorded at all. */
  hours_freed: number | null;
  /** This client's revenue per hour, in minor units. */
  client_hourly_rate_minor: number | null;
  /** The rest of the business's revenue per hour (needs the provider's total hours). */
  rest_hourly_rate_minor: number | null;
  /** The workspace's median effective hourly rate, when known. */
  workspace_median_rate_minor: number | null;
  /** Owed by the client on `today` (all invoices less their payments). */
  outstanding_minor: number;
  /** The part of it past its due date. */
  overdue_minor: number;
}

/** `path` is set exactly when the recommendation is a red card. */
export type Verdict = { recommendation: 'red_card'; path: ExitPath } | { recommendation: Exclude<Recommendation, 'red_card'>; path: null };

export type Assessment = Verdict & {
  /** The date the case was judged on. */
  today: string;
  client_name: string;
  /** Which reference decision of DOMAIN.md section 7 matched. */
  reference_rule: ReferenceRule;
  score: Score0to100;
  /** How the score was formed from the dimensions. */
  score_explanation: string;
  dimensions: Record<DimensionKey, Dimension>;
  reasons: Reason[];
  impact: Impact;
};

export interface AssessOptions {
  /** The date to judge the case on (YYYY-MM-DD); never read from a clock. */
  today: string;
  /** The workspace's median effective hourly rate, in minor units, to compare this client's with. */
  workspace_median_rate_minor?: number | null;
  /** The provider's total hours over the last 12 months, to compute the rest's hourly rate. */
  provider_hours_last_12m?: number | null;
}
