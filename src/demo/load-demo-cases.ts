/** Reads the demo case files shipped in the repository (src/demo/cases), from src or dist alike. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function demoCasesDir(): string {
  // This module is src/demo/load-demo-cases.ts or dist/demo/load-demo-cases.js; both sit two levels below the root.
  return fileURLToPath(new URL('../../src/demo/cases/', import.meta.url));
}

export function loadDemoCases(dir: string = demoCasesDir()): unknown[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);
}
