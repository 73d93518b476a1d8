/**
 * Reflection, lessons and screening of new clients (issue 8, DOMAIN.md A3, A4): what the API,
 * the web UI and the public prospect form send and receive.
 */
import { z } from 'zod';
import { CONTRACT_GAPS } from '../core/screening/reflection.js';
import { EARLY_SIGN_KINDS } from '../core/screening/screening.js';
import { LANGUAGES, RED_FLAG_CODES } from '../core/vocabulary.js';
import { freeText, id, isoDate, name } from './common.js';

const code = z.enum(RED_FLAG_CODES);
const codes = z
  .array(code)
  .max(RED_FLAG_CODES.length)
  .default([])
  .refine((list) => new Set(list).size === list.length, { message: 'must not name a code twice' });

export const LESSON_TEXT_MAX = 500;

// ---------------------------------------------------------------- lessons

export const LessonInput = z.strictObject({
  text: name
    .pipe(z.string().max(LESSON_TEXT_MAX, { message: `must be at most ${LESSON_TEXT_MAX} characters` }))
    .describe('one short lesson'),
  codes: codes.describe('the red-flag codes it relates to (they weigh the screening questions about them)'),
});
export type LessonInput = z.input<typeof LessonInput>;

export const Lesson = z
  .object({
    id,
    text: z.string(),
    codes: z.array(code),
    client_id: z.string().nullable(),
    client_name: z.string().nullable(),
    reflection_id: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Lesson' });
export type Lesson = z.infer<typeof Lesson>;

export const LessonQuery = z.strictObject({
  q: z.string().trim().max(200).optional().describe('words to find in the lesson or the client it came from (case-insensitive)'),
  code: code.optional().describe('only lessons related to this red-flag code'),
});
export type LessonQuery = z.infer<typeof LessonQuery>;

export const LessonList = z.object({ lessons: z.array(Lesson) }).meta({ id: 'LessonList' });
export type LessonList = z.infer<typeof LessonList>;

// ---------------------------------------------------------------- reflection

export const ContractGap = z.enum(CONTRACT_GAPS);

/** Create or replace the reflection of an ended or closed client; its lessons replace the reflection's earlier ones. */
export const ReflectionRequest = z
  .strictObject({
    first_signs: freeText(2000).default('').describe('step 1: what the first signs were'),
    first_signs_on: isoDate.nullable().default(null).describe('when they showed (prefilled from the first incident)'),
    first_signs_code: code.nullable().default(null),
    contract_lacked: z
      .array(ContractGap)
      .max(CONTRACT_GAPS.length)
      .default([])
      .refine((list) => new Set(list).size === list.length, { message: 'must not name a term twice' })
      .describe('step 2: the contract terms that were missing'),
    contract_note: freeText(2000).default(''),
    do_earlier: freeText(2000).default('').describe('step 3: what you would do earlier'),
    lessons: z.array(LessonInput).max(20).default([]),
  })
  .meta({ id: 'ReflectionRequest' });
export type ReflectionRequest = z.input<typeof ReflectionRequest>;

export const Reflection = z
  .object({
    client_id: id,
    client_name: z.string(),
    /** False while nothing is saved: the fields then hold the prefill. */
    saved: z.boolean(),
    first_signs: z.string(),
    first_signs_on: z.string().nullable(),
    first_signs_code: code.nullable(),
    contract_lacked: z.array(ContractGap),
    contract_note: z.string(),
    do_earlier: z.string(),
    lessons: z.array(Lesson),
    /** The first incident of the record (the prefill's source), if any. */
    first_incident: z.object({ date: z.string(), code }).nullable(),
    updated_at: z.string().nullable(),
  })
  .meta({ id: 'Reflection' });
export type Reflection = z.infer<typeof Reflection>;

// ---------------------------------------------------------------- prospects

export const PROSPECT_STATUSES = ['screening', 'accepted', 'declined'] as const;
export type ProspectStatus = (typeof PROSPECT_STATUSES)[number];

export const FIRST_MESSAGES_MAX = 20_000;

export const ProspectInput = z
  .strictObject({
    name,
    contact: freeText(300).default('').describe('e-mail, phone or where you met'),
    language: z.enum(LANGUAGES).default('en').describe("the prospect's language: the questionnaire and the public form use it"),
    notes: freeText(5000).default(''),
    first_messages: freeText(FIRST_MESSAGES_MAX)
      .default('')
      .describe('the first messages, pasted; separate messages with a line of three dashes (---)'),
  })
  .meta({ id: 'ProspectInput' });
export type ProspectInput = z.input<typeof ProspectInput>;

/** Answers as question id -> option id. */
export const Answers = z.record(z.string().min(1).max(100), z.string().min(1).max(100));

export const ProspectPatch = z
  .strictObject({
    name: name.optional(),
    contact: freeText(300).optional(),
    language: z.enum(LANGUAGES).optional(),
    notes: freeText(5000).optional(),
    first_messages: freeText(FIRST_MESSAGES_MAX).optional(),
    answers: Answers.optional().describe('replaces the answers; an unknown question or option is refused'),
    status: z.enum(PROSPECT_STATUSES).optional(),
  })
  .meta({ id: 'ProspectPatch' });
export type ProspectPatch = z.input<typeof ProspectPatch>;

export const EarlySign = z.object({
  kind: z.enum(EARLY_SIGN_KINDS),
  code,
  rule: z.string(),
  severity: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  spans: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
  message: z.number().int(),
});

export const FitReason = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('answer'),
    question_id: z.string(),
    option_id: z.string(),
    codes: z.array(code),
    lesson_id: z.string().nullable(),
    points_lost: z.number(),
  }),
  z.object({
    kind: z.literal('sign'),
    sign: z.enum(EARLY_SIGN_KINDS),
    code,
    rule: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    points_lost: z.number(),
  }),
]);

export const QuestionView = z.object({
  id: z.string(),
  source: z.enum(['code', 'lesson']),
  codes: z.array(code),
  importance: z.number(),
  text: z.string(),
  prompt: z.string().nullable(),
  lesson_id: z.string().nullable(),
  emphasised_by: z.array(z.string()),
  options: z.array(z.object({ id: z.string(), weight: z.number(), text: z.string() })),
});

const band = z.enum(['good', 'caution', 'poor']).nullable();

export const ProspectSummary = z
  .object({
    id,
    name: z.string(),
    contact: z.string(),
    language: z.enum(LANGUAGES),
    status: z.enum(PROSPECT_STATUSES),
    score: z.number().int().nullable(),
    band,
    answered_by: z.enum(['user', 'prospect']).nullable(),
    sign_kinds: z.array(z.enum(EARLY_SIGN_KINDS)),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'ProspectSummary' });
export type ProspectSummary = z.infer<typeof ProspectSummary>;

export const ProspectList = z.object({ prospects: z.array(ProspectSummary) }).meta({ id: 'ProspectList' });
export type ProspectList = z.infer<typeof ProspectList>;

export const Prospect = ProspectSummary.extend({
  notes: z.string(),
  first_messages: z.string(),
  answers: Answers,
  client_id: z.string().nullable(),
  reasons: z.array(FitReason),
  signs: z.array(EarlySign),
  answered: z.number().int(),
  total: z.number().int(),
  /** The user's questionnaire: the fixed questions and reminders from the workspace's lessons. */
  questions: z.array(QuestionView),
  link: z.object({ active: z.boolean(), expires_at: z.string().nullable(), used_at: z.string().nullable() }),
}).meta({ id: 'Prospect' });
export type Prospect = z.infer<typeof Prospect>;

export const ProspectLink = z
  .object({
    token: z.string().describe('shown once; only its SHA-256 is stored'),
    path: z.string().describe('the page to send the prospect, e.g. /p/<token>'),
    expires_at: z.string(),
  })
  .meta({ id: 'ProspectLink' });
export type ProspectLink = z.infer<typeof ProspectLink>;

export const AcceptProspectRequest = z.strictObject({
  create_client: z.boolean().default(false).describe('also create a client from the prospect (name, language, notes)'),
});

// ---------------------------------------------------------------- the public form

/** What the prospect sees: the questions and options in their language, nothing else of the workspace. */
export const PublicForm = z
  .object({
    language: z.enum(LANGUAGES),
    expires_at: z.string(),
    questions: z.array(z.object({ id: z.string(), text: z.string(), options: z.array(z.object({ id: z.string(), text: z.string() })) })),
  })
  .meta({ id: 'PublicProspectForm' });
export type PublicForm = z.infer<typeof PublicForm>;

export const PublicSubmit = z.strictObject({ answers: Answers }).meta({ id: 'PublicProspectSubmit' });
export type PublicSubmit = z.infer<typeof PublicSubmit>;

export const PublicSubmitted = z.object({ received: z.literal(true), answered: z.number().int() });
