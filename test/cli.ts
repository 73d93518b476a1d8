/**
 * Running the `redcard` command in the test's own process: an Io that keeps what a command
 * prints, and a temp data dir per test file so each file starts from an empty SQLite store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Io } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** An Io that collects what a command writes, read back with stdout() and stderr(). */
export function capturingIo(env: NodeJS.ProcessEnv = {}): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';

  return {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    env,
    stdout: () => out,
    stderr: () => err,
  };
}

/** Runs `redcard ARGS` in this process with the given environment. */
export async function runRedcard(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const io = capturingIo(env);
  const code = await main(['node', 'redcard', ...args], io);

  return { code, out: io.stdout(), err: io.stderr() };
}

/** A temp data dir for this test file, removed after its tests (call at the top of the file). */
export function tempDataDir(prefix: string): string {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  return dataDir;
}

/** `cli(...args)` runs `redcard ARGS --data-dir DIR` against a temp data dir of this test file (SQLite). */
export function cliInTempDataDir(prefix: string): { dataDir: string; cli: (...args: string[]) => Promise<CliRun> } {
  const dataDir = tempDataDir(prefix);

  return { dataDir, cli: (...args) => runRedcard([...args, '--data-dir', dataDir]) };
}
