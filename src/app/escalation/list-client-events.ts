/** The audit trail of one client: every escalation step with its date, actor and note. */
import type { ClientEvent } from '../../contracts/events.js';
import { requireClient, requireWorkspace } from '../context.js';
import type { Deps } from '../ports.js';
import type { StepTarget } from './step.js';

export interface ListClientEventsOptions extends StepTarget {
  /** Newest first ('desc', the default: what a trail shows) or oldest first ('asc': replay order). */
  order?: 'asc' | 'desc';
}

export async function listClientEvents(deps: Pick<Deps, 'store'>, options: ListClientEventsOptions): Promise<ClientEvent[]> {
  return deps.store.transaction(async (tx) => {
    await requireWorkspace(tx, options.workspaceId);
    await requireClient(tx, options.workspaceId, options.clientId);

    return tx.listClientEvents(options.workspaceId, options.clientId, options.order ?? 'desc');
  });
}
