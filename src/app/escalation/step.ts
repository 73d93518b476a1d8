/**
 * What every escalation step shares: validate the day, lock the client, run the state machine's
 * guard, and in the same transaction append the events, write what the step writes (a card, the
 * new manager) and update the status projection. A refused step throws INVALID_TRANSITION before
 * anything is written.
 */
import type { ClientEvent, ClientEventData } from '../../contracts/events.js';
import type { Card, Client, ClientPatch } from '../../contracts/records.js';
import { dateInZone } from '../../core/dates.js';
import { DomainError } from '../../core/errors.js';
import {
  allowedEvents,
  type EscalationEvent,
  type EscalationState,
  explainRefusal,
  type GuardAssessment,
  nextStatus,
  type RedCardGrounds,
} from '../../core/escalation/machine.js';
import { TEAM_NAMES_LIMIT, teamOf } from '../../core/escalation/team.js';
import { isId, newRow, requireWorkspace } from '../context.js';
import type { Deps, Repos } from '../ports.js';

/** The actor recorded when RedCard is used alone. */
export const SOLO_ACTOR = 'you';

/** Which client a step is about, and who takes it. */
export interface StepTarget {
  workspaceId: string;
  clientId: string;
}

/** The validated common fields of a step. */
export interface StepFields {
  date?: string | undefined;
  note: string;
  actor?: string | undefined;
}

export interface StepPlan {
  event: EscalationEvent;
  /** The assessment on the step's date, for the red-card guard; null for the other steps. */
  assessment: GuardAssessment | null;
  /** The reason recorded on the status change (reopen, retracting a red card). */
  reason: string | null;
  /** Writes what the step writes besides the status, once the guard has passed. */
  write?(args: { tx: Repos; client: Client; date: string; grounds: RedCardGrounds | null }): Promise<{
    events: ClientEventData[];
    card?: Card;
    patch?: Pick<ClientPatch, 'manager'>;
  }>;
}

export interface StepResult {
  client: Client;
  events: ClientEvent[];
  card: Card | null;
}

function invalidDate(message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `Invalid date: ${message}`, { issues: [{ path: 'date', message }] });
}

/** Runs one escalation step in one transaction. */
export async function takeStep(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  target: StepTarget,
  fields: StepFields,
  plan: StepPlan,
): Promise<StepResult> {
  const { workspaceId, clientId } = target;

  return deps.store.transaction(async (tx) => {
    const workspace = await requireWorkspace(tx, workspaceId);
    const client = isId(clientId) ? await tx.lockClient(workspaceId, clientId) : undefined;
    if (!client) throw new DomainError('CLIENT_NOT_FOUND', `No client with id ${clientId} in this workspace.`);

    const today = dateInZone(deps.clock.now(), workspace.timezone);
    const date = fields.date ?? today;
    if (date > today) throw invalidDate(`must not be after today (${today})`);
    const log = await tx.listClientEvents(workspaceId, clientId, 'desc');
    // The log is read in seq order; a step dated before the last one would make the dates lie about
    // that order. An import is a restore dated the day it ran, not a step: steps may predate it.
    const lastDate = log.reduce<string | null>((max, e) => (e.type !== 'imported' && (max === null || e.date > max) ? e.date : max), null);
    if (lastDate !== null && date < lastDate) throw invalidDate(`must not be before the last escalation step (${lastDate})`);

    const cards = await tx.listCards(workspaceId, clientId);
    const state: EscalationState = {
      status: client.status,
      yellowCardGiven: cards.some((c) => c.color === 'yellow' && c.date <= date),
    };
    const teamSize = plan.event.type === 'reassign' ? teamOf(await tx.listMemberNames(workspaceId, clientId, TEAM_NAMES_LIMIT)).length : 0;
    const result = nextStatus(state, plan.event, {
      providerKind: workspace.provider_kind,
      teamSize,
      currentMember: client.manager,
      assessment: plan.assessment,
    });
    if (!result.ok) {
      throw new DomainError('INVALID_TRANSITION', explainRefusal(result.reason, state, plan.event.type), {
        details: {
          refusal: result.reason,
          from_status: client.status,
          event: plan.event.type,
          allowed_events: allowedEvents(client.status),
        },
      });
    }

    const written = (await plan.write?.({ tx, client, date, grounds: result.grounds })) ?? { events: [] };
    const statusChange: ClientEventData = {
      type: 'status_changed',
      payload: { event: plan.event.type, from: client.status, to: result.status, reason: plan.reason },
    };
    const at = deps.clock.now().toISOString();
    const actor = fields.actor ?? SOLO_ACTOR;
    const events = await tx.appendClientEvents(
      workspaceId,
      clientId,
      [...written.events, statusChange].map((e) => ({ ...e, id: newRow(deps).id, actor, at, date, note: fields.note })),
    );
    const updated = await tx.updateClient(workspaceId, clientId, { status: result.status, ...written.patch }, at);

    return { client: updated ?? client, events, card: written.card ?? null };
  });
}
