/** Accepting a prospect and creating its client is one step: both are written, or neither. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeBackends } from '../../test/stores.js';
import { addClient, listClients } from './clients.js';
import type { Deps, Repos, Store } from './ports.js';
import { addProspect, decideProspect, getProspect } from './prospects.js';
import { ensureDefaultWorkspace } from './workspaces.js';

let counter = 0;
const clock = { now: () => new Date('2026-11-22T12:00:00Z') };
const ids = { newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}` };

/** A store whose prospect updates fail, inside transactions too: a failure after the client is written. */
function failingOnProspectUpdate(store: Store): Store {
  const bound = <T extends object>(target: T, prop: string | symbol, receiver: unknown) => {
    const value = Reflect.get(target, prop, receiver);

    return typeof value === 'function' ? value.bind(target) : value;
  };
  const failing = (screening: Repos['screening']): Repos['screening'] =>
    new Proxy(screening, {
      get: (target, prop, receiver) =>
        prop === 'updateProspect' ? async () => Promise.reject(new Error('disk full')) : bound(target, prop, receiver),
    });
  const wrap = (repos: Repos): Repos =>
    new Proxy(repos, {
      get: (target, prop, receiver) => (prop === 'screening' ? failing(target.screening) : bound(target, prop, receiver)),
    });

  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'transaction') return <T>(work: (tx: Repos) => Promise<T>) => target.transaction((tx) => work(wrap(tx)));
      if (prop === 'screening') return failing(target.screening);

      return bound(target, prop, receiver);
    },
  });
}

describe.each(storeBackends())('prospects on $name', (backend) => {
  let deps: Pick<Deps, 'store' | 'clock' | 'ids'>;
  let dispose: () => Promise<void>;
  let ws: string;

  beforeEach(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    deps = { store: opened.store, clock, ids };
    ws = (await ensureDefaultWorkspace(deps)).id;
  });
  afterEach(async () => dispose());

  it('leaves neither a client nor an accepted prospect when the acceptance fails midway', async () => {
    const prospect = await addProspect(deps, ws, { name: 'Nova Studio', contact: 'hi@nova.test' });
    await expect(
      decideProspect({ ...deps, store: failingOnProspectUpdate(deps.store) }, ws, prospect.id, 'accepted', { create_client: true }),
    ).rejects.toThrow('disk full');
    expect(await listClients(deps, ws)).toEqual([]);
    expect(await getProspect(deps, ws, prospect.id)).toMatchObject({ status: 'screening', client_id: null });

    // Done again without the failure: the prospect is accepted with its new client.
    const accepted = await decideProspect(deps, ws, prospect.id, 'accepted', { create_client: true });
    const clients = await listClients(deps, ws);
    expect(clients.map((c) => c.name)).toEqual(['Nova Studio']);
    expect(accepted).toMatchObject({ status: 'accepted', client_id: clients[0]?.id });
  });

  it('refuses a client name already taken and leaves the prospect undecided', async () => {
    await addClient(deps, ws, { name: 'Nova Studio' });
    const prospect = await addProspect(deps, ws, { name: 'Nova Studio' });
    await expect(decideProspect(deps, ws, prospect.id, 'accepted', { create_client: true })).rejects.toMatchObject({
      code: 'DUPLICATE_CLIENT',
    });
    expect(await getProspect(deps, ws, prospect.id)).toMatchObject({ status: 'screening', client_id: null });
    expect(await listClients(deps, ws)).toHaveLength(1);
  });
});
