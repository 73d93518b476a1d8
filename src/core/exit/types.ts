/** The exit plan's shape (../shared/CASE_FORMAT.md, "redcard plan"), extended with what the plan needs to explain itself. */
import type { EngagementSettlement, InterestRuleSummary, InvoiceMoney } from '../money/index.js';
import type { CollectionStep } from './collection.js';
import type { Notice } from './notice.js';
import type { ExitText, ExitTextWithDetails } from './texts.js';

export const EXIT_PATHS = ['immediate', 'stop_and_collect', 'finish_then_exit', 'reassign'] as const;
export type ExitPath = (typeof EXIT_PATHS)[number];

export function isExitPath(value: unknown): value is ExitPath {
  return typeof value === 'string' && (EXIT_PATHS as readonly string[]).includes(value);
}

/** The DOMAIN.md rule a step or reason comes from. */
export type RuleCode = 'C1' | 'C2' | 'C3' | 'D1' | 'D2' | 'D3' | 'D5' | 'X1' | 'X2' | 'X3' | 'X8' | 'X9' | 'X10' | 'X11' | 'A1' | 'A4';

export interface PlanStep {
  /** Stable within a plan (e.g. "conversation", "finish-1-2"), so a re-export updates, not duplicates. */
  id: string;
  title: string;
  /** The title's key and parameters, for the UI's languages (texts.ts); absent in plans saved before it existed. */
  title_i18n?: ExitTextWithDetails;
  /** YYYY-MM-DD; null while it cannot be scheduled (the contract check comes first, C3). */
  due: string | null;
  /** 'you', 'lawyer', 'client', or a team member's name. */
  owner: string;
  rule: RuleCode;
  done: boolean;
}

export interface LawyerReason {
  code: 'large_business' | 'penalty' | 'may_not_terminate' | 'right_unknown';
  rule: 'C2' | 'C1';
  text: string;
}

export interface ContractCheck {
  /** False when there is no written contract. */
  written: boolean;
  /** As recorded; with no written contract RedCard treats ending as allowed (nothing written restricts it). */
  may_terminate: boolean | null;
  notice: Notice | null;
  /** The notice the dates use: the contract's, or 14 days (X1) for a long-term engagement without one. */
  notice_used: Notice | null;
  penalty: { amount_minor: number; description: string } | null;
  ends: string | null;
  to_find_out: string[];
  /** `to_find_out` as keys and parameters, in the same order. */
  to_find_out_i18n?: ExitText[];
}

export const ACCESS_KINDS = ['hosting', 'domains', 'ad_accounts', 'repositories', 'analytics'] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

/**
 * One line of the handover's access inventory (X9): which access exists and its state. It never
 * holds a password or any other secret; credentials are handed over through the client's own
 * channels, and the inventory only records that it was done.
 */
export interface AccessItem {
  kind: AccessKind;
  /** null until checked. */
  exists: boolean | null;
  state: 'to_check' | 'transfer' | 'revoke' | 'transferred' | 'revoked' | 'not_applicable';
}

/** The interest rule as a plan carries it: plans saved before the law line had a key lack `law_i18n`. */
export type PlanInterestRule = Omit<InterestRuleSummary, 'law_i18n'> & { law_i18n?: ExitText };

export interface ExitMoney {
  currency: string;
  owed_to_you_minor: number;
  overdue_minor: number;
  interest_minor: number;
  compensation_minor: number;
  refund_minor: number;
  final_invoice_minor: number;
  per_invoice: InvoiceMoney[];
  per_engagement: EngagementSettlement[];
  interest_rule: PlanInterestRule | null;
  notes: string[];
  /** `notes` as keys and parameters, in the same order; absent in plans saved before it existed. */
  notes_i18n?: ExitText[];
}

export interface ExitPlan {
  path: ExitPath;
  today: string;
  /** null while the right to terminate is false or unknown (C1, C3). */
  tell_client_on: string | null;
  /** The last working day; null when no end is scheduled (blocked by the contract check, or a reassignment). */
  work_ends_on: string | null;
  lawyer_first: boolean;
  lawyer_reasons: LawyerReason[];
  contract_check: ContractCheck;
  steps: PlanStep[];
  handover: { access: AccessItem[] };
  referral: { mode: 'colleague' | 'resources_only'; reasons: string[]; reasons_i18n?: ExitText[] };
  /** On `reassign`: the team member the client is moved away from, when one is known. */
  reassign_from: string | null;
  money: ExitMoney;
  collection: CollectionStep[] | null;
  /** Explicit warnings about contradictory or incomplete input; never a silent wrong date. */
  warnings: string[];
  /** `warnings` as keys and parameters, in the same order. */
  warnings_i18n?: ExitText[];
}
