/**
 * Letter drafts of a stored client (issue 6, "in the UI"): what the editor asks the generator for,
 * what it saves, and the draft with its history as the API returns it. Shared by the API and the
 * web UI. A save never changes an earlier version: it adds one.
 */
import { z } from 'zod';
import { CHANNELS, LETTER_KINDS, type LetterPath, REASON_KEYS } from '../core/letters/drafts-types.js';
import { TONE_CODES } from '../core/letters/tone.js';
import { LANGUAGES } from '../core/vocabulary.js';
import { freeText, id, isoDate, name } from './common.js';

/** A subject line fits one line of a mail client. */
export const LETTER_SUBJECT_MAX = 300;
/** Far above the 250 words a letter should have (the checker reports that); a call script is longer. */
export const LETTER_BODY_MAX = 20_000;

export const LETTER_PATHS = ['immediate', 'stop_and_collect', 'finish_then_exit'] as const satisfies readonly LetterPath[];
export const LETTER_FORMATS = ['pdf', 'docx', 'eml'] as const;
export type LetterFileFormat = (typeof LETTER_FORMATS)[number];
/** How a version came to be: the first save, a later save, or a copy of an earlier version. */
export const VERSION_ORIGINS = ['created', 'edited', 'restored'] as const;

export const LetterKindSchema = z
  .enum(LETTER_KINDS)
  .describe('warning (yellow card, D4), termination, call_script (X2), debt_demand, re_engagement_reply (A1)');
export const LetterLang = z.enum(LANGUAGES).describe("the letter's language: the client's by default, chosen apart from the interface's");
export const ReasonKeySchema = z
  .enum(REASON_KEYS)
  .describe('the provider-centred framing of the reason (X4), among those the recorded facts allow');
export const LetterPathSchema = z.enum(LETTER_PATHS);
export const ChannelSchema = z.enum(CHANNELS).describe('email, or a printed letter (which carries a date line)');
export const ToneCodeSchema = z.enum(TONE_CODES);

/** What the tone checker needs to judge a referral (X8), computed from the record. */
export const ToneContext = z.object({
  client_paid: z.boolean().describe('no invoice is overdue with money still owed'),
  abusive: z.boolean().describe('an abuse incident is recorded'),
});
export type ToneContext = z.infer<typeof ToneContext>;

/** The options a draft was generated with, as resolved (the reason and path actually used). */
export const LetterOptions = z.strictObject({
  reason: ReasonKeySchema.nullable(),
  path: LetterPathSchema.nullable(),
  channel: ChannelSchema,
  today: isoDate.nullable(),
});
export type LetterOptions = z.infer<typeof LetterOptions>;

export const GenerateLetterRequest = z.strictObject({
  kind: LetterKindSchema,
  lang: LetterLang.optional().describe("default: the client's language"),
  reason: ReasonKeySchema.nullable().optional().describe('default: the likeliest framing the facts allow'),
  path: LetterPathSchema.optional().describe("default: the saved exit plan's path, else the assessment's, else finish_then_exit"),
  channel: ChannelSchema.default('email'),
  today: isoDate.optional().describe("draft as of this day (default: the workspace's today)"),
  sender: name.optional().describe("who signs (default: the workspace's provider name)"),
  recipient: name.optional().describe("whom it addresses (default: the client's name)"),
});
export type GenerateLetterRequest = z.input<typeof GenerateLetterRequest>;

export const GeneratedLetter = z.object({
  kind: LetterKindSchema,
  lang: LetterLang,
  subject: z.string(),
  body: z.string(),
  options: LetterOptions,
  /** The ids of the recorded facts the text rests on (incident:N, invoice:NUMBER, time:MONTH). */
  facts: z.array(z.string()),
  tone_context: ToneContext,
});
export type GeneratedLetter = z.infer<typeof GeneratedLetter>;

/** What the letter panel offers for this client before anything is generated. */
export const LetterChoices = z.object({
  client_language: LetterLang,
  today: isoDate,
  reasons: z.array(ReasonKeySchema).describe('the framings the recorded facts allow, likeliest first'),
  default_path: LetterPathSchema,
  suggested_kind: LetterKindSchema.nullable().describe("the kind the client's status and assessment call for, when it can be drafted"),
  kinds: z.array(
    z.object({
      kind: LetterKindSchema,
      available: z.boolean(),
      problem: z.string().nullable().describe('why this kind cannot be drafted for this client now'),
    }),
  ),
  tone_context: ToneContext,
});
export type LetterChoices = z.infer<typeof LetterChoices>;

const subject = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(LETTER_SUBJECT_MAX, { message: `must be at most ${LETTER_SUBJECT_MAX} characters` })
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must be one line without control characters' });
const body = freeText(LETTER_BODY_MAX).refine((s) => s.trim() !== '', { message: 'must not be empty' });

export const CreateLetterDraftRequest = z.strictObject({
  kind: LetterKindSchema,
  lang: LetterLang,
  subject,
  body,
  options: LetterOptions.nullable().default(null).describe('the options it was generated with, if it was'),
});
export type CreateLetterDraftRequest = z.input<typeof CreateLetterDraftRequest>;

export const SaveLetterVersionRequest = z.strictObject({ subject, body });
export type SaveLetterVersionRequest = z.input<typeof SaveLetterVersionRequest>;

export const LetterDraftVersion = z.object({
  number: z.number().int().min(1),
  subject: z.string(),
  body: z.string(),
  origin: z.enum(VERSION_ORIGINS),
  restored_from: z.number().int().nullable(),
  violations: z.array(ToneCodeSchema).describe("the tone checker's codes when it was saved"),
  words: z.number().int(),
  created_at: z.string(),
});
export type LetterDraftVersion = z.infer<typeof LetterDraftVersion>;

export const LetterDraftSummary = z.object({
  id,
  client_id: id,
  kind: LetterKindSchema,
  lang: LetterLang,
  subject: z.string().describe("the latest version's subject"),
  latest_version: z.number().int().min(1),
  violations: z.array(ToneCodeSchema).describe("the latest version's findings"),
  words: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type LetterDraftSummary = z.infer<typeof LetterDraftSummary>;

export const LetterDraft = LetterDraftSummary.extend({
  options: LetterOptions.nullable(),
  tone_context: ToneContext,
  versions: z.array(LetterDraftVersion).describe('every saved version, oldest first'),
});
export type LetterDraft = z.infer<typeof LetterDraft>;

/** A version number in a URL or query: digits only (checked again against the draft). */
export const versionNumber = z.string().regex(/^[1-9]\d{0,5}$/, { message: 'must be a version number: 1, 2, 3 ...' });
