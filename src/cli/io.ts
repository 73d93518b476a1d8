/** What every command shares: its output streams, the store options, and opening the runtime. */
import type { Command } from 'commander';
import type { Deps } from '../app/ports.js';
import { resolveWorkspace } from '../app/workspaces.js';
import { type Config, loadConfig } from '../config/env.js';
import type { Workspace } from '../contracts/records.js';
import { openRuntime } from '../server/runtime.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export interface StoreOptions {
  dataDir?: string;
  workspace?: string;
  json?: boolean;
}

/** Adds the options every store-touching command takes. */
export function storeOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'data directory (default: $REDCARD_DATA_DIR or ~/.redcard)')
    .option('--workspace <name-or-id>', 'workspace to use (default: your own, created on first use)')
    .option('--json', 'print JSON for scripts instead of text');
}

export function configOf(io: Io, options: StoreOptions & { port?: string; host?: string; demo?: boolean; mode?: string }): Config {
  return loadConfig({ dataDir: options.dataDir, port: options.port, host: options.host, demo: options.demo, mode: options.mode }, io.env);
}

/** Opens the store, runs `work` in the chosen workspace, and always closes the store. */
export async function withWorkspace<T>(io: Io, options: StoreOptions, work: (deps: Deps, workspace: Workspace) => Promise<T>): Promise<T> {
  const deps = await openRuntime(configOf(io, options));
  try {
    const workspace = await resolveWorkspace(deps, options.workspace);

    return await work(deps, workspace);
  } finally {
    await deps.store.close();
  }
}

export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** A plain text table with padded columns. */
export function table(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => [...(r[col] ?? '')].length)));

  return `${rows
    .map((r) =>
      r
        .map((cell, col) => (col === r.length - 1 ? cell : cell + ' '.repeat(widths[col]! - [...cell].length)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}
