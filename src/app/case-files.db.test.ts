import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeBackends } from '../../test/stores.js';
import { CaseFile } from '../contracts/case-file.js';
import { loadDemoCases } from '../demo/load-demo-cases.js';
import { exportCase, importCase, statusOfCase } from './case-files.js';
import { listClients } from './clients.js';
import type { Deps, Repos, Store } from './ports.js';
import { seedDemo, shiftCaseDates } from './seed-demo.js';
import { ensureDefaultWorkspace } from './workspaces.js';

let counter = 0;
const fixedClock = { now: () => new Date('2026-11-22T12:00:00Z') };
const ids = { newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}` };

/** A store whose `insertCard` fails, inside transactions too: a failure midway through an import. */
function failingOnCards(store: Store): Store {
  const wrap = (repos: Repos): Repos =>
    new Proxy(repos, {
      get(target, prop, receiver) {
        if (prop === 'insertCard') return async () => Promise.reject(new Error('disk full'));
        const value = Reflect.get(target, prop, receiver);

        return typeof value === 'function' ? value.bind(target) : value;
      },
    });

  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'transaction') return <T>(work: (tx: Repos) => Promise<T>) => target.transaction((tx) => work(wrap(tx)));
      if (prop === 'insertCard') return async () => Promise.reject(new Error('disk full'));
      const value = Reflect.get(target, prop, receiver);

      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe.each(storeBackends())('case files and demo on $name', (backend) => {
  let deps: Pick<Deps, 'store' | 'clock' | 'ids'>;
  let dispose: () => Promise<void>;
  let workspaceId: string;

  beforeEach(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    deps = { store: opened.store, clock: fixedClock, ids };
    workspaceId = (await ensureDefaultWorkspace(deps)).id;
  });
  afterEach(async () => dispose());

  it('writes nothing when an import fails midway (one transaction)', async () => {
    const file = loadDemoCases().find((c) => (c as { cards: unknown[] }).cards.length > 0)!;
    await expect(importCase({ ...deps, store: failingOnCards(deps.store) }, workspaceId, file)).rejects.toThrow('disk full');
    expect(await listClients(deps, workspaceId)).toEqual([]);
    // The same file imports cleanly afterwards.
    await importCase(deps, workspaceId, file);
    expect(await listClients(deps, workspaceId)).toHaveLength(1);
  });

  it('round-trips every field a case file carries', async () => {
    for (const raw of loadDemoCases()) {
      const original = CaseFile.parse(raw);
      const client = await importCase(deps, workspaceId, raw);
      const exported = await exportCase(deps, workspaceId, client.id);
      const norm = (f: CaseFile) => ({
        client: { ...f.client, since: f.client.since ?? null, manager: f.client.manager ?? null },
        contract: f.contract && {
          ...f.contract,
          signed: f.contract.signed ?? null,
          ends: f.contract.ends ?? null,
          notice: f.contract.notice ?? null,
          penalty: f.contract.penalty ?? null,
        },
        engagements: f.engagements.map((e) => ({ ...e, deliverables: e.deliverables.map((x) => ({ ...x, due: x.due ?? null })) })),
        invoices: f.invoices,
        time: f.time,
        incidents: [...f.incidents]
          .map((i) => ({ ...i, about_member: i.about_member ?? null }))
          .sort((a, b) => a.date.localeCompare(b.date)),
        messages: [...f.messages]
          .map((m) => ({ ...m, subject: m.subject ?? null }))
          .sort((a, b) => Date.parse(a.sent_at) - Date.parse(b.sent_at)),
        cards: f.cards,
        reassigned: f.reassigned,
      });
      const sortByKey = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
      const a = norm(original);
      const b = norm(exported);
      expect(sortByKey(b.invoices, (i) => i.number)).toEqual(sortByKey(a.invoices, (i) => i.number));
      expect(sortByKey(b.time, (x) => x.month)).toEqual(sortByKey(a.time, (x) => x.month));
      expect({ ...b, invoices: [], time: [] }).toEqual({ ...a, invoices: [], time: [] });
    }
  });

  it('seeds the demo workspace once, with every date moved so the story ends today', async () => {
    const cases = loadDemoCases();
    const later = { ...deps, clock: { now: () => new Date('2027-01-21T12:00:00Z') } };
    const demo = await seedDemo(later, cases);
    expect(demo.is_demo).toBe(true);
    const again = await seedDemo(later, cases);
    expect(again.id).toBe(demo.id);
    const clients = await listClients(later, demo.id);
    expect(clients).toHaveLength(cases.length);
    const latest = clients
      .map((c) => c.last_incident_on)
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1)!;
    // The files end on 2026-11-22; seeded 60 days later, no incident is in the future.
    expect(latest <= '2027-01-21').toBe(true);
    expect(latest > '2026-12-31').toBe(true);
  });

  it('sets the imported status from the cards and the reassignment', () => {
    const yellow = { cards: [{ date: '2026-01-01', color: 'yellow' as const, note: '' }], reassigned: false };
    expect(statusOfCase({ cards: [], reassigned: false })).toBe('active');
    expect(statusOfCase(yellow)).toBe('warned');
    expect(statusOfCase({ ...yellow, reassigned: true })).toBe('reassigned');
    expect(statusOfCase({ cards: [...yellow.cards, { date: '2026-02-01', color: 'red', note: '' }], reassigned: true })).toBe('exiting');
  });

  it('shifts dates, months and instants by whole days', () => {
    const file = CaseFile.parse(loadDemoCases()[0]);
    const shifted = shiftCaseDates(file, 10);
    expect(shifted.today).toBe('2026-12-02');
    expect(shifted.messages[0]!.sent_at.slice(10)).toBe(file.messages[0]!.sent_at.slice(10));
    expect(CaseFile.safeParse(shifted).success).toBe(true);
  });
});
