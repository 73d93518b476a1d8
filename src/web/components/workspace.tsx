/**
 * The current workspace: chosen in the header, remembered in localStorage, defaulting to what
 * /api/config names. Everything below reads it from here.
 */
import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Workspace } from '../../contracts/records.js';
import { type AppConfig, api, keys } from '../api/client.js';
import { STORAGE_KEYS, storage } from '../lib/storage.js';
import { LoadError, PageLoader } from './status.js';

export interface WorkspaceState {
  config: AppConfig;
  workspaces: Workspace[];
  workspace: Workspace;
  workspaceId: string;
  setWorkspaceId: (id: string) => void;
}

const WorkspaceContext = createContext<WorkspaceState | null>(null);

export function useWorkspace(): WorkspaceState {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');

  return value;
}

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const config = useQuery({ queryKey: keys.config, queryFn: api.config, staleTime: Number.POSITIVE_INFINITY });
  const workspaces = useQuery({ queryKey: keys.workspaces, queryFn: api.workspaces.list });
  const [chosen, setChosen] = useState<string | null>(() => storage.get(STORAGE_KEYS.workspace));

  const setWorkspaceId = useCallback((id: string) => {
    storage.set(STORAGE_KEYS.workspace, id);
    setChosen(id);
  }, []);

  const value = useMemo<WorkspaceState | null>(() => {
    if (!config.data || !workspaces.data || workspaces.data.length === 0) return null;
    const list = workspaces.data;
    const workspace =
      list.find((w) => w.id === chosen) ?? list.find((w) => w.id === config.data.default_workspace_id) ?? (list[0] as Workspace);

    return { config: config.data, workspaces: list, workspace, workspaceId: workspace.id, setWorkspaceId };
  }, [config.data, workspaces.data, chosen, setWorkspaceId]);

  if (config.error || workspaces.error) {
    return (
      <LoadError
        error={config.error ?? workspaces.error}
        onRetry={() => {
          void config.refetch();
          void workspaces.refetch();
        }}
      />
    );
  }
  if (!value) return <PageLoader />;

  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}
