import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { storeBackends } from '../../../test/stores.js';
import type { ClientEvent } from '../../contracts/events.js';
import { dateInZone } from '../../core/dates.js';
import { replayStatus } from '../../core/escalation/replay.js';

const REASON = 'They apologised in writing and paid everything owed.';

describe.each(storeBackends())('escalation API on $name', (backend) => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  let base: string;
  const today = dateInZone(new Date(), 'UTC');

  beforeEach(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    t = await buildTestApp(opened.store);
    base = `/api/workspaces/${t.workspaceId}`;
  });
  afterEach(async () => {
    await t.close();
    await dispose();
  });

  const json = async (method: string, url: string, payload?: unknown) => {
    const res = await t.app.inject({ method: method as 'GET', url, ...(payload === undefined ? {} : { payload: payload as object }) });

    return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as any) : undefined };
  };
  const addClient = async (name = 'Vortex Media SRL', extra: object = {}, ws = base) => {
    const res = await json('POST', `${ws}/clients`, { name, ...extra });
    expect(res.status).toBe(201);

    return res.body as { id: string };
  };
  const events = async (clientId: string, ws = base) => (await json('GET', `${ws}/clients/${clientId}/events`)).body as ClientEvent[];
  const detail = async (clientId: string) => (await json('GET', `${base}/clients/${clientId}`)).body;
  /** Folds the log's status changes, oldest first, and checks it against the stored status. */
  const expectReplayMatches = async (clientId: string) => {
    const log = (await events(clientId)).reverse();
    const replayed = replayStatus(log.flatMap((e) => (e.type === 'status_changed' ? [e.payload] : [])));
    expect(replayed).toEqual({ ok: true, status: (await detail(clientId)).client.status });
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
  };
  const yellow = (clientId: string, extra: object = {}) =>
    json('POST', `${base}/clients/${clientId}/cards/yellow`, {
      channel: 'call',
      said: 'If you shout at Ana again, we stop working together.',
      ...extra,
    });

  it('gives a yellow card: the card, what was said and how, the status, and the audit trail newest first', async () => {
    const c = await addClient();
    const res = await yellow(c.id, { date: today, note: 'Called after the meeting', actor: 'Ieva' });
    expect(res.status).toBe(201);
    expect(res.body.client).toMatchObject({ id: c.id, status: 'warned' });
    expect(res.body.card).toMatchObject({ color: 'yellow', date: today, note: 'If you shout at Ana again, we stop working together.' });
    expect(res.body.events.map((e: ClientEvent) => e.type)).toEqual(['card_issued', 'status_changed']);

    const trail = await events(c.id);
    expect(trail.map((e) => [e.seq, e.type])).toEqual([
      [2, 'status_changed'],
      [1, 'card_issued'],
    ]);
    expect(trail[1]).toMatchObject({
      actor: 'Ieva',
      date: today,
      note: 'Called after the meeting',
      payload: { card_id: res.body.card.id, color: 'yellow', channel: 'call', grounds: null },
    });
    expect(trail[0]!.payload).toEqual({ event: 'yellow_card', from: 'active', to: 'warned', reason: null });
    expect(trail[0]!.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await detail(c.id)).cards).toHaveLength(1);
    await expectReplayMatches(c.id);
  });

  it('refuses a red card without a yellow card with 409 INVALID_TRANSITION, saying why and what is allowed, and writes nothing', async () => {
    const c = await addClient();
    const res = await json('POST', `${base}/clients/${c.id}/cards/red`, { note: 'Enough' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'INVALID_TRANSITION',
      status: 409,
      refusal: 'yellow_card_first',
      from_status: 'active',
      event: 'red_card',
      allowed_events: ['watch', 'yellow_card', 'reassign', 'red_card'],
    });
    expect(res.body.detail).toMatch(/Give a yellow card first, or override and write why/);
    expect(await events(c.id)).toEqual([]);
    const d = await detail(c.id);
    expect(d.client.status).toBe('active');
    expect(d.cards).toEqual([]);
  });

  it('allows a red card without a yellow card under rule 1 (D1) and records its grounds', async () => {
    const c = await addClient();
    expect((await json('POST', `${base}/clients/${c.id}/incidents`, { date: today, code: 'unlawful', severity: 3 })).status).toBe(201);
    const res = await json('POST', `${base}/clients/${c.id}/cards/red`, { channel: 'meeting', said: 'We end our work today.' });
    expect(res.status).toBe(201);
    expect(res.body.client.status).toBe('exiting');
    expect(res.body.events.map((e: ClientEvent) => e.type)).toEqual(['card_issued', 'status_changed']);
    expect(res.body.events[0].payload).toMatchObject({ color: 'red', channel: 'meeting', grounds: 'rule_1' });
  });

  it('allows an override with a written reason, recorded in the log with what the assessment said', async () => {
    const c = await addClient();
    const short = await json('POST', `${base}/clients/${c.id}/cards/red`, { override_reason: 'no' });
    expect(short.status).toBe(422);
    expect(short.body.errors).toEqual([expect.objectContaining({ path: 'override_reason' })]);
    const res = await json('POST', `${base}/clients/${c.id}/cards/red`, { override_reason: REASON, actor: 'Owner' });
    expect(res.status).toBe(201);
    expect(res.body.events.map((e: ClientEvent) => e.type)).toEqual(['override', 'card_issued', 'status_changed']);
    expect(res.body.events[0]).toMatchObject({
      actor: 'Owner',
      payload: { of: 'red_card_without_yellow_card', reason: REASON, recommendation: 'keep', reference_rule: 6 },
    });
    expect(res.body.events[1].payload.grounds).toBe('override');
    await expectReplayMatches(c.id);
  });

  it('walks yellow, red, end, close; a closed client moves only by a reopen with a reason; the log replays to the status', async () => {
    const c = await addClient();
    expect((await yellow(c.id)).status).toBe(201);
    const red = await json('POST', `${base}/clients/${c.id}/cards/red`, {});
    expect(red.status).toBe(201);
    expect(red.body.events[0].payload.grounds).toBe('after_yellow_card');
    expect((await json('POST', `${base}/clients/${c.id}/status`, { event: 'end' })).body.client.status).toBe('ended');
    expect((await json('POST', `${base}/clients/${c.id}/status`, { event: 'close' })).body.client.status).toBe('closed');

    const watch = await json('POST', `${base}/clients/${c.id}/status`, { event: 'watch' });
    expect(watch.status).toBe(409);
    expect(watch.body).toMatchObject({ code: 'INVALID_TRANSITION', refusal: 'closed_for_contact', allowed_events: ['reopen'] });
    const bare = await json('POST', `${base}/clients/${c.id}/status`, { event: 'reopen' });
    expect(bare.status).toBe(409);
    expect(bare.body.refusal).toBe('reason_required');
    const yellowAgain = await yellow(c.id);
    expect(yellowAgain.status).toBe(409);

    const reopened = await json('POST', `${base}/clients/${c.id}/status`, { event: 'reopen', reason: REASON });
    expect(reopened.status).toBe(200);
    expect(reopened.body.client.status).toBe('active');
    expect(reopened.body.events[0].payload).toEqual({ event: 'reopen', from: 'closed', to: 'active', reason: REASON });
    expect((await events(c.id)).length).toBe(2 + 2 + 1 + 1 + 1);
    await expectReplayMatches(c.id);
  });

  it('reassigns only within a team (an agency, or two named members), to another member, and updates the manager (D5)', async () => {
    const c = await addClient('Maple Commons', { manager: 'Ana Popescu' });
    const solo = await json('POST', `${base}/clients/${c.id}/reassign`, { to_member: 'Bogdan' });
    expect(solo.status).toBe(409);
    expect(solo.body.refusal).toBe('no_team');

    expect((await json('PATCH', base, { provider_kind: 'agency' })).status).toBe(200);
    const same = await json('POST', `${base}/clients/${c.id}/reassign`, { to_member: '  ana popescu ' });
    expect(same.status).toBe(409);
    expect(same.body.refusal).toBe('same_member');

    const res = await json('POST', `${base}/clients/${c.id}/reassign`, { to_member: 'Bogdan Ilie', date: today, note: 'Ana asked' });
    expect(res.status).toBe(200);
    expect(res.body.client).toMatchObject({ status: 'reassigned', manager: 'Bogdan Ilie' });
    expect(res.body.events[0]).toMatchObject({
      type: 'reassigned',
      date: today,
      payload: { from_member: 'Ana Popescu', to_member: 'Bogdan Ilie', on: today },
    });
    // D5: if that fails too, end it; a second reassignment is not the next step.
    expect((await json('POST', `${base}/clients/${c.id}/reassign`, { to_member: 'Ieva' })).body.refusal).toBe('not_allowed_from_status');
    await expectReplayMatches(c.id);
  });

  it('offers reassignment to a freelancer workspace whose records name two members, not only to agencies', async () => {
    const c = await addClient('Maple Commons', { manager: 'Ana Popescu' });
    const steps = async () => (await json('GET', `${base}/clients/${c.id}/steps`)).body;
    expect((await steps()).steps.find((s: { event: string }) => s.event === 'reassign')).toMatchObject({
      allowed: false,
      refusal: 'no_team',
    });
    // A second person appears in the records (as the member an incident involved): now there is a team.
    await json('POST', `${base}/clients/${c.id}/incidents`, { date: today, code: 'abuse', about_member: ' bogdan  ilie ' });
    const now = await steps();
    expect(now.team).toEqual(['Ana Popescu', 'bogdan ilie']);
    expect(now.steps.find((s: { event: string }) => s.event === 'reassign')).toMatchObject({ allowed: true, needs: ['member'] });
    const res = await json('POST', `${base}/clients/${c.id}/reassign`, { to_member: 'Bogdan Ilie' });
    expect(res.status).toBe(200);
    expect(res.body.client).toMatchObject({ status: 'reassigned', manager: 'Bogdan Ilie' });
  });

  it('judges every step for the page: allowed, refused with why, and what it asks for', async () => {
    const c = await addClient();
    const steps = async () => (await json('GET', `${base}/clients/${c.id}/steps`)).body;
    const byEvent = (body: { steps: Array<{ event: string }> }): Record<string, any> =>
      Object.fromEntries(body.steps.map((s) => [s.event, s]));
    let now = byEvent(await steps());
    expect(now.watch).toMatchObject({ allowed: true, refusal: null, needs: [] });
    expect(now.yellow_card).toMatchObject({ allowed: true, needs: ['said_and_channel'] });
    expect(now.red_card).toMatchObject({ allowed: true, needs: ['override_reason'], grounds: null });
    expect(now.end).toMatchObject({ allowed: false, refusal: 'not_allowed_from_status', message: expect.stringMatching(/not possible/) });
    expect(now.reopen).toMatchObject({ allowed: false, refusal: 'not_allowed_from_status' });

    expect((await yellow(c.id)).status).toBe(201);
    now = byEvent(await steps());
    expect(now.yellow_card).toMatchObject({ allowed: false, refusal: 'not_allowed_from_status' });
    expect(now.red_card).toMatchObject({ allowed: true, needs: [], grounds: 'after_yellow_card' });
    expect(now.back_to_active).toMatchObject({ allowed: true, needs: [] });

    expect((await json('POST', `${base}/clients/${c.id}/cards/red`, {})).status).toBe(201);
    now = byEvent(await steps());
    expect(now.back_to_active).toMatchObject({ allowed: true, needs: ['reason'] });
    expect(now.end).toMatchObject({ allowed: true });
    expect((await json('POST', `${base}/clients/${c.id}/status`, { event: 'end' })).status).toBe(200);
    expect((await json('POST', `${base}/clients/${c.id}/status`, { event: 'close' })).status).toBe(200);
    const closed = await steps();
    expect(closed.status).toBe('closed');
    expect(closed.steps.filter((s: { allowed: boolean }) => s.allowed).map((s: { event: string }) => s.event)).toEqual(['reopen']);
    expect(byEvent(closed).reopen.needs).toEqual(['reason']);
    expect(byEvent(closed).watch.refusal).toBe('closed_for_contact');
  });

  it('refuses to change the status by editing the client, naming the steps to use, and changes nothing', async () => {
    const c = await addClient('Quiet Client', { manager: 'Ana' });
    const res = await json('PATCH', `${base}/clients/${c.id}`, { status: 'exiting', notes: 'lost' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'ESCALATION_STEP_REQUIRED', errors: [{ path: 'status' }] });
    expect(res.body.detail).toMatch(/\/status/);
    expect(res.body.use).toEqual(expect.arrayContaining([expect.stringMatching(/\/cards\/yellow$/)]));
    expect((await detail(c.id)).client).toMatchObject({ status: 'active', notes: '' });
    // Sending back the status it has (a form posting the whole client) is no change.
    expect((await json('PATCH', `${base}/clients/${c.id}`, { status: 'active', notes: 'fine' })).status).toBe(200);
    // A patch without the status leaves it (and every other field not sent) as it is.
    expect((await yellow(c.id)).status).toBe(201);
    const renamed = await json('PATCH', `${base}/clients/${c.id}`, { name: 'Quiet Client SRL' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Quiet Client SRL', status: 'warned', manager: 'Ana', notes: 'fine' });
    const created = await json('POST', `${base}/clients`, { name: 'Born Exiting', status: 'exiting' });
    expect(created.status).toBe(409);
    expect(created.body.code).toBe('ESCALATION_STEP_REQUIRED');
    expect((await json('GET', `${base}/clients?q=Born`)).body).toEqual([]);
  });

  it('gives cards only through the steps: the card routes refuse, except a correction of the note', async () => {
    const c = await addClient();
    const add = await json('POST', `${base}/clients/${c.id}/cards`, { date: today, color: 'red', note: 'bye' });
    expect(add.status).toBe(409);
    expect(add.body.code).toBe('ESCALATION_STEP_REQUIRED');
    expect(add.body.detail).toMatch(/cards\/yellow.*cards\/red/);
    expect((await detail(c.id)).cards).toEqual([]);

    const card = (await yellow(c.id)).body.card as { id: string };
    const recolour = await json('PATCH', `${base}/cards/${card.id}`, { color: 'red' });
    expect(recolour.status).toBe(409);
    expect(recolour.body).toMatchObject({ code: 'ESCALATION_STEP_REQUIRED', errors: [{ path: 'color' }] });
    const note = await json('PATCH', `${base}/cards/${card.id}`, { note: 'Said on a call, confirmed by email' });
    expect(note.status).toBe(200);
    expect(note.body).toMatchObject({ color: 'yellow', date: today, note: 'Said on a call, confirmed by email' });
    const del = await json('DELETE', `${base}/cards/${card.id}`);
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('ESCALATION_STEP_REQUIRED');
    expect((await detail(c.id)).cards).toHaveLength(1);
    await expectReplayMatches(c.id);
  });

  it('answers 404 CARD_NOT_FOUND when deleting a card that is not there, and 409 only for one that is', async () => {
    const c = await addClient();
    const card = (await yellow(c.id)).body.card as { id: string };
    const other = await json('POST', '/api/workspaces', { name: 'Agency B', provider_kind: 'agency' });
    for (const url of [
      `${base}/cards/00000000-0000-4000-8000-00000000dead`,
      `${base}/cards/not-an-id`,
      `/api/workspaces/${other.body.id}/cards/${card.id}`,
    ]) {
      const res = await t.app.inject({ method: 'DELETE', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.json(), url).toMatchObject({ status: 404, code: 'CARD_NOT_FOUND' });
    }
    expect((await json('DELETE', `${base}/cards/${card.id}`)).body.code).toBe('ESCALATION_STEP_REQUIRED');
    expect((await detail(c.id)).cards).toHaveLength(1);
  });

  it('imports a case as a restore: an imported event with its status and dated reassignments, which export gives back', async () => {
    const file = {
      format: 'redcard.case/1',
      provider: { kind: 'agency', currency: 'EUR' },
      client: { name: 'Moved Client', manager: 'Bogdan' },
      incidents: [{ date: '2026-03-02', code: 'abuse', severity: 2, about_member: 'Ana' }],
      reassigned: true,
      reassignments: [{ date: '2026-03-10', from_member: 'Ana', to_member: 'Bogdan' }],
    };
    const res = await json('POST', `${base}/cases`, file);
    expect(res.status).toBe(201);
    const id = res.body.client.id as string;
    expect(res.body.client.status).toBe('reassigned');
    const log = await events(id);
    expect(log).toEqual([
      expect.objectContaining({
        type: 'imported',
        seq: 1,
        payload: {
          format: 'redcard.case/1',
          status: 'reassigned',
          cards: { yellow: 0, red: 0 },
          reassignments: [{ date: '2026-03-10', from_member: 'Ana', to_member: 'Bogdan' }],
        },
      }),
    ]);
    const exported = (await json('GET', `${base}/clients/${id}/case`)).body;
    expect(exported).toMatchObject({ reassigned: true, reassignments: [{ date: '2026-03-10', from_member: 'Ana', to_member: 'Bogdan' }] });
    // The incident before the move was answered by it (D5): no second reassignment, no warning for it.
    const assessment = (await json('GET', `${base}/clients/${id}/assessment`)).body;
    expect(assessment.recommendation).not.toBe('reassign');
    expect(assessment.recommendation).not.toBe('yellow_card');
    // A step may be dated before the import day: the import is a restore, not a step.
    expect((await yellow(id, { date: '2026-04-01' })).status).toBe(201);
  });

  it('judges incidents after a reassignment against the new pairing: a second conflict leads to the warning (D5)', async () => {
    expect((await json('PATCH', base, { provider_kind: 'agency' })).status).toBe(200);
    const c = await addClient('Pairing Client', { manager: 'Ana' });
    const incident = (date: string, member: string) =>
      json('POST', `${base}/clients/${c.id}/incidents`, { date, code: 'abuse', severity: 2, about_member: member });
    const recommendation = async () => (await json('GET', `${base}/clients/${c.id}/assessment`)).body.recommendation;
    const past = (days: number) => dateInZone(new Date(Date.now() - days * 86_400_000), 'UTC');
    await incident(past(20), 'Ana');
    expect(await recommendation()).toBe('reassign');
    expect((await json('POST', `${base}/clients/${c.id}/reassign`, { to_member: 'Bogdan', date: past(10) })).status).toBe(200);
    expect(await recommendation()).toBe('keep');
    await incident(past(5), 'Bogdan');
    expect(await recommendation()).toBe('yellow_card');
  });

  it('keeps workspaces apart: a client of one workspace is unknown in another, and nothing is written there', async () => {
    const other = await json('POST', '/api/workspaces', { name: 'Agency B', provider_kind: 'agency' });
    expect(other.status).toBe(201);
    const otherBase = `/api/workspaces/${other.body.id}`;
    const c = await addClient();
    for (const [method, path, body] of [
      ['POST', 'cards/yellow', { channel: 'call', said: 'Warning' }],
      ['POST', 'cards/red', { override_reason: REASON }],
      ['POST', 'reassign', { to_member: 'Bogdan' }],
      ['POST', 'status', { event: 'watch' }],
      ['GET', 'events', undefined],
      ['GET', 'steps', undefined],
    ] as const) {
      const res = await json(method, `${otherBase}/clients/${c.id}/${path}`, body);
      expect(res.status, path).toBe(404);
      expect(res.body.code).toBe('CLIENT_NOT_FOUND');
    }
    expect((await json('GET', `/api/workspaces/not-a-workspace/clients/${c.id}/events`)).body.code).toBe('WORKSPACE_NOT_FOUND');
    expect(await events(c.id)).toEqual([]);
    expect((await detail(c.id)).client.status).toBe('active');
  });

  it('validates the day: not after today, not before the last step', async () => {
    const c = await addClient();
    const future = await yellow(c.id, { date: '2999-01-01' });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([{ path: 'date', message: expect.stringMatching(/after today/) }]);
    expect((await yellow(c.id, { date: today })).status).toBe(201);
    const before = await json('POST', `${base}/clients/${c.id}/cards/red`, { date: '2020-01-01' });
    expect(before.status).toBe(422);
    expect(before.body.errors[0].message).toMatch(/before the last escalation step/);
    const bad = await json('POST', `${base}/clients/${c.id}/status`, { event: 'explode' });
    expect(bad.status).toBe(422);
    expect(await events(c.id)).toHaveLength(2);
  });

  it('lets only one of two concurrent yellow cards through, with one gap-free log', async () => {
    const c = await addClient();
    const results = await Promise.all([yellow(c.id), yellow(c.id), yellow(c.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await events(c.id)).toHaveLength(2);
    expect((await detail(c.id)).cards).toHaveLength(1);
    await expectReplayMatches(c.id);
  });

  it('documents the escalation routes in the OpenAPI document', async () => {
    const doc = await json('GET', '/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/workspaces/{ws}/clients/{clientId}/cards/yellow',
        '/api/workspaces/{ws}/clients/{clientId}/cards/red',
        '/api/workspaces/{ws}/clients/{clientId}/reassign',
        '/api/workspaces/{ws}/clients/{clientId}/status',
        '/api/workspaces/{ws}/clients/{clientId}/events',
        '/api/workspaces/{ws}/clients/{clientId}/steps',
      ]),
    );
  });
});
