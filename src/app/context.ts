/** Small helpers every use case shares: loading what must exist, and stamping new rows. */
import type { Client, Workspace } from '../contracts/records.js';
import { DomainError } from '../core/errors.js';
import type { Clock, Ids, NewRow, Repos } from './ports.js';

export function newRow(deps: { ids: Ids; clock: Clock }): NewRow {
  return { id: deps.ids.newId(), now: deps.clock.now().toISOString() };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row (and must not reach a PostgreSQL uuid compare). */
export function isId(value: string): boolean {
  return UUID.test(value);
}

export async function requireWorkspace(repos: Repos, workspaceId: string): Promise<Workspace> {
  const workspace = isId(workspaceId) ? await repos.getWorkspace(workspaceId) : undefined;
  if (!workspace) throw new DomainError('WORKSPACE_NOT_FOUND', `No workspace with id ${workspaceId}.`);

  return workspace;
}

export async function requireClient(repos: Repos, workspaceId: string, clientId: string): Promise<Client> {
  const client = isId(clientId) ? await repos.getClient(workspaceId, clientId) : undefined;
  if (!client) throw new DomainError('CLIENT_NOT_FOUND', `No client with id ${clientId} in this workspace.`);

  return client;
}

export { nameKey } from '../core/names.js';

/** Throws `code` when `found` is falsy; for updates and deletes of child records. */
export function found<T>(value: T | undefined | false, code: DomainError['code'], what: string, id: string): T {
  if (value === undefined || value === false) throw new DomainError(code, `No ${what} with id ${id} in this workspace.`);

  return value;
}
