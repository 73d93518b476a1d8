/**
 * The exit plan as the API sends it (issue 5): the same shape as src/core/exit/types.ts, written as
 * a zod schema so the server serialises against it and OpenAPI documents it. plan.test.ts keeps
 * the two in step at the type level.
 */
import { z } from 'zod';
import { ACCESS_KINDS, EXIT_PATHS } from '../core/exit/types.js';
import { ENGAGEMENT_KINDS, NOTICE_UNITS } from '../core/vocabulary.js';

const date = z.string().meta({ format: 'date', example: '2026-11-22' });
const minor = z.number().int().describe('money in integer minor units (cents)');

const RULE_CODES = ['C1', 'C2', 'C3', 'D1', 'D2', 'D3', 'D5', 'X1', 'X2', 'X3', 'X8', 'X9', 'X10', 'X11', 'A1', 'A4'] as const;

export const ExitPathSchema = z.enum(EXIT_PATHS).meta({
  id: 'ExitPath',
  description: 'immediate, stop_and_collect or finish_then_exit (DOMAIN.md section 7), or a reassignment attempt (D5)',
});

export const Notice = z.object({ amount: z.number().int(), unit: z.enum(NOTICE_UNITS) });

/** A parameter of a keyed text (src/core/text.ts) that needs formatting per language. */
export const TextParam = z.union([
  z.string(),
  z.number(),
  z.strictObject({ date }),
  z.strictObject({ amount_minor: minor, currency: z.string() }),
  z.strictObject({ notice: Notice }),
  z.strictObject({ names: z.array(z.string()) }),
]);

/** A text of the plan as a key and parameters (src/core/exit/texts.ts), for the web UI's languages. */
export const ExitText = z
  .object({ key: z.string().describe('e.g. "step.finish" or "warning.no-due"'), params: z.record(z.string(), TextParam) })
  .meta({ id: 'ExitText' });

const ExitTextWithDetails = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([TextParam, z.strictObject({ texts: z.array(ExitText) })])),
});

export const PlanStep = z.object({
  id: z.string().describe('stable within a plan, e.g. "conversation" or "finish-1-2"'),
  title: z.string(),
  title_i18n: ExitTextWithDetails.optional().describe('the title as a key and parameters; absent in plans saved before it existed'),
  due: date.nullable().describe('null while it cannot be scheduled (the contract check comes first, C3)'),
  owner: z.string().describe("'you', 'lawyer', 'client', or a team member's name"),
  rule: z.enum(RULE_CODES),
  done: z.boolean().describe("false in a computed plan; a saved plan's checklist ticks it"),
});

export const LawyerReason = z.object({
  code: z.enum(['large_business', 'penalty', 'may_not_terminate', 'right_unknown']),
  rule: z.enum(['C2', 'C1']),
  text: z.string(),
});

export const ContractCheck = z.object({
  written: z.boolean(),
  may_terminate: z.boolean().nullable(),
  notice: Notice.nullable(),
  notice_used: Notice.nullable(),
  penalty: z.object({ amount_minor: minor, description: z.string() }).nullable(),
  ends: date.nullable(),
  to_find_out: z.array(z.string()),
  to_find_out_i18n: z.array(ExitText).optional().describe('to_find_out as keys and parameters, in the same order'),
});

export const AccessItem = z.object({
  kind: z.enum(ACCESS_KINDS),
  exists: z.boolean().nullable(),
  state: z.enum(['to_check', 'transfer', 'revoke', 'transferred', 'revoked', 'not_applicable']),
});

export const InterestSegment = z.object({
  from: date,
  to: date,
  days: z.number().int(),
  base_minor: minor,
  rate_bp: z.number().int().describe('basis points: 10.15% is 1015'),
  year_days: z.union([z.literal(365), z.literal(366)]),
  carried_forward: z.boolean(),
});

export const InvoiceMoney = z.object({
  number: z.string(),
  issued: date,
  due: date,
  amount_minor: minor,
  paid_minor: minor,
  owed_minor: minor,
  days_overdue: z.number().int(),
  late_days: z.number().int(),
  interest_minor: minor,
  interest_segments: z.array(InterestSegment),
  compensation_minor: minor,
  compensation_note: z.string().nullable(),
});

export const EngagementSettlement = z.object({
  name: z.string(),
  kind: z.enum(ENGAGEMENT_KINDS),
  share_done_percent: z.number().int().nullable(),
  prepaid_minor: minor,
  refund_minor: minor,
  kept_minor: minor,
  earned_minor: minor.nullable(),
  final_invoice_minor: minor,
  basis: z.string(),
});

export const InterestRuleSummary = z.object({
  jurisdiction: z.string(),
  regime: z.string(),
  law: z.string(),
  law_i18n: ExitText.optional().describe('the law line as a key and parameters; absent in plans saved before it existed'),
  rate_source: z.string(),
  day_count: z.string(),
  rates_known_until: date,
});

export const ExitMoney = z.object({
  currency: z.string(),
  owed_to_you_minor: minor,
  overdue_minor: minor,
  interest_minor: minor,
  compensation_minor: minor,
  refund_minor: minor,
  final_invoice_minor: minor,
  per_invoice: z.array(InvoiceMoney),
  per_engagement: z.array(EngagementSettlement),
  interest_rule: InterestRuleSummary.nullable(),
  notes: z.array(z.string()),
  notes_i18n: z.array(ExitText).optional().describe('notes as keys and parameters, in the same order'),
});

export const CollectionStep = z.object({
  id: z.enum(['reminder', 'formal_demand', 'legal_step']),
  title: z.string(),
  title_i18n: ExitText.optional(),
  due: date,
  deadline: date.nullable().describe('for the formal demand: the date by which the client must pay'),
  about: z.string(),
  rule: z.literal('D2'),
});

export const ExitPlan = z
  .object({
    path: ExitPathSchema,
    today: date,
    tell_client_on: date.nullable().describe('null while the right to terminate is false or unknown (C1, C3)'),
    work_ends_on: date.nullable().describe('the last working day; null when no end is scheduled'),
    lawyer_first: z.boolean(),
    lawyer_reasons: z.array(LawyerReason),
    contract_check: ContractCheck,
    steps: z.array(PlanStep),
    handover: z.object({ access: z.array(AccessItem) }),
    referral: z.object({
      mode: z.enum(['colleague', 'resources_only']),
      reasons: z.array(z.string()),
      reasons_i18n: z.array(ExitText).optional(),
    }),
    reassign_from: z.string().nullable(),
    money: ExitMoney,
    collection: z.array(CollectionStep).nullable(),
    warnings: z.array(z.string()),
    warnings_i18n: z.array(ExitText).optional().describe('warnings as keys and parameters, in the same order'),
  })
  .meta({
    id: 'ExitPlan',
    description:
      'The exit plan (DOMAIN.md sections 3, 4 and 7): contract check, dates, dated steps with owners and rules, handover, referral, money and, on stop_and_collect, the collection schedule.',
  });
export type ExitPlan = z.infer<typeof ExitPlan>;
