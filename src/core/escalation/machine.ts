/**
 * The escalation state machine (issue 4; DOMAIN.md D4, D5, A1, A2): where a client relationship
 * stands and which explicit step may move it. Pure: the facts a guard needs (the provider's kind,
 * the current manager, the assessment on the step's date) come in as arguments.
 *
 *   active ─watch→ watch
 *   active|watch|reassigned ─yellow_card→ warned                         (D4: warn first)
 *   active|watch|warned ─reassign→ reassigned                            (D5: a team (an agency, or two or more
 *                                                                          known members), to another member)
 *   active|watch|warned|reassigned ─red_card→ exiting                    (D4; without a prior yellow card only
 *                                                                          by section 7 rules 1 and 2, or an override with a reason)
 *   exiting ─end→ ended ─close→ closed                                   (A1: closed for contact)
 *   ended|closed ─reopen→ active                                          (A2: only with a written reason)
 *   watch|warned|reassigned|exiting ─back_to_active→ active               (retracting a red card needs a reason)
 */
import type { Recommendation } from '../assessment/types.js';
import { assertNever } from '../errors.js';
import { nameKey } from '../names.js';
import type { ClientStatus, ProviderKind } from '../vocabulary.js';

/** The steps a user can take, in the order the UI offers them. */
export const ESCALATION_EVENTS = ['watch', 'yellow_card', 'reassign', 'red_card', 'end', 'close', 'reopen', 'back_to_active'] as const;
export type EscalationEventType = (typeof ESCALATION_EVENTS)[number];

/** The steps that need nothing but (sometimes) a reason: the generic status change. */
export const STATUS_EVENTS = ['watch', 'end', 'close', 'reopen', 'back_to_active'] as const;
export type StatusEventType = (typeof STATUS_EVENTS)[number];

/** How a yellow or red card was delivered (X2: prefer a call or a meeting, confirm in writing). */
export const CARD_CHANNELS = ['call', 'meeting', 'email', 'letter', 'chat', 'other'] as const;
export type CardChannel = (typeof CARD_CHANNELS)[number];

/** Why a red card was allowed: after a warning (D4), section 7 rule 1 (D1) or 2 (D2), or the user's override. */
export const RED_CARD_GROUNDS = ['after_yellow_card', 'rule_1', 'rule_2', 'override'] as const;
export type RedCardGrounds = (typeof RED_CARD_GROUNDS)[number];

/** The states nothing leads out of except `reopen` with a reason. */
export const TERMINAL_STATUSES: readonly ClientStatus[] = ['closed'];

/** A written reason (override, reopen, retracting a red card) must say something: at least this many characters. */
export const REASON_MIN_CHARS = 15;

export type EscalationEvent =
  | { type: 'watch' }
  | { type: 'yellow_card' }
  | { type: 'reassign'; toMember: string }
  | { type: 'red_card'; overrideReason?: string | null }
  | { type: 'end' }
  | { type: 'close' }
  | { type: 'reopen'; reason: string }
  | { type: 'back_to_active'; reason?: string | null };

export interface EscalationState {
  status: ClientStatus;
  /** A yellow card is on record (on or before the step's date). A warning, once given, stays given. */
  yellowCardGiven: boolean;
}

/** What the red-card guard reads from the assessment (src/core/assessment). */
export interface GuardAssessment {
  recommendation: Recommendation;
  reference_rule: number;
  reasons: ReadonlyArray<{ rule: string }>;
}

export interface TransitionContext {
  providerKind: ProviderKind;
  /**
   * How many team members the workspace knows (managers and members named in incidents, by name):
   * a workspace with two or more has a team to move a client within, whatever its provider kind.
   */
  teamSize: number;
  /** The team member who manages the client now. */
  currentMember: string | null;
  /** The assessment on the step's date; only a red card without a prior yellow card reads it. */
  assessment: GuardAssessment | null;
}

export const REFUSALS = [
  'not_allowed_from_status',
  'closed_for_contact',
  'reason_required',
  'yellow_card_first',
  'override_reason_too_short',
  'no_team',
  'member_required',
  'same_member',
] as const;
export type Refusal = (typeof REFUSALS)[number];

export type TransitionResult =
  | { ok: true; status: ClientStatus; state: EscalationState; grounds: RedCardGrounds | null }
  | { ok: false; reason: Refusal };

/** Where each step leads: a function of the step alone, which is what makes the log replayable. */
export function targetOf(event: EscalationEventType): ClientStatus {
  switch (event) {
    case 'watch':
      return 'watch';
    case 'yellow_card':
      return 'warned';
    case 'reassign':
      return 'reassigned';
    case 'red_card':
      return 'exiting';
    case 'end':
      return 'ended';
    case 'close':
      return 'closed';
    case 'reopen':
    case 'back_to_active':
      return 'active';
    default:
      return assertNever(event, 'escalation event');
  }
}

/** The statuses each step may start from (guards aside). */
export const SOURCES: Readonly<Record<EscalationEventType, readonly ClientStatus[]>> = {
  watch: ['active'],
  yellow_card: ['active', 'watch', 'reassigned'],
  reassign: ['active', 'watch', 'warned'],
  red_card: ['active', 'watch', 'warned', 'reassigned'],
  end: ['exiting'],
  close: ['ended'],
  reopen: ['ended', 'closed'],
  back_to_active: ['watch', 'warned', 'reassigned', 'exiting'],
};

/** The steps the table allows from `status`, before their guards. */
export function allowedEvents(status: ClientStatus): EscalationEventType[] {
  return ESCALATION_EVENTS.filter((e) => SOURCES[e].includes(status));
}

/** D5 needs someone to move the client to: an agency, or a workspace that names two or more members. */
export function hasTeam(context: Pick<TransitionContext, 'providerKind' | 'teamSize'>): boolean {
  return context.providerKind === 'agency' || context.teamSize >= 2;
}

function hasReason(text: string | null | undefined): boolean {
  return (text ?? '').trim().length >= REASON_MIN_CHARS;
}

/** Section 7 rules 1 (D1) and 2 (D2) are the only recommendations that skip the yellow card. */
function groundsInAssessment(assessment: GuardAssessment | null): RedCardGrounds | null {
  if (assessment === null || assessment.recommendation !== 'red_card') return null;
  const cites = (rule: string) => assessment.reasons.some((r) => r.rule === rule);
  if (assessment.reference_rule === 1 && cites('D1')) return 'rule_1';
  if (assessment.reference_rule === 2 && cites('D2')) return 'rule_2';

  return null;
}

/**
 * The status after `event`, or why it is refused. The refusal codes are stable: the API answers
 * them in a 409 INVALID_TRANSITION and `explainRefusal` turns them into a sentence.
 */
export function nextStatus(state: EscalationState, event: EscalationEvent, context: TransitionContext): TransitionResult {
  if (state.status === 'closed' && event.type !== 'reopen') return { ok: false, reason: 'closed_for_contact' };
  if (!SOURCES[event.type].includes(state.status)) return { ok: false, reason: 'not_allowed_from_status' };
  const to = targetOf(event.type);
  const done = (grounds: RedCardGrounds | null = null, yellowCardGiven = state.yellowCardGiven): TransitionResult => ({
    ok: true,
    status: to,
    state: { status: to, yellowCardGiven },
    grounds,
  });

  switch (event.type) {
    case 'watch':
    case 'end':
    case 'close':
      return done();
    case 'yellow_card':
      return done(null, true);
    case 'reassign': {
      if (!hasTeam(context)) return { ok: false, reason: 'no_team' };
      const target = nameKey(event.toMember);
      if (target === '') return { ok: false, reason: 'member_required' };
      if (context.currentMember !== null && nameKey(context.currentMember) === target) return { ok: false, reason: 'same_member' };

      return done();
    }
    case 'red_card': {
      if (state.yellowCardGiven) return done('after_yellow_card');
      const fromRules = groundsInAssessment(context.assessment);
      if (fromRules !== null) return done(fromRules);
      const override = event.overrideReason ?? '';
      if (override.trim() === '') return { ok: false, reason: 'yellow_card_first' };
      if (!hasReason(override)) return { ok: false, reason: 'override_reason_too_short' };

      return done('override');
    }
    case 'reopen':
      return hasReason(event.reason) ? done() : { ok: false, reason: 'reason_required' };
    case 'back_to_active':
      // Retracting a red card is as weighty as giving one: it needs a written reason.
      return state.status === 'exiting' && !hasReason(event.reason) ? { ok: false, reason: 'reason_required' } : done();
    default:
      return assertNever(event, 'escalation event');
  }
}

const STATUS_WORDS: Record<ClientStatus, string> = {
  active: 'active',
  watch: 'on watch',
  warned: 'warned (yellow card)',
  reassigned: 'reassigned to another team member',
  exiting: 'exiting (red card)',
  ended: 'ended',
  closed: 'closed for contact',
};

/** A user-facing status, e.g. "warned (yellow card)". */
export function describeStatus(status: ClientStatus): string {
  return STATUS_WORDS[status];
}

/** Why a step was refused and what is possible instead, in one or two sentences. */
export function explainRefusal(reason: Refusal, state: EscalationState, event: EscalationEventType): string {
  const allowed = allowedEvents(state.status);
  const instead = allowed.length > 0 ? ` Allowed from here: ${allowed.join(', ')}.` : '';
  const where = `The client is ${describeStatus(state.status)}`;
  switch (reason) {
    case 'not_allowed_from_status':
      return `${where}; "${event}" is not possible from there.${instead}`;
    case 'closed_for_contact':
      return `${where}: nothing changes until it is reopened (reopen, with a written reason of at least ${REASON_MIN_CHARS} characters).`;
    case 'reason_required':
      return `"${event}" needs a written reason of at least ${REASON_MIN_CHARS} characters.`;
    case 'yellow_card_first':
      return `No yellow card was given yet, and the assessment does not call for an immediate red card (section 7 rules 1 and 2: theft or fraud, grave abuse, refusal to pay long-overdue money). Give a yellow card first, or override and write why (at least ${REASON_MIN_CHARS} characters).`;
    case 'override_reason_too_short':
      return `The reason for a red card without a yellow card must be at least ${REASON_MIN_CHARS} characters: say why the warning is skipped.`;
    case 'no_team':
      return 'Moving a client to another team member (D5) needs a team: an agency, or at least two team members named in this workspace (as managers or in incidents). Alone, warn or end the relationship instead.';
    case 'member_required':
      return 'Name the team member the client moves to.';
    case 'same_member':
      return 'The client is already managed by that team member; name another one.';
    default:
      return assertNever(reason, 'refusal');
  }
}

/** What a step needs written before it can be taken. */
export const STEP_NEEDS = ['said_and_channel', 'member', 'reason', 'override_reason'] as const;
export type StepNeed = (typeof STEP_NEEDS)[number];

/** One step as the client page offers it: allowed or not, why not, and what it asks for. */
export interface StepOption {
  event: EscalationEventType;
  allowed: boolean;
  /** Why the step is refused now (null when allowed). */
  refusal: Refusal | null;
  /** What the step's dialog must ask for (a written reason, the member, the override's reason...). */
  needs: StepNeed[];
  /** For a red card: on what grounds it would be allowed as things stand (null: needs an override reason). */
  grounds: RedCardGrounds | null;
}

/**
 * Every step, judged for the client as it stands: what the UI offers, disables (with the refusal
 * as the tooltip) or asks for. Built from `nextStatus`, so the page never offers a step the use
 * case would refuse for its status, and asks exactly for what the guard needs.
 */
export function availableSteps(state: EscalationState, context: TransitionContext): StepOption[] {
  // A written reason long enough for every guard: only the shape of the answer matters here.
  const written = 'x'.repeat(REASON_MIN_CHARS);

  return ESCALATION_EVENTS.map((event): StepOption => {
    const refused = (refusal: Refusal): StepOption => ({ event, allowed: false, refusal, needs: [], grounds: null });
    switch (event) {
      case 'watch':
      case 'end':
      case 'close':
      case 'yellow_card': {
        const r = nextStatus(state, { type: event }, context);
        if (!r.ok) return refused(r.reason);

        return { event, allowed: true, refusal: null, needs: event === 'yellow_card' ? ['said_and_channel'] : [], grounds: null };
      }
      case 'reassign': {
        // Without a team the step is never possible, whatever the status: say that first.
        if (!hasTeam(context)) return refused('no_team');
        // Any other member will do to judge the step; the dialog asks for the real one.
        const r = nextStatus(state, { type: 'reassign', toMember: `${context.currentMember ?? ''} other` }, context);

        return r.ok ? { event, allowed: true, refusal: null, needs: ['member'], grounds: null } : refused(r.reason);
      }
      case 'red_card': {
        const bare = nextStatus(state, { type: 'red_card' }, context);
        if (bare.ok) return { event, allowed: true, refusal: null, needs: [], grounds: bare.grounds };
        if (bare.reason !== 'yellow_card_first') return refused(bare.reason);

        return { event, allowed: true, refusal: null, needs: ['override_reason'], grounds: null };
      }
      case 'reopen':
      case 'back_to_active': {
        const bare = nextStatus(state, { type: event, reason: '' }, context);
        if (bare.ok) return { event, allowed: true, refusal: null, needs: [], grounds: null };
        if (bare.reason !== 'reason_required') return refused(bare.reason);
        const r = nextStatus(state, { type: event, reason: written }, context);

        return r.ok ? { event, allowed: true, refusal: null, needs: ['reason'], grounds: null } : refused(r.reason);
      }
      default:
        return assertNever(event, 'escalation event');
    }
  });
}
