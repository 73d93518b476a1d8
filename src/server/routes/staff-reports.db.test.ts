/** The staff-report API on each backend: solo mode (owner) end to end, and a member's 403 problem. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, multipart, type TestApp } from '../../../test/build-test-app.js';
import { storeBackends } from '../../../test/stores.js';
import type { Principal } from '../../app/principal.js';

const MEMBER: Principal = { userId: 'u-ruta', displayName: 'Rūta', role: 'member' };

describe.each(storeBackends())('staff reports API on $name', (backend) => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  let base: string;
  let clientId: string;

  beforeAll(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    t = await buildTestApp(opened.store);
    // Stands in for team mode's sign-in, which sets request.principal (the auth branch).
    t.app.addHook('onRequest', async (req) => {
      if (req.headers['x-test-member'] === '1') (req as { principal?: Principal }).principal = MEMBER;
    });
    base = `/api/workspaces/${t.workspaceId}`;
    // An agency, where the D5 hint applies.
    await t.app.inject({ method: 'PATCH', url: base, payload: { provider_kind: 'agency' } });
    clientId = (await t.app.inject({ method: 'POST', url: `${base}/clients`, payload: { name: 'Vortex Media SRL' } })).json().id;
  });
  afterAll(async () => {
    await t.close();
    await dispose();
  });

  it('solo: file, attach a file, see it in the queue, confirm it, find the incident with its evidence', async () => {
    const filed = await t.app.inject({
      method: 'POST',
      url: `${base}/clients/${clientId}/staff-reports`,
      payload: { what: 'Raised his voice at me on the call', happened_on: '2026-11-12', codes: ['abuse'] },
    });
    expect(filed.statusCode).toBe(201);
    const report = filed.json();
    expect(report).toMatchObject({ status: 'open', reporter_id: 'local', reporter_name: 'You', client_name: 'Vortex Media SRL' });

    const up = await t.app.inject({
      method: 'POST',
      url: `${base}/staff-reports/${report.id}/evidence`,
      ...multipart({ name: 'notes.txt', type: 'text/plain', bytes: new TextEncoder().encode('call notes') }),
    });
    expect(up.statusCode).toBe(201);
    expect(up.json().files).toHaveLength(1);

    const queue = (await t.app.inject({ url: `${base}/staff-reports?status=open` })).json();
    expect(queue.reports.map((r: { id: string }) => r.id)).toEqual([report.id]);

    const confirmed = await t.app.inject({
      method: 'POST',
      url: `${base}/staff-reports/${report.id}/confirm`,
      payload: { code: 'abuse', severity: 2 },
    });
    expect(confirmed.statusCode).toBe(200);
    const { incident } = confirmed.json();
    expect(incident).toMatchObject({ code: 'abuse', source: 'staff_report', about_member: 'You', date: '2026-11-12' });
    expect(incident.evidence.map((e: { file_name: string }) => e.file_name)).toEqual(['notes.txt']);

    const { incidents } = (await t.app.inject({ url: `${base}/clients/${clientId}` })).json();
    expect(incidents.map((i: { id: string }) => i.id)).toContain(incident.id);
    const mine = (await t.app.inject({ url: `${base}/clients/${clientId}/staff-reports` })).json();
    expect(mine.reports[0]).toMatchObject({ status: 'confirmed', incident_id: incident.id, member_involved: true });
    expect(mine.reassign_hint.members).toEqual(['You']);

    const again = await t.app.inject({ method: 'POST', url: `${base}/staff-reports/${report.id}/answer`, payload: { answer: 'x' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('STAFF_REPORT_ALREADY_DECIDED');
  });

  it('a member may file but not decide: 403 problem+json with code FORBIDDEN', async () => {
    const asMember = { 'x-test-member': '1' };
    const filed = await t.app.inject({
      method: 'POST',
      url: `${base}/clients/${clientId}/staff-reports`,
      headers: asMember,
      payload: { what: 'Called me at 23:00 again', happened_on: '2026-11-13' },
    });
    expect(filed.statusCode).toBe(201);
    expect(filed.json().reporter_name).toBe('Rūta');
    for (const [action, payload] of [
      ['confirm', {}],
      ['answer', { answer: 'ok' }],
      ['share', { shared: true }],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: `${base}/staff-reports/${filed.json().id}/${action}`,
        headers: asMember,
        payload,
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN', status: 403, title: 'Forbidden' });
    }
    // The member's queue holds only their own report, not the owner's from the test above.
    const queue = (await t.app.inject({ url: `${base}/staff-reports`, headers: asMember })).json();
    expect(queue.reports.map((r: { reporter_name: string }) => r.reporter_name)).toEqual(['Rūta']);
  });

  it('validates the report and names the fields', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/clients/${clientId}/staff-reports`,
      payload: { what: '', happened_on: 'yesterday', codes: ['rude'] },
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['codes[0]', 'happened_on', 'what']);
    const missing = await t.app.inject({ url: `${base}/staff-reports/00000000-0000-4000-8000-000000000000` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('STAFF_REPORT_NOT_FOUND');
  });
});
