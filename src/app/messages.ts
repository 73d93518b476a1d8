/** Correspondence with the client. */

import { parseOrThrow } from '../contracts/issues.js';
import { type Message, MessageInput, MessagePatch } from '../contracts/records.js';
import { markContactAfterClose } from './after-exit.js';
import { found, isId, newRow, requireClient } from './context.js';
import type { Deps } from './ports.js';

export async function addMessage(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  input: unknown,
): Promise<Message> {
  const data = parseOrThrow(MessageInput, input, 'VALIDATION_FAILED', 'message');

  return deps.store.transaction(async (tx) => {
    await requireClient(tx, workspaceId, clientId);
    const message = await tx.insertMessage(workspaceId, clientId, newRow(deps), data);
    // The relapse guard (A1): a message after the end is marked on arrival.
    const marked = await markContactAfterClose(tx, deps, workspaceId, clientId, [{ kind: 'message', id: message.id, at: message.sent_at }]);

    return { ...message, after_close: marked.has(message.id) };
  });
}

export async function updateMessage(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  messageId: string,
  input: unknown,
): Promise<Message> {
  const patch = parseOrThrow(MessagePatch, input, 'VALIDATION_FAILED', 'message');

  return found(
    isId(messageId) ? await deps.store.updateMessage(workspaceId, messageId, patch, deps.clock.now().toISOString()) : undefined,
    'MESSAGE_NOT_FOUND',
    'message',
    messageId,
  );
}

export async function deleteMessage(deps: Pick<Deps, 'store'>, workspaceId: string, messageId: string): Promise<void> {
  found(isId(messageId) && (await deps.store.deleteMessage(workspaceId, messageId)), 'MESSAGE_NOT_FOUND', 'message', messageId);
}
