#!/usr/bin/env node
// Microseconds per assessment: every demo case assessed at six dates, 2,000 rounds after a warm-up,
// on one core. The dashboard's cold start is about 24,000 of these (2,000 clients at 12 dates).
// Usage: npm run build:server && node bench/assess.mjs [checkout-root]   (default: this checkout)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(process.argv[2] ?? '.');
const load = (path) => import(pathToFileURL(resolve(root, 'dist', path)).href);
const { assess } = await load('core/assessment/assess.js');
const { CaseFile } = await load('contracts/case-file.js');
const { loadDemoCases } = await load('demo/load-demo-cases.js');

const cases = loadDemoCases().map((c) => CaseFile.parse(c));
const dates = ['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-09-30', '2026-11-22'];
for (let i = 0; i < 200; i++) for (const c of cases) assess(c, { today: dates[i % dates.length] });
const t0 = performance.now();
let n = 0;
for (let i = 0; i < 2000; i++) {
  for (const c of cases) {
    assess(c, { today: dates[i % dates.length] });
    n++;
  }
}
console.log(`${(((performance.now() - t0) * 1000) / n).toFixed(1)} µs per assessment (${n} assessments of ${cases.length} demo cases)`);
