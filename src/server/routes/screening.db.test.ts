/**
 * Reflection, lessons and screening over HTTP, on each backend: the reflection of an ended client
 * (prefilled from the first incident, refused before the end, lessons replaced on save), lesson
 * search (case-insensitive beyond ASCII, LIKE wildcards taken literally, by code), prospects with
 * early signs and a score, and the public link (hashed token, one submission, expiry, nothing of
 * the workspace in the form), with another workspace's records answering 404.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { storeBackends } from '../../../test/stores.js';

describe.each(storeBackends())('reflection, lessons and screening API on $name', (backend) => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  let base: string;

  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, ...(payload ? { payload } : {}) });

    return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as any) : null, headers: res.headers };
  };

  /** A client taken through red card and end, with two incidents (the earlier is the first sign). */
  const endedClient = async (name: string) => {
    const client = await call('POST', `${base}/clients`, { name, language: 'ru' });
    expect(client.status).toBe(201);
    const url = `${base}/clients/${client.body.id}`;
    expect((await call('POST', `${url}/incidents`, { date: '2026-05-02', code: 'payment', severity: 2 })).status).toBe(201);
    expect((await call('POST', `${url}/incidents`, { date: '2026-03-14', code: 'price_pressure', severity: 1 })).status).toBe(201);
    expect((await call('POST', `${url}/cards/red`, { override_reason: 'Unpaid for months, no intent to pay' })).status).toBe(201);
    expect((await call('POST', `${url}/status`, { event: 'end' })).status).toBe(200);

    return { id: client.body.id as string, url };
  };

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

  it('prefills the reflection from the first incident, refuses it before the end, and saves it with its lessons', async () => {
    const active = await call('POST', `${base}/clients`, { name: 'Still Active SRL' });
    const refused = await call('PUT', `${base}/clients/${active.body.id}/reflection`, { do_earlier: 'x' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CLIENT_NOT_ENDED');

    const c = await endedClient('Балтийские окна');
    const draft = await call('GET', `${c.url}/reflection`);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ saved: false, first_signs_on: '2026-03-14', first_signs_code: 'price_pressure', lessons: [] });

    const saved = await call('PUT', `${c.url}/reflection`, {
      first_signs: 'Haggled over the first quote',
      first_signs_on: '2026-03-14',
      first_signs_code: 'price_pressure',
      contract_lacked: ['deposit', 'late_interest'],
      contract_note: 'No interest clause',
      do_earlier: 'Ask for a deposit before starting',
      lessons: [
        { text: 'Торг на первом звонке — просить предоплату', codes: ['price_pressure', 'payment'] },
        { text: 'Write the change process into the contract', codes: ['scope_creep'] },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.saved).toBe(true);
    expect(saved.body.contract_lacked).toEqual(['deposit', 'late_interest']);
    expect(saved.body.lessons.map((l: { text: string }) => l.text)).toEqual([
      'Торг на первом звонке — просить предоплату',
      'Write the change process into the contract',
    ]);
    expect(saved.body.lessons[0]).toMatchObject({ client_id: c.id, client_name: 'Балтийские окна' });

    // Saving again replaces the reflection's lessons rather than adding to them.
    const again = await call('PUT', `${c.url}/reflection`, { do_earlier: 'Deposit first', lessons: [{ text: 'Deposit first, always' }] });
    expect(again.body.lessons).toHaveLength(1);
    expect((await call('GET', `${base}/lessons`)).body.lessons).toHaveLength(1);

    // Bad input is refused by field and changes nothing.
    const bad = await call('PUT', `${c.url}/reflection`, {
      contract_lacked: ['deposit', 'deposit'],
      lessons: [{ text: '', codes: ['nope'] }],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['contract_lacked', 'lessons[0].text', 'lessons[0].codes[0]']),
    );
    expect((await call('GET', `${c.url}/reflection`)).body.do_earlier).toBe('Deposit first');
  });

  it('searches lessons case-insensitively in any script, takes wildcards literally, and filters by code', async () => {
    const c = await endedClient('Vortex Media');
    await call('PUT', `${c.url}/reflection`, {
      lessons: [
        { text: 'ПРЕДОПЛАТА 50% до старта', codes: ['payment'] },
        { text: 'Nuolaida pirmame skambutyje — ŽENKLAS', codes: ['price_pressure'] },
        { text: 'Scope in writing', codes: ['scope_creep'] },
      ],
    });
    const find = async (query: string) =>
      ((await call('GET', `${base}/lessons?${query}`)).body.lessons as { text: string }[]).map((l) => l.text).sort();
    expect(await find('q=предоплата')).toEqual(['ПРЕДОПЛАТА 50% до старта']);
    expect(await find('q=%C5%BEenklas')).toEqual(['Nuolaida pirmame skambutyje — ŽENKLAS']);
    expect(await find('q=50%25')).toEqual(['ПРЕДОПЛАТА 50% до старта']);
    expect(await find('q=5_%25')).toEqual([]);
    expect(await find('q=vortex')).toHaveLength(3);
    expect(await find('code=scope_creep')).toEqual(['Scope in writing']);
    expect(await find('code=payment&q=scope')).toEqual([]);
    expect((await call('GET', `${base}/lessons?code=nope`)).status).toBe(422);

    const own = await call('POST', `${base}/lessons`, { text: 'Never start on a Friday', codes: ['urgency_pressure'] });
    expect(own.status).toBe(201);
    expect(await find('q=friday')).toEqual(['Never start on a Friday']);
    expect((await call('DELETE', `${base}/lessons/${own.body.id}`)).status).toBe(204);
    expect((await call('DELETE', `${base}/lessons/${own.body.id}`)).body.code).toBe('LESSON_NOT_FOUND');
  });

  it('screens a prospect: early signs from the first messages, questions from lessons, a score from the answers', async () => {
    const c = await endedClient('Old Client');
    await call('PUT', `${c.url}/reflection`, {
      lessons: [{ text: 'They asked for a discount before the first invoice', codes: ['price_pressure'] }],
    });

    const created = await call('POST', `${base}/prospects`, {
      name: 'Nova Studio',
      contact: 'nova@example.test',
      language: 'en',
      first_messages: 'Hi! Your price is way too high, can you do it cheaper? We need it by tomorrow, ASAP. And we never pay upfront.',
    });
    expect(created.status).toBe(201);
    const p = created.body;
    expect(p.score).toBeNull();
    expect(new Set(p.signs.map((s: { kind: string }) => s.kind))).toEqual(
      new Set(['price_pressure', 'rush_before_contract', 'deposit_refusal']),
    );
    const reminder = p.questions.find((q: { source: string }) => q.source === 'lesson');
    expect(reminder.text).toBe('They asked for a discount before the first invoice');
    expect(p.questions.find((q: { id: string }) => q.id === 'budget').emphasised_by).toHaveLength(1);

    const url = `${base}/prospects/${p.id}`;
    const answered = await call('PATCH', url, { answers: { deposit: 'no', budget: 'lower', [reminder.id]: 'seen' } });
    expect(answered.status).toBe(200);
    expect(answered.body.score).toBeLessThan(30);
    expect(answered.body.band).toBe('poor');
    expect(answered.body.answered_by).toBe('user');
    const cited = answered.body.reasons
      .filter((r: { kind: string }) => r.kind === 'answer')
      .map((r: { question_id: string }) => r.question_id);
    expect(cited).toEqual(expect.arrayContaining(['deposit', 'budget', reminder.id]));

    const better = await call('PATCH', url, { answers: { deposit: 'yes', budget: 'matches', [reminder.id]: 'clear' } });
    expect(better.body.score).toBeGreaterThan(answered.body.score);

    const bad = await call('PATCH', url, { answers: { deposit: 'perhaps', nonsense: 'yes' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['answers.deposit', 'answers.nonsense']);
    expect((await call('GET', url)).body.answers.deposit).toBe('yes');

    const list = await call('GET', `${base}/prospects`);
    expect(list.body.prospects).toEqual([expect.objectContaining({ id: p.id, score: better.body.score, status: 'screening' })]);

    const accepted = await call('POST', `${url}/accept`, { create_client: true });
    expect(accepted.body.status).toBe('accepted');
    const client = await call('GET', `${base}/clients/${accepted.body.client_id}`);
    expect(client.body.client?.name ?? client.body.name).toBe('Nova Studio');
  });

  it('lets the prospect answer once through a hashed, expiring link that shows nothing of the workspace', async () => {
    const c = await endedClient('Secret Past Client');
    await call('PUT', `${c.url}/reflection`, { lessons: [{ text: 'PRIVATE LESSON about Secret Past Client', codes: ['payment'] }] });
    const p = (await call('POST', `${base}/prospects`, { name: 'Ana Pop', language: 'ro', notes: 'private note' })).body;
    const link = await call('POST', `${base}/prospects/${p.id}/link`);
    expect(link.status).toBe(201);
    const { token, path } = link.body;
    expect(path).toBe(`/p/${token}`);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);

    // Stored only as its hash.
    const stored = await t.deps.store.screening.getProspect(t.workspaceId, p.id);
    expect(stored?.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);

    const form = await call('GET', `/api/public/prospect-forms/${token}`);
    expect(form.status).toBe(200);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.body.language).toBe('ro');
    expect(form.body.questions.find((q: { id: string }) => q.id === 'deposit').text).toContain('avans');
    const text = JSON.stringify(form.body);
    for (const secret of ['PRIVATE LESSON', 'Secret Past Client', 'Ana Pop', 'private note', 'weight', t.workspaceId])
      expect(text).not.toContain(secret);

    expect((await call('POST', `/api/public/prospect-forms/${token}`, { answers: { deposit: 'maybe' } })).status).toBe(422);
    const sent = await call('POST', `/api/public/prospect-forms/${token}`, { answers: { deposit: 'no', deadline: 'asap' } });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({ received: true, answered: 2 });
    const again = await call('POST', `/api/public/prospect-forms/${token}`, { answers: { deposit: 'yes' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PROSPECT_FORM_USED');

    const after = (await call('GET', `${base}/prospects/${p.id}`)).body;
    expect(after.answers).toEqual({ deposit: 'no', deadline: 'asap' });
    expect(after.answered_by).toBe('prospect');
    expect(after.score).toBeLessThan(50);
    expect(after.link).toMatchObject({ active: false });
    expect(after.link.used_at).not.toBeNull();
    // The audit log names the prospect as who answered, and never holds the link's token or hash.
    const log = await t.deps.store.audit.listAuditChain(t.workspaceId, 0, 10_000);
    const answered = log.filter((e) => e.method === 'screening.submitProspectForm');
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({ entity: 'prospects', entity_id: p.id, actor_id: `prospect:${p.id}`, actor_name: 'Ana Pop' });
    expect(JSON.stringify(log)).not.toContain(token);
    expect(JSON.stringify(log)).not.toContain(stored?.token_hash as string);

    expect((await call('GET', '/api/public/prospect-forms/AAAAAAAAAAAAAAAAAAAAAA')).body.code).toBe('PROSPECT_FORM_NOT_FOUND');
    expect((await call('GET', '/api/public/prospect-forms/..%2F..')).status).toBe(404);

    // An expired link.
    const fresh = (await call('POST', `${base}/prospects/${p.id}/link`)).body;
    await t.deps.store.screening.updateProspect(t.workspaceId, p.id, { token_expires_at: '2020-01-01T00:00:00.000Z' });
    expect((await call('GET', `/api/public/prospect-forms/${fresh.token}`)).status).toBe(410);

    // Guessing is limited per address: past the limit, 429 with a stable code.
    let last = 0;
    for (let i = 0; i < 35 && last !== 429; i++) last = (await call('GET', '/api/public/prospect-forms/x')).status;
    expect(last).toBe(429);
    const limited = await call('GET', `/api/public/prospect-forms/${token}`);
    expect(limited.body).toMatchObject({ status: 429, code: 'RATE_LIMITED', retry_after: expect.stringMatching(/^\d+ seconds$/) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it("treats another workspace's prospects, lessons and reflections as absent", async () => {
    const other = await call('POST', '/api/workspaces', { name: 'Other' });
    expect(other.status).toBe(201);
    const p = (await call('POST', `${base}/prospects`, { name: 'Mine' })).body;
    const c = await endedClient('Mine Too');
    const obase = `/api/workspaces/${other.body.id}`;
    expect((await call('GET', `${obase}/prospects/${p.id}`)).body.code).toBe('PROSPECT_NOT_FOUND');
    expect((await call('PATCH', `${obase}/prospects/${p.id}`, { status: 'declined' })).status).toBe(404);
    expect((await call('GET', `${obase}/prospects`)).body.prospects).toEqual([]);
    expect((await call('GET', `${obase}/clients/${c.id}/reflection`)).body.code).toBe('CLIENT_NOT_FOUND');
    expect((await call('GET', `${base}/prospects/not-an-id`)).body.code).toBe('PROSPECT_NOT_FOUND');
  });
});
