/**
 * `redcard import` as a user runs it: the summary, re-importing adding nothing, clear failures,
 * and a 2 GB file streamed in bounded memory (a sparse file, so the test needs no disk space).
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleMbox } from '../test/import-fixtures.js';
import { BIN, childEnv, ROOT, runCli, tempDataDir } from './helpers/redcard-process.js';

const dataDir = tempDataDir('redcard-import-');
const cli = (...args: string[]) => runCli([...args, '--data-dir', dataDir]);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the CLI while sampling its resident memory; resolves with the exit status, output and peak RSS. */
function runMeasured(args: string[]): Promise<{ status: number; stdout: string; stderr: string; peakRssMb: number }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    const sample = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peakKb = Math.max(peakKb, kb);
      } catch {
        // the process has ended
      }
    }, 50);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => {
      clearInterval(sample);
      resolveRun({ status: code ?? -1, stdout, stderr, peakRssMb: peakKb / 1024 });
    });
  });
}

describe('redcard import', () => {
  it('stores a mailbox with suggestions, prints a summary, and adds nothing the second time', () => {
    expect(cli('client', 'add', 'Vortex Media SRL').status).toBe(0);
    const mbox = join(dataDir, 'vortex.mbox');
    writeFileSync(mbox, sampleMbox());

    const first = cli('import', mbox, '--client', 'vortex');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('Imported vortex.mbox (mbox) into Vortex Media SRL');
    expect(first.stdout).toMatch(/read\s+2\n/);
    expect(first.stdout).toMatch(/stored\s+2\n/);
    expect(first.stdout).toMatch(/suggestions 2 \((payment 1, abuse 1|abuse 1, payment 1)\)/);

    const again = cli('import', mbox, '--client', 'vortex', '--json');
    expect(again.status).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary.import).toMatchObject({ status: 'done', counts: { read: 2, stored: 0, duplicates: 2, skipped: 0, suggestions: 0 } });
    expect(summary.client.name).toBe('Vortex Media SRL');
  });

  it('fails clearly on an empty file, an unknown client and a file that is not the format', () => {
    const empty = join(dataDir, 'empty.mbox');
    writeFileSync(empty, '');
    const res = cli('import', empty, '--client', 'vortex');
    expect(res.status).toBe(3);
    expect(res.stderr).toMatch(/empty/);

    const mbox = join(dataDir, 'x.mbox');
    writeFileSync(mbox, sampleMbox());
    expect(cli('import', mbox, '--client', 'nobody').status).toBe(4);

    const notMbox = join(dataDir, 'note.mbox');
    writeFileSync(notMbox, 'Subject: hi\n\nnot an archive\n');
    const bad = cli('import', notMbox, '--client', 'vortex');
    expect(bad.status).toBe(3);
    expect(bad.stdout).toContain('Partly imported note.mbox');
    expect(bad.stderr).toMatch(/not an mbox archive/);
  });

  it('streams a 2 GB archive in bounded memory: the oversized message is skipped, the rest stored', async () => {
    expect(cli('client', 'add', 'Bigfile Ltd').status).toBe(0);
    const big = join(dataDir, 'big.mbox');
    const fd = openSync(big, 'w');
    const head = `${sampleMbox()}From huge@vortex.test Wed Jan  8 10:00:00 2025\nFrom: huge@vortex.test\nDate: Wed, 8 Jan 2025 10:00:00 +0000\nMessage-ID: <huge@x>\n\n`;
    writeSync(fd, head);
    // The rest is a hole: 2 GB of zero bytes without one newline, read but never stored on disk.
    writeSync(fd, '\n', 2 * 1024 ** 3);
    closeSync(fd);
    const small = join(dataDir, 'small.mbox');
    writeFileSync(small, sampleMbox());
    try {
      // The same command on a small file: what the process needs whatever the file's size.
      const baseline = await runMeasured(['import', small, '--client', 'bigfile', '--data-dir', dataDir, '--json']);
      expect(baseline.status, baseline.stderr).toBe(0);
      const res = await runMeasured(['import', big, '--client', 'bigfile', '--data-dir', dataDir, '--json']);
      expect(res.status, res.stderr).toBe(0);
      const summary = JSON.parse(res.stdout);
      expect(summary.import.counts).toMatchObject({ read: 2, stored: 0, duplicates: 2, skipped: 1 });
      expect(summary.import.problems[0].message).toMatch(/over the \d+-byte limit/);
      // Memory does not grow with the file: 2 GB went through in about what a 2 KB file needs.
      expect(res.peakRssMb, `peak ${res.peakRssMb} MB, baseline ${baseline.peakRssMb} MB`).toBeLessThan(baseline.peakRssMb + 150);
    } finally {
      rmSync(big, { force: true });
    }
  }, 180_000);
});
