/** Staff reports on each backend, with member, manager and owner principals calling the use cases directly. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDeps, textStream } from '../../test/deps.js';
import { storeBackends } from '../../test/stores.js';
import { randomIds } from './adapters/system.js';
import { assessClient } from './assess-client.js';
import { addClient } from './clients.js';
import { addEvidence, verifyEvidence } from './evidence.js';
import { addIncident } from './incidents.js';
import type { Deps } from './ports.js';
import { type Principal, SOLO_PRINCIPAL } from './principal.js';
import {
  addStaffReportFile,
  answerStaffReport,
  confirmStaffReport,
  fileStaffReport,
  getStaffReport,
  listStaffReports,
  shareStaffReport,
} from './staff-reports.js';
import { ensureDefaultWorkspace, updateWorkspace } from './workspaces.js';

const RUTA: Principal = { userId: 'u-ruta', displayName: 'Rūta Kazlauskienė', role: 'member' };
const TOMAS: Principal = { userId: 'u-tomas', displayName: 'Tomas Petrauskas', role: 'member' };
const MANAGER: Principal = { userId: 'u-lina', displayName: 'Lina Manager', role: 'manager' };
const OWNER: Principal = { userId: 'u-owner', displayName: 'Owner', role: 'owner' };

describe.each(storeBackends())('staff reports on $name', (backend) => {
  let deps: Deps;
  let dispose: () => Promise<void>;
  let ws: string;
  let clientId: string;

  beforeEach(async () => {
    ({ deps, dispose } = await openTestDeps(backend));
    ws = (await ensureDefaultWorkspace(deps)).id;
    await updateWorkspace(deps, ws, { provider_kind: 'agency' });
    clientId = (await addClient(deps, ws, { name: 'UAB Triukšmas', kind: 'business' })).id;
  });
  afterEach(() => dispose());

  const file = (who: Principal, what = 'Shouted at me on the call and called me useless', extra: object = {}) =>
    fileStaffReport(deps, who, ws, clientId, { what, happened_on: '2026-11-10', codes: ['abuse'], ...extra });

  it('any role files; the reporter is the principal, the report is open', async () => {
    for (const who of [RUTA, MANAGER, OWNER]) {
      const r = await file(who);
      expect(r).toMatchObject({
        status: 'open',
        reporter_id: who.userId,
        reporter_name: who.displayName,
        client_name: 'UAB Triukšmas',
        codes: ['abuse'],
      });
    }
  });

  it('members see only their own reports and shared ones; deciders see all, open first', async () => {
    const a = await file(RUTA, 'first');
    const b = await file(TOMAS, 'second');
    await answerStaffReport(deps, MANAGER, ws, a.id, { answer: 'Thank you; I will call them.' });
    const queue = await listStaffReports(deps, MANAGER, ws);
    expect(queue.reports.map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await listStaffReports(deps, OWNER, ws, { query: { status: 'open' } })).reports.map((r) => r.id)).toEqual([b.id]);
    expect((await listStaffReports(deps, RUTA, ws)).reports.map((r) => r.id)).toEqual([a.id]);
    expect((await listStaffReports(deps, TOMAS, ws)).reports.map((r) => r.id)).toEqual([b.id]);
    await expect(getStaffReport(deps, TOMAS, ws, a.id)).rejects.toMatchObject({ code: 'STAFF_REPORT_NOT_FOUND' });
    // Sharing shows it to every member; unsharing hides it again.
    await shareStaffReport(deps, MANAGER, ws, a.id, { shared: true });
    expect((await listStaffReports(deps, TOMAS, ws)).reports.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect((await getStaffReport(deps, TOMAS, ws, a.id)).answer).toBe('Thank you; I will call them.');
    await shareStaffReport(deps, OWNER, ws, a.id, { shared: false });
    expect((await listStaffReports(deps, TOMAS, ws)).reports.map((r) => r.id)).toEqual([b.id]);
  });

  it('members may not confirm, answer or share (FORBIDDEN), even their own report', async () => {
    const r = await file(RUTA);
    await expect(confirmStaffReport(deps, RUTA, ws, r.id, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(answerStaffReport(deps, RUTA, ws, r.id, { answer: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(shareStaffReport(deps, TOMAS, ws, r.id, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await getStaffReport(deps, RUTA, ws, r.id)).status).toBe('open');
    expect(await deps.store.listIncidents(ws, clientId)).toEqual([]);
  });

  it('confirming creates the incident with the reporter as the member, the evidence attached, and the reporter sees the decision', async () => {
    // Evidence already in the log (a screenshot on an earlier incident) and a file uploaded with the report.
    const earlier = await addIncident(deps, ws, clientId, { date: '2026-11-01', code: 'negativity', severity: 1 });
    const shot = await addEvidence(deps, {
      workspaceId: ws,
      incidentId: earlier.id,
      fileName: 'chat.png',
      mediaType: 'image/png',
      content: textStream('png bytes'),
    });
    const r = await file(RUTA, 'Shouted at me', { evidence_ids: [shot.id] });
    const withFile = await addStaffReportFile(deps, RUTA, {
      workspaceId: ws,
      reportId: r.id,
      fileName: 'call-notes.txt',
      mediaType: 'text/plain',
      content: textStream('notes of the call'),
    });
    expect(withFile.files.map((f) => f.file_name)).toEqual(['call-notes.txt']);

    const { report, incident } = await confirmStaffReport(deps, MANAGER, ws, r.id, {
      code: 'abuse',
      severity: 2,
      answer: 'Confirmed; I take over the calls.',
    });
    expect(report).toMatchObject({
      status: 'confirmed',
      incident_id: incident.id,
      decided_by_id: MANAGER.userId,
      decided_by_name: MANAGER.displayName,
    });
    expect(incident).toMatchObject({
      client_id: clientId,
      date: '2026-11-10',
      code: 'abuse',
      severity: 2,
      source: 'staff_report',
      about_member: RUTA.displayName,
      note: 'Shouted at me',
    });
    expect(incident.evidence.map((e) => e.file_name).sort()).toEqual(['call-notes.txt', 'chat.png']);
    expect(incident.evidence.find((e) => e.file_name === 'chat.png')?.file_sha256).toBe(shot.file_sha256);
    expect((await verifyEvidence(deps, ws)).ok).toBe(true);

    const mine = await listStaffReports(deps, RUTA, ws);
    expect(mine.reports[0]).toMatchObject({
      status: 'confirmed',
      answer: 'Confirmed; I take over the calls.',
      decided_by_name: 'Lina Manager',
    });
    // The report now involves its reporter (D5), and the assessment recommends reassigning.
    expect(mine.reports[0]?.member_involved).toBe(true);
    expect((await listStaffReports(deps, MANAGER, ws, { clientId })).reassign_hint.members).toEqual([RUTA.displayName]);
    expect((await assessClient(deps, ws, clientId, { today: '2026-11-20' })).recommendation).toBe('reassign');

    // Decided once: a second decision is a conflict, and no more files.
    await expect(confirmStaffReport(deps, OWNER, ws, r.id, {})).rejects.toMatchObject({ code: 'STAFF_REPORT_ALREADY_DECIDED' });
    await expect(answerStaffReport(deps, OWNER, ws, r.id, { answer: 'x' })).rejects.toMatchObject({ code: 'STAFF_REPORT_ALREADY_DECIDED' });
    await expect(
      addStaffReportFile(deps, RUTA, { workspaceId: ws, reportId: r.id, fileName: 'late.txt', content: textStream('late') }),
    ).rejects.toMatchObject({
      code: 'STAFF_REPORT_ALREADY_DECIDED',
    });
  });

  it('the solo user is the owner and does everything; confirming defaults to the staff_report code', async () => {
    const r = await file(SOLO_PRINCIPAL);
    const { incident } = await confirmStaffReport(deps, SOLO_PRINCIPAL, ws, r.id, {});
    expect(incident).toMatchObject({ code: 'staff_report', severity: 2, about_member: 'You' });
    expect((await listStaffReports(deps, SOLO_PRINCIPAL, ws)).reassign_hint.members).toEqual(['You']);
    // A freelancer has nobody to move the client to: no D5 hint (section 7, rule 4 is for agencies).
    await updateWorkspace(deps, ws, { provider_kind: 'freelancer' });
    const solo = await listStaffReports(deps, SOLO_PRINCIPAL, ws);
    expect(solo.reassign_hint.members).toEqual([]);
    expect(solo.reports[0]?.member_involved).toBe(false);
  });

  it('refuses evidence of another client, bad input, and another member adding files', async () => {
    const other = await addClient(deps, ws, { name: 'Other client' });
    const inc = await addIncident(deps, ws, other.id, { date: '2026-11-01', code: 'abuse' });
    const foreign = await addEvidence(deps, { workspaceId: ws, incidentId: inc.id, fileName: 'x.txt', content: textStream('x') });
    await expect(file(RUTA, 'x', { evidence_ids: [foreign.id] })).rejects.toMatchObject({ code: 'EVIDENCE_NOT_FOUND' });
    await expect(file(RUTA, '   ')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(fileStaffReport(deps, RUTA, ws, clientId, { what: 'x', happened_on: '2026-13-01' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      fileStaffReport(deps, RUTA, ws, clientId, { what: 'x', happened_on: '2026-11-01', codes: ['rude'] }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(
      fileStaffReport(deps, RUTA, ws, '00000000-0000-4000-8000-000000000000', { what: 'x', happened_on: '2026-11-01' }),
    ).rejects.toMatchObject({
      code: 'CLIENT_NOT_FOUND',
    });
    const r = await file(RUTA);
    await expect(
      addStaffReportFile(deps, TOMAS, { workspaceId: ws, reportId: r.id, fileName: 'a.txt', content: textStream('a') }),
    ).rejects.toMatchObject({
      code: 'STAFF_REPORT_NOT_FOUND',
    });
    await shareStaffReport(deps, MANAGER, ws, r.id, {});
    await expect(
      addStaffReportFile(deps, TOMAS, { workspaceId: ws, reportId: r.id, fileName: 'a.txt', content: textStream('a') }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(getStaffReport(deps, MANAGER, ws, 'not-an-id')).rejects.toMatchObject({ code: 'STAFF_REPORT_NOT_FOUND' });
  });

  it('another workspace cannot see or decide the report', async () => {
    const r = await file(RUTA);
    const other = await deps.store.insertWorkspace(
      { id: randomIds.newId(), now: new Date().toISOString() },
      {
        name: 'Other',
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
    await expect(getStaffReport(deps, OWNER, other.id, r.id)).rejects.toMatchObject({ code: 'STAFF_REPORT_NOT_FOUND' });
    await expect(confirmStaffReport(deps, OWNER, other.id, r.id, {})).rejects.toMatchObject({ code: 'STAFF_REPORT_NOT_FOUND' });
    expect((await listStaffReports(deps, OWNER, other.id)).reports).toEqual([]);
  });
});
