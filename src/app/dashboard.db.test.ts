/**
 * The dashboard's cached scores stay equal to a fresh assessment after every kind of write, on
 * each backend; every write that can change an assessment bumps the client's revision.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeBackends } from '../../test/stores.js';
import { trafficLight } from '../core/portfolio/light.js';
import { trendWindow } from '../core/portfolio/snapshot.js';
import { loadDemoCases } from '../demo/load-demo-cases.js';
import { assessClient } from './assess-client.js';
import { addClient, deleteClient } from './clients.js';
import { setContract } from './contracts-terms.js';
import { getDashboard, getScoreHistory } from './dashboard.js';
import { issueYellowCard } from './escalation/issue-yellow-card.js';
import { reassignClient } from './escalation/reassign-client.js';
import { addIncident, deleteIncident } from './incidents.js';
import { addInvoice, recordPayment } from './invoices.js';
import { addMessage } from './messages.js';
import type { Deps, NewRow } from './ports.js';
import { seedDemo } from './seed-demo.js';
import { setTime } from './time-spent.js';
import { updateWorkspace } from './workspaces.js';

let counter = 0;
let nowMs = Date.parse('2026-11-22T12:00:00Z');
const clock = { now: () => new Date(nowMs) };
const ids = { newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}` };
const row = (): NewRow => ({ id: ids.newId(), now: clock.now().toISOString() });
const TODAY = '2026-11-22';

describe.each(storeBackends())('dashboard on $name', (backend) => {
  let deps: Pick<Deps, 'store' | 'clock' | 'ids'>;
  let dispose: () => Promise<void>;
  let ws: string;

  beforeEach(async () => {
    nowMs = Date.parse('2026-11-22T12:00:00Z');
    const opened = await backend.open();
    dispose = opened.dispose;
    deps = { store: opened.store, clock, ids };
    ws = (await seedDemo(deps, loadDemoCases())).id;
  });
  afterEach(async () => dispose());

  /** Every dashboard row equals the client's assessment computed from scratch, today's point included. */
  async function expectConsistent(today = TODAY): Promise<void> {
    const dashboard = await getDashboard(deps, ws, { today });
    const clients = await deps.store.listDashboardClients(ws, today);
    expect(dashboard.clients.map((c) => c.id).sort()).toEqual(clients.map((c) => c.id).sort());
    for (const row of dashboard.clients) {
      const fresh = await assessClient(deps, ws, row.id, { today });
      expect({ id: row.id, score: row.score, recommendation: row.recommendation, path: row.path, light: row.light }).toEqual({
        id: row.id,
        score: fresh.score,
        recommendation: fresh.recommendation,
        path: fresh.path,
        light: trafficLight(fresh.score, fresh.recommendation),
      });
      expect(row.trend.at(-1)).toBe(fresh.score);
      expect(row.revenue_12m_minor).toBe(fresh.impact.client_revenue_minor);
      expect(row.outstanding_minor).toBe(fresh.impact.outstanding_minor);
    }
  }

  it('lists every client with the score and recommendation of a fresh assessment', async () => {
    const dashboard = await getDashboard(deps, ws, { today: TODAY });
    expect(dashboard.clients).toHaveLength(12);
    expect(dashboard.months).toEqual(trendWindow(TODAY).months);
    expect(dashboard.lights.green + dashboard.lights.yellow + dashboard.lights.red).toBe(12);
    // The demo has clients in every light.
    expect(dashboard.lights.red).toBeGreaterThan(0);
    expect(dashboard.lights.green).toBeGreaterThan(0);
    await expectConsistent();
  });

  it('gives each trend point the score of an assessment on that month-end', async () => {
    const dashboard = await getDashboard(deps, ws, { today: TODAY });
    const { dates } = trendWindow(TODAY);
    const scores = (trend: (number | null)[]) => trend.filter((s) => s !== null);
    const spread = (trend: (number | null)[]) => Math.max(...scores(trend)) - Math.min(...scores(trend));
    // The client whose score moved the most over the year: its trend is not flat by accident.
    const moving = [...dashboard.clients].sort((a, b) => spread(b.trend) - spread(a.trend))[0]!;
    expect(spread(moving.trend)).toBeGreaterThan(0);
    // Months before the client's start have no score; from then on every month has one.
    const start = moving.trend.findIndex((s) => s !== null);
    expect(scores(moving.trend)).toHaveLength(12 - start);
    for (const [i, day] of dates.entries()) {
      if (i < start) continue;
      expect(moving.trend[i], day).toBe((await assessClient(deps, ws, moving.id, { today: day })).score);
    }
    const history = await getScoreHistory(deps, ws, moving.id, { today: TODAY });
    expect(history.points.map((p) => p.score)).toEqual(moving.trend);
    expect(history.points.map((p) => p.as_of)).toEqual(dates);
  });

  it('leaves the months before a client existed without a score, in the trend and the history', async () => {
    // Entered today with nothing on record: only today is judged.
    const fresh = await addClient(deps, ws, { name: 'Brand New Ltd' });
    const row = async (id: string) => (await getDashboard(deps, ws, { today: TODAY })).clients.find((c) => c.id === id)!;
    const today = (await assessClient(deps, ws, fresh.id, { today: TODAY })).score;
    expect((await row(fresh.id)).trend).toEqual([...new Array(11).fill(null), today]);

    // An incident recorded for August: the client is known from then on.
    await addIncident(deps, ws, fresh.id, { date: '2026-08-10', code: 'scope_creep', severity: 1, note: 'Extras' });
    const { months, dates } = trendWindow(TODAY);
    const trend = (await row(fresh.id)).trend;
    for (const [i, month] of months.entries()) {
      if (month < '2026-08') expect(trend[i], month).toBeNull();
      else expect(trend[i], month).toBe((await assessClient(deps, ws, fresh.id, { today: dates[i] })).score);
    }
    const history = await getScoreHistory(deps, ws, fresh.id, { today: TODAY });
    expect(history.points.map((p) => p.score)).toEqual(trend);
    expect(history.points[0]).toMatchObject({ month: months[0], score: null, light: null, recommendation: null });
  });

  it('stays equal to a fresh assessment after every kind of write', async () => {
    await expectConsistent();
    const first = await getDashboard(deps, ws, { today: TODAY });
    // Unchanged workspace: the same answer, not a recomputation.
    expect(await getDashboard(deps, ws, { today: TODAY })).toBe(first);

    const green = first.clients.find((c) => c.light === 'green')!;
    const threatened = await addIncident(deps, ws, green.id, {
      date: '2026-11-20',
      code: 'abuse',
      severity: 3,
      note: 'Threatened me on a call',
    });
    const afterThreat = (await getDashboard(deps, ws, { today: TODAY })).clients.find((c) => c.id === green.id)!;
    expect(afterThreat.light).toBe('red');
    expect(afterThreat.recommendation).toBe('red_card');
    await expectConsistent();

    await deleteIncident(deps, ws, threatened.id);
    expect((await getDashboard(deps, ws, { today: TODAY })).clients.find((c) => c.id === green.id)!.score).toBe(green.score);
    await expectConsistent();

    const owing = first.clients.find((c) => c.outstanding_minor > 0)!;
    const unpaid = (await deps.store.listInvoices(ws, owing.id)).find((i) => i.outstanding_minor > 0)!;
    await recordPayment(deps, ws, unpaid.id, { date: '2026-11-21', amount_minor: unpaid.outstanding_minor });
    await expectConsistent();

    const other = first.clients.find((c) => c.id !== green.id && c.cards_yellow === 0)!;
    await addIncident(deps, ws, other.id, { date: '2026-11-01', code: 'scope_creep', severity: 2, note: 'Free extras again' });
    await issueYellowCard(deps, {
      workspaceId: ws,
      clientId: other.id,
      date: '2026-11-05',
      said: 'Extras beyond the agreed scope will be billed or declined.',
      channel: 'call',
    });
    await addInvoice(deps, ws, other.id, { number: 'T-900', issued: '2026-08-01', due: '2026-08-15', amount_minor: 250_000 });
    await setContract(deps, ws, other.id, { provider_may_terminate: true, notice: { amount: 30, unit: 'days' }, refund_clause: false });
    await setTime(deps, ws, other.id, '2026-10', { hours: 40 });
    await expectConsistent();

    const agencyClient = first.clients.find((c) => c.status === 'active' && c.id !== other.id && c.id !== green.id)!;
    await issueYellowCard(deps, {
      workspaceId: ws,
      clientId: agencyClient.id,
      channel: 'call',
      said: 'One more time and we stop.',
      date: '2026-11-10',
    });
    await reassignClient(deps, { workspaceId: ws, clientId: agencyClient.id, to_member: 'Rūta', date: '2026-11-12' });
    await expectConsistent();

    // Workspace settings are part of every case.
    await updateWorkspace(deps, ws, { revenue_last_12m_minor: 9_000_000 });
    await expectConsistent();

    await deleteClient(deps, ws, other.id);
    const afterDelete = await getDashboard(deps, ws, { today: TODAY });
    expect(afterDelete.clients.map((c) => c.id)).not.toContain(other.id);
    await expectConsistent();
  });

  it('judges another day consistently, reusing complete months, and ignores what is after it', async () => {
    await getDashboard(deps, ws, { today: TODAY });
    await expectConsistent('2026-11-30');
    await expectConsistent('2026-06-15');
    const client = (await getDashboard(deps, ws, { today: TODAY })).clients[0]!;
    // An incident after the day judged changes nothing on that day.
    const before = (await getDashboard(deps, ws, { today: '2026-06-15' })).clients.find((c) => c.id === client.id)!;
    await addIncident(deps, ws, client.id, { date: '2026-11-01', code: 'unlawful', severity: 3, note: 'Fraud' });
    const after = (await getDashboard(deps, ws, { today: '2026-06-15' })).clients.find((c) => c.id === client.id)!;
    expect(after).toEqual(before);
    await expectConsistent('2026-06-15');
  });

  it('keeps the summaries in the store, so a restarted process does not recompute them', async () => {
    await getDashboard(deps, ws, { today: TODAY });
    const rows = await deps.store.listDashboardClients(ws, TODAY);
    expect(rows.every((r) => r.cached !== null && r.cached.revision === r.revision)).toBe(true);
  });

  it('counts incidents per month and revenue concentration from the same records', async () => {
    const dashboard = await getDashboard(deps, ws, { today: TODAY });
    const total = dashboard.incidentsByMonth.totals.reduce((a, b) => a + b, 0);
    let expected = 0;
    const from = `${dashboard.months[0]}-01`;
    for (const c of dashboard.clients) {
      expected += (await deps.store.listIncidents(ws, c.id)).filter((i) => i.date >= from && i.date <= TODAY).length;
    }
    expect(total).toBe(expected);
    const { concentration } = dashboard;
    expect(concentration.total_minor).toBe(dashboard.clients.reduce((s, c) => s + c.revenue_12m_minor, 0));
    expect(concentration.at_risk_minor).toBe(
      dashboard.clients.filter((c) => c.light !== 'green').reduce((s, c) => s + c.revenue_12m_minor, 0),
    );
  });

  it('bumps the revision with every write that can change an assessment, and not with messages', async () => {
    const { store } = deps;
    const clientId = (await store.listDashboardClients(ws, TODAY))[0]!.id;
    const revision = async () => (await store.listDashboardClients(ws, TODAY, [clientId]))[0]!.revision;
    const dashboardRevision = () => store.getDashboardRevision(ws);
    const writes: Array<[string, () => Promise<unknown>]> = [];
    let incidentId = '';
    let cardId = '';
    let invoiceId = '';
    let paymentId = '';
    let engagementId = '';
    writes.push(
      [
        'putContract',
        () =>
          store.putContract(ws, clientId, row(), {
            signed: null,
            ends: null,
            provider_may_terminate: true,
            notice: null,
            penalty: null,
            refund_clause: false,
          }),
      ],
      ['deleteContract', () => store.deleteContract(ws, clientId)],
      [
        'insertEngagement',
        async () =>
          (engagementId = (
            await store.insertEngagement(
              ws,
              clientId,
              row(),
              { name: 'Site', kind: 'one_off', price_minor: 100, prepaid_minor: 0, deliverables: [] },
              [],
            )
          ).id),
      ],
      ['updateEngagement', () => store.updateEngagement(ws, engagementId, { name: 'Site 2' }, undefined, clock.now().toISOString())],
      ['deleteEngagement', () => store.deleteEngagement(ws, engagementId)],
      [
        'insertInvoice',
        async () =>
          (invoiceId = (
            await store.insertInvoice(ws, clientId, row(), {
              number: 'R-1',
              issued: '2026-01-01',
              due: '2026-01-15',
              amount_minor: 1000,
              currency: 'EUR',
            })
          ).id),
      ],
      ['updateInvoice', () => store.updateInvoice(ws, invoiceId, { amount_minor: 2000 }, clock.now().toISOString())],
      [
        'insertPayment',
        async () => (paymentId = (await store.insertPayment(ws, invoiceId, row(), { date: '2026-01-20', amount_minor: 500 })).id),
      ],
      ['deletePayment', () => store.deletePayment(ws, paymentId)],
      ['deleteInvoice', () => store.deleteInvoice(ws, invoiceId)],
      ['putTime', () => store.putTime(ws, clientId, row(), '2026-03', 5)],
      ['deleteTime', () => store.deleteTime(ws, clientId, '2026-03')],
      [
        'insertIncident',
        async () =>
          (incidentId = (
            await store.insertIncident(ws, clientId, row(), {
              date: '2026-02-01',
              code: 'payment',
              severity: 1,
              source: 'manual',
              about_member: null,
              note: '',
              message_id: null,
            })
          ).id),
      ],
      ['updateIncident', () => store.updateIncident(ws, incidentId, { severity: 2 }, clock.now().toISOString())],
      ['deleteIncident', () => store.deleteIncident(ws, incidentId)],
      [
        'insertCard',
        async () => (cardId = (await store.insertCard(ws, clientId, row(), { date: '2026-02-02', color: 'yellow', note: '' })).id),
      ],
      ['updateCard', () => store.updateCard(ws, cardId, { note: 'said by phone' }, clock.now().toISOString())],
      ['deleteCard', () => store.deleteCard(ws, cardId)],
      ['updateClient', () => store.updateClient(ws, clientId, { status: 'watch' }, clock.now().toISOString())],
      [
        'appendClientEvents',
        () =>
          store.appendClientEvents(ws, clientId, [
            {
              id: ids.newId(),
              type: 'reassigned',
              payload: { from_member: null, to_member: 'Ana', on: '2026-02-03' },
              actor: 'you',
              at: clock.now().toISOString(),
              date: '2026-02-03',
              note: '',
            },
          ]),
      ],
    );
    for (const [name, write] of writes) {
      const [before, wsBefore] = [await revision(), await dashboardRevision()];
      await write();
      expect({ name, bumped: (await revision()) > before, workspaceBumped: (await dashboardRevision()) > wsBefore }).toEqual({
        name,
        bumped: true,
        workspaceBumped: true,
      });
    }
    const before = await revision();
    await addMessage(deps, ws, clientId, { sent_at: '2026-02-04T10:00:00+02:00', from: 'client', channel: 'email', text: 'Hello' });
    expect(await revision()).toBe(before);
  });

  it('refuses a bad day, an unknown workspace and an unknown client', async () => {
    await expect(getDashboard(deps, ws, { today: '2026-02-30' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(getDashboard(deps, '00000000-0000-4000-8000-999999999999')).rejects.toMatchObject({ code: 'WORKSPACE_NOT_FOUND' });
    await expect(getScoreHistory(deps, ws, '00000000-0000-4000-8000-999999999998')).rejects.toMatchObject({ code: 'CLIENT_NOT_FOUND' });
  });
});
