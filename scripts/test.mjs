#!/usr/bin/env node
// The whole test suite, as the README and .ci/run run it: build what the end-to-end tests start,
// run every Vitest project, then print the totals as one line: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const extra = process.argv.slice(2);
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;

if (!extra.includes('--no-build')) {
  const built = run('npm', ['run', 'build']);
  if (built !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(built);
  }
}

// Static checks count as two tests: the whole project type-checks (web, tests and scripts
// included, which the build does not cover) and Biome finds nothing.
const checks = [
  ['type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['biome', 'check', 'src', 'test', 'e2e', 'bench', 'scripts']],
];
let checksPassed = 0;
let checksFailed = 0;
for (const [label, cmd, args] of checks) {
  console.log(`== ${label}`);
  if (run(cmd, args) === 0) checksPassed++;
  else checksFailed++;
}

const dir = mkdtempSync(join(tmpdir(), 'redcard-test-'));
const report = join(dir, 'report.json');
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extra.filter((a) => a !== '--no-build'),
];
const status = run('npx', args);

let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + suitesFailedOutsideTests(json);
  for (const name of passedOnRetry(json)) console.log(`flaky (passed on retry): ${name}`);
} catch {
  failed = Math.max(failed, 1);
}
rmSync(dir, { recursive: true, force: true });
if (status !== 0 && failed === 0) failed = 1;
passed += checksPassed;
failed += checksFailed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(status === 0 && failed === 0 ? 0 : 1);

/** Tests that passed but carry the errors of an earlier attempt (the e2e project retries once). */
function passedOnRetry(json) {
  return (json.testResults ?? []).flatMap((s) =>
    (s.assertionResults ?? []).filter((t) => t.status === 'passed' && (t.failureMessages ?? []).length > 0).map((t) => t.fullName),
  );
}

/** A file that failed with no failing test (it did not load, a hook threw) counts as one failure. */
function suitesFailedOutsideTests(json) {
  return (json.testResults ?? []).filter((s) => s.status === 'failed' && !(s.assertionResults ?? []).some((t) => t.status === 'failed'))
    .length;
}
