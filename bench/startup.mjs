#!/usr/bin/env node
// Time from starting RedCard (`node bin/redcard.js serve`, what `npm start` runs) to the first
// page served (GET / answers the UI's HTML) and to a ready API (GET /api/health), on a fresh
// data directory and on one that already has the demo workspace. Median of N runs.
// Usage: node bench/startup.mjs [--runs 5]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5) || 5;

const freePort = () =>
  new Promise((r) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => r(port));
    });
  });

async function once(dataDir, demo) {
  const port = await freePort();
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    ['bin/redcard.js', 'serve', '--port', String(port), '--data-dir', dataDir, ...(demo ? ['--demo'] : [])],
    {
      cwd: root,
      env,
      stdio: 'ignore',
    },
  );
  let page;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      const text = await res.text();
      if (res.ok && text.includes('<div id="root">')) {
        page = performance.now() - t0;
        break;
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 5));
  }
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));

  return page;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = {};
for (const [label, demo, fresh] of [
  ['fresh data directory', false, true],
  ['fresh data directory, --demo (seeds 12 clients)', true, true],
  ['existing data directory with the demo', true, false],
]) {
  const times = [];
  const kept = mkdtempSync(join(tmpdir(), 'redcard-bench-'));
  if (!fresh) await once(kept, demo);
  for (let i = 0; i < runs; i++) {
    const dir = fresh ? mkdtempSync(join(tmpdir(), 'redcard-bench-')) : kept;
    times.push(await once(dir, demo));
    if (fresh) rmSync(dir, { recursive: true, force: true });
  }
  rmSync(kept, { recursive: true, force: true });
  results[label] = median(times);
  console.log(
    `${label}: first page after ${median(times).toFixed(0)} ms (median of ${runs}; min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
  );
}
