/** What every route plugin receives: the use-case dependencies and the server's settings. */
import type { Deps } from '../app/ports.js';

export interface ServerSettings {
  version: string;
  /** The built web UI (dist/web), or undefined to serve the API only. */
  webDir?: string;
  defaultWorkspaceId: string;
  demoWorkspaceId: string | null;
  /** Largest evidence upload, bytes. */
  evidenceMaxBytes: number;
  /** Largest JSON body, bytes. */
  bodyMaxBytes: number;
  /** Largest file accepted by POST .../imports, bytes (default LIMITS.importFileMaxBytes). */
  importMaxBytes?: number;
  /** Where uploads for import are kept while they are read (default: the system's temp directory). */
  importTempDir?: string;
  /** The demo case files, read on demand (POST /api/demo). */
  demoCases?: () => unknown[];
}

export interface ServerDeps extends Deps, TeamModeDeps {
  settings: ServerSettings;
}

/** Team mode (issue 7): present only when the server runs in team mode. */
export interface TeamServerDeps {
  auth: import('./team/auth.js').RedCardAuth;
  team: import('../app/team/ports.js').TeamRepos;
  accounts: import('../app/team/ports.js').Accounts;
  mailer: import('../app/team/ports.js').Mailer;
  publicUrl: string;
}

export interface TeamModeDeps {
  /** Accounts, sessions and roles; absent in solo mode. */
  teamMode?: TeamServerDeps;
}
