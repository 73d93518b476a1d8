/** Yellow and red cards (D4). The escalation rules come with the assessment; here they are recorded. */

import { parseOrThrow } from '../contracts/issues.js';
import { type Card, CardInput, CardPatch } from '../contracts/records.js';
import { found, isId, newRow, requireClient } from './context.js';
import type { Deps } from './ports.js';

export async function addCard(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  input: unknown,
): Promise<Card> {
  const data = parseOrThrow(CardInput, input, 'VALIDATION_FAILED', 'card');

  return deps.store.transaction(async (tx) => {
    await requireClient(tx, workspaceId, clientId);

    return tx.insertCard(workspaceId, clientId, newRow(deps), data);
  });
}

export async function updateCard(deps: Pick<Deps, 'store' | 'clock'>, workspaceId: string, cardId: string, input: unknown): Promise<Card> {
  const patch = parseOrThrow(CardPatch, input, 'VALIDATION_FAILED', 'card');

  return found(
    isId(cardId) ? await deps.store.updateCard(workspaceId, cardId, patch, deps.clock.now().toISOString()) : undefined,
    'CARD_NOT_FOUND',
    'card',
    cardId,
  );
}

export async function deleteCard(deps: Pick<Deps, 'store'>, workspaceId: string, cardId: string): Promise<void> {
  found(isId(cardId) && (await deps.store.deleteCard(workspaceId, cardId)), 'CARD_NOT_FOUND', 'card', cardId);
}
