/**
 * Staff reports in team mode (issue 7): the reporter is the signed-in person (principalOf reads
 * the principal the guard set), a member sees only their own and shared reports through every
 * route, and only a manager or the owner decides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../../../test/build-test-app.js';
import { type OpenedStore, storeBackends } from '../../../test/stores.js';
import { buildTeamTestApp, ORIGIN, type TeamTestApp } from '../../../test/team-app.js';

describe.each(storeBackends())('staff reports in team mode on $name', (backend) => {
  let opened: OpenedStore;
  let t: TeamTestApp;
  let ws: string;
  let lina: string;
  let jonas: string;
  let boss: string;
  let linaId: string;
  let jonasId: string;
  let bossId: string;
  let client: string;

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (url: string, cookie: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url, headers: { ...ORIGIN, cookie }, payload });

  beforeAll(async () => {
    opened = await backend.open();
    t = await buildTeamTestApp(opened.store);
    ws = await t.newWorkspace('Vilnius agency');
    bossId = await t.addUser('boss@agency.test', ws, 'manager');
    linaId = await t.addUser('lina@agency.test', ws, 'member');
    jonasId = await t.addUser('jonas@agency.test', ws, 'member');
    boss = await t.signIn('boss@agency.test');
    lina = await t.signIn('lina@agency.test');
    jonas = await t.signIn('jonas@agency.test');
    const created = await post(`/api/workspaces/${ws}/clients`, boss, {
      name: 'Baltic Shop',
      language: 'lt',
      kind: 'business',
      size: 'small',
    });
    expect(created.statusCode).toBe(201);
    client = created.json().id;
    // Both members work on the client: Jonas could reach its reports if only the client scope guarded them.
    const assign = await t.app.inject({
      method: 'PUT',
      url: `/api/workspaces/${ws}/clients/${client}/assignees`,
      headers: { ...ORIGIN, cookie: boss },
      payload: { user_ids: [linaId, jonasId] },
    });
    expect(assign.statusCode).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await opened?.dispose();
  });

  it('files as the signed-in member, hides the report from other members, and lets only a manager decide', async () => {
    const filed = await post(`/api/workspaces/${ws}/clients/${client}/staff-reports`, lina, {
      what: 'The client shouted at me on the call about the invoice.',
      happened_on: '2026-11-20',
      codes: ['abuse'],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const report = filed.json();
    expect(report.reporter_id).toBe(linaId);
    expect(report.reporter_name).toBe('lina');
    expect(report.status).toBe('open');

    // The reporter adds evidence to her open report.
    const body = multipart({ name: 'call.txt', type: 'text/plain', bytes: new TextEncoder().encode('notes of the call') });
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${ws}/staff-reports/${report.id}/evidence`,
      headers: { ...ORIGIN, ...body.headers, cookie: lina },
      payload: body.payload,
    });
    expect(upload.statusCode).toBe(201);

    // Another member, even one assigned to the same client, reaches it through no route.
    expect((await get(`/api/workspaces/${ws}/staff-reports`, jonas)).json().reports).toEqual([]);
    expect((await get(`/api/workspaces/${ws}/clients/${client}/staff-reports`, jonas)).json().reports).toEqual([]);
    expect((await get(`/api/workspaces/${ws}/staff-reports/${report.id}`, jonas)).statusCode).toBe(404);
    const other = multipart({ name: 'x.txt', type: 'text/plain', bytes: new TextEncoder().encode('x') });
    const foreignUpload = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${ws}/staff-reports/${report.id}/evidence`,
      headers: { ...ORIGIN, ...other.headers, cookie: jonas },
      payload: other.payload,
    });
    expect([403, 404]).toContain(foreignUpload.statusCode);
    expect(JSON.stringify((await get(`/api/workspaces/${ws}/clients/${client}`, jonas)).json())).not.toContain('shouted at me');

    // Members decide nothing: confirm, answer and share are refused before the use case runs.
    expect((await post(`/api/workspaces/${ws}/staff-reports/${report.id}/confirm`, lina)).statusCode).toBe(403);
    expect((await post(`/api/workspaces/${ws}/staff-reports/${report.id}/confirm`, jonas)).statusCode).toBe(403);
    expect((await post(`/api/workspaces/${ws}/staff-reports/${report.id}/answer`, lina, { answer: 'ok' })).statusCode).toBe(403);
    expect((await post(`/api/workspaces/${ws}/staff-reports/${report.id}/share`, lina)).statusCode).toBe(403);

    // The manager sees it in the queue, signed in as herself, and confirms it.
    const queue = (await get(`/api/workspaces/${ws}/staff-reports`, boss)).json();
    expect(queue.viewer).toMatchObject({ user_id: bossId, role: 'manager', may_decide: true });
    expect(queue.reports.map((r: { id: string }) => r.id)).toEqual([report.id]);
    const confirmed = await post(`/api/workspaces/${ws}/staff-reports/${report.id}/confirm`, boss, { answer: 'Thank you, noted.' });
    expect(confirmed.statusCode).toBe(200);
    const decided = confirmed.json();
    expect(decided.report).toMatchObject({ status: 'confirmed', decided_by_id: bossId, decided_by_name: 'boss' });
    expect(decided.incident).toMatchObject({ source: 'staff_report', about_member: 'lina', client_id: client });
    expect(decided.incident.evidence ?? []).toHaveLength(1);

    // The member sees the decision; the other member still does not see the report.
    const mine = (await get(`/api/workspaces/${ws}/staff-reports/${report.id}`, lina)).json();
    expect(mine).toMatchObject({
      status: 'confirmed',
      decided_by_name: 'boss',
      answer: 'Thank you, noted.',
      incident_id: decided.incident.id,
    });
    const linaQueue = (await get(`/api/workspaces/${ws}/staff-reports`, lina)).json();
    expect(linaQueue.viewer).toMatchObject({ user_id: linaId, role: 'member', may_decide: false });
    expect(linaQueue.reports.map((r: { id: string }) => r.id)).toEqual([report.id]);
    expect((await get(`/api/workspaces/${ws}/staff-reports/${report.id}`, jonas)).statusCode).toBe(404);

    // Once a manager shares it, every member reads it.
    expect((await post(`/api/workspaces/${ws}/staff-reports/${report.id}/share`, boss, { shared: true })).statusCode).toBe(200);
    expect((await get(`/api/workspaces/${ws}/staff-reports/${report.id}`, jonas)).statusCode).toBe(200);
  });

  it("lets a member open the evidence files of their clients' incidents, and no others", async () => {
    const upload = async (clientId: string) => {
      const incident = await post(`/api/workspaces/${ws}/clients/${clientId}/incidents`, boss, {
        code: 'abuse',
        severity: 2,
        date: '2026-11-19',
        note: 'Raised voice',
      });
      expect(incident.statusCode).toBe(201);
      const body = multipart({ name: 'memo.txt', type: 'text/plain', bytes: new TextEncoder().encode('memo') });
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/workspaces/${ws}/incidents/${incident.json().id}/evidence`,
        headers: { ...ORIGIN, ...body.headers, cookie: boss },
        payload: body.payload,
      });
      expect(res.statusCode).toBe(201);

      return res.json().id as string;
    };
    const created = await post(`/api/workspaces/${ws}/clients`, boss, {
      name: 'Amber Studio',
      language: 'lt',
      kind: 'business',
      size: 'small',
    });
    const theirs = await upload(client);
    const notTheirs = await upload(created.json().id);
    expect((await get(`/api/workspaces/${ws}/evidence/${theirs}/file`, lina)).statusCode).toBe(200);
    expect((await get(`/api/workspaces/${ws}/evidence/${notTheirs}/file`, lina)).statusCode).toBe(404);
    expect((await get(`/api/workspaces/${ws}/evidence/${notTheirs}/file`, boss)).statusCode).toBe(200);
    expect((await get(`/api/workspaces/${ws}/evidence/verify`, lina)).statusCode).toBe(403);
  });

  it('refuses a report on a client not assigned to the member', async () => {
    const created = await post(`/api/workspaces/${ws}/clients`, boss, {
      name: 'Vortex Media',
      language: 'lt',
      kind: 'business',
      size: 'small',
    });
    const res = await post(`/api/workspaces/${ws}/clients/${created.json().id}/staff-reports`, lina, {
      what: 'Not my client.',
      happened_on: '2026-11-20',
    });
    expect(res.statusCode).toBe(404);
  });
});
