/**
 * The saved exit plan (issue 5, "in the product"): what the exit wizard sends, what the client
 * page reads as a checklist, and the dashboard's overdue steps. Shared by the API, the CLI and the
 * web UI. Every text of the handover inventory is refused when it looks like a secret (X9: the
 * inventory records which access exists and its state, never a password).
 */
import { z } from 'zod';
import { assertNever } from '../core/errors.js';
import { REASON_MIN_CHARS } from '../core/escalation/machine.js';
import { HANDOVER_KINDS, HANDOVER_STATES, secretLikeReason, statesFor } from '../core/exit/saved.js';
import { EXIT_PATHS } from '../core/exit/types.js';
import { LIMITS } from '../core/limits.js';
import { freeText, id, isoDate, name } from './common.js';
import { ExitPathSchema, ExitPlan, PlanStep } from './plan.js';

const SECRET_WORDS: Record<NonNullable<ReturnType<typeof secretLikeReason>>, string> = {
  credential_label: 'it looks like a password, PIN or key written after its label',
  private_key: 'it looks like a private key',
  known_token: 'it looks like an access token or API key',
  url_credentials: 'it is an address with a user name and password in it',
  password_like: 'it contains a word built like a password or a generated key',
};

/** Text that must not carry a secret; the message starts with "secret:" so the UI can explain it. */
const noSecret = <T extends z.ZodType<string>>(schema: T) =>
  schema.superRefine((value, ctx) => {
    const reason = secretLikeReason(value);
    if (reason)
      ctx.addIssue({
        code: 'custom',
        message: `secret:${reason}: must not hold a password or any other secret (${SECRET_WORDS[reason]}); record only which access exists and its state`,
      });
  });

const reason = z
  .string()
  .trim()
  .min(REASON_MIN_CHARS, { message: `must be at least ${REASON_MIN_CHARS} characters: say why` })
  .max(LIMITS.noteMax, { message: `must be at most ${LIMITS.noteMax} characters` });

export const HandoverKind = z
  .enum(HANDOVER_KINDS)
  .describe('files and materials that belong to the client, or an access to transfer or revoke');
export const HandoverState = z
  .enum(HANDOVER_STATES)
  .describe('files and materials: to_send, sent; access: to_transfer, transferred, to_revoke, revoked, kept');

const stateFits = (v: { kind?: z.infer<typeof HandoverKind> | undefined; state?: z.infer<typeof HandoverState> | undefined }) =>
  v.kind === undefined || v.state === undefined || statesFor(v.kind).includes(v.state);
const stateFitsIssue = {
  message: 'does not fit the kind: files and materials are to_send or sent; access is to_transfer, transferred, to_revoke, revoked or kept',
  path: ['state'],
};

/** One line of the handover inventory as the user writes it. */
export const HandoverItemInput = z
  .strictObject({
    kind: HandoverKind,
    label: noSecret(name).describe('what it is, e.g. "Hetzner project, admin role" or "Brand assets folder"; never a password'),
    state: HandoverState.optional().describe('default: to_send for files and materials, to_transfer for access'),
    note: noSecret(freeText(1000)).default(''),
  })
  .refine(stateFits, stateFitsIssue);
export type HandoverItemInput = z.input<typeof HandoverItemInput>;

export const HandoverItemPatch = z
  .strictObject({
    kind: HandoverKind.optional(),
    label: noSecret(name).optional(),
    state: HandoverState.optional(),
    note: noSecret(freeText(1000)).optional(),
  })
  .refine(stateFits, stateFitsIssue);
export type HandoverItemPatch = z.input<typeof HandoverItemPatch>;

export const HandoverItem = z
  .object({
    id,
    plan_id: id,
    kind: HandoverKind,
    label: z.string(),
    state: HandoverState,
    note: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'HandoverItem' });
export type HandoverItem = z.infer<typeof HandoverItem>;

/** The user's change to one generated step: a due date or an owner. */
export const StepAdjustment = z.strictObject({
  key: z.string().min(1).max(100).describe('the step id of the computed plan, e.g. "conversation"'),
  due: isoDate.optional(),
  owner: name.optional(),
});

export const ReferralChoice = z.strictObject({
  mode: z.enum(['colleague', 'resources_only']),
  /** X8 (004): a colleague is recommended only after checking them. */
  checked_first: z.boolean().default(false),
  note: freeText(1000).default('').describe('who, or which resources'),
});

/** Create or replace the client's saved exit plan (the wizard's last step). */
export const SaveExitPlanRequest = z
  .strictObject({
    path: ExitPathSchema,
    /** Required when the path is not the assessment's (or the assessment recommends no exit). */
    path_reason: reason.optional(),
    /** The day to tell the client; refused while the right to terminate is false or unknown (C3). */
    tell_on: isoDate.optional(),
    /** Plan as of this day (default: the workspace's today). */
    today: isoDate.optional(),
    steps: z.array(StepAdjustment).max(200).default([]),
    /** Inventory lines to add with the plan (the wizard's handover step). */
    handover: z.array(HandoverItemInput).max(200).default([]),
    referral: ReferralChoice.optional().describe('default: what the plan allows (X8)'),
    actor: name.optional(),
  })
  .meta({ id: 'SaveExitPlanRequest' });
export type SaveExitPlanRequest = z.input<typeof SaveExitPlanRequest>;

/** Preview what saving would store, without storing it (the wizard's review). */
export const PreviewExitPlanRequest = SaveExitPlanRequest;

export const SavedStep = z
  .object({
    id,
    key: z.string(),
    title: z.string(),
    due: isoDate.nullable(),
    owner: z.string(),
    rule: PlanStep.shape.rule,
    adjusted: z.boolean().describe('the user moved the due date or changed the owner'),
    done: z.boolean(),
    done_at: z.string().nullable(),
    done_by: z.string().nullable(),
    done_note: z.string().nullable(),
    days_overdue: z
      .number()
      .int()
      .nullable()
      .describe("days past the due date on the workspace's today; null when done, undated or not due"),
  })
  .meta({ id: 'SavedExitStep' });
export type SavedStep = z.infer<typeof SavedStep>;

export const SavedExitPlan = z
  .object({
    id,
    client_id: id,
    path: ExitPathSchema,
    recommended_path: ExitPathSchema.nullable().describe("the assessment's path when it recommends an exit or a reassignment"),
    path_reason: z.string().nullable(),
    tell_on: isoDate.nullable().describe('the tell date the user chose, if any'),
    planned_on: isoDate,
    today: isoDate.describe('the day the overdue counts are computed for'),
    referral: z.object({
      mode: z.enum(['colleague', 'resources_only']),
      allowed: z.enum(['colleague', 'resources_only']),
      reasons: z.array(z.string()),
      checked_first: z.boolean(),
      note: z.string(),
    }),
    steps: z.array(SavedStep),
    handover: z.array(HandoverItem),
    plan: ExitPlan.describe('the computed plan the steps were saved from: contract check, dates, money, warnings'),
    created_at: z.string(),
    updated_at: z.string(),
    updated_by: z.string(),
  })
  .meta({ id: 'SavedExitPlan' });
export type SavedExitPlan = z.infer<typeof SavedExitPlan>;

/** Tick or untick one step. Unticking needs a reason (it is recorded on the client's log). */
export const StepDoneRequest = z
  .strictObject({
    done: z.boolean(),
    note: freeText(1000).default('').describe('when ticking: what was done'),
    reason: reason.optional().describe('required when unticking: why the step is not done after all'),
    actor: name.optional(),
  })
  .refine((v) => v.done || v.reason !== undefined, { message: 'is required to untick a step: say why', path: ['reason'] })
  .meta({ id: 'StepDoneRequest' });
export type StepDoneRequest = z.input<typeof StepDoneRequest>;

export const OverdueStep = z
  .object({
    client_id: id,
    client_name: z.string(),
    plan_id: id,
    step_id: id,
    key: z.string(),
    title: z.string(),
    due: isoDate,
    owner: z.string(),
    rule: PlanStep.shape.rule,
    days_overdue: z.number().int(),
  })
  .meta({ id: 'OverdueExitStep' });
export type OverdueStep = z.infer<typeof OverdueStep>;

export const OverdueSteps = z.object({ today: isoDate, items: z.array(OverdueStep) }).meta({ id: 'OverdueExitSteps' });
export type OverdueSteps = z.infer<typeof OverdueSteps>;

// ---------------------------------------------------------------- the client's event log

export const EXIT_PLAN_ACTIONS = [
  'saved',
  'replanned',
  'step_done',
  'step_undone',
  'handover_added',
  'handover_changed',
  'handover_removed',
] as const;
export type ExitPlanAction = (typeof EXIT_PLAN_ACTIONS)[number];

/**
 * STORED in client_events.payload (read the banner of events.ts): a change to the saved exit plan.
 * The written reason of an untick or a path change is the event's note.
 */
export const ExitPlanEventPayload = z.object({
  action: z.enum(EXIT_PLAN_ACTIONS),
  path: z.enum(EXIT_PATHS).nullable(),
  step_key: z.string().nullable(),
  step_title: z.string().nullable(),
  item_label: z.string().nullable(),
  item_state: z.enum(HANDOVER_STATES).nullable(),
});
export type ExitPlanEventPayload = z.infer<typeof ExitPlanEventPayload>;

/** One English line for the CLI's history and logs (the web UI translates by action). */
export function describeExitPlanEvent(p: ExitPlanEventPayload): string {
  const path = p.path ? p.path.replaceAll('_', ' ') : '';
  switch (p.action) {
    case 'saved':
      return `Exit plan saved (${path})`;
    case 'replanned':
      return `Exit plan replanned (${path})`;
    case 'step_done':
      return `Exit step done: ${p.step_title ?? p.step_key ?? ''}`;
    case 'step_undone':
      return `Exit step not done after all: ${p.step_title ?? p.step_key ?? ''}`;
    case 'handover_added':
      return `Handover item added: ${p.item_label ?? ''} (${p.item_state ?? ''})`;
    case 'handover_changed':
      return `Handover item changed: ${p.item_label ?? ''} (${p.item_state ?? ''})`;
    case 'handover_removed':
      return `Handover item removed: ${p.item_label ?? ''}`;
    default:
      return assertNever(p.action, 'exit plan action');
  }
}

/** What the wizard's review shows before saving: the computed plan and the steps as they would be saved. */
export const ExitPlanPreview = z
  .object({
    plan: ExitPlan,
    recommended_path: ExitPathSchema.nullable(),
    path_reason_required: z.boolean(),
    steps: z.array(SavedStep.omit({ id: true })),
    replaces: z.boolean().describe('a saved plan exists: saving replaces it and keeps the done state of steps that remain'),
  })
  .meta({ id: 'ExitPlanPreview' });
export type ExitPlanPreview = z.infer<typeof ExitPlanPreview>;
