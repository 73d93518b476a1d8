import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenedStore, storeBackends } from '../../test/stores.js';
import type { NewClientEvent, Store } from '../app/ports.js';
import { ClientEvent } from '../contracts/events.js';
import { WorkspaceInput } from '../contracts/records.js';

const NOW = '2026-11-22T10:00:00.000Z';

function statusEvent(from: 'active' | 'watch', to: 'watch' | 'active', event: 'watch' | 'back_to_active'): NewClientEvent {
  return {
    id: randomUUID(),
    type: 'status_changed',
    payload: { event, from, to, reason: null },
    actor: 'you',
    at: NOW,
    date: '2026-11-22',
    note: '',
  };
}

describe.each(storeBackends())('client event log on $name', (backend) => {
  let opened: OpenedStore;
  let store: Store;
  let ws: string;
  let otherWs: string;

  const addClient = async (workspaceId: string, name: string) =>
    (
      await store.insertClient(
        workspaceId,
        { id: randomUUID(), now: NOW },
        {
          name,
          name_key: name.toLowerCase(),
          kind: 'business',
          size: 'small',
          language: 'en',
          since: null,
          manager: null,
          email: null,
          notes: '',
          status: 'active',
        },
      )
    ).id;

  beforeAll(async () => {
    opened = await backend.open();
    store = opened.store;
    ws = (await store.insertWorkspace({ id: randomUUID(), now: NOW }, { ...WorkspaceInput.parse({ name: 'A' }), is_demo: false })).id;
    otherWs = (await store.insertWorkspace({ id: randomUUID(), now: NOW }, { ...WorkspaceInput.parse({ name: 'B' }), is_demo: false })).id;
  });
  afterAll(async () => {
    await opened.dispose();
  });

  it('numbers each client its own gap-free seq and reads it back in both orders, payloads parsed', async () => {
    const a = await addClient(ws, 'Alpha');
    const b = await addClient(ws, 'Beta');
    const first = await store.appendClientEvents(ws, a, [
      statusEvent('active', 'watch', 'watch'),
      statusEvent('watch', 'active', 'back_to_active'),
    ]);
    expect(first.map((e) => e.seq)).toEqual([1, 2]);
    expect((await store.appendClientEvents(ws, b, [statusEvent('active', 'watch', 'watch')]))[0]!.seq).toBe(1);
    expect((await store.appendClientEvents(ws, a, [statusEvent('active', 'watch', 'watch')]))[0]!.seq).toBe(3);

    const asc = await store.listClientEvents(ws, a);
    expect(asc.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await store.listClientEvents(ws, a, 'desc')).map((e) => e.seq)).toEqual([3, 2, 1]);
    for (const e of asc) expect(ClientEvent.parse(e)).toEqual(e);
    expect(asc[1]).toMatchObject({
      type: 'status_changed',
      payload: { event: 'back_to_active', from: 'watch', to: 'active' },
      actor: 'you',
    });
  });

  it('keeps workspaces apart: another workspace neither reads nor appends to a client', async () => {
    const a = await addClient(ws, 'Gamma');
    await store.appendClientEvents(ws, a, [statusEvent('active', 'watch', 'watch')]);
    expect(await store.listClientEvents(otherWs, a)).toEqual([]);
    expect(await store.lockClient(otherWs, a)).toBeUndefined();
    await expect(store.appendClientEvents(otherWs, a, [statusEvent('active', 'watch', 'watch')])).rejects.toThrow(/not in workspace/);
    expect(await store.listClientEvents(ws, a)).toHaveLength(1);
  });

  it('refuses a duplicate position and rolls back the whole transaction', async () => {
    const a = await addClient(ws, 'Delta');
    const event = statusEvent('active', 'watch', 'watch');
    await expect(
      store.transaction(async (tx) => {
        await tx.updateClient(ws, a, { status: 'watch' }, NOW);
        await tx.appendClientEvents(ws, a, [event]);
        await tx.appendClientEvents(ws, a, [event]); // same id: primary key violation
      }),
    ).rejects.toThrow();
    expect(await store.listClientEvents(ws, a)).toEqual([]);
    expect((await store.getClient(ws, a))?.status).toBe('active');
  });

  it('removes a client with its log', async () => {
    const a = await addClient(ws, 'Zeta');
    await store.appendClientEvents(ws, a, [statusEvent('active', 'watch', 'watch')]);
    expect(await store.deleteClient(ws, a)).toBe(true);
    expect(await store.listClientEvents(ws, a)).toEqual([]);
  });
});
