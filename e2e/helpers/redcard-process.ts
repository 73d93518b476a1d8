/**
 * Starts the real `redcard` (bin/redcard.js, built into dist/) as a child process on a data
 * directory, for tests of what only a real process shows: crashes, several processes on one
 * store, the CLI's exit codes. DATABASE_URL is removed unless a test passes it on purpose, so a
 * spawned server never writes into CI's PostgreSQL by accident.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'redcard.js');

export function tempDataDir(prefix = 'redcard-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.PORT;
  delete env.REDCARD_DATA_DIR;

  return { ...env, ...extra };
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

export interface RedcardOptions {
  dataDir?: string;
  demo?: boolean;
  env?: Record<string, string>;
  port?: number;
}

export async function startRedcard(options: RedcardOptions = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? tempDataDir();
  const port = options.port ?? (await freePort());
  const args = [BIN, 'serve', '--port', String(port), '--data-dir', dataDir, ...(options.demo ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redcard exited with ${child.exitCode} before it was ready:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redcard did not answer /api/health within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    port,
    dataDir,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Runs the CLI to completion. */
export function runCli(
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
): { status: number; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: childEnv(options.env),
    encoding: 'utf8',
    input: options.input,
    timeout: 60_000,
  });

  return { status: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

/** Runs the CLI without blocking the event loop (so a server in this process can keep answering). */
export function runCliAsync(
  args: string[],
  options: { env?: Record<string, string> } = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolveRun({ status: code ?? -1, stdout, stderr }));
  });
}
