/**
 * The saved exit plan over HTTP, on each backend: save from the wizard's request, read it as a
 * checklist, tick and untick with who/when and a reason, re-plan keeping done states, the handover
 * inventory (secrets refused), the overdue list, the exports with stable UIDs, the client's event
 * log, validation errors as problem+json, and another workspace's records answering 404.
 */
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { storeBackends } from '../../../test/stores.js';
import { CaseFile } from '../../contracts/case-file.js';
import { loadDemoCases } from '../../demo/load-demo-cases.js';
import { planUid } from '../../exports/ics.js';

const TODAY = '2026-11-22';
const demo = loadDemoCases();
const demoCase = (n: number) => CaseFile.parse(demo[n - 1]);

describe.each(storeBackends())('saved exit plan API on $name', (backend) => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  let base: string;
  let ids: Map<number, string>;

  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, ...(payload ? { payload } : {}) });

    return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as any) : null, headers: res.headers, raw: res.body };
  };
  const plan = (n: number) => `${base}/clients/${ids.get(n)}/exit-plan`;

  beforeEach(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    t = await buildTestApp(opened.store);
    base = `/api/workspaces/${t.workspaceId}`;
    const p = demoCase(1).provider;
    const patched = await call('PATCH', base, {
      provider_name: p.name,
      provider_kind: p.kind,
      currency: p.currency,
      jurisdiction: p.jurisdiction,
      language: p.language,
      timezone: demoCase(1).timezone,
    });
    expect(patched.status).toBe(200);
    ids = new Map();
    for (const n of [1, 5, 10, 11]) {
      const res = await call('POST', `${base}/cases`, demo[n - 1] as object);
      expect(res.status).toBe(201);
      ids.set(n, res.body.client.id);
    }
  });
  afterEach(async () => {
    await t.close();
    await dispose();
  });

  it('saves the recommended plan, reads it back as a checklist, and records it on the client log', async () => {
    expect((await call('GET', plan(10))).body.code).toBe('EXIT_PLAN_NOT_FOUND');
    const preview = await call('POST', `${plan(10)}/preview`, { path: 'stop_and_collect', today: TODAY });
    expect(preview.status).toBe(200);
    expect(preview.body.recommended_path).toBe('stop_and_collect');
    expect(preview.body.path_reason_required).toBe(false);
    expect(preview.body.replaces).toBe(false);
    // Nothing was stored by the preview.
    expect((await call('GET', plan(10))).status).toBe(404);

    const saved = await call('PUT', plan(10), {
      path: 'stop_and_collect',
      today: TODAY,
      steps: [{ key: 'handover-files', due: '2026-11-25', owner: 'Rūta' }],
      handover: [
        { kind: 'hosting', label: 'Hetzner project, admin role' },
        { kind: 'files', label: 'Brand assets folder', state: 'sent' },
      ],
    });
    expect(saved.status).toBe(200);
    const body = saved.body;
    expect(body.path).toBe('stop_and_collect');
    expect(body.plan.tell_client_on).toBe(TODAY);
    expect(body.plan.lawyer_first).toBe(true);
    expect(body.referral).toMatchObject({ mode: 'resources_only', allowed: 'resources_only' });
    const handover = body.steps.find((s: any) => s.key === 'handover-files');
    expect(handover).toMatchObject({ due: '2026-11-25', owner: 'Rūta', adjusted: true, done: false });
    expect(body.steps.map((s: any) => s.key)).toEqual(preview.body.steps.map((s: any) => s.key));
    expect(body.handover.map((h: any) => [h.kind, h.state])).toEqual([
      ['hosting', 'to_transfer'],
      ['files', 'sent'],
    ]);
    const read = await call('GET', plan(10));
    expect(read.body.steps).toEqual(body.steps);

    const events = await call('GET', `${base}/clients/${ids.get(10)}/events`);
    expect(events.status).toBe(200);
    const exitEvents = events.body.filter((e: any) => e.type === 'exit_plan').reverse();
    expect(exitEvents.map((e: any) => e.payload.action)).toEqual(['saved']);
  });

  it('ticks a step with who and when, unticks it only with a reason, and keeps done states across a re-plan', async () => {
    const saved = (await call('PUT', plan(10), { path: 'stop_and_collect', today: TODAY })).body;
    const evidence = saved.steps.find((s: any) => s.key === 'evidence');
    const ticked = await call('PATCH', `${plan(10)}/steps/${evidence.id}`, { done: true, note: 'Mails exported', actor: 'Rūta' });
    expect(ticked.status).toBe(200);
    const done = ticked.body.steps.find((s: any) => s.key === 'evidence');
    expect(done).toMatchObject({ done: true, done_by: 'Rūta', done_note: 'Mails exported' });
    expect(Date.parse(done.done_at)).not.toBeNaN();

    const noReason = await call('PATCH', `${plan(10)}/steps/${evidence.id}`, { done: false });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors.map((e: any) => e.path)).toContain('reason');
    expect((await call('GET', plan(10))).body.steps.find((s: any) => s.key === 'evidence').done).toBe(true);

    // Re-plan on another path: the evidence step still exists and stays done; the reason is required.
    const noPathReason = await call('PUT', plan(10), { path: 'finish_then_exit', today: TODAY });
    expect(noPathReason.status).toBe(422);
    expect(noPathReason.body.errors[0].path).toBe('path_reason');
    const replanned = await call('PUT', plan(10), {
      path: 'finish_then_exit',
      path_reason: 'The lawyer advised finishing the current milestone first.',
      today: TODAY,
    });
    expect(replanned.status).toBe(200);
    expect(replanned.body.path).toBe('finish_then_exit');
    expect(replanned.body.steps.find((s: any) => s.key === 'evidence')).toMatchObject({ done: true, done_by: 'Rūta' });
    expect(replanned.body.steps.some((s: any) => s.key === 'stop-work')).toBe(false);
    expect(replanned.body.steps.some((s: any) => s.key === 'last-day')).toBe(true);

    const untick = await call('PATCH', `${plan(10)}/steps/${evidence.id}`, {
      done: false,
      reason: 'The call recordings are still missing.',
    });
    expect(untick.status).toBe(200);
    expect(untick.body.steps.find((s: any) => s.key === 'evidence')).toMatchObject({ done: false, done_at: null, done_by: null });

    // The log reads newest first.
    const events = (await call('GET', `${base}/clients/${ids.get(10)}/events`)).body.filter((e: any) => e.type === 'exit_plan').reverse();
    expect(events.map((e: any) => e.payload.action)).toEqual(['saved', 'step_done', 'replanned', 'step_undone']);
    expect(events[3].note).toBe('The call recordings are still missing.');
    expect(events[1].actor).toBe('Rūta');
  });

  it('refuses to schedule telling the client while the right to terminate is unknown (C3), and explains it', async () => {
    const blocked = await call('PUT', plan(5), {
      path: 'finish_then_exit',
      path_reason: 'Endless haggling, we want out after the season.',
      today: TODAY,
      tell_on: '2026-12-01',
    });
    expect(blocked.status).toBe(422);
    expect(blocked.body.errors[0]).toMatchObject({ path: 'tell_on' });
    expect(blocked.body.errors[0].message).toMatch(/unknown whether the contract lets you end it/);
    const dated = await call('PUT', plan(5), {
      path: 'finish_then_exit',
      path_reason: 'Endless haggling, we want out after the season.',
      today: TODAY,
      steps: [{ key: 'conversation', due: '2026-12-01' }],
    });
    expect(dated.status).toBe(422);
    expect(dated.body.errors[0].message).toMatch(/waits for the contract check/);
    const ok = await call('PUT', plan(5), {
      path: 'finish_then_exit',
      path_reason: 'Endless haggling, we want out after the season.',
      today: TODAY,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.plan.tell_client_on).toBeNull();
    expect(ok.body.steps.find((s: any) => s.key === 'conversation').due).toBeNull();
    expect(ok.body.plan.contract_check.to_find_out.length).toBeGreaterThan(0);
  });

  it('enforces X8 in the use case: a colleague only for a client who paid and was not abusive, checked first', async () => {
    const refused = await call('PUT', plan(10), {
      path: 'stop_and_collect',
      today: TODAY,
      referral: { mode: 'colleague', checked_first: true, note: 'Jonas' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].path).toBe('referral.mode');
    const reason = 'Trying a cleaner exit at the end of the contract year.';
    const unchecked = await call('PUT', plan(1), {
      path: 'finish_then_exit',
      path_reason: reason,
      today: TODAY,
      referral: { mode: 'colleague' },
    });
    expect(unchecked.status).toBe(422);
    expect(unchecked.body.errors[0].path).toBe('referral.checked_first');
    const ok = await call('PUT', plan(1), {
      path: 'finish_then_exit',
      path_reason: reason,
      today: TODAY,
      referral: { mode: 'colleague', checked_first: true, note: 'Jonas, bakery web shops' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.referral).toMatchObject({
      mode: 'colleague',
      allowed: 'colleague',
      checked_first: true,
      note: 'Jonas, bakery web shops',
    });
  });

  it('keeps the handover inventory: add, change, remove; secrets and states that do not fit the kind are refused', async () => {
    await call('PUT', plan(10), { path: 'stop_and_collect', today: TODAY });
    const added = await call('POST', `${plan(10)}/handover`, { kind: 'domains', label: 'transbalt.lt at the registrar' });
    expect(added.status).toBe(201);
    expect(added.body.state).toBe('to_transfer');
    const secret = await call('POST', `${plan(10)}/handover`, { kind: 'hosting', label: 'cPanel', note: 'password: Vasara2026!' });
    expect(secret.status).toBe(422);
    expect(secret.body.errors[0]).toMatchObject({ path: 'note' });
    expect(secret.body.errors[0].message).toMatch(/^secret:credential_label/);
    const wrongState = await call('POST', `${plan(10)}/handover`, { kind: 'files', label: 'Designs', state: 'revoked' });
    expect(wrongState.status).toBe(422);
    const changed = await call('PATCH', `${plan(10)}/handover/${added.body.id}`, { state: 'transferred' });
    expect(changed.status).toBe(200);
    expect(changed.body.state).toBe('transferred');
    const badPatch = await call('PATCH', `${plan(10)}/handover/${added.body.id}`, { state: 'sent' });
    expect(badPatch.status).toBe(422);
    const secretPatch = await call('PATCH', `${plan(10)}/handover/${added.body.id}`, { label: 'token ghp_abcdefghijklmnopqrstuvwxyz0123' });
    expect(secretPatch.status).toBe(422);
    // Nothing already stored was lost by the refused changes.
    const read = await call('GET', plan(10));
    expect(read.body.handover).toHaveLength(1);
    expect(read.body.handover[0]).toMatchObject({ label: 'transbalt.lt at the registrar', state: 'transferred' });
    // Re-planning keeps the inventory.
    await call('PUT', plan(10), { path: 'immediate', path_reason: 'The client threatened the team member.', today: TODAY });
    expect((await call('GET', plan(10))).body.handover).toHaveLength(1);
    expect((await call('DELETE', `${plan(10)}/handover/${added.body.id}`)).status).toBe(204);
    expect((await call('GET', plan(10))).body.handover).toHaveLength(0);
    const actions = (await call('GET', `${base}/clients/${ids.get(10)}/events`)).body
      .filter((e: any) => e.type === 'exit_plan')
      .map((e: any) => e.payload.action)
      .reverse();
    expect(actions).toEqual(['saved', 'handover_added', 'handover_changed', 'replanned', 'handover_removed']);
  });

  it('lists overdue steps across clients with days overdue, and forgets ticked ones', async () => {
    await call('PUT', plan(10), { path: 'stop_and_collect', today: TODAY });
    await call('PUT', plan(11), { path: 'stop_and_collect', today: TODAY });
    expect((await call('GET', `${base}/exit-steps/overdue?today=${TODAY}`)).body.items).toEqual([]);
    const later = await call('GET', `${base}/exit-steps/overdue?today=2026-11-25`);
    expect(later.status).toBe(200);
    expect(later.body.today).toBe('2026-11-25');
    const items = later.body.items as any[];
    expect(new Set(items.map((i) => i.client_id))).toEqual(new Set([ids.get(10), ids.get(11)]));
    const evidence10 = items.find((i) => i.client_id === ids.get(10) && i.key === 'evidence');
    expect(evidence10).toMatchObject({ due: TODAY, days_overdue: 3, rule: 'X11' });
    expect(evidence10.client_name).toContain('TransBalt');
    expect(items.every((i) => i.due < '2026-11-25')).toBe(true);
    expect([...items.map((i) => i.due)]).toEqual([...items.map((i) => i.due)].sort());
    await call('PATCH', `${plan(10)}/steps/${evidence10.step_id}`, { done: true });
    const after = (await call('GET', `${base}/exit-steps/overdue?today=2026-11-25`)).body.items as any[];
    expect(after.some((i) => i.step_id === evidence10.step_id)).toBe(false);
    expect(after).toHaveLength(items.length - 1);
    expect((await call('GET', `${base}/exit-steps/overdue?today=25-11-2026`)).status).toBe(422);
  });

  it('exports the saved plan with UIDs stable per step, and done steps completed', async () => {
    const saved = (await call('PUT', plan(10), { path: 'stop_and_collect', today: TODAY })).body;
    const evidence = saved.steps.find((s: any) => s.key === 'evidence');
    await call('PATCH', `${plan(10)}/steps/${evidence.id}`, { done: true });
    const first = await t.app.inject({ method: 'GET', url: `${plan(10)}.ics` });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/text\/calendar/);
    const todos = new ICAL.Component(ICAL.parse(first.body)).getAllSubcomponents('vtodo');
    const uid = (key: string) => planUid(t.workspaceId, ids.get(10) as string, `step-${key}`);
    const byUid = new Map(todos.map((c) => [c.getFirstPropertyValue('uid'), c]));
    expect(byUid.get(uid('evidence'))?.getFirstPropertyValue('status')).toBe('COMPLETED');
    expect(byUid.get(uid('conversation'))?.getFirstPropertyValue('status')).toBe('NEEDS-ACTION');
    // Re-planning with a moved due date keeps the same UIDs.
    await call('PUT', plan(10), { path: 'stop_and_collect', today: TODAY, steps: [{ key: 'handover-files', due: '2026-11-27' }] });
    const second = await t.app.inject({ method: 'GET', url: `${plan(10)}.ics` });
    const todos2 = new ICAL.Component(ICAL.parse(second.body)).getAllSubcomponents('vtodo');
    expect(new Set(todos2.map((c) => c.getFirstPropertyValue('uid')))).toEqual(new Set(todos.map((c) => c.getFirstPropertyValue('uid'))));
    const moved = todos2.find((c) => c.getFirstPropertyValue('uid') === uid('handover-files'));
    expect(String(moved?.getFirstPropertyValue('due'))).toBe('2026-11-27');
    const pdf = await t.app.inject({ method: 'GET', url: `${plan(10)}.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers problem+json for bad input, and 404 for another workspace or unknown ids', async () => {
    const badPath = await call('PUT', plan(10), { path: 'vanish', today: TODAY });
    expect(badPath.status).toBe(422);
    expect(badPath.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(badPath.body.code).toBe('VALIDATION_FAILED');
    expect((await call('PUT', plan(10), { path: 'immediate', today: TODAY, extra: 1 })).status).toBe(422);
    expect((await call('PUT', plan(10), { path: 'stop_and_collect', today: TODAY, tell_on: '2026-11-01' })).body.errors[0].path).toBe(
      'tell_on',
    );
    expect((await call('PUT', plan(10), { path: 'stop_and_collect', today: TODAY, steps: [{ key: 'nope' }] })).body.errors[0].path).toBe(
      'steps[0].key',
    );
    const shortReason = await call('PUT', plan(10), { path: 'immediate', path_reason: 'because', today: TODAY });
    expect(shortReason.status).toBe(422);
    expect(shortReason.body.errors[0].path).toBe('path_reason');

    const saved = (await call('PUT', plan(10), { path: 'stop_and_collect', today: TODAY })).body;
    const item = (await call('POST', `${plan(10)}/handover`, { kind: 'analytics', label: 'GA4 property' })).body;
    const other = await call('POST', '/api/workspaces', {
      name: 'Other agency',
      provider_kind: 'agency',
      currency: 'EUR',
      timezone: 'Europe/Vilnius',
      language: 'en',
    });
    expect(other.status).toBe(201);
    const otherBase = `/api/workspaces/${other.body.id}/clients/${ids.get(10)}/exit-plan`;
    expect((await call('GET', otherBase)).status).toBe(404);
    expect((await call('PUT', otherBase, { path: 'immediate', path_reason: 'Trying to reach across workspaces.' })).status).toBe(404);
    expect((await call('PATCH', `${otherBase}/steps/${saved.steps[0].id}`, { done: true })).status).toBe(404);
    expect((await call('PATCH', `${otherBase}/handover/${item.id}`, { state: 'revoked' })).status).toBe(404);
    expect((await call('DELETE', `${otherBase}/handover/${item.id}`)).status).toBe(404);
    expect((await call('GET', `/api/workspaces/${other.body.id}/exit-steps/overdue?today=2026-12-31`)).body.items).toEqual([]);
    // A step of client 10's plan cannot be ticked through client 11's plan.
    await call('PUT', plan(11), { path: 'stop_and_collect', today: TODAY });
    expect((await call('PATCH', `${plan(11)}/steps/${saved.steps[0].id}`, { done: true })).body.code).toBe('EXIT_STEP_NOT_FOUND');
    expect((await call('PATCH', `${plan(10)}/steps/not-an-id`, { done: true })).status).toBe(404);
    // Nothing changed in client 10's plan.
    expect((await call('GET', plan(10))).body.steps.every((s: any) => !s.done)).toBe(true);
    expect((await call('GET', plan(10))).body.handover[0].state).toBe('to_transfer');
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/workspaces/{ws}/clients/{clientId}/exit-plan',
        '/api/workspaces/{ws}/clients/{clientId}/exit-plan/steps/{stepId}',
        '/api/workspaces/{ws}/clients/{clientId}/exit-plan/handover',
        '/api/workspaces/{ws}/exit-steps/overdue',
      ]),
    );
  });
});
