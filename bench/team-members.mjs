// Times listMemberNames (the team behind the reassign step) on 2,000 clients and 200,000 incidents.
// Usage: npm run build:server && node bench/team-members.mjs [sqlite|postgres]   (postgres reads DATABASE_URL)
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../dist/store/open-store.js';

const kind = process.argv[2] ?? 'sqlite';
const store = await openStore(
  kind === 'sqlite' ? { kind, file: join(tmpdir(), `redcard-team-bench-${Date.now()}.db`) } : { kind, url: process.env.DATABASE_URL },
);
const now = new Date().toISOString();
const ws = await store.insertWorkspace(
  { id: randomUUID(), now },
  {
    name: `Bench ${Date.now()}`,
    provider_name: null,
    provider_kind: 'agency',
    currency: 'EUR',
    jurisdiction: null,
    timezone: 'UTC',
    language: 'en',
    revenue_last_12m_minor: null,
    is_demo: false,
  },
);
const wsId = ws.id;
const members = ['Ana', 'Bogdan', 'Ieva', 'Jonas', 'Maria', 'Tom', 'Andrei', 'Olga'];
const clients = [];
await store.transaction(async (tx) => {
  for (let i = 0; i < 2000; i++) {
    const c = await tx.insertClient(
      wsId,
      { id: randomUUID(), now },
      {
        name: `Client ${i}`,
        name_key: `client ${i}`,
        kind: 'business',
        size: 'small',
        language: 'en',
        since: null,
        manager: members[i % 8],
        email: null,
        notes: '',
        status: 'active',
      },
    );
    clients.push(c.id);
  }
});
let n = 0;
for (let b = 0; b < 20; b++) {
  await store.transaction(async (tx) => {
    for (let i = 0; i < 10_000; i++, n++) {
      await tx.insertIncident(
        wsId,
        clients[n % 2000],
        { id: randomUUID(), now },
        {
          date: '2026-10-01',
          code: 'abuse',
          severity: 2,
          source: 'manual',
          about_member: n % 3 === 0 ? members[n % 8] : null,
          note: '',
          message_id: null,
        },
      );
    }
  });
}
const times = [];
for (let i = 0; i < 30; i++) {
  const t0 = performance.now();
  const names = await store.listMemberNames(wsId, clients[7], 500);
  times.push(performance.now() - t0);
  if (i === 0) console.log('names', names.length);
}
times.sort((a, b) => a - b);
console.log(kind, 'listMemberNames median ms', times[15].toFixed(1), 'max', times[29].toFixed(1), 'incidents', n);
await store.close();
