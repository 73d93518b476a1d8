#!/usr/bin/env node
// The portfolio dashboard on a large workspace (issue 4): 2,000 clients, 200,000 incidents and
// 20,000 invoices (with payments, contracts, time and cards), on SQLite and on PostgreSQL.
// For each backend: generate the data in a fresh database (bulk SQL after the store's own
// migrations), start the real server (`node bin/redcard.js serve`), time the first request (the
// cache is cold: every client assessed at 12 dates), the first request of a new day (one
// assessment per client), one request after a write, then drive N concurrent users against
// GET /api/workspaces/:ws/dashboard for a fixed time and report median, p99 and requests/s.
//
// Usage: npm run build:server && node bench/dashboard.mjs [--backend sqlite|postgres|both]
//          [--clients 2000] [--incidents 200000] [--invoices 20000] [--users 10] [--seconds 20]
// PostgreSQL: DATABASE_URL names a server where a scratch database may be created (default
// postgres://postgres@127.0.0.1:5432/postgres); it is dropped afterwards.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

const root = resolve(import.meta.dirname, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);

  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const CLIENTS = Number(arg('clients', 2000));
const INCIDENTS = Number(arg('incidents', 200_000));
const INVOICES = Number(arg('invoices', 20_000));
const USERS = Number(arg('users', 10));
const SECONDS = Number(arg('seconds', 20));
const BACKENDS = arg('backend', 'both') === 'both' ? ['sqlite', 'postgres'] : [arg('backend', 'sqlite')];
const PG_SERVER = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const { openStore } = await import(join(root, 'dist/store/open-store.js'));
const { ensureDefaultWorkspace } = await import(join(root, 'dist/app/workspaces.js'));

// ------------------------------------------------------------------ data

/** A small deterministic generator (mulberry32), so every run inserts the same workspace. */
function rng(seed) {
  let a = seed;

  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;

    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODES = [
  'abuse',
  'payment',
  'price_pressure',
  'urgency_pressure',
  'availability_demands',
  'scope_creep',
  'disregard_expertise',
  'contract_breach',
  'negativity',
  'reputation_threat',
  'unprofitable',
  'wellbeing',
  'staff_report',
  'misfit',
  'unlawful',
];
const day = (msAgo) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/** Rows per table for one workspace, as plain objects keyed by column. */
function generate(workspaceId) {
  const random = rng(42);
  const pickInt = (n) => Math.floor(random() * n);
  const now = new Date().toISOString();
  const rows = { clients: [], contracts: [], time_entries: [], invoices: [], payments: [], incidents: [], cards: [] };
  const clientIds = [];
  for (let c = 0; c < CLIENTS; c++) {
    const id = randomUUID();
    clientIds.push(id);
    const name = `Client ${String(c + 1).padStart(5, '0')} ${['SRL', 'UAB', 'Ltd', 'OOO'][c % 4]}`;
    rows.clients.push({
      id,
      workspace_id: workspaceId,
      name,
      name_key: name.toLowerCase(),
      kind: c % 5 === 0 ? 'individual' : 'business',
      size: c % 7 === 0 ? 'large' : 'small',
      language: ['en', 'ru', 'ro', 'lt'][c % 4],
      since: day((400 + pickInt(1500)) * DAY_MS),
      manager: c % 3 === 0 ? `Member ${c % 12}` : null,
      email: null,
      notes: '',
      status: c % 40 === 0 ? 'exiting' : c % 15 === 0 ? 'warned' : 'active',
      created_at: now,
      updated_at: now,
    });
    if (c % 2 === 0) {
      rows.contracts.push({
        id: randomUUID(),
        workspace_id: workspaceId,
        client_id: id,
        signed: day(800 * DAY_MS),
        ends: null,
        provider_may_terminate: c % 6 === 0 ? null : 1,
        notice_amount: 30,
        notice_unit: 'days',
        penalty_minor: null,
        penalty_description: null,
        refund_clause: 0,
        created_at: now,
        updated_at: now,
      });
    }
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.now() - m * 30 * DAY_MS);
      rows.time_entries.push({
        id: randomUUID(),
        workspace_id: workspaceId,
        client_id: id,
        month: d.toISOString().slice(0, 7),
        minutes: 60 * (5 + pickInt(40)),
        created_at: now,
        updated_at: now,
      });
    }
    if (c % 15 === 0 || c % 40 === 0) {
      rows.cards.push({
        id: randomUUID(),
        workspace_id: workspaceId,
        client_id: id,
        date: day((20 + pickInt(200)) * DAY_MS),
        color: 'yellow',
        note: 'Warned by phone',
        ord: 1,
        created_at: now,
        updated_at: now,
      });
    }
    if (c % 40 === 0) {
      rows.cards.push({
        id: randomUUID(),
        workspace_id: workspaceId,
        client_id: id,
        date: day(10 * DAY_MS),
        color: 'red',
        note: 'Ended',
        ord: 2,
        created_at: now,
        updated_at: now,
      });
    }
  }
  for (let i = 0; i < INVOICES; i++) {
    const clientId = clientIds[i % CLIENTS];
    const issuedAgo = pickInt(720);
    const id = randomUUID();
    const amount = 50_000 + pickInt(400) * 1000;
    rows.invoices.push({
      id,
      workspace_id: workspaceId,
      client_id: clientId,
      number: `INV-${i + 1}`,
      issued: day(issuedAgo * DAY_MS),
      due: day((issuedAgo - 14) * DAY_MS),
      amount_minor: amount,
      currency: 'EUR',
      created_at: now,
      updated_at: now,
    });
    // Most invoices are paid, some late, some partly, a few not at all.
    const fate = random();
    if (fate < 0.9 && issuedAgo > 20) {
      const paidAgo = Math.max(0, issuedAgo - 10 - pickInt(60));
      rows.payments.push({
        id: randomUUID(),
        workspace_id: workspaceId,
        invoice_id: id,
        date: day(paidAgo * DAY_MS),
        amount_minor: fate < 0.8 ? amount : Math.floor(amount / 2),
        created_at: now,
      });
    }
  }
  const perClientOrd = new Map();
  for (let i = 0; i < INCIDENTS; i++) {
    // A skewed spread: some clients are far worse than others.
    const clientId = clientIds[Math.floor(CLIENTS * random() ** 1.5)];
    const ord = (perClientOrd.get(clientId) ?? 0) + 1;
    perClientOrd.set(clientId, ord);
    const r = random();
    rows.incidents.push({
      id: randomUUID(),
      workspace_id: workspaceId,
      client_id: clientId,
      date: day(pickInt(1095) * DAY_MS),
      code: CODES[pickInt(CODES.length - 1)] ?? 'negativity',
      severity: r < 0.8 ? 1 : r < 0.97 ? 2 : 3,
      source: 'manual',
      about_member: null,
      note: 'Generated for the benchmark',
      message_id: null,
      ord,
      created_at: now,
      updated_at: now,
    });
  }

  return rows;
}

const TABLE_ORDER = ['clients', 'contracts', 'time_entries', 'invoices', 'payments', 'incidents', 'cards'];

async function loadSqlite(file, rows) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    for (const table of TABLE_ORDER) {
      const list = rows[table];
      if (list.length === 0) continue;
      const columns = Object.keys(list[0]);
      const insert = db.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
      for (const row of list) insert.run(row);
    }
  })();
  db.close();
}

async function loadPostgres(url, rows) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    for (const table of TABLE_ORDER) {
      const list = rows[table];
      if (list.length === 0) continue;
      const columns = Object.keys(list[0]);
      for (let i = 0; i < list.length; i += 1000) {
        const chunk = list.slice(i, i + 1000);
        const values = [];
        const tuples = chunk.map((row, r) => {
          for (const c of columns) values.push(row[c]);

          return `(${columns.map((_, k) => `$${r * columns.length + k + 1}`).join(', ')})`;
        });
        await client.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, values);
      }
    }
    await client.query('commit');
    await client.query('analyze');
  } finally {
    await client.end();
  }
}

// ------------------------------------------------------------------ server and load

const freePort = () =>
  new Promise((r) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => r(port));
    });
  });

async function startServer(dataDir, databaseUrl) {
  const port = await freePort();
  const env = { ...process.env };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, ['bin/redcard.js', 'serve', '--port', String(port), '--data-dir', dataDir], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child };
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

const BENCH_EMAIL = 'bench@redcard.test';
const BENCH_PASSWORD = 'a long bench password, 2026';

/** `redcard user create-owner` for the bench workspace, the password given on stdin. */
function createOwner(dataDir, databaseUrl, workspaceId) {
  return new Promise((resolveOwner, reject) => {
    const child = spawn(
      process.execPath,
      [
        'bin/redcard.js',
        'user',
        'create-owner',
        '--email',
        BENCH_EMAIL,
        '--password-stdin',
        '--workspace',
        workspaceId,
        '--data-dir',
        dataDir,
      ],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['pipe', 'ignore', 'inherit'] },
    );
    child.stdin.end(`${BENCH_PASSWORD}\n`);
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolveOwner() : reject(new Error(`create-owner exited with ${code}`))));
  });
}

/** Signs the bench owner in; the headers every later request carries (session cookie, origin). */
async function signIn(url) {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status} ${(await res.text()).slice(0, 300)}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

  return { cookie, origin: url };
}

async function timed(url, init) {
  const t0 = performance.now();
  const res = await fetch(url, init);
  const body = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${body.slice(0, 300)}`);

  return { ms: performance.now() - t0, bytes: body.length, body };
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux). Unlike latency it
 * is barely inflated when other processes crowd the cores, so it shows the server's own cost.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');

    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/**
 * One GET on a keep-alive agent, reading the body without keeping it. node:http rather than
 * fetch: fetch's web streams cost the driver more CPU than the server spends on an answer, and
 * driver and server share the same two cores here.
 */
function getOnce(agent, url, headers) {
  return new Promise((resolveGet, reject) => {
    const req = get(url, { agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolveGet({ status: res.statusCode, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/** N users, each sending the next request as soon as the previous answer arrived, for `seconds`. */
async function drive(url, users, seconds, headers = {}) {
  const agent = new Agent({ keepAlive: true, maxSockets: users });
  const latencies = [];
  const stopAt = performance.now() + seconds * 1000;
  let errors = 0;
  let bytes = 0;
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (performance.now() < stopAt) {
        const t0 = performance.now();
        try {
          const res = await getOnce(agent, url, headers);
          bytes += res.bytes;
          if (res.status !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);

  return {
    requests: latencies.length,
    errors,
    median: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    rps: latencies.length / seconds,
    kbPerAnswer: bytes / Math.max(1, latencies.length) / 1024,
  };
}

// ------------------------------------------------------------------ one backend

async function run(backend) {
  const dataDir = mkdtempSync(join(tmpdir(), 'redcard-bench-dash-'));
  let databaseUrl;
  let dropDatabase = async () => {};
  if (backend === 'postgres') {
    const name = `redcard_bench_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_SERVER });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(PG_SERVER);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: PG_SERVER });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const sqliteFile = join(dataDir, 'redcard.db');
  try {
    // The store's own migrations and default workspace, then the bulk rows.
    const store = await openStore(backend === 'postgres' ? { kind: 'postgres', url: databaseUrl } : { kind: 'sqlite', file: sqliteFile });
    const workspace = await ensureDefaultWorkspace({ store, clock: { now: () => new Date() }, ids: { newId: randomUUID } });
    await store.close();
    const t0 = performance.now();
    const rows = generate(workspace.id);
    if (backend === 'postgres') await loadPostgres(databaseUrl, rows);
    else await loadSqlite(sqliteFile, rows);
    const loadSeconds = (performance.now() - t0) / 1000;
    const counts = Object.fromEntries(TABLE_ORDER.map((t) => [t, rows[t].length]));

    // On PostgreSQL RedCard runs in team mode: an owner is made and signed in, as a team would.
    if (databaseUrl) await createOwner(dataDir, databaseUrl, workspace.id);
    const server = await startServer(dataDir, databaseUrl);
    try {
      const auth = databaseUrl ? await signIn(server.url) : {};
      const endpoint = `${server.url}/api/workspaces/${workspace.id}/dashboard`;
      const cold = await timed(endpoint, { headers: auth });
      const today = JSON.parse(cold.body).today;
      const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
      const warm = await timed(endpoint, { headers: auth });
      const newDay = await timed(`${endpoint}?today=${tomorrow}`, { headers: auth });
      // One write, then the next read recomputes that one client only.
      const someClient = rows.clients[7].id;
      await timed(`${server.url}/api/workspaces/${workspace.id}/clients/${someClient}/incidents`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ date: today, code: 'abuse', severity: 2, note: 'Shouted on a call' }),
      });
      const afterWrite = await timed(endpoint, { headers: auth });
      const history = await timed(`${server.url}/api/workspaces/${workspace.id}/clients/${someClient}/score-history`, { headers: auth });
      await drive(endpoint, USERS, 3, auth); // warm-up
      const load = loadavg()[0];
      let cpu0 = cpuMs(server.child.pid);
      const result = await drive(endpoint, USERS, SECONDS, auth);
      result.cpuPerRequest = (cpuMs(server.child.pid) - cpu0) / result.requests;
      // The same with gzip accepted, as browsers ask (the answer is compressed once per state).
      cpu0 = cpuMs(server.child.pid);
      const gzipped = await drive(endpoint, USERS, SECONDS, { ...auth, 'accept-encoding': 'gzip' });
      gzipped.cpuPerRequest = (cpuMs(server.child.pid) - cpu0) / gzipped.requests;

      return { backend, counts, loadSeconds, cold, warm, newDay, afterWrite, history, result, gzipped, load, loadAfter: loadavg()[0] };
    } finally {
      server.child.kill('SIGTERM');
      await new Promise((r) => server.child.once('exit', r));
    }
  } finally {
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const f = (ms) => `${ms.toFixed(1)} ms`;
for (const backend of BACKENDS) {
  const r = await run(backend);
  console.log(
    `\n== ${backend}: ${Object.entries(r.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')} (bulk load ${r.loadSeconds.toFixed(1)} s)`,
  );
  console.log(`first request, cold cache (every client assessed at 12 dates): ${f(r.cold.ms)}, ${(r.cold.bytes / 1024).toFixed(0)} kB`);
  console.log(`second request (memoised): ${f(r.warm.ms)}`);
  console.log(`first request of a new day (?today=tomorrow; one assessment per client): ${f(r.newDay.ms)}`);
  console.log(`first request after adding an incident (one client recomputed): ${f(r.afterWrite.ms)}`);
  console.log(`score history of one client: ${f(r.history.ms)}`);
  for (const [label, m] of [
    ['identity', r.result],
    ['gzip', r.gzipped],
  ]) {
    console.log(
      `${USERS} concurrent users for ${SECONDS} s (${label}, ${m.kbPerAnswer.toFixed(0)} kB per answer): median ${f(m.median)}, p99 ${f(m.p99)}, ${m.rps.toFixed(0)} req/s, ${m.requests} requests, ${m.errors} errors, server CPU ${m.cpuPerRequest.toFixed(2)} ms per request`,
    );
  }
  console.log(`load average ${r.load.toFixed(2)} before the timed run, ${r.loadAfter.toFixed(2)} after`);
}
