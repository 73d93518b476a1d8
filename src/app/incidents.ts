/** The red-flag journal: incidents with code, severity, date, source and the member involved. */

import { parseOrThrow } from '../contracts/issues.js';
import { type Incident, IncidentInput, IncidentPatch } from '../contracts/records.js';
import { DomainError } from '../core/errors.js';
import { markContactAfterClose, remarkContactAfterClose } from './after-exit.js';
import { found, isId, newRow, requireClient } from './context.js';
import type { Deps, Repos } from './ports.js';

export async function requireIncident(tx: Repos, workspaceId: string, incidentId: string): Promise<Incident> {
  return found(isId(incidentId) ? await tx.getIncident(workspaceId, incidentId) : undefined, 'INCIDENT_NOT_FOUND', 'incident', incidentId);
}

export async function addIncident(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  input: unknown,
): Promise<Incident> {
  const data = parseOrThrow(IncidentInput, input, 'VALIDATION_FAILED', 'incident');

  return deps.store.transaction(async (tx) => {
    await requireClient(tx, workspaceId, clientId);
    if (data.message_id !== null) {
      const message = await tx.getMessage(workspaceId, data.message_id);
      if (!message || message.client_id !== clientId) {
        throw new DomainError('MESSAGE_NOT_FOUND', `No message with id ${data.message_id} for this client.`, {
          issues: [{ path: 'message_id', message: 'does not name a message of this client' }],
        });
      }
    }

    const incident = await tx.insertIncident(workspaceId, clientId, newRow(deps), data);
    // The relapse guard (A1): an incident after the end is marked on arrival.
    const marked = await markContactAfterClose(tx, deps, workspaceId, clientId, [{ kind: 'incident', id: incident.id, at: incident.date }]);

    return { ...incident, after_close: marked.has(incident.id) };
  });
}

export async function updateIncident(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  incidentId: string,
  input: unknown,
): Promise<Incident> {
  const patch = parseOrThrow(IncidentPatch, input, 'VALIDATION_FAILED', 'incident');

  return deps.store.transaction(async (tx) => {
    const before = await requireIncident(tx, workspaceId, incidentId);
    const incident = (await tx.updateIncident(workspaceId, incidentId, patch, deps.clock.now().toISOString()))!;
    if (incident.date === before.date) return incident;
    // Re-dated: the relapse guard (A1) judges it again on its new day.
    const marked = await remarkContactAfterClose(tx, deps, workspaceId, incident.client_id, {
      kind: 'incident',
      id: incident.id,
      at: incident.date,
    });

    return { ...incident, after_close: marked };
  });
}

/** Deletes an incident; refused once evidence is attached (the evidence log is append-only). */
export async function deleteIncident(deps: Pick<Deps, 'store'>, workspaceId: string, incidentId: string): Promise<void> {
  await deps.store.transaction(async (tx) => {
    await requireIncident(tx, workspaceId, incidentId);
    const evidence = await tx.countEvidenceForIncident(workspaceId, incidentId);
    if (evidence > 0) {
      throw new DomainError(
        'EVIDENCE_LOCKED',
        'This incident has evidence in the tamper-evident log, so it cannot be deleted. Edit its note instead.',
      );
    }
    await tx.deleteIncident(workspaceId, incidentId);
  });
}
