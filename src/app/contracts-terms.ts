/** The client's contract and its termination terms (C1): at most one per client. */

import { parseOrThrow } from '../contracts/issues.js';
import { type Contract, ContractInput } from '../contracts/records.js';
import { DomainError } from '../core/errors.js';
import { newRow, requireClient } from './context.js';
import type { Deps } from './ports.js';

export async function setContract(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  input: unknown,
): Promise<Contract> {
  const data = parseOrThrow(ContractInput, input, 'VALIDATION_FAILED', 'contract');
  if (data.signed && data.ends && data.ends < data.signed) {
    throw new DomainError('VALIDATION_FAILED', 'Invalid contract: ends: must not be before the signing date', {
      issues: [{ path: 'ends', message: 'must not be before the signing date' }],
    });
  }

  return deps.store.transaction(async (tx) => {
    await requireClient(tx, workspaceId, clientId);

    return tx.putContract(workspaceId, clientId, newRow(deps), data);
  });
}

export async function removeContract(deps: Pick<Deps, 'store'>, workspaceId: string, clientId: string): Promise<void> {
  await deps.store.transaction(async (tx) => {
    await requireClient(tx, workspaceId, clientId);
    await tx.deleteContract(workspaceId, clientId);
  });
}
