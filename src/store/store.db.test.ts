import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { Kysely, Migrator, NO_MIGRATIONS } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackends, tempSqliteFile } from '../../test/stores.js';
import type { NewEvidence, NewRow, Repos, Store } from '../app/ports.js';
import {
  Card,
  Client,
  type ClientInput,
  ClientSummary,
  Contract,
  type ContractInput,
  Engagement,
  EvidenceEntry,
  Incident,
  type IncidentInput,
  Invoice,
  Message,
  type MessageInput,
  Workspace,
  type WorkspaceInput,
} from '../contracts/records.js';
import { nameKey } from '../core/names.js';
import { isBusy, isForeignKeyViolation, isUniqueViolation } from './errors.js';
import { StaticMigrationProvider } from './migrations/index.js';
import { BUSY_TIMEOUT_MS, openSqliteDatabase, openStore } from './open-store.js';
import { ImmediateSqliteDialect } from './sqlite-dialect.js';

const TODAY = '2026-11-22';
const NOW = '2026-11-22T10:00:00.000Z';
/** Above 2^31 (PostgreSQL integer) and 2^32, still far below LIMITS.moneyMaxMinor. */
const BIG = 2 ** 33 * 1000 + 7;

function newRow(now = NOW): NewRow {
  return { id: randomUUID(), now };
}

function at(minute: number): string {
  return `2026-11-22T10:${String(minute).padStart(2, '0')}:00.000Z`;
}

function fold(name: string): string {
  return nameKey(name);
}

function workspaceInput(over: Partial<WorkspaceInput & { is_demo: boolean }> = {}): WorkspaceInput & { is_demo: boolean } {
  return {
    name: 'Ana Pop Design',
    provider_name: null,
    provider_kind: 'freelancer',
    currency: 'EUR',
    jurisdiction: null,
    timezone: 'UTC',
    language: 'en',
    revenue_last_12m_minor: null,
    is_demo: false,
    ...over,
  };
}

function clientInput(name: string, over: Partial<ClientInput> = {}): ClientInput & { name_key: string } {
  return {
    name,
    name_key: fold(name),
    kind: 'business',
    size: 'small',
    language: 'en',
    since: null,
    manager: null,
    email: null,
    notes: '',
    status: 'active',
    ...over,
  };
}

function incidentInput(over: Partial<IncidentInput> = {}): IncidentInput {
  return { date: '2026-10-12', code: 'abuse', severity: 2, source: 'manual', about_member: null, note: '', message_id: null, ...over };
}

function messageInput(over: Partial<MessageInput> = {}): MessageInput {
  return { sent_at: '2026-10-12T22:41:00+03:00', from: 'client', channel: 'email', subject: null, text: 'Where is it?', ...over };
}

function evidenceEntry(incidentId: string, seq: number, over: Partial<NewEvidence> = {}): NewEvidence {
  return {
    id: randomUUID(),
    incident_id: incidentId,
    seq,
    file_sha256: 'a'.repeat(64),
    file_name: 'call.m4a',
    media_type: 'audio/mp4',
    size_bytes: 1234,
    note: '',
    recorded_at: NOW,
    prev_hash: '0'.repeat(64),
    entry_hash: seq.toString(16).padStart(64, '0'),
    ...over,
  };
}

const fullContract: ContractInput = {
  signed: '2024-02-01',
  ends: '2027-01-31',
  provider_may_terminate: false,
  notice: { amount: 30, unit: 'business_days' },
  penalty: { amount_minor: BIG, description: 'two monthly fees' },
  refund_clause: true,
};

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** Everything stored under one client, to compare before and after an operation. */
async function snapshot(repos: Repos, ws: string, clientId: string) {
  return {
    client: await repos.getClient(ws, clientId),
    contract: await repos.getContract(ws, clientId),
    engagements: await repos.listEngagements(ws, clientId),
    invoices: await repos.listInvoices(ws, clientId),
    time: await repos.listTime(ws, clientId),
    incidents: await repos.listIncidents(ws, clientId),
    cards: await repos.listCards(ws, clientId),
    messages: await repos.listMessages(ws, clientId),
    chain: await repos.listEvidenceChain(ws),
    summary: await repos.listClients(ws, { today: TODAY }),
  };
}

describe.each(storeBackends())('store on $name', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await backend.open());
  });
  afterAll(async () => {
    await dispose?.();
  });

  async function newWorkspace(over: Partial<WorkspaceInput & { is_demo: boolean }> = {}): Promise<string> {
    return (await store.insertWorkspace(newRow(), workspaceInput(over))).id;
  }

  async function newClient(ws: string, name = `Client ${randomUUID()}`, over: Partial<ClientInput> = {}): Promise<string> {
    return (await store.insertClient(ws, newRow(), clientInput(name, over))).id;
  }

  /** A client with one of everything (evidence optional), for cascade and isolation tests. */
  async function populatedClient(ws: string, withEvidence: boolean) {
    const clientId = await newClient(ws);
    await store.putContract(ws, clientId, newRow(), fullContract);
    const engagement = await store.insertEngagement(
      ws,
      clientId,
      newRow(),
      {
        name: 'Retainer',
        kind: 'long_term',
        price_minor: 150000,
        prepaid_minor: 0,
        deliverables: [{ name: 'Plan', due: null, done: false, percent_done: 10 }],
      },
      [randomUUID()],
    );
    const invoice = await store.insertInvoice(ws, clientId, newRow(), {
      number: '2026-001',
      issued: '2026-09-01',
      due: '2026-09-15',
      amount_minor: 1000,
      currency: 'EUR',
    });
    const payment = await store.insertPayment(ws, invoice.id, newRow(), { date: '2026-09-10', amount_minor: 400 });
    await store.putTime(ws, clientId, newRow(), '2026-10', 12);
    const message = await store.insertMessage(ws, clientId, newRow(), messageInput());
    const incident = await store.insertIncident(ws, clientId, newRow(), incidentInput({ message_id: message.id }));
    const card = await store.insertCard(ws, clientId, newRow(), { date: '2026-10-13', color: 'yellow', note: '' });
    const evidence = withEvidence ? await store.insertEvidence(ws, evidenceEntry(incident.id, 1)) : undefined;

    return { clientId, engagement, invoice, payment, message, incident, card, evidence };
  }

  it('answers a ping and names its kind', async () => {
    await store.ping();
    expect(store.kind).toBe(backend.name);
  });

  it('round-trips workspaces with every field, nulls and flags', async () => {
    const full = workspaceInput({
      name: 'Vortex Studio',
      provider_name: 'Ana Pop',
      provider_kind: 'agency',
      currency: 'RON',
      jurisdiction: 'RO',
      timezone: 'Europe/Bucharest',
      language: 'ro',
      revenue_last_12m_minor: BIG,
      is_demo: true,
    });
    const a = await store.insertWorkspace(newRow('2026-01-01T00:00:00.000Z'), full);
    const { is_demo: _demo, ...fields } = full;
    expect(a).toEqual({ id: a.id, ...fields, is_demo: true, created_at: '2026-01-01T00:00:00.000Z' });
    expect(Workspace.parse(a)).toEqual(a);
    expect(await store.getWorkspace(a.id)).toEqual(a);

    const b = await store.insertWorkspace(newRow('2026-01-02T00:00:00.000Z'), workspaceInput());
    expect(b.is_demo).toBe(false);
    expect(b.provider_name).toBeNull();
    expect(b.revenue_last_12m_minor).toBeNull();

    const ids = (await store.listWorkspaces()).map((w) => w.id);
    expect(ids.indexOf(a.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));

    const updated = await store.updateWorkspace(a.id, { provider_name: null, revenue_last_12m_minor: BIG + 1, language: 'lt' }, NOW);
    expect(updated).toEqual({ ...a, provider_name: null, revenue_last_12m_minor: BIG + 1, language: 'lt' });
    expect(await store.getWorkspace(a.id)).toEqual(updated);
    expect(await store.updateWorkspace(a.id, {}, NOW)).toEqual(updated);
    expect(await store.updateWorkspace(randomUUID(), { name: 'x' }, NOW)).toBeUndefined();
    expect(await store.getWorkspace(randomUUID())).toBeUndefined();
  });

  it('round-trips a client, finds it by name key, updates and deletes it', async () => {
    const ws = await newWorkspace();
    const input = clientInput('Vortex Media SRL', {
      kind: 'individual',
      size: 'large',
      language: 'ro',
      since: '2024-02-01',
      manager: 'Ioana',
      email: 'ioana@vortex.example',
      notes: 'Pays late',
      status: 'watch',
    });
    const row = newRow('2026-03-01T08:00:00.000Z');
    const client = await store.insertClient(ws, row, input);
    const { name_key: _key, ...fields } = input;
    expect(client).toEqual({ id: row.id, workspace_id: ws, ...fields, created_at: row.now, updated_at: row.now });
    expect(Client.parse(client)).toEqual(client);
    expect(await store.getClient(ws, client.id)).toEqual(client);
    expect(await store.findClientByNameKey(ws, 'vortex media srl')).toEqual(client);
    expect(await store.findClientByNameKey(ws, 'vortex')).toBeUndefined();

    const updated = await store.updateClient(
      ws,
      client.id,
      { name: 'Vortex Media', name_key: 'vortex media', manager: null, email: null, status: 'warned' },
      NOW,
    );
    expect(updated).toEqual({ ...client, name: 'Vortex Media', manager: null, email: null, status: 'warned', updated_at: NOW });
    expect(await store.findClientByNameKey(ws, 'vortex media')).toEqual(updated);
    expect(await store.findClientByNameKey(ws, 'vortex media srl')).toBeUndefined();
    expect(await store.updateClient(ws, randomUUID(), { name: 'x', name_key: 'x' }, NOW)).toBeUndefined();
    await expect(store.updateClient(ws, client.id, { name: 'Renamed' }, NOW)).rejects.toThrow(/name_key/);

    expect(await store.deleteClient(ws, client.id)).toBe(true);
    expect(await store.getClient(ws, client.id)).toBeUndefined();
    expect(await store.deleteClient(ws, client.id)).toBe(false);
  });

  it('puts, replaces and deletes the one contract of a client', async () => {
    const ws = await newWorkspace();
    const clientId = await newClient(ws);
    expect(await store.getContract(ws, clientId)).toBeNull();

    const saved = await store.putContract(ws, clientId, newRow(), fullContract);
    expect(saved).toEqual(fullContract);
    expect(Contract.parse(saved)).toEqual(saved);
    expect(await store.getContract(ws, clientId)).toEqual(fullContract);

    const bare: ContractInput = {
      signed: null,
      ends: null,
      provider_may_terminate: null,
      notice: null,
      penalty: null,
      refund_clause: false,
    };
    expect(await store.putContract(ws, clientId, newRow(), bare)).toEqual(bare);
    expect(await store.getContract(ws, clientId)).toEqual(bare);
    const terminable = { ...bare, provider_may_terminate: true, penalty: { amount_minor: 0, description: '' } };
    expect(await store.putContract(ws, clientId, newRow(), terminable)).toEqual(terminable);

    expect(await store.deleteContract(ws, clientId)).toBe(true);
    expect(await store.getContract(ws, clientId)).toBeNull();
    expect(await store.deleteContract(ws, clientId)).toBe(false);
  });

  it('keeps engagements in creation order with their deliverables in position order', async () => {
    const ws = await newWorkspace();
    const clientId = await newClient(ws);
    const dIds = [randomUUID(), randomUUID()];
    // Same instant for both: creation order must not depend on the clock or the random ids.
    const first = await store.insertEngagement(
      ws,
      clientId,
      newRow(NOW),
      {
        name: 'Monthly social media',
        kind: 'long_term',
        price_minor: BIG,
        prepaid_minor: 5000,
        deliverables: [
          { name: 'December plan', due: '2026-11-28', done: false, percent_done: 40 },
          { name: 'Logo', due: null, done: true, percent_done: 100 },
        ],
      },
      dIds,
    );
    expect(first).toEqual({
      id: first.id,
      client_id: clientId,
      name: 'Monthly social media',
      kind: 'long_term',
      price_minor: BIG,
      prepaid_minor: 5000,
      deliverables: [
        { id: dIds[0], name: 'December plan', due: '2026-11-28', done: false, percent_done: 40 },
        { id: dIds[1], name: 'Logo', due: null, done: true, percent_done: 100 },
      ],
    });
    expect(Engagement.parse(first)).toEqual(first);
    const seconds = [];
    for (let i = 0; i < 5; i += 1) {
      seconds.push(
        await store.insertEngagement(
          ws,
          clientId,
          newRow(NOW),
          { name: `Extra ${i}`, kind: 'one_off', price_minor: 0, prepaid_minor: 0, deliverables: [] },
          [],
        ),
      );
    }
    expect(await store.listEngagements(ws, clientId)).toEqual([first, ...seconds]);

    const replaced = [randomUUID(), dIds[1] as string, randomUUID()];
    const updated = await store.updateEngagement(
      ws,
      first.id,
      { name: 'Social media', price_minor: BIG + 1 },
      {
        ids: replaced,
        items: [
          { name: 'A', due: null, done: false, percent_done: 0 },
          { name: 'Logo', due: '2026-12-01', done: true, percent_done: 100 },
          { name: 'C', due: null, done: false, percent_done: 5 },
        ],
      },
      NOW,
    );
    expect(updated?.name).toBe('Social media');
    expect(updated?.price_minor).toBe(BIG + 1);
    expect(updated?.prepaid_minor).toBe(5000);
    expect(updated?.deliverables.map((d) => [d.id, d.name, d.due])).toEqual([
      [replaced[0], 'A', null],
      [replaced[1], 'Logo', '2026-12-01'],
      [replaced[2], 'C', null],
    ]);
    // Without a deliverables set the existing ones stay.
    expect(await store.updateEngagement(ws, first.id, { kind: 'recurring_small' }, undefined, NOW)).toEqual({
      ...updated,
      kind: 'recurring_small',
    });
    expect(await store.updateEngagement(ws, randomUUID(), { name: 'x' }, undefined, NOW)).toBeUndefined();
    await expect(
      store.updateEngagement(ws, first.id, {}, { ids: [], items: [{ name: 'x', due: null, done: false, percent_done: 0 }] }, NOW),
    ).rejects.toThrow();

    expect(await store.deleteEngagement(ws, first.id)).toBe(true);
    expect(await store.deleteEngagement(ws, first.id)).toBe(false);
    expect((await store.listEngagements(ws, clientId)).map((e) => e.id)).toEqual(seconds.map((e) => e.id));
    // The deliverables went with their engagement: their ids are free again.
    const again = await store.insertEngagement(
      ws,
      clientId,
      newRow(),
      {
        name: 'Again',
        kind: 'one_off',
        price_minor: 0,
        prepaid_minor: 0,
        deliverables: [{ name: 'A', due: null, done: false, percent_done: 0 }],
      },
      [replaced[0] as string],
    );
    expect(again.deliverables[0]?.id).toBe(replaced[0]);
  });

  it('keeps invoices with payments, paid and outstanding amounts, money above 2^31 exact', async () => {
    const ws = await newWorkspace();
    const clientId = await newClient(ws);
    const base = { due: '2026-03-01', amount_minor: 100, currency: 'EUR' };
    const inv2 = await store.insertInvoice(ws, clientId, newRow(), { ...base, number: 'INV-2', issued: '2026-02-01' });
    const inv1 = await store.insertInvoice(ws, clientId, newRow(), { ...base, number: 'INV-1', issued: '2026-02-01' });
    const big = await store.insertInvoice(ws, clientId, newRow(), {
      number: 'INV-0',
      issued: '2026-01-15',
      due: '2026-01-30',
      amount_minor: BIG,
      currency: 'USD',
    });
    expect(big).toEqual({
      id: big.id,
      client_id: clientId,
      number: 'INV-0',
      issued: '2026-01-15',
      due: '2026-01-30',
      amount_minor: BIG,
      currency: 'USD',
      payments: [],
      paid_minor: 0,
      outstanding_minor: BIG,
    });

    const later = await store.insertPayment(ws, big.id, newRow(), { date: '2026-03-05', amount_minor: BIG - 10 });
    const earlier = await store.insertPayment(ws, big.id, newRow(), { date: '2026-03-01', amount_minor: 3 });
    expect(later).toEqual({ id: later.id, date: '2026-03-05', amount_minor: BIG - 10 });
    const withPayments = await store.getInvoice(ws, big.id);
    expect(withPayments).toEqual({ ...big, payments: [earlier, later], paid_minor: BIG - 7, outstanding_minor: 7 });
    expect(Invoice.parse(withPayments)).toEqual(withPayments);

    // Overpaid: nothing outstanding, never a negative amount.
    await store.insertPayment(ws, inv1.id, newRow(), { date: '2026-02-10', amount_minor: 150 });
    expect((await store.getInvoice(ws, inv1.id))?.outstanding_minor).toBe(0);

    const list = await store.listInvoices(ws, clientId);
    expect(list.map((i) => i.number)).toEqual(['INV-0', 'INV-1', 'INV-2']);
    expect(list[0]).toEqual(withPayments);
    expect(list[2]).toEqual(inv2);

    const updated = await store.updateInvoice(ws, big.id, { amount_minor: BIG * 2, number: 'INV-0b' }, NOW);
    expect(updated).toEqual({ ...withPayments, amount_minor: BIG * 2, number: 'INV-0b', outstanding_minor: BIG + 7 });
    expect(await store.updateInvoice(ws, randomUUID(), { number: 'x' }, NOW)).toBeUndefined();

    expect(await store.deletePayment(ws, earlier.id)).toBe(true);
    expect(await store.deletePayment(ws, earlier.id)).toBe(false);
    expect((await store.getInvoice(ws, big.id))?.payments).toEqual([later]);

    expect(await store.deleteInvoice(ws, big.id)).toBe(true);
    expect(await store.deleteInvoice(ws, big.id)).toBe(false);
    expect(await store.getInvoice(ws, big.id)).toBeUndefined();
    expect(await store.deletePayment(ws, later.id)).toBe(false);
  });

  it('stores time per month as hours and overwrites a month', async () => {
    const ws = await newWorkspace();
    const clientId = await newClient(ws);
    expect(await store.putTime(ws, clientId, newRow(), '2026-10', 46)).toEqual({ month: '2026-10', hours: 46 });
    expect(await store.putTime(ws, clientId, newRow(), '2026-09', 1.5)).toEqual({ month: '2026-09', hours: 1.5 });
    expect(await store.putTime(ws, clientId, newRow(), '2026-10', 12.25)).toEqual({ month: '2026-10', hours: 12.25 });
    expect(await store.putTime(ws, clientId, newRow(), '2026-11', 0)).toEqual({ month: '2026-11', hours: 0 });
    expect(await store.listTime(ws, clientId)).toEqual([
      { month: '2026-09', hours: 1.5 },
      { month: '2026-10', hours: 12.25 },
      { month: '2026-11', hours: 0 },
    ]);
    expect(await store.deleteTime(ws, clientId, '2026-09')).toBe(true);
    expect(await store.deleteTime(ws, clientId, '2026-09')).toBe(false);
    expect((await store.listTime(ws, clientId)).map((t) => t.month)).toEqual(['2026-10', '2026-11']);
  });

  it('keeps incidents in date then creation order with their evidence in seq order', async () => {
    const ws = await newWorkspace();
    const clientId = await newClient(ws);
    const message = await store.insertMessage(ws, clientId, newRow(), messageInput());
    const row = newRow(at(1));
    const full = incidentInput({
      date: '2026-10-12',
      code: 'reputation_threat',
      severity: 3,
      source: 'staff_report',
      about_member: 'Ioana',
      note: 'Shouted',
      message_id: message.id,
    });
    const a = await store.insertIncident(ws, clientId, row, full);
    expect(a).toEqual({ id: row.id, client_id: clientId, ...full, evidence: [], created_at: row.now });
    const b = await store.insertIncident(ws, clientId, newRow(at(1)), incidentInput({ date: '2026-10-12', severity: 1 }));
    const c = await store.insertIncident(ws, clientId, newRow(at(1)), incidentInput({ date: '2026-09-01', code: 'payment' }));
    expect((await store.listIncidents(ws, clientId)).map((i) => i.id)).toEqual([c.id, a.id, b.id]);

    const e2 = await store.insertEvidence(ws, evidenceEntry(a.id, 2));
    const e1 = await store.insertEvidence(ws, evidenceEntry(a.id, 1));
    const withEvidence = await store.getIncident(ws, a.id);
    expect(withEvidence).toEqual({ ...a, evidence: [e1, e2] });
    expect(Incident.parse(withEvidence)).toEqual(withEvidence);
    expect((await store.listIncidents(ws, clientId))[1]).toEqual(withEvidence);

    const updated = await store.updateIncident(ws, a.id, { severity: 1, about_member: null, note: 'Calmer', code: 'negativity' }, NOW);
    expect(updated).toEqual({ ...withEvidence, severity: 1, about_member: null, note: 'Calmer', code: 'negativity' });
    expect(await store.updateIncident(ws, randomUUID(), { note: 'x' }, NOW)).toBeUndefined();

    expect(await store.deleteIncident(ws, b.id)).toBe(true);
    expect(await store.deleteIncident(ws, b.id)).toBe(false);
    // Evidence is never cascaded away: the database refuses.
    const refused = await rejection(store.deleteIncident(ws, a.id));
    expect(isForeignKeyViolation(refused)).toBe(true);
    expect(await store.getIncident(ws, a.id)).toEqual(updated);

    // Deleting the message it was found in only unlinks it.
    expect(await store.deleteMessage(ws, message.id)).toBe(true);
    expect((await store.getIncident(ws, a.id))?.message_id).toBeNull();
  });

  it('keeps cards in date then creation order', async () => {
    const ws = await newWorkspace();
    const clientId = await newClient(ws);
    const row = newRow();
    const yellow = await store.insertCard(ws, clientId, row, { date: '2026-10-13', color: 'yellow', note: 'Told them on a call' });
    expect(yellow).toEqual({ id: row.id, client_id: clientId, date: '2026-10-13', color: 'yellow', note: 'Told them on a call' });
    expect(Card.parse(yellow)).toEqual(yellow);
    const red = await store.insertCard(ws, clientId, newRow(), { date: '2026-10-13', color: 'red', note: '' });
    const early = await store.insertCard(ws, clientId, newRow(), { date: '2026-10-01', color: 'yellow', note: '' });
    expect(await store.listCards(ws, clientId)).toEqual([early, yellow, red]);

    expect(await store.updateCard(ws, red.id, { note: 'Final', date: '2026-10-14' }, NOW)).toEqual({
      ...red,
      note: 'Final',
      date: '2026-10-14',
    });
    expect(await store.updateCard(ws, randomUUID(), { note: 'x' }, NOW)).toBeUndefined();
    expect(await store.deleteCard(ws, yellow.id)).toBe(true);
    expect(await store.deleteCard(ws, yellow.id)).toBe(false);
    expect((await store.listCards(ws, clientId)).map((c) => c.id)).toEqual([early.id, red.id]);
  });

  it('keeps messages in the order they were sent, whatever their offsets', async () => {
    const ws = await newWorkspace();
    const clientId = await newClient(ws);
    const row = newRow();
    // 19:41Z, 20:00Z and 20:30Z: as text the third would sort first.
    const m1 = await store.insertMessage(
      ws,
      clientId,
      row,
      messageInput({ sent_at: '2026-10-12T22:41:00+03:00', subject: 'Re: logo', channel: 'chat' }),
    );
    expect(m1).toEqual({
      id: row.id,
      client_id: clientId,
      sent_at: '2026-10-12T22:41:00+03:00',
      from: 'client',
      channel: 'chat',
      subject: 'Re: logo',
      text: 'Where is it?',
    });
    expect(Message.parse(m1)).toEqual(m1);
    const m3 = await store.insertMessage(ws, clientId, newRow(), messageInput({ sent_at: '2026-10-12T18:30:00-02:00', from: 'provider' }));
    const m2 = await store.insertMessage(
      ws,
      clientId,
      newRow(),
      messageInput({ sent_at: '2026-10-12T20:00:00Z', text: 'Ромашка ąčęėįšųūž' }),
    );
    expect(await store.listMessages(ws, clientId)).toEqual([m1, m2, m3]);
    expect(await store.getMessage(ws, m2.id)).toEqual(m2);

    const moved = await store.updateMessage(ws, m1.id, { sent_at: '2026-10-13T00:00:00+00:00', from: 'provider', subject: null }, NOW);
    expect(moved).toEqual({ ...m1, sent_at: '2026-10-13T00:00:00+00:00', from: 'provider', subject: null });
    expect((await store.listMessages(ws, clientId)).map((m) => m.id)).toEqual([m2.id, m3.id, m1.id]);
    expect(await store.updateMessage(ws, randomUUID(), { text: 'x' }, NOW)).toBeUndefined();
    expect(await store.deleteMessage(ws, m3.id)).toBe(true);
    expect(await store.deleteMessage(ws, m3.id)).toBe(false);
    expect(await store.getMessage(ws, m3.id)).toBeUndefined();
  });

  it('appends to the evidence chain, counts it, and refuses a taken seq', async () => {
    const ws = await newWorkspace();
    const clientA = await newClient(ws);
    const clientB = await newClient(ws);
    const incA = await store.insertIncident(ws, clientA, newRow(), incidentInput());
    const incB = await store.insertIncident(ws, clientB, newRow(), incidentInput());
    expect(await store.lastEvidence(ws)).toBeUndefined();
    expect(await store.listEvidenceChain(ws)).toEqual([]);

    const entry = evidenceEntry(incA.id, 1, { size_bytes: 3_000_000_000, note: 'Recording of the call', file_name: 'звонок.m4a' });
    const first = await store.insertEvidence(ws, entry);
    expect(first).toEqual(entry);
    expect(EvidenceEntry.parse(first)).toEqual(first);
    const second = await store.insertEvidence(ws, evidenceEntry(incB.id, 2, { prev_hash: first.entry_hash }));
    const third = await store.insertEvidence(ws, evidenceEntry(incA.id, 3, { prev_hash: second.entry_hash }));
    expect(await store.lastEvidence(ws)).toEqual(third);
    expect(await store.getEvidence(ws, second.id)).toEqual(second);
    expect(await store.getEvidence(ws, randomUUID())).toBeUndefined();
    expect(await store.listEvidenceChain(ws)).toEqual([first, second, third]);
    expect(await store.countEvidenceForIncident(ws, incA.id)).toBe(2);
    expect(await store.countEvidenceForIncident(ws, incB.id)).toBe(1);
    expect(await store.countEvidenceForClient(ws, clientA)).toBe(2);
    expect(await store.countEvidenceForClient(ws, clientB)).toBe(1);
    expect(await store.countEvidenceForClient(ws, randomUUID())).toBe(0);

    const duplicate = await rejection(store.insertEvidence(ws, evidenceEntry(incA.id, 3)));
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(await store.listEvidenceChain(ws)).toHaveLength(3);

    // seq is per workspace: another workspace starts its own chain at 1.
    const other = await newWorkspace();
    const otherIncident = await store.insertIncident(other, await newClient(other), newRow(), incidentInput());
    expect((await store.insertEvidence(other, evidenceEntry(otherIncident.id, 1))).seq).toBe(1);
  });

  it('deletes a client with everything under it, but not when it has evidence', async () => {
    const ws = await newWorkspace();
    const plain = await populatedClient(ws, false);
    expect(await store.deleteClient(ws, plain.clientId)).toBe(true);
    const gone = await snapshot(store, ws, plain.clientId);
    expect(gone).toMatchObject({
      client: undefined,
      contract: null,
      engagements: [],
      invoices: [],
      time: [],
      incidents: [],
      cards: [],
      messages: [],
    });
    expect(await store.getInvoice(ws, plain.invoice.id)).toBeUndefined();
    expect(await store.getIncident(ws, plain.incident.id)).toBeUndefined();
    expect(await store.getMessage(ws, plain.message.id)).toBeUndefined();
    expect(await store.deletePayment(ws, plain.payment.id)).toBe(false);

    const kept = await populatedClient(ws, true);
    const before = await snapshot(store, ws, kept.clientId);
    const refused = await rejection(store.deleteClient(ws, kept.clientId));
    expect(isForeignKeyViolation(refused)).toBe(true);
    expect(await snapshot(store, ws, kept.clientId)).toEqual(before);
  });

  it("treats another workspace's rows as absent and never changes them", async () => {
    const wsA = await newWorkspace();
    const wsB = await newWorkspace();
    await newClient(wsB, 'Own client of B');
    const a = await populatedClient(wsA, true);
    const clientA = (await store.getClient(wsA, a.clientId)) as Client;
    const before = await snapshot(store, wsA, a.clientId);

    expect(await store.getClient(wsB, a.clientId)).toBeUndefined();
    expect(await store.findClientByNameKey(wsB, fold(clientA.name))).toBeUndefined();
    expect((await store.listClients(wsB, { today: TODAY })).map((c) => c.name)).toEqual(['Own client of B']);
    expect((await store.listClients(wsB, { today: TODAY, q: clientA.name })).length).toBe(0);
    expect(await store.updateClient(wsB, a.clientId, { name: 'Hijacked', name_key: 'hijacked' }, NOW)).toBeUndefined();
    expect(await store.deleteClient(wsB, a.clientId)).toBe(false);

    expect(await store.getContract(wsB, a.clientId)).toBeNull();
    expect(await store.deleteContract(wsB, a.clientId)).toBe(false);
    await expect(store.putContract(wsB, a.clientId, newRow(), { ...fullContract, refund_clause: false })).rejects.toThrow();

    expect(await store.listEngagements(wsB, a.clientId)).toEqual([]);
    expect(await store.updateEngagement(wsB, a.engagement.id, { name: 'x' }, { ids: [], items: [] }, NOW)).toBeUndefined();
    expect(await store.deleteEngagement(wsB, a.engagement.id)).toBe(false);
    await expect(
      store.insertEngagement(
        wsB,
        a.clientId,
        newRow(),
        { name: 'x', kind: 'one_off', price_minor: 0, prepaid_minor: 0, deliverables: [] },
        [],
      ),
    ).rejects.toThrow();

    expect(await store.listInvoices(wsB, a.clientId)).toEqual([]);
    expect(await store.getInvoice(wsB, a.invoice.id)).toBeUndefined();
    expect(await store.updateInvoice(wsB, a.invoice.id, { amount_minor: 1 }, NOW)).toBeUndefined();
    expect(await store.deleteInvoice(wsB, a.invoice.id)).toBe(false);
    expect(await store.deletePayment(wsB, a.payment.id)).toBe(false);
    await expect(
      store.insertInvoice(wsB, a.clientId, newRow(), { number: 'x', issued: TODAY, due: TODAY, amount_minor: 1, currency: 'EUR' }),
    ).rejects.toThrow();
    await expect(store.insertPayment(wsB, a.invoice.id, newRow(), { date: TODAY, amount_minor: 1 })).rejects.toThrow();

    expect(await store.listTime(wsB, a.clientId)).toEqual([]);
    expect(await store.deleteTime(wsB, a.clientId, '2026-10')).toBe(false);
    // An upsert onto A's existing month must not overwrite it, nor create a new one.
    await expect(store.putTime(wsB, a.clientId, newRow(), '2026-10', 99)).rejects.toThrow();
    await expect(store.putTime(wsB, a.clientId, newRow(), '2026-11', 99)).rejects.toThrow();

    expect(await store.listIncidents(wsB, a.clientId)).toEqual([]);
    expect(await store.getIncident(wsB, a.incident.id)).toBeUndefined();
    expect(await store.updateIncident(wsB, a.incident.id, { note: 'x' }, NOW)).toBeUndefined();
    expect(await store.deleteIncident(wsB, a.incident.id)).toBe(false);
    await expect(store.insertIncident(wsB, a.clientId, newRow(), incidentInput())).rejects.toThrow();

    expect(await store.listCards(wsB, a.clientId)).toEqual([]);
    expect(await store.updateCard(wsB, a.card.id, { note: 'x' }, NOW)).toBeUndefined();
    expect(await store.deleteCard(wsB, a.card.id)).toBe(false);
    await expect(store.insertCard(wsB, a.clientId, newRow(), { date: TODAY, color: 'red', note: '' })).rejects.toThrow();

    expect(await store.listMessages(wsB, a.clientId)).toEqual([]);
    expect(await store.getMessage(wsB, a.message.id)).toBeUndefined();
    expect(await store.updateMessage(wsB, a.message.id, { text: 'x' }, NOW)).toBeUndefined();
    expect(await store.deleteMessage(wsB, a.message.id)).toBe(false);
    await expect(store.insertMessage(wsB, a.clientId, newRow(), messageInput())).rejects.toThrow();

    expect(await store.lastEvidence(wsB)).toBeUndefined();
    expect(await store.getEvidence(wsB, (a.evidence as EvidenceEntry).id)).toBeUndefined();
    expect(await store.listEvidenceChain(wsB)).toEqual([]);
    expect(await store.countEvidenceForIncident(wsB, a.incident.id)).toBe(0);
    expect(await store.countEvidenceForClient(wsB, a.clientId)).toBe(0);
    await expect(store.insertEvidence(wsB, evidenceEntry(a.incident.id, 1))).rejects.toThrow();

    expect(await snapshot(store, wsA, a.clientId)).toEqual(before);
    expect(await store.listEvidenceChain(wsB)).toEqual([]);
  });

  it('commits a transaction as a whole, or nothing of it', async () => {
    const ws = await newWorkspace();
    const result = await store.transaction(async (tx) => {
      const client = await tx.insertClient(ws, newRow(), clientInput('Committed Ltd'));
      await tx.insertInvoice(ws, client.id, newRow(), { number: '1', issued: TODAY, due: TODAY, amount_minor: 5, currency: 'EUR' });
      // A transaction reads its own writes.
      expect((await tx.listClients(ws, { today: TODAY }))[0]?.owed_minor).toBe(5);

      return client.id;
    });
    expect((await store.getClient(ws, result))?.name).toBe('Committed Ltd');

    await expect(
      store.transaction(async (tx) => {
        const client = await tx.insertClient(ws, newRow(), clientInput('Rolled Back Ltd'));
        await tx.putContract(ws, client.id, newRow(), fullContract);
        await tx.insertIncident(ws, client.id, newRow(), incidentInput());
        await tx.updateClient(ws, result, { notes: 'changed' }, NOW);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await store.listClients(ws, { today: TODAY })).map((c) => c.name)).toEqual(['Committed Ltd']);
    expect((await store.getClient(ws, result))?.notes).toBe('');

    // A failing statement midway undoes the ones before it.
    const failed = await rejection(
      store.transaction(async (tx) => {
        await tx.insertClient(ws, newRow(), clientInput('Half Written Ltd'));
        await tx.insertClient(ws, newRow(), clientInput('Committed Ltd'));
      }),
    );
    expect(isUniqueViolation(failed)).toBe(true);
    expect(await store.findClientByNameKey(ws, 'half written ltd')).toBeUndefined();

    // Using the store instead of tx inside a transaction is a programming error, reported at once.
    await expect(store.transaction(() => store.listWorkspaces())).rejects.toThrow(/use the tx argument/);
  });

  it('reports unique violations the use cases can recognise', async () => {
    const ws = await newWorkspace();
    const other = await newWorkspace();
    const clientId = await newClient(ws, 'Acme');
    const dupClient = await rejection(store.insertClient(ws, newRow(), clientInput('ACME')));
    expect(isUniqueViolation(dupClient)).toBe(true);
    expect(isBusy(dupClient)).toBe(false);
    await newClient(other, 'Acme');
    const second = await newClient(ws, 'Acme Two');
    expect(isUniqueViolation(await rejection(store.updateClient(ws, second, { name: 'acme', name_key: 'acme' }, NOW)))).toBe(true);

    await store.insertInvoice(ws, clientId, newRow(), { number: '2026-031', issued: TODAY, due: TODAY, amount_minor: 1, currency: 'EUR' });
    const dupInvoice = await rejection(
      store.insertInvoice(ws, clientId, newRow(), { number: '2026-031', issued: TODAY, due: TODAY, amount_minor: 2, currency: 'EUR' }),
    );
    expect(isUniqueViolation(dupInvoice)).toBe(true);
    await store.insertInvoice(ws, second, newRow(), { number: '2026-031', issued: TODAY, due: TODAY, amount_minor: 1, currency: 'EUR' });

    const row = newRow();
    await store.insertCard(ws, clientId, row, { date: TODAY, color: 'yellow', note: '' });
    expect(isUniqueViolation(await rejection(store.insertCard(ws, clientId, row, { date: TODAY, color: 'red', note: '' })))).toBe(true);
    expect(isUniqueViolation(new Error('plain'))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });

  it('lists clients with their counts from aggregate queries', async () => {
    const ws = await newWorkspace();
    const acme = await newClient(ws, 'Acme');
    const bare = await newClient(ws, 'Bare', { status: 'ended' });
    for (const [date, severity] of [
      ['2026-01-05', 1],
      ['2026-03-01', 2],
      ['2026-02-01', 3],
    ] as const) {
      await store.insertIncident(ws, acme, newRow(), incidentInput({ date, severity }));
    }
    for (const color of ['yellow', 'red', 'yellow'] as const) await store.insertCard(ws, acme, newRow(), { date: TODAY, color, note: '' });
    const base = { issued: '2026-01-01', due: '2026-01-15', currency: 'EUR' };
    const big = await store.insertInvoice(ws, acme, newRow(), { ...base, number: 'A', amount_minor: BIG });
    await store.insertPayment(ws, big.id, newRow(), { date: '2026-02-01', amount_minor: 1000 });
    const over = await store.insertInvoice(ws, acme, newRow(), { ...base, number: 'B', amount_minor: 500 });
    await store.insertPayment(ws, over.id, newRow(), { date: '2026-02-01', amount_minor: 300 });
    await store.insertPayment(ws, over.id, newRow(), { date: '2026-02-02', amount_minor: 400 });
    await store.insertInvoice(ws, acme, newRow(), { ...base, number: 'C', amount_minor: 100 });
    // Rows of another workspace never count.
    const other = await newWorkspace();
    const stranger = await newClient(other, 'Acme');
    await store.insertIncident(other, stranger, newRow(), incidentInput({ severity: 3 }));
    await store.insertCard(other, stranger, newRow(), { date: TODAY, color: 'red', note: '' });
    await store.insertInvoice(other, stranger, newRow(), { ...base, number: 'A', amount_minor: 7 });

    const list = await store.listClients(ws, { today: TODAY });
    for (const row of list) expect(ClientSummary.parse(row)).toEqual(row);
    expect(list.map((c) => c.id)).toEqual([acme, bare]);
    expect(list[0]).toEqual({
      ...(await store.getClient(ws, acme)),
      open_incidents: 3,
      serious_incidents: 2,
      last_incident_on: '2026-03-01',
      cards_yellow: 2,
      cards_red: 1,
      owed_minor: BIG - 1000 + 100,
    });
    expect(list[1]).toEqual({
      ...(await store.getClient(ws, bare)),
      open_incidents: 0,
      serious_incidents: 0,
      last_incident_on: null,
      cards_yellow: 0,
      cards_red: 0,
      owed_minor: 0,
    });
    expect((await store.listClients(ws, { today: TODAY, status: 'ended' })).map((c) => c.id)).toEqual([bare]);
    expect(await store.listClients(ws, { today: TODAY, status: 'closed' })).toEqual([]);
    expect(await store.listClients(randomUUID(), { today: TODAY })).toEqual([]);
  });

  it('searches client names case-insensitively in any script, with % and _ taken literally', async () => {
    const ws = await newWorkspace();
    const names = ['Žalias Medis', 'ООО Ромашка', 'Acme 100% Organic', 'Under_Score Ltd', 'Plain Co', 'Big CAPS Inc', 'Underscore Ltd'];
    for (const name of names) await newClient(ws, name);
    const search = async (q: string) => (await store.listClients(ws, { today: TODAY, q })).map((c) => c.name);

    expect(await search('žalias')).toEqual(['Žalias Medis']);
    expect(await search('ŽALIAS')).toEqual(['Žalias Medis']);
    // A decomposed Ž (Z + combining caron) is the same letter after NFC.
    expect(await search('z\u030Calias')).toEqual(['Žalias Medis']);
    expect(await search('ромашка')).toEqual(['ООО Ромашка']);
    expect(await search('РОМАШКА')).toEqual(['ООО Ромашка']);
    expect(await search('caps')).toEqual(['Big CAPS Inc']);
    expect(await search('%')).toEqual(['Acme 100% Organic']);
    expect(await search('0%')).toEqual(['Acme 100% Organic']);
    expect(await search('_')).toEqual(['Under_Score Ltd']);
    expect(await search('r_s')).toEqual(['Under_Score Ltd']);
    expect(await search('\\')).toEqual([]);
    expect(await search("o'")).toEqual([]);
    expect(await search('zzz')).toEqual([]);
    // Empty search is no filter; the list is ordered by folded name, the same on both backends.
    const all = ['Acme 100% Organic', 'Big CAPS Inc', 'Plain Co', 'Under_Score Ltd', 'Underscore Ltd', 'Žalias Medis', 'ООО Ромашка'];
    expect(await search('')).toEqual(all);
    expect(await search('   ')).toEqual(all);
    expect(await search(' Ltd ')).toEqual(['Under_Score Ltd', 'Underscore Ltd']);
    expect(await search('big   caps')).toEqual(['Big CAPS Inc']);
  });
});

describe('sqlite file', () => {
  it('is opened in WAL mode with synchronous=FULL, a busy timeout and foreign keys', async () => {
    const temp = await tempSqliteFile();
    try {
      const database = openSqliteDatabase(temp.file);
      expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(database.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(database.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
      expect(database.pragma('foreign_keys', { simple: true })).toBe(1);
      database.close();

      // The store's file keeps WAL mode (it is persistent, unlike synchronous).
      const store = await openStore({ kind: 'sqlite', file: temp.file });
      await store.close();
      const check = new Database(temp.file, { readonly: true });
      expect(check.pragma('journal_mode', { simple: true })).toBe('wal');
      check.close();
    } finally {
      await temp.remove();
    }
  });

  it('opens an in-memory database for tests', async () => {
    const store = await openStore({ kind: 'sqlite', file: ':memory:' });
    const ws = await store.insertWorkspace(newRow(), workspaceInput());
    expect(await store.getWorkspace(ws.id)).toEqual(ws);
    await store.close();
  });

  it('migrates once: reopening keeps the data, a second open of the same file works', async () => {
    const temp = await tempSqliteFile();
    try {
      const first = await openStore({ kind: 'sqlite', file: temp.file });
      const ws = await first.insertWorkspace(newRow(), workspaceInput({ revenue_last_12m_minor: BIG }));
      const second = await openStore({ kind: 'sqlite', file: temp.file });
      expect(await second.getWorkspace(ws.id)).toEqual(ws);
      await second.close();
      await first.close();

      const reopened = await openStore({ kind: 'sqlite', file: temp.file });
      expect(await reopened.listWorkspaces()).toEqual([ws]);
      await reopened.close();

      const raw = new Database(temp.file, { readonly: true });
      expect(raw.prepare('select name from kysely_migration').pluck().all()).toEqual([
        '0001_initial',
        '0002_client_events',
        '0003_evidence_heads',
        '0004_imports',
      ]);
      raw.close();
    } finally {
      await temp.remove();
    }
  });

  it('records the head of chains that existed before migration 0003', async () => {
    const temp = await tempSqliteFile();
    const db = new Kysely<any>({
      dialect: new ImmediateSqliteDialect({ database: openSqliteDatabase(temp.file), busyTimeoutMs: BUSY_TIMEOUT_MS }),
    });
    try {
      const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
      expect((await migrator.migrateTo('0002_client_events')).error).toBeUndefined();
      const now = '2026-11-22T10:00:00.000Z';
      await db
        .insertInto('workspaces')
        .values({
          id: 'w1',
          name: 'W',
          provider_kind: 'freelancer',
          currency: 'EUR',
          timezone: 'UTC',
          language: 'en',
          is_demo: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await db
        .insertInto('clients')
        .values({
          id: 'c1',
          workspace_id: 'w1',
          name: 'C',
          name_key: 'c',
          kind: 'business',
          size: 'small',
          language: 'en',
          notes: '',
          status: 'active',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await db
        .insertInto('incidents')
        .values({
          id: 'i1',
          workspace_id: 'w1',
          client_id: 'c1',
          date: '2026-11-01',
          code: 'abuse',
          severity: 2,
          source: 'manual',
          note: '',
          ord: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      for (const seq of [1, 2, 3]) {
        await db
          .insertInto('evidence')
          .values({
            id: `e${seq}`,
            workspace_id: 'w1',
            incident_id: 'i1',
            seq,
            file_sha256: 'a'.repeat(64),
            file_name: 'f',
            media_type: 'text/plain',
            size_bytes: 1,
            note: '',
            recorded_at: now,
            prev_hash: '0'.repeat(64),
            entry_hash: `h${seq}`,
          })
          .execute();
      }
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await db.selectFrom('evidence_heads').select(['workspace_id', 'seq', 'entry_hash']).execute()).toEqual([
        { workspace_id: 'w1', seq: 3, entry_hash: 'h3' },
      ]);
    } finally {
      await db.destroy();
      await temp.remove();
    }
  });

  it('migrates down to nothing and up again', async () => {
    const temp = await tempSqliteFile();
    const db = new Kysely<unknown>({
      dialect: new ImmediateSqliteDialect({ database: openSqliteDatabase(temp.file), busyTimeoutMs: BUSY_TIMEOUT_MS }),
    });
    try {
      const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const tables = async () => (await db.introspection.getTables()).map((t) => t.name).sort();
      expect(await tables()).toEqual(expect.arrayContaining(['evidence', 'client_events', 'evidence_heads', 'imports', 'suggestions']));
      expect((await migrator.migrateDown()).error).toBeUndefined();
      expect(await tables()).not.toContain('suggestions');
      expect((await migrator.migrateDown()).error).toBeUndefined();
      expect(await tables()).not.toContain('evidence_heads');
      expect((await migrator.migrateDown()).error).toBeUndefined();
      expect(await tables()).not.toContain('client_events');
      expect((await migrator.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
      expect(await tables()).toEqual([]);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect(await tables()).toHaveLength(18);
    } finally {
      await db.destroy();
      await temp.remove();
    }
  });

  it('recognises SQLITE_BUSY', async () => {
    const temp = await tempSqliteFile();
    const one = new Database(temp.file);
    const two = new Database(temp.file, { timeout: 0 });
    try {
      one.pragma('journal_mode = WAL');
      one.exec('begin immediate');
      let error: unknown;
      try {
        two.exec('begin immediate');
      } catch (e) {
        error = e;
      }
      expect(isBusy(error)).toBe(true);
      expect(isUniqueViolation(error)).toBe(false);
      one.exec('rollback');
    } finally {
      one.close();
      two.close();
      await temp.remove();
    }
  });

  it('lets two stores on one file (two processes) interleave read-then-write transactions without SQLITE_BUSY', async () => {
    const temp = await tempSqliteFile();
    const a = await openStore({ kind: 'sqlite', file: temp.file });
    const b = await openStore({ kind: 'sqlite', file: temp.file });
    try {
      const ws = (await a.insertWorkspace(newRow(), workspaceInput())).id;
      const clientId = (await a.insertClient(ws, newRow(), clientInput('Shared'))).id;
      const incident = await b.insertIncident(ws, clientId, newRow(), incidentInput());

      // Each append reads the head of the chain, yields to the event loop while holding the
      // transaction (so the other store runs meanwhile), then writes head + 1. Without the write
      // lock taken at BEGIN, the two would compute the same seq or fail with SQLITE_BUSY_SNAPSHOT.
      const append = (store: Store) =>
        store.transaction(async (tx) => {
          const head = await tx.lastEvidence(ws);
          await new Promise((resolve) => setTimeout(resolve, 1));
          const seq = (head?.seq ?? 0) + 1;

          return tx.insertEvidence(ws, evidenceEntry(incident.id, seq, { prev_hash: head?.entry_hash ?? '0'.repeat(64) }));
        });
      const work: Promise<unknown>[] = [];
      for (let i = 0; i < 20; i += 1) work.push(append(a), append(b));
      // Plain writes on the stores themselves wait their turn too.
      for (let i = 0; i < 5; i += 1) {
        work.push(a.insertCard(ws, clientId, newRow(), { date: TODAY, color: 'yellow', note: `${i}` }));
        work.push(b.insertCard(ws, clientId, newRow(), { date: TODAY, color: 'red', note: `${i}` }));
      }
      const results = await Promise.allSettled(work);
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

      const chain = await b.listEvidenceChain(ws);
      expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(await a.listEvidenceChain(ws)).toEqual(chain);
      expect(await a.listCards(ws, clientId)).toHaveLength(10);
    } finally {
      await a.close();
      await b.close();
      await temp.remove();
    }
  });

  it("does not make readers wait for another store's open write transaction", async () => {
    const temp = await tempSqliteFile();
    const a = await openStore({ kind: 'sqlite', file: temp.file });
    const b = await openStore({ kind: 'sqlite', file: temp.file });
    try {
      const ws = (await a.insertWorkspace(newRow(), workspaceInput())).id;
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let entered: () => void = () => {};
      const inside = new Promise<void>((resolve) => {
        entered = resolve;
      });
      const writer = a.transaction(async (tx) => {
        await tx.insertClient(ws, newRow(), clientInput('Uncommitted'));
        entered();
        await held;
      });
      await inside;
      // WAL: B reads the last committed state while A holds the write lock.
      expect(await b.listClients(ws, { today: TODAY })).toEqual([]);
      release();
      await writer;
      expect((await b.listClients(ws, { today: TODAY })).map((c) => c.name)).toEqual(['Uncommitted']);
    } finally {
      await a.close();
      await b.close();
      await temp.remove();
    }
  });
});

describe('postgres pool', () => {
  it('parses int8 per pool, leaving the global pg parser alone', () => {
    expect(pg.types.getTypeParser(20)('5')).toBe('5');
  });
});
