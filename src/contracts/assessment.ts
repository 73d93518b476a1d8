/**
 * The assessment as the API sends it (issue 4): the same shape as src/core/assessment/types.ts,
 * written as a zod schema so the server serialises against it and OpenAPI documents it.
 * assessment.test.ts keeps the two in step at the type level.
 */
import { z } from 'zod';
import { DECISION_RULES, DIMENSIONS, EXIT_PATHS, RECOMMENDATIONS } from '../core/assessment/types.js';
import { CARD_COLORS, RED_FLAG_CODES } from '../core/vocabulary.js';
import { TextParam } from './plan.js';

const date = z.string().meta({ format: 'date', example: '2026-11-22' });
const month = z.string().meta({ example: '2026-11' });
const minor = z.number().int().describe('money in integer minor units (cents)');
const score = z.number().int().min(0).max(100).describe('0 to 100; 100 is a healthy relationship');
const severity = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const IncidentRef = z.object({
  kind: z.literal('incident'),
  index: z.number().int(),
  date,
  code: z.enum(RED_FLAG_CODES),
  severity,
  about_member: z.string().nullable(),
});

export const InvoiceRef = z.object({
  kind: z.literal('invoice'),
  index: z.number().int(),
  date: date.describe('the due date'),
  number: z.string(),
  amount_minor: minor,
  outstanding_minor: minor,
  days_late: z.number().int(),
});

export const CardRef = z.object({ kind: z.literal('card'), index: z.number().int(), date, color: z.enum(CARD_COLORS) });

export const EvidenceRef = z
  .discriminatedUnion('kind', [IncidentRef, InvoiceRef, CardRef])
  .meta({ id: 'EvidenceRef', description: 'One record of the case behind a reason or a dimension, by its position in its list' });

const AssessmentTextParam = z.union([TextParam, z.strictObject({ number: z.number() }), z.strictObject({ percent: z.number() })]);

/** A text of the assessment as a key and parameters (src/core/assessment/texts.ts), for the web UI's languages. */
export const AssessmentText = z
  .object({
    key: z.string().describe('e.g. "reason.fraud" or "incident.member"'),
    get params() {
      return z.record(
        z.string(),
        z.union([
          AssessmentTextParam,
          z.strictObject({ texts: z.array(AssessmentText), join: z.enum(['list', 'comma', 'or']).optional() }),
        ]),
      );
    },
  })
  .meta({ id: 'AssessmentText' });

export const Dimension = z.object({
  score,
  weight: z.number().describe('its share of the overall score; the weights add up to 1'),
  explanation: z.string(),
  explanation_i18n: AssessmentText.optional().describe(
    'the explanation as a key and parameters; absent in assessments stored before it existed',
  ),
  evidence: z.array(EvidenceRef),
});

export const Reason = z.object({
  rule: z.enum(DECISION_RULES),
  text: z.string(),
  text_i18n: AssessmentText.optional().describe('the text as a key and parameters; absent in assessments stored before it existed'),
  refs: z.array(EvidenceRef),
});

export const Impact = z
  .object({
    currency: z.string(),
    window: z.object({ from_month: month, to_month: month }),
    client_revenue_minor: minor,
    provider_revenue_minor: minor.nullable(),
    revenue_without_client_minor: minor.nullable(),
    client_share: z.number().nullable(),
    hours_freed: z.number().nullable(),
    client_hourly_rate_minor: minor.nullable(),
    rest_hourly_rate_minor: minor.nullable(),
    workspace_median_rate_minor: minor.nullable(),
    outstanding_minor: minor,
    overdue_minor: minor,
  })
  .describe('What losing the client means (D6), over the 12 calendar months ending with the month of `today`');

const dimensions = z.object(
  Object.fromEntries(DIMENSIONS.map((d) => [d, Dimension])) as Record<(typeof DIMENSIONS)[number], typeof Dimension>,
);

const common = {
  today: date,
  client_name: z.string(),
  reference_rule: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
  score,
  score_explanation: z.string(),
  dimensions,
  reasons: z.array(Reason),
  impact: Impact,
};

const NOT_RED = RECOMMENDATIONS.filter((r): r is Exclude<(typeof RECOMMENDATIONS)[number], 'red_card'> => r !== 'red_card');

export const Assessment = z
  .union([
    z.object({ recommendation: z.literal('red_card'), path: z.enum(EXIT_PATHS), ...common }),
    z.object({ recommendation: z.enum(NOT_RED), path: z.null(), ...common }),
  ])
  .meta({
    id: 'Assessment',
    description:
      'What to do about a client and why (DOMAIN.md sections 2 and 7): the recommendation (with its exit path exactly when it is a red card), the score in seven explained dimensions, the reasons and the impact.',
  });
export type Assessment = z.infer<typeof Assessment>;
