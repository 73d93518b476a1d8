/**
 * Cards on record (D4). A card is an escalation fact: it is given only through the escalation
 * use cases (issue-yellow-card, issue-red-card), which guard it and log it, and a case-file
 * import restores cards with their client. Here only a card's note may be corrected; creating,
 * re-dating, recolouring or deleting a card is refused with ESCALATION_STEP_REQUIRED, naming the
 * step to take instead.
 */
import { parseOrThrow } from '../contracts/issues.js';
import { type Card, CardPatch } from '../contracts/records.js';
import { DomainError } from '../core/errors.js';
import { found, isId } from './context.js';
import type { Deps } from './ports.js';

/** Where cards are given instead (the API paths, relative to the workspace). */
export const CARD_STEPS = {
  yellow: 'POST /api/workspaces/{ws}/clients/{clientId}/cards/yellow',
  red: 'POST /api/workspaces/{ws}/clients/{clientId}/cards/red',
  status: 'POST /api/workspaces/{ws}/clients/{clientId}/status',
} as const;

function cardsThroughSteps(what: string, fields: string[] = []): DomainError {
  return new DomainError(
    'ESCALATION_STEP_REQUIRED',
    `${what} Cards are given only through the escalation steps, which check the rules and keep the audit trail: ${CARD_STEPS.yellow} for a yellow card, ${CARD_STEPS.red} for a red card (CLI: redcard card yellow|red). To step back from a card, use ${CARD_STEPS.status} with back_to_active and a reason.`,
    {
      issues: fields.map((path) => ({ path, message: 'changes only through an escalation step' })),
      details: { use: [CARD_STEPS.yellow, CARD_STEPS.red, CARD_STEPS.status] },
    },
  );
}

/** Refused: a card is given through a yellow- or red-card step. */
export async function addCard(_deps: unknown, _workspaceId: string, _clientId: string, _input: unknown): Promise<never> {
  throw cardsThroughSteps('A card cannot be added directly.');
}

/** Corrects a card's note; its colour and date are escalation facts and are refused here. */
export async function updateCard(deps: Pick<Deps, 'store' | 'clock'>, workspaceId: string, cardId: string, input: unknown): Promise<Card> {
  const patch = parseOrThrow(CardPatch, input, 'VALIDATION_FAILED', 'card');
  const fixed = (['date', 'color'] as const).filter((k) => patch[k] !== undefined);
  if (fixed.length > 0) throw cardsThroughSteps(`A card's ${fixed.join(' and ')} cannot be changed; only its note can.`, fixed);

  return found(
    isId(cardId) ? await deps.store.updateCard(workspaceId, cardId, { note: patch.note }, deps.clock.now().toISOString()) : undefined,
    'CARD_NOT_FOUND',
    'card',
    cardId,
  );
}

/**
 * Refused: a card given stays in the record; stepping back from it is a step too. A card that is
 * not there (or is another workspace's) is CARD_NOT_FOUND, so the refusal never confirms an id.
 */
export async function deleteCard(deps: Pick<Deps, 'store'>, workspaceId: string, cardId: string): Promise<never> {
  found(isId(cardId) ? await deps.store.getCard(workspaceId, cardId) : undefined, 'CARD_NOT_FOUND', 'card', cardId);
  throw cardsThroughSteps('A card cannot be deleted: it is part of the escalation record.');
}
