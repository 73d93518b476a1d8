/** Clients: add, list, show, change, remove, and find one by name or id. */

import { parseOrThrow } from '../contracts/issues.js';
import { type Client, type ClientDetail, ClientInput, ClientListQuery, ClientPatch, type ClientSummary } from '../contracts/records.js';
import { dateInZone } from '../core/dates.js';
import { DomainError } from '../core/errors.js';
import { withAfterCloseFlags } from './after-exit.js';
import { isId, nameKey, newRow, requireClient, requireWorkspace } from './context.js';
import type { Deps, Repos } from './ports.js';
import { isUniqueViolation } from './unique.js';

type StoreDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

function duplicateName(name: string): DomainError {
  return new DomainError('DUPLICATE_CLIENT', `A client named "${name}" already exists in this workspace.`, {
    issues: [{ path: 'name', message: 'is already used by another client' }],
  });
}

/** The status is the escalation's: it moves only through a step, which guards and logs it. */
function statusThroughSteps(what: string): DomainError {
  const step = 'POST /api/workspaces/{ws}/clients/{clientId}';
  return new DomainError(
    'ESCALATION_STEP_REQUIRED',
    `${what} The status changes only through an escalation step, which checks the rules and records it in the audit trail: ${step}/status (watch, end, close, reopen, back_to_active), ${step}/cards/yellow, ${step}/cards/red or ${step}/reassign (CLI: redcard status CLIENT STEP, redcard card yellow|red).`,
    {
      issues: [{ path: 'status', message: 'changes only through an escalation step' }],
      details: { use: [`${step}/status`, `${step}/cards/yellow`, `${step}/cards/red`, `${step}/reassign`] },
    },
  );
}

export async function addClient(deps: StoreDeps, workspaceId: string, input: unknown): Promise<Client> {
  const data = parseNewClient(input);

  return namingDuplicates(data.name, () => deps.store.transaction((tx) => insertNewClient(tx, deps, workspaceId, data)));
}

/** A new client's fields, validated; a new client starts active (its status moves only by steps). */
export function parseNewClient(input: unknown): ClientInput {
  const data = parseOrThrow(ClientInput, input, 'VALIDATION_FAILED', 'client');
  if (data.status !== 'active') throw statusThroughSteps('A new client starts active.');

  return data;
}

/**
 * Adds a client inside the caller's transaction, so a use case that creates one as part of a
 * larger step (accepting a prospect) writes everything or nothing. Run the transaction through
 * namingDuplicates: a name taken by a concurrent write fails it with a unique violation.
 */
export async function insertNewClient(
  tx: Repos,
  deps: Pick<Deps, 'clock' | 'ids'>,
  workspaceId: string,
  data: ClientInput,
): Promise<Client> {
  await requireWorkspace(tx, workspaceId);
  if (await tx.findClientByNameKey(workspaceId, nameKey(data.name))) throw duplicateName(data.name);

  return tx.insertClient(workspaceId, newRow(deps), { ...data, name_key: nameKey(data.name) });
}

/** Runs `write`; a unique violation (a concurrent client of the same name) reads as DUPLICATE_CLIENT. */
export async function namingDuplicates<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  }
}

export async function listClients(deps: Pick<Deps, 'store' | 'clock'>, workspaceId: string, query: unknown = {}): Promise<ClientSummary[]> {
  const q = parseOrThrow(ClientListQuery, query, 'VALIDATION_FAILED', 'search');
  const workspace = await requireWorkspace(deps.store, workspaceId);
  const today = dateInZone(deps.clock.now(), workspace.timezone);

  return deps.store.listClients(workspaceId, { ...q, today });
}

/** Everything recorded about one client, read in one transaction so it is consistent. */
export async function getClientDetail(deps: Pick<Deps, 'store'>, workspaceId: string, clientId: string): Promise<ClientDetail> {
  // after-exit (issue 8): messages and incidents carry their contact-after-close flag.
  return deps.store.transaction(async (tx) => withAfterCloseFlags(tx, workspaceId, await readClientDetail(tx, workspaceId, clientId)));
}

export async function readClientDetail(tx: Repos, workspaceId: string, clientId: string): Promise<ClientDetail> {
  const client = await requireClient(tx, workspaceId, clientId);
  const [contract, engagements, invoices, time, incidents, cards, messages] = [
    await tx.getContract(workspaceId, clientId),
    await tx.listEngagements(workspaceId, clientId),
    await tx.listInvoices(workspaceId, clientId),
    await tx.listTime(workspaceId, clientId),
    await tx.listIncidents(workspaceId, clientId),
    await tx.listCards(workspaceId, clientId),
    await tx.listMessages(workspaceId, clientId),
  ];

  return { client, contract, engagements, invoices, time, incidents, cards, messages };
}

export async function updateClient(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  clientId: string,
  input: unknown,
): Promise<Client> {
  const patch = parseOrThrow(ClientPatch, input, 'VALIDATION_FAILED', 'client');
  try {
    return await deps.store.transaction(async (tx) => {
      const current = await requireClient(tx, workspaceId, clientId);
      // Sending the status it already has (a form that posts the whole client) changes nothing.
      if (patch.status !== undefined && patch.status !== current.status) {
        throw statusThroughSteps(`The status cannot be set from ${current.status} to ${patch.status} by editing the client.`);
      }
      if (patch.name !== undefined) {
        const other = await tx.findClientByNameKey(workspaceId, nameKey(patch.name));
        if (other && other.id !== clientId) throw duplicateName(patch.name);
      }
      const withKey = patch.name === undefined ? patch : { ...patch, name_key: nameKey(patch.name) };

      return (await tx.updateClient(workspaceId, clientId, withKey, deps.clock.now().toISOString()))!;
    });
  } catch (error) {
    if (isUniqueViolation(error) && patch.name !== undefined) throw duplicateName(patch.name);
    throw error;
  }
}

/** Removes a client and its record. Refused while evidence is attached: the evidence log is append-only. */
export async function deleteClient(deps: Pick<Deps, 'store'>, workspaceId: string, clientId: string): Promise<void> {
  await deps.store.transaction(async (tx) => {
    await requireClient(tx, workspaceId, clientId);
    const evidence = await tx.countEvidenceForClient(workspaceId, clientId);
    if (evidence > 0) {
      throw new DomainError(
        'EVIDENCE_LOCKED',
        `This client has ${evidence} evidence file${evidence === 1 ? '' : 's'} in the tamper-evident log, so it cannot be deleted. Mark it as ended instead.`,
      );
    }
    await tx.deleteClient(workspaceId, clientId);
  });
}

/** Finds a client by id or by name (case-insensitive); for the CLI's CLIENT argument. */
export async function resolveClient(deps: Pick<Deps, 'store' | 'clock'>, workspaceId: string, ref: string): Promise<Client> {
  if (isId(ref)) {
    const byId = await deps.store.getClient(workspaceId, ref);
    if (byId) return byId;
  }
  const exact = await deps.store.findClientByNameKey(workspaceId, nameKey(ref));
  if (exact) return exact;
  const partial = await listClients(deps, workspaceId, { q: ref });
  if (partial.length === 1) return partial[0]!;
  if (partial.length > 1) {
    throw new DomainError(
      'CLIENT_AMBIGUOUS',
      `"${ref}" matches ${partial.length} clients: ${partial
        .slice(0, 5)
        .map((c) => c.name)
        .join(', ')}${partial.length > 5 ? ', ...' : ''}. Use the full name or the id.`,
    );
  }
  throw new DomainError('CLIENT_NOT_FOUND', `No client named or with id "${ref}" in this workspace.`);
}
