#!/usr/bin/env node
// mbox import without the store: generates a 100,000-message mbox (~300 MB; plain text in four
// languages, HTML-only mail, multipart with small base64 attachments, ~3 KB average) in
// os.tmpdir(), then streams it through the mbox reader (worker-thread MIME parsing; by default
// one worker per core but one) and the detector, and prints messages/s, peak RSS (the process's,
// workers included) and the CPU time of the process (all threads; the figure to compare when the
// machine is loaded). The file is deleted afterwards.
//
// With --import, the messages go end to end into a fresh embedded SQLite store instead (the
// `redcard import` path: detection in one thread of its own, batched inserts, suggestions stored),
// and the store's row counts are checked against the import's.
//
// Usage: node --import tsx bench/ingest-mbox.mjs [--messages 100000] [--workers N] [--no-detect] [--import]
//        (or, after `npm run build:server`, `node bench/ingest-mbox.mjs --dist`)
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const total = arg('messages', 100_000);
const workers = arg('workers', undefined);
const useDist = process.argv.includes('--dist');
const noDetect = process.argv.includes('--no-detect');
const intoStore = process.argv.includes('--import');
const load = async (path) => import(new URL(`../${useDist ? 'dist' : 'src'}/${path}.${useDist ? 'js' : 'ts'}`, import.meta.url).href);

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(7);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const LINES = [
  'We will not pay this invoice until the logo is redone for free.',
  'Thanks for the draft, see you Monday.',
  'Мы не будем платить, пока вы не переделаете всё бесплатно.',
  'Спасибо за макет, до понедельника.',
  'Nu vom plăti factura până nu refaceți totul gratuit.',
  'Mulțumesc pentru schiță, ne vedem luni.',
  'Nemokėsime, kol nepataisysite visko nemokamai.',
  'Ačiū už juodraštį, iki pirmadienio.',
  'Please see the attached brief and the updated schedule for the next sprint.',
  '> On Monday you wrote: could you send the final files by Friday?',
];
function body(bytes) {
  const out = [];
  let n = 0;
  while (n < bytes) {
    const l = pick(LINES);
    out.push(l);
    n += Buffer.byteLength(l) + 1;
  }
  return out.join('\n');
}
const date = (i) => new Date(Date.UTC(2024, 0, 1) + i * 600_000).toUTCString().replace('GMT', '+0200');

function messageText(i) {
  const head = `From sender${i % 500}@client.test ${new Date(Date.UTC(2024, 0, 1) + i * 600_000).toUTCString().replace(/,/, '').replace(' GMT', '')}\nFrom: Sender ${i % 500} <sender${i % 500}@client.test>\nTo: me@agency.test\nSubject: Message ${i}\nDate: ${date(i)}\nMessage-ID: <${i}@bench>\nMIME-Version: 1.0\n`;
  const kind = rnd();
  const size = 1200 + Math.floor(rnd() * 2400);
  if (kind < 0.7)
    return `${head}Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${body(size)}\nFrom the desk of the sender\n\n`.replace(
      '\nFrom the desk',
      '\n>From the desk',
    );
  if (kind < 0.85)
    return `${head}Content-Type: text/html; charset=utf-8\n\n<html><body><p>${body(size).replace(/\n/g, '</p><p>')}</p></body></html>\n\n`;
  const att = Buffer.alloc(1500 + Math.floor(rnd() * 2000), i % 251)
    .toString('base64')
    .replace(/.{76}/g, '$&\n');
  return `${head}Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\nContent-Type: text/plain; charset=utf-8\n\n${body(size / 2)}\n--b${i}\nContent-Type: application/pdf; name="doc${i}.pdf"\nContent-Disposition: attachment; filename="doc${i}.pdf"\nContent-Transfer-Encoding: base64\n\n${att}\n--b${i}--\n\n`;
}

const file = join(tmpdir(), `redcard-bench-${process.pid}.mbox`);
let storeDir;
try {
  const t0 = performance.now();
  const ws = createWriteStream(file);
  for (let i = 0; i < total; i++) {
    if (!ws.write(messageText(i))) await new Promise((r) => ws.once('drain', r));
  }
  await new Promise((r) => ws.end(r));
  const size = statSync(file).size;
  console.log(`generated ${total} messages, ${(size / 1e6).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${file}`);

  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  let messages = 0;
  let flagged = 0;
  let problems = 0;
  if (intoStore) {
    const { openStore } = await load('store/open-store');
    const { randomIds, systemClock } = await load('app/adapters/system');
    const { ensureDefaultWorkspace } = await load('app/workspaces');
    const { addClient } = await load('app/clients');
    const { importMessages } = await load('app/imports');
    const { fileMessageSource } = await load('ingest/source');
    storeDir = mkdtempSync(join(tmpdir(), 'redcard-bench-store-'));
    const store = await openStore({ kind: 'sqlite', file: join(storeDir, 'redcard.db') });
    const deps = { store, clock: systemClock, ids: randomIds };
    const ws = await ensureDefaultWorkspace(deps);
    const client = await addClient(deps, ws.id, { name: 'Bench client' });
    const summary = await importMessages(deps, {
      workspaceId: ws.id,
      clientId: client.id,
      fileName: 'bench.mbox',
      format: 'mbox',
      source: fileMessageSource(file, { format: 'mbox', workers }),
    });
    const c = summary.import.counts;
    messages = c.read;
    flagged = c.suggestions;
    problems = summary.import.problems.length;
    await store.close();
    // Count the rows with a plain query (listing 100,000 messages would distort the peak RSS).
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(storeDir, 'redcard.db'), { readonly: true });
    const rows = db.prepare('select (select count(*) from messages) as m, (select count(*) from suggestions) as s').get();
    db.close();
    if (summary.import.status !== 'done' || rows.m !== c.stored || rows.s !== c.suggestions) {
      throw new Error(
        `import ${summary.import.status} (${summary.import.error}): ${rows.m} message rows for ${c.stored} stored, ${rows.s} suggestion rows for ${c.suggestions}`,
      );
    }
    console.log(`stored ${c.stored} messages and ${c.suggestions} suggestions (${c.duplicates} duplicates, ${c.skipped} skipped)`);
  } else {
    const { readMbox } = await load('ingest/mbox');
    const { detect } = await load('detect/detect');
    for await (const m of readMbox(file, { workers, onProblem: () => problems++ })) {
      messages++;
      if (!noDetect && detect({ text: m.text, sentAt: m.sent_at || undefined }).labels.length > 0) flagged++;
    }
  }
  clearInterval(sampler);
  const secs = (performance.now() - t1) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSecs = (cpu.user + cpu.system) / 1e6;
  const threads = workers === undefined ? 'default' : workers;
  peak = Math.max(peak, process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024);
  console.log(
    intoStore
      ? `imported into SQLite (${threads} workers, detection in one thread of its own, batched inserts): ${messages} messages (${flagged} suggestions, ${problems} problems) in ${secs.toFixed(1)} s`
      : `read + parsed (${threads} workers)${noDetect ? '' : ' + detected'}: ${messages} messages (${flagged} flagged, ${problems} problems) in ${secs.toFixed(1)} s`,
  );
  console.log(
    `${Math.round(messages / secs)} messages/s, ${(size / 1e6 / secs).toFixed(1)} MB/s; peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB; CPU ${cpuSecs.toFixed(1)} s (${Math.round(messages / cpuSecs)} messages per CPU-second); load average ${loadavg()[0].toFixed(1)}`,
  );
} finally {
  rmSync(file, { force: true });
  if (storeDir) rmSync(storeDir, { recursive: true, force: true });
}
