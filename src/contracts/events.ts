/**
 * ============================================================================================
 *  STORED DATA. The payloads below are written to `client_events.payload` as JSON and are read
 *  back through these schemas, for as long as the log exists. The log is append-only: old rows
 *  are never rewritten by the application.
 *
 *  - Adding an event type, or an optional field with a default, is safe.
 *  - Renaming, removing or narrowing a field, or adding a required one, breaks every stored row:
 *    it needs a migration in src/store/migrations/ that rewrites the old payloads, in the same
 *    change. Reading a row that no longer matches fails loudly (store/presenters.ts).
 * ============================================================================================
 *
 * The client event log (STYLE practice 13): every escalation step with its date, actor and note.
 * The client's `status` column is the projection of its `status_changed` events.
 */
import { z } from 'zod';
import { RECOMMENDATIONS } from '../core/assessment/types.js';
import { assertNever } from '../core/errors.js';
import {
  CARD_CHANNELS,
  ESCALATION_EVENTS,
  type EscalationEventType,
  REASON_MIN_CHARS,
  RED_CARD_GROUNDS,
  REFUSALS,
  STATUS_EVENTS,
  STEP_NEEDS,
} from '../core/escalation/machine.js';
import { LIMITS } from '../core/limits.js';
import { CARD_COLORS, CLIENT_STATUSES } from '../core/vocabulary.js';
import { freeText, id, isoDate, name, note } from './common.js';
import { describeExitPlanEvent, ExitPlanEventPayload } from './exit-plan.js';
import { Card, Client } from './records.js';

export const CLIENT_EVENT_TYPES = ['status_changed', 'card_issued', 'reassigned', 'override', 'imported', 'exit_plan'] as const;
export type ClientEventType = (typeof CLIENT_EVENT_TYPES)[number];

const status = z.enum(CLIENT_STATUSES);

/** The client moved from one status to another by an explicit step. */
export const StatusChangedPayload = z.object({
  event: z.enum(ESCALATION_EVENTS),
  from: status,
  to: status,
  /** The written reason, where the step asks for one (reopen, retracting a red card), else null. */
  reason: z.string().nullable(),
});

/** A yellow or red card was given: what was said, and how (X2). */
export const CardIssuedPayload = z.object({
  card_id: id,
  color: z.enum(CARD_COLORS),
  /** How it was delivered; a red card may be recorded without it (null). */
  channel: z.enum(CARD_CHANNELS).nullable(),
  said: z.string(),
  /** Why a red card was allowed (after a yellow card, rule 1, rule 2, override); null for a yellow card. */
  grounds: z.enum(RED_CARD_GROUNDS).nullable(),
});

/** D5: the client moved to another team member; incidents after `on` are judged against the new pairing. */
export const ReassignedPayload = z.object({
  from_member: z.string().nullable(),
  to_member: z.string(),
  on: z.string(),
});

/** The user overrode a guard and wrote why. */
export const OverridePayload = z.object({
  of: z.literal('red_card_without_yellow_card'),
  reason: z.string(),
  /** What the assessment said on the day, kept so the audit shows what was overridden. */
  recommendation: z.enum(RECOMMENDATIONS).nullable(),
  reference_rule: z.number().int().nullable(),
});

/**
 * The client was created from a case file (a restore, not a step): the status it starts from
 * and the dated reassignments the file carried, so the log explains the status and the
 * assessment still knows when the client changed hands (D5).
 */
export const ImportedPayload = z.object({
  format: z.string(),
  status,
  cards: z.object({ yellow: z.number().int(), red: z.number().int() }),
  reassignments: z.array(z.object({ date: z.string(), from_member: z.string().nullable(), to_member: z.string().nullable() })),
});

/** An event's type with its payload: what a use case appends. */
export const ClientEventData = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status_changed'), payload: StatusChangedPayload }),
  z.object({ type: z.literal('card_issued'), payload: CardIssuedPayload }),
  z.object({ type: z.literal('reassigned'), payload: ReassignedPayload }),
  z.object({ type: z.literal('override'), payload: OverridePayload }),
  z.object({ type: z.literal('imported'), payload: ImportedPayload }),
  z.object({ type: z.literal('exit_plan'), payload: ExitPlanEventPayload }),
]);
export type ClientEventData = z.infer<typeof ClientEventData>;

const EventBase = z.object({
  id,
  client_id: id,
  /** Position in the client's log, from 1, without gaps. */
  seq: z.number().int(),
  /** Who took the step: a team member's name, or "you" for a solo user. */
  actor: z.string(),
  /** When it was recorded (ISO-8601 UTC instant). */
  at: z.string(),
  /** The calendar date the step happened on, as the user gave it (YYYY-MM-DD). */
  date: z.string(),
  note: z.string(),
});

/** One entry of the audit trail, as the API, the CLI and the timeline read it. */
export const ClientEvent = z
  .discriminatedUnion('type', [
    EventBase.extend({ type: z.literal('status_changed'), payload: StatusChangedPayload }),
    EventBase.extend({ type: z.literal('card_issued'), payload: CardIssuedPayload }),
    EventBase.extend({ type: z.literal('reassigned'), payload: ReassignedPayload }),
    EventBase.extend({ type: z.literal('override'), payload: OverridePayload }),
    EventBase.extend({ type: z.literal('imported'), payload: ImportedPayload }),
    EventBase.extend({ type: z.literal('exit_plan'), payload: ExitPlanEventPayload }),
  ])
  .meta({ id: 'ClientEvent' });
export type ClientEvent = z.infer<typeof ClientEvent>;

// ---------------------------------------------------------------- escalation requests

/** A written reason: trimmed, long enough to say something. */
export const reason = z
  .string()
  .trim()
  .min(REASON_MIN_CHARS, { message: `must be at least ${REASON_MIN_CHARS} characters: say why` })
  .max(LIMITS.noteMax, { message: `must be at most ${LIMITS.noteMax} characters` });

const stepFields = {
  /** The day the step happened (default: today in the workspace's time zone). */
  date: isoDate.optional(),
  note: note.default(''),
  /** Who takes the step (default "you"). */
  actor: name.optional(),
};

export const YellowCardRequest = z.strictObject({
  channel: z.enum(CARD_CHANNELS),
  said: freeText(LIMITS.noteMax).refine((s) => s.trim().length > 0, { message: 'must say what was said to the client' }),
  ...stepFields,
});
export type YellowCardRequest = z.input<typeof YellowCardRequest>;

export const RedCardRequest = z.strictObject({
  channel: z.enum(CARD_CHANNELS).optional(),
  said: freeText(LIMITS.noteMax).default(''),
  /** Needed only without a prior yellow card, when section 7 rules 1 and 2 do not apply. */
  override_reason: reason.optional(),
  ...stepFields,
});
export type RedCardRequest = z.input<typeof RedCardRequest>;

export const ReassignRequest = z.strictObject({
  to_member: name,
  ...stepFields,
});
export type ReassignRequest = z.input<typeof ReassignRequest>;

export const StatusChangeRequest = z.strictObject({
  event: z.enum(STATUS_EVENTS),
  /** Required by reopen and by retracting a red card (back_to_active from exiting). */
  reason: reason.optional(),
  ...stepFields,
});
export type StatusChangeRequest = z.input<typeof StatusChangeRequest>;

/** What an escalation step answers: the client as it is now and what was appended. */
export const EscalationResult = z.object({
  client: Client,
  events: z.array(ClientEvent),
  card: Card.nullable(),
});
export type EscalationResult = z.infer<typeof EscalationResult>;

/** One step as the client page offers it (core/escalation/machine.ts availableSteps). */
export const StepOptionSchema = z.object({
  event: z.enum(ESCALATION_EVENTS),
  allowed: z.boolean(),
  /** Why it is refused now; null when allowed. */
  refusal: z.enum(REFUSALS).nullable(),
  /** The refusal in a sentence (English; the web UI words it by `refusal`). */
  message: z.string().nullable(),
  /** What its dialog must ask for. */
  needs: z.array(z.enum(STEP_NEEDS)),
  /** For a red card: the grounds it would be given on now; null when it needs an override reason. */
  grounds: z.enum(RED_CARD_GROUNDS).nullable(),
});

/** Where a client stands in the escalation and which steps are possible now. */
export const ClientSteps = z
  .object({
    status: z.enum(CLIENT_STATUSES),
    yellow_card_given: z.boolean(),
    manager: z.string().nullable(),
    /** The team members the workspace's records name (D5), for the reassignment's choices. */
    team: z.array(z.string()),
    /** What the assessment recommends today, which the red card's guard reads. */
    recommendation: z.enum(RECOMMENDATIONS),
    steps: z.array(StepOptionSchema),
  })
  .meta({ id: 'ClientSteps' });
export type ClientSteps = z.infer<typeof ClientSteps>;

// ---------------------------------------------------------------- timeline

const STEP_WORDS: Record<EscalationEventType, string> = {
  watch: 'Put on watch',
  yellow_card: 'Yellow card',
  reassign: 'Reassigned',
  red_card: 'Red card',
  end: 'Relationship ended',
  close: 'Closed for contact',
  reopen: 'Reopened',
  back_to_active: 'Back to active',
};

/** One line for a timeline or the CLI's history (English; the web UI translates by type). */
export function describeClientEvent(event: ClientEvent): string {
  switch (event.type) {
    case 'status_changed': {
      const why = event.payload.reason ? `: ${event.payload.reason}` : '';

      return `${STEP_WORDS[event.payload.event]} (${event.payload.from} → ${event.payload.to})${why}`;
    }
    case 'card_issued': {
      const how = event.payload.channel ? ` by ${event.payload.channel}` : '';
      const said = event.payload.said ? `: "${event.payload.said}"` : '';

      return `${event.payload.color === 'yellow' ? 'Yellow' : 'Red'} card given${how}${said}`;
    }
    case 'reassigned':
      return `Moved from ${event.payload.from_member ?? 'no named member'} to ${event.payload.to_member}`;
    case 'override':
      return `Override, red card without a yellow card: ${event.payload.reason}`;
    case 'imported':
      return `Imported from a case file as ${event.payload.status}`;
    case 'exit_plan':
      return describeExitPlanEvent(event.payload);
    default:
      return assertNever(event, 'client event');
  }
}
