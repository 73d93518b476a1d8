/**
 * Keeps the layers of docs/ARCHITECTURE.md true: imports flow downward only, and the pure core
 * and detector import nothing impure. Scans every import specifier under src/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path);

    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm,
  )) {
    specs.push((m[1] ?? m[2] ?? m[3])!);
  }

  return specs;
}

/** The layer (top folder under src) a relative import lands in, or the package name. */
function target(file: string, spec: string): { layer?: string; pkg?: string } {
  if (spec.startsWith('.')) {
    const abs = resolve(dirname(file), spec);

    return { layer: relative(SRC, abs).split('/')[0] };
  }

  return { pkg: spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0] };
}

const ALLOWED_LAYERS: Record<string, string[]> = {
  core: ['core', 'detect'],
  detect: ['detect', 'core'],
  contracts: ['contracts', 'core'],
  exports: ['exports', 'core', 'contracts'],
  app: ['app', 'core', 'detect', 'contracts', 'exports'],
  ingest: ['ingest', 'core', 'detect', 'contracts'],
  store: ['store', 'app', 'core', 'contracts'],
  config: ['config'],
  demo: ['demo'],
  // ingest: the server reads uploaded archives for import (issue 3), as the CLI does.
  server: ['server', 'app', 'contracts', 'config', 'core', 'store', 'demo', 'detect', 'exports', 'ingest'],
  cli: ['cli', 'app', 'contracts', 'config', 'core', 'exports', 'server', 'detect', 'ingest', 'demo'],
  web: ['web', 'contracts', 'core', 'detect'],
};

/** Packages the pure layers may use: small, side-effect-free libraries. */
const PURE_PACKAGES = new Set(['@noble/hashes', 'eld', '@nlpjs/lang-en', '@nlpjs/lang-ru', '@nlpjs/lang-ro', '@nlpjs/lang-lt', 'zod']);

describe('architecture', () => {
  const all = files(SRC);

  it('has source files to check', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it('imports flow downward only', () => {
    const violations: string[] = [];
    for (const file of all) {
      const layer = relative(SRC, file).split('/')[0]!;
      const allowed = ALLOWED_LAYERS[layer];
      if (!allowed) continue;
      for (const spec of importsOf(file)) {
        const t = target(file, spec);
        if (t.layer && !allowed.includes(t.layer)) violations.push(`${relative(ROOT, file)} imports ${spec} (${layer} -> ${t.layer})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps core and detect pure: no node:*, no I/O packages, no clock reads', () => {
    const violations: string[] = [];
    for (const file of all.filter((f) => /src\/(core|detect)\//.test(f))) {
      for (const spec of importsOf(file)) {
        const t = target(file, spec);
        // Test support (generators for property tests) may use fast-check; it is seeded, not random.
        const testSupport = file.includes('/testing/') && t.pkg === 'fast-check';
        if (t.pkg && !PURE_PACKAGES.has(t.pkg) && !testSupport) violations.push(`${relative(ROOT, file)} imports ${spec}`);
      }
      const text = readFileSync(file, 'utf8');
      if (/\bDate\.now\(\)|new Date\(\)|Math\.random\(\)|process\.env/.test(text))
        violations.push(`${relative(ROOT, file)} reads the clock, randomness or the environment`);
    }
    expect(violations).toEqual([]);
  });

  it('keeps test support out of the product', () => {
    const offenders = all.filter((f) => !f.includes('/testing/')).filter((f) => importsOf(f).some((s) => s.includes('/testing/')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('reads process.env only in config and the composition roots', () => {
    const readers = all
      .filter((f) => readFileSync(f, 'utf8').includes('process.env'))
      .map((f) => relative(ROOT, f))
      .filter((f) => !['src/config/env.ts', 'src/cli/main.ts'].includes(f));
    expect(readers).toEqual([]);
  });

  it('lets app depend on the store only through ports', () => {
    const offenders = all
      .filter((f) => f.includes('/src/app/'))
      .filter((f) => importsOf(f).some((s) => ['kysely', 'better-sqlite3', 'pg', 'fastify', 'commander', 'react'].includes(s)));
    expect(offenders).toEqual([]);
  });
});
