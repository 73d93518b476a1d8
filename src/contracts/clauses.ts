/**
 * The contract clause generator's API shapes (issue 8). Everything but the notice is optional:
 * the language and jurisdiction default to the workspace's settings (app/clauses.ts).
 */
import { z } from 'zod';
import { CLAUSE_JURISDICTIONS, CLAUSE_LIMITS, NOTICE_MAX } from '../core/clauses/types.js';
import { CLIENT_KINDS, LANGUAGES, NOTICE_UNITS } from '../core/vocabulary.js';
import { name } from './common.js';

export const ClauseNotice = z
  .strictObject({
    amount: z
      .number({ message: 'must be a whole number' })
      .int({ message: 'must be a whole number' })
      .min(1, { message: 'must be at least 1' }),
    unit: z.enum(NOTICE_UNITS),
  })
  .superRefine((notice, ctx) => {
    const max = NOTICE_MAX[notice.unit];
    if (notice.amount > max)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `must be at most ${max} ${notice.unit.replace('_', ' ')}` });
  });

export const LateInterestInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('statutory') }),
  z.strictObject({
    kind: z.literal('contractual'),
    /** Percent per year, at most two decimals (12.5 = 12.5% a year). */
    rate_percent: z
      .number({ message: 'must be a number' })
      .gt(0, { message: 'must be more than 0' })
      .max(CLAUSE_LIMITS.interestMaxBp / 100, { message: `must be at most ${CLAUSE_LIMITS.interestMaxBp / 100}` })
      .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, {
        message: 'must have at most two decimals',
      }),
  }),
]);

export const ClauseRequest = z.strictObject({
  lang: z.enum(LANGUAGES).optional().describe('the language of the clause; default: the workspace language'),
  notice: ClauseNotice,
  jurisdiction: z.enum(CLAUSE_JURISDICTIONS).optional().describe("LT, RO, RU, EU (generic 2011/7/EU) or other; default: the workspace's"),
  place: z
    .string()
    .trim()
    .min(1)
    .max(CLAUSE_LIMITS.placeMax)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must not contain control characters' })
    .nullable()
    .default(null)
    .describe('the country whose law applies, for EU and other (required for other)'),
  provider_name: name.nullable().default(null),
  client_name: name.nullable().default(null),
  client_kind: z.enum(CLIENT_KINDS).default('business'),
  payment_days: z
    .number()
    .int()
    .min(1, { message: 'must be at least 1' })
    .max(CLAUSE_LIMITS.paymentDaysMax, {
      message: `must be at most ${CLAUSE_LIMITS.paymentDaysMax}`,
    })
    .default(14),
  deposit_percent: z
    .number()
    .int()
    .min(1, { message: 'must be at least 1' })
    .max(100, { message: 'must be at most 100' })
    .nullable()
    .default(null),
  interest: LateInterestInput.default({ kind: 'statutory' }),
});
export type ClauseRequest = z.infer<typeof ClauseRequest>;

export const ClauseSection = z.object({ number: z.string(), heading: z.string(), paragraphs: z.array(z.string()) });

export const ClauseResponse = z
  .object({
    lang: z.enum(LANGUAGES),
    jurisdiction: z.enum(CLAUSE_JURISDICTIONS),
    title: z.string(),
    disclaimer: z.string().describe('the template-not-legal-advice notice, in the clause language'),
    parties: z.string(),
    sections: z.array(ClauseSection),
    notes: z.array(z.string()),
    text: z.string().describe('the whole document as plain text, the notice first'),
  })
  .meta({ id: 'ClauseDocument' });
export type ClauseResponse = z.infer<typeof ClauseResponse>;
