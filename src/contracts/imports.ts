/**
 * Imports of mail archives and chat exports into a client's record, the red-flag suggestions the
 * detector makes on what was imported, and the per-client suppressions of dismissed patterns.
 * These are the API shapes (camelCase, as issue 3's contract fixes them); the CLI prints them too.
 */
import { z } from 'zod';
import { LIMITS } from '../core/limits.js';
import { freeText, id } from './common.js';
import { Incident, redFlagCode, severity } from './records.js';

export const IMPORT_FILE_FORMATS = ['mbox', 'eml', 'csv', 'telegram', 'whatsapp', 'slack'] as const;
export type ImportFileFormat = (typeof IMPORT_FILE_FORMATS)[number];

export const IMPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const SUGGESTION_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export const ImportCounts = z.object({
  /** Messages the reader yielded. */
  read: z.number().int(),
  /** New messages written to the store. */
  stored: z.number().int(),
  /** Messages already in the store (same Message-ID or same sender, time and text). */
  duplicates: z.number().int(),
  /** Messages not stored: unreadable, no date, empty (each has a problem). */
  skipped: z.number().int(),
  /** Suggestions made on the stored messages. */
  suggestions: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

export const ImportProblemEntry = z.object({
  /** Where in the file: `#12` (mbox, Telegram), `line 40` (CSV, WhatsApp), `general/2024-12-31.json#3` (Slack). */
  position: z.string(),
  message: z.string(),
});
export type ImportProblemEntry = z.infer<typeof ImportProblemEntry>;

export const Import = z
  .object({
    id,
    clientId: id,
    fileName: z.string(),
    format: z.enum(IMPORT_FILE_FORMATS),
    status: z.enum(IMPORT_STATUSES),
    counts: ImportCounts,
    problems: z.array(ImportProblemEntry),
    error: z.string().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Import' });
export type Import = z.infer<typeof Import>;

export const ImportList = z.object({ items: z.array(Import) });

export const SuggestionSpan = z.object({ start: z.number().int(), end: z.number().int() });
export type SuggestionSpan = z.infer<typeof SuggestionSpan>;

export const Suggestion = z
  .object({
    id,
    clientId: id,
    clientName: z.string(),
    code: redFlagCode,
    severity,
    /** The detector's stable rule id, e.g. `en.payment.refuse`. */
    rule: z.string(),
    /** UTF-16 offsets into `message.text`. */
    spans: z.array(SuggestionSpan),
    status: z.enum(SUGGESTION_STATUSES),
    incidentId: z.string().nullable(),
    createdAt: z.string(),
    message: z.object({
      id,
      sender: z.string(),
      sentAt: z.string(),
      subject: z.string().nullable(),
      text: z.string(),
    }),
    /** The message arrived after the relationship ended (contact after close, A1; issue 8). */
    afterClose: z.boolean().optional(),
  })
  .meta({ id: 'Suggestion' });
export type Suggestion = z.infer<typeof Suggestion>;

export const SuggestionList = z.object({ items: z.array(Suggestion) });

export const SuggestionQuery = z.strictObject({
  client: id.optional(),
  status: z.enum(SUGGESTION_STATUSES).default('open'),
});
export type SuggestionQuery = z.infer<typeof SuggestionQuery>;

export const ConfirmSuggestionInput = z.strictObject({
  severity: severity.optional(),
  note: freeText(LIMITS.noteMax).optional(),
});
export type ConfirmSuggestionInput = z.infer<typeof ConfirmSuggestionInput>;

export const ConfirmSuggestionResult = z.object({ suggestion: Suggestion, incident: Incident });
export type ConfirmSuggestionResult = z.infer<typeof ConfirmSuggestionResult>;

export const DISMISS_SCOPES = ['this', 'pattern'] as const;

export const DismissSuggestionInput = z.strictObject({
  /** `this`: only this suggestion; `pattern`: stop suggesting this rule for this client. */
  scope: z.enum(DISMISS_SCOPES),
  note: freeText(LIMITS.noteMax).optional(),
});
export type DismissSuggestionInput = z.infer<typeof DismissSuggestionInput>;

export const DismissSuggestionResult = z.object({
  suggestion: Suggestion,
  /** Other open suggestions of the same client and rule dismissed with it (scope `pattern`). */
  dismissedAlso: z.number().int(),
});
export type DismissSuggestionResult = z.infer<typeof DismissSuggestionResult>;

export const Suppression = z
  .object({
    id,
    rule: z.string(),
    code: redFlagCode,
    note: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Suppression' });
export type Suppression = z.infer<typeof Suppression>;

export const SuppressionList = z.object({ items: z.array(Suppression) });
