/** Engagements (kind per rule X1) with their deliverables. */

import { parseOrThrow } from '../contracts/issues.js';
import { type Engagement, EngagementInput, EngagementPatch } from '../contracts/records.js';
import { found, newRow, requireClient } from './context.js';
import type { Deps } from './ports.js';

type StoreDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

export async function addEngagement(deps: StoreDeps, workspaceId: string, clientId: string, input: unknown): Promise<Engagement> {
  const data = parseOrThrow(EngagementInput, input, 'VALIDATION_FAILED', 'engagement');

  return deps.store.transaction(async (tx) => {
    await requireClient(tx, workspaceId, clientId);

    return tx.insertEngagement(
      workspaceId,
      clientId,
      newRow(deps),
      data,
      data.deliverables.map(() => deps.ids.newId()),
    );
  });
}

export async function updateEngagement(deps: StoreDeps, workspaceId: string, engagementId: string, input: unknown): Promise<Engagement> {
  const { deliverables, ...patch } = parseOrThrow(EngagementPatch, input, 'VALIDATION_FAILED', 'engagement');
  const replacement = deliverables === undefined ? undefined : { ids: deliverables.map(() => deps.ids.newId()), items: deliverables };

  return deps.store.transaction(async (tx) =>
    found(
      await tx.updateEngagement(workspaceId, engagementId, patch, replacement, deps.clock.now().toISOString()),
      'ENGAGEMENT_NOT_FOUND',
      'engagement',
      engagementId,
    ),
  );
}

export async function deleteEngagement(deps: Pick<Deps, 'store'>, workspaceId: string, engagementId: string): Promise<void> {
  found(await deps.store.deleteEngagement(workspaceId, engagementId), 'ENGAGEMENT_NOT_FOUND', 'engagement', engagementId);
}
