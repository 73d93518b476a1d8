#!/usr/bin/env node
// The JavaScript a browser must fetch before a route can draw, from the built web UI (run
// `npm run build` first): the entry named in index.html with everything it imports statically,
// plus the route's page chunk with its static imports. Sizes are raw and gzip (level 9).
//   node bench/web-bundle.mjs [dist/web]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const webDir = process.argv[2] ?? 'dist/web';
const assetsDir = join(webDir, 'assets');
const html = readFileSync(join(webDir, 'index.html'), 'utf8');
const entry = html.match(/<script[^>]+src="\/assets\/([^"]+\.js)"/)?.[1];
if (!entry) throw new Error(`No entry script in ${webDir}/index.html`);
const chunks = readdirSync(assetsDir).filter((name) => name.endsWith('.js'));

// Rollup writes static imports as `from"./x.js"` or `import"./x.js"`; dynamic ones as `import("./x.js")`.
function staticImports(name) {
  const code = readFileSync(join(assetsDir, name), 'utf8');

  return [...code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((match) => match[1]);
}

function closure(roots) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop();
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...staticImports(name));
  }

  return seen;
}

function pageChunk(page) {
  return chunks.find((name) => name.startsWith(`${page}-`));
}

function measure(names) {
  let raw = 0;
  let gzip = 0;
  for (const name of names) {
    const bytes = readFileSync(join(assetsDir, name));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }

  return { files: names.size, raw, gzip };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const routes = [
  ['dashboard (/)', 'DashboardPage'],
  ['client (/clients/:id)', 'ClientPage'],
  ['public questionnaire (/p/:token)', 'PublicProspectPage'],
];
const rows = [['all JS chunks', measure(new Set(chunks))]];
for (const [label, page] of routes) {
  const chunk = pageChunk(page);
  rows.push([label, measure(closure(chunk ? [entry, chunk] : [entry]))]);
}
for (const [label, size] of rows) {
  console.log(
    `${label.padEnd(34)} ${String(size.files).padStart(3)} files  ${kB(size.raw).padStart(10)}  gzip ${kB(size.gzip).padStart(9)}`,
  );
}
