/** Hours spent on a client per month (for the economics of rule D6). */
import { z } from 'zod';
import { isoMonth } from '../contracts/common.js';
import { parseOrThrow } from '../contracts/issues.js';
import { type TimeEntry, TimeInput } from '../contracts/records.js';
import { newRow, requireClient } from './context.js';
import type { Deps } from './ports.js';

const Month = z.object({ month: isoMonth });

export async function setTime(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  month: string,
  input: unknown,
): Promise<TimeEntry> {
  parseOrThrow(Month, { month }, 'VALIDATION_FAILED', 'month');
  const { hours } = parseOrThrow(TimeInput, input, 'VALIDATION_FAILED', 'time');

  return deps.store.transaction(async (tx) => {
    await requireClient(tx, workspaceId, clientId);

    return tx.putTime(workspaceId, clientId, newRow(deps), month, hours);
  });
}

export async function deleteTime(deps: Pick<Deps, 'store'>, workspaceId: string, clientId: string, month: string): Promise<void> {
  parseOrThrow(Month, { month }, 'VALIDATION_FAILED', 'month');
  await deps.store.transaction(async (tx) => {
    await requireClient(tx, workspaceId, clientId);
    await tx.deleteTime(workspaceId, clientId, month);
  });
}
