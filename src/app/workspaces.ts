/** Workspaces: every record lives in exactly one. */

import { parseOrThrow } from '../contracts/issues.js';
import { type Workspace, WorkspaceInput, WorkspacePatch } from '../contracts/records.js';
import { newRow, requireWorkspace } from './context.js';
import type { Deps } from './ports.js';

export const DEFAULT_WORKSPACE_NAME = 'My workspace';

export async function createWorkspace(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  input: unknown,
  options: { isDemo?: boolean } = {},
): Promise<Workspace> {
  const data = parseOrThrow(WorkspaceInput, input, 'VALIDATION_FAILED', 'workspace');

  return deps.store.insertWorkspace(newRow(deps), { ...data, is_demo: options.isDemo ?? false });
}

export async function listWorkspaces(deps: Pick<Deps, 'store'>): Promise<Workspace[]> {
  return deps.store.listWorkspaces();
}

export async function getWorkspace(deps: Pick<Deps, 'store'>, workspaceId: string): Promise<Workspace> {
  return requireWorkspace(deps.store, workspaceId);
}

export async function updateWorkspace(deps: Pick<Deps, 'store' | 'clock'>, workspaceId: string, input: unknown): Promise<Workspace> {
  const patch = parseOrThrow(WorkspacePatch, input, 'VALIDATION_FAILED', 'workspace');

  return deps.store.transaction(async (tx) => {
    await requireWorkspace(tx, workspaceId);
    const updated = await tx.updateWorkspace(workspaceId, patch, deps.clock.now().toISOString());

    return updated!;
  });
}

/**
 * The workspace a solo user works in: the first non-demo workspace, created on first use.
 * Runs in one transaction so two processes starting together create only one.
 */
export async function ensureDefaultWorkspace(deps: Pick<Deps, 'store' | 'clock' | 'ids'>): Promise<Workspace> {
  return deps.store.transaction(async (tx) => {
    const existing = (await tx.listWorkspaces()).find((w) => !w.is_demo);
    if (existing) return existing;

    return tx.insertWorkspace(newRow(deps), { ...WorkspaceInput.parse({ name: DEFAULT_WORKSPACE_NAME }), is_demo: false });
  });
}

/** Finds a workspace by id or by exact name (for the CLI's --workspace). */
export async function resolveWorkspace(deps: Pick<Deps, 'store' | 'clock' | 'ids'>, ref: string | undefined): Promise<Workspace> {
  if (ref === undefined || ref === '') return ensureDefaultWorkspace(deps);
  const all = await deps.store.listWorkspaces();
  const byId = all.find((w) => w.id === ref);
  if (byId) return byId;
  const byName = all.filter((w) => w.name.toLocaleLowerCase() === ref.toLocaleLowerCase());
  if (byName.length === 1) return byName[0]!;

  return requireWorkspace(deps.store, ref);
}
