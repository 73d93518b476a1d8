/** Correspondence with the client. */

import { parseOrThrow } from '../contracts/issues.js';
import { type Message, MessageInput, MessagePatch } from '../contracts/records.js';
import { markContactAfterClose, remarkContactAfterClose } from './after-exit.js';
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
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  messageId: string,
  input: unknown,
): Promise<Message> {
  const patch = parseOrThrow(MessagePatch, input, 'VALIDATION_FAILED', 'message');

  return deps.store.transaction(async (tx) => {
    const before = found(
      isId(messageId) ? await tx.getMessage(workspaceId, messageId) : undefined,
      'MESSAGE_NOT_FOUND',
      'message',
      messageId,
    );
    const message = found(
      await tx.updateMessage(workspaceId, messageId, patch, deps.clock.now().toISOString()),
      'MESSAGE_NOT_FOUND',
      'message',
      messageId,
    );
    if (message.sent_at === before.sent_at) return message;
    // Re-dated: the relapse guard (A1) judges it again on its new day.
    const marked = await remarkContactAfterClose(tx, deps, workspaceId, message.client_id, {
      kind: 'message',
      id: message.id,
      at: message.sent_at,
    });

    return { ...message, after_close: marked };
  });
}

export async function deleteMessage(deps: Pick<Deps, 'store'>, workspaceId: string, messageId: string): Promise<void> {
  found(isId(messageId) && (await deps.store.deleteMessage(workspaceId, messageId)), 'MESSAGE_NOT_FOUND', 'message', messageId);
}
