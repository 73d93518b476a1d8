/**
 * Letter drafts over HTTP, on each backend: what can be drafted, generating (nothing stored),
 * saving with history (every save a new version, earlier ones unchanged), restoring, the PDF,
 * DOCX and .eml exports, deleting, validation errors and unknown ids as problem+json, and another
 * workspace's (or client's) URL never reaching a draft.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { storeBackends } from '../../../test/stores.js';
import { CaseFile } from '../../contracts/case-file.js';
import { checkTone } from '../../core/letters/tone.js';
import { loadDemoCases } from '../../demo/load-demo-cases.js';

const TODAY = '2026-11-22';
const demo = loadDemoCases();
// Brightline Fitness (en): every kind can be drafted. Duonos namai (lt): no serious incident, so no warning.
const BRIGHTLINE = 12;
const DUONOS = 1;

describe.each(storeBackends())('letter drafts API on $name', (backend) => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  let base: string;
  let ids: Map<number, string>;

  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, ...(payload ? { payload } : {}) });
    const json = /json/.test(String(res.headers['content-type'] ?? '')) && res.body ? (JSON.parse(res.body) as any) : null;

    return { status: res.statusCode, body: json, headers: res.headers, raw: res.rawPayload };
  };
  const letters = (n: number) => `${base}/clients/${ids.get(n)}/letters`;
  const generate = async (n: number, body: object) => {
    const res = await call('POST', `${letters(n)}/generate`, { today: TODAY, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    return res.body;
  };

  beforeEach(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    t = await buildTestApp(opened.store);
    base = `/api/workspaces/${t.workspaceId}`;
    const c = CaseFile.parse(demo[BRIGHTLINE - 1]);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: base,
      payload: {
        provider_name: c.provider.name,
        provider_kind: c.provider.kind,
        currency: c.provider.currency,
        language: 'en',
        timezone: c.timezone,
      },
    });
    expect(patched.statusCode).toBe(200);
    ids = new Map();
    for (const n of [DUONOS, BRIGHTLINE]) {
      const res = await call('POST', `${base}/cases`, demo[n - 1] as object);
      expect(res.status).toBe(201);
      ids.set(n, res.body.client.id);
    }
  });
  afterEach(async () => {
    await t.close();
    await dispose();
  });

  it('tells which kinds can be drafted for a client and why not', async () => {
    const all = await call('GET', `${letters(BRIGHTLINE)}/choices?today=${TODAY}`);
    expect(all.status).toBe(200);
    expect(all.body.client_language).toBe('en');
    expect(all.body.kinds.every((k: any) => k.available)).toBe(true);
    expect(all.body.reasons.length).toBeGreaterThan(0);
    // Brightline's assessment is a red card: the termination letter is the one to write.
    const assessment = (await call('GET', `${base}/clients/${ids.get(BRIGHTLINE)}/assessment?today=${TODAY}`)).body;
    expect(assessment.recommendation).toBe('red_card');
    expect(all.body.suggested_kind).toBe('termination');

    const some = await call('GET', `${letters(DUONOS)}/choices?today=${TODAY}`);
    const warning = some.body.kinds.find((k: any) => k.kind === 'warning');
    expect(warning.available).toBe(false);
    expect(warning.problem).toMatch(/serious incident/);
    expect(some.body.kinds.find((k: any) => k.kind === 'termination').available).toBe(true);
  });

  it('generates a draft in the asked language and reason without storing anything', async () => {
    const choices = (await call('GET', `${letters(BRIGHTLINE)}/choices?today=${TODAY}`)).body;
    const reason = choices.reasons.at(-1);
    const en = await generate(BRIGHTLINE, { kind: 'termination', reason });
    expect(en.options).toMatchObject({ reason, channel: 'email', today: TODAY });
    expect(en.options.path).not.toBeNull();
    expect(en.body.length).toBeGreaterThan(200);
    expect(checkTone(en.body, { lang: 'en', kind: 'termination', context: en.tone_context }).violations).toEqual([]);
    const ru = await generate(BRIGHTLINE, { kind: 'termination', lang: 'ru', reason });
    expect(ru.lang).toBe('ru');
    expect(ru.body).toMatch(/[а-яё]/i);
    // The warning states no reason framing and announces no exit path.
    const warning = await generate(BRIGHTLINE, { kind: 'warning' });
    expect(warning.options).toMatchObject({ reason: null, path: null });
    expect((await call('GET', letters(BRIGHTLINE))).body).toEqual([]);

    const refused = await call('POST', `${letters(DUONOS)}/generate`, { kind: 'warning', today: TODAY });
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
  });

  it('saves every edit as a new version, keeps the earlier ones, and restores one as a new version', async () => {
    const g = await generate(BRIGHTLINE, { kind: 'termination' });
    const created = await call('POST', letters(BRIGHTLINE), {
      kind: 'termination',
      lang: 'en',
      subject: g.subject,
      body: g.body,
      options: g.options,
    });
    expect(created.status).toBe(201);
    const draft = created.body;
    expect(draft.latest_version).toBe(1);
    expect(draft.options).toEqual(g.options);
    expect(draft.versions).toHaveLength(1);
    const tone = checkTone(g.body, { lang: 'en', kind: 'termination', context: draft.tone_context });
    expect(draft.versions[0]).toMatchObject({ number: 1, origin: 'created', violations: tone.violations, words: tone.words });

    const angry = `${g.body}\n\nFrankly, your team are idiots.`;
    const v2 = await call('POST', `${letters(BRIGHTLINE)}/${draft.id}/versions`, { subject: g.subject, body: angry });
    expect(v2.status).toBe(201);
    expect(v2.body.latest_version).toBe(2);
    expect(v2.body.versions.map((v: any) => v.number)).toEqual([1, 2]);
    expect(v2.body.versions[1]).toMatchObject({ origin: 'edited', body: angry });
    expect(v2.body.versions[1].violations).toEqual(
      checkTone(angry, { lang: 'en', kind: 'termination', context: draft.tone_context }).violations,
    );
    expect(v2.body.versions[1].violations).toContain('emotional');
    // Version 1 is exactly as it was saved.
    expect(v2.body.versions[0]).toEqual(draft.versions[0]);

    const restored = await call('POST', `${letters(BRIGHTLINE)}/${draft.id}/versions/1/restore`);
    expect(restored.status).toBe(201);
    expect(restored.body.latest_version).toBe(3);
    expect(restored.body.versions[2]).toMatchObject({ number: 3, origin: 'restored', restored_from: 1, body: g.body, subject: g.subject });
    expect(restored.body.body).toBeUndefined();

    const read = await call('GET', `${letters(BRIGHTLINE)}/${draft.id}`);
    expect(read.body.versions).toEqual(restored.body.versions);
    const list = (await call('GET', letters(BRIGHTLINE))).body;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: draft.id, latest_version: 3, subject: g.subject, violations: tone.violations });

    // Two drafts of one client, latest change first.
    const second = (await call('POST', letters(BRIGHTLINE), { kind: 'call_script', lang: 'en', subject: 'Call', body: 'Notes' })).body;
    expect(second.options).toBeNull();
    expect((await call('GET', letters(BRIGHTLINE))).body.map((d: any) => d.id)).toEqual([second.id, draft.id]);
  });

  it('numbers two saves racing on one draft 2 and 3, losing neither', async () => {
    const draft = (await call('POST', letters(BRIGHTLINE), { kind: 'warning', lang: 'en', subject: 'W', body: 'v1' })).body;
    const [a, b] = await Promise.all(
      ['from tab A', 'from tab B'].map((body) => call('POST', `${letters(BRIGHTLINE)}/${draft.id}/versions`, { subject: 'W', body })),
    );
    expect([a?.status, b?.status]).toEqual([201, 201]);
    const read = (await call('GET', `${letters(BRIGHTLINE)}/${draft.id}`)).body;
    expect(read.versions.map((v: any) => v.number)).toEqual([1, 2, 3]);
    expect(read.versions.map((v: any) => v.body).sort()).toEqual(['from tab A', 'from tab B', 'v1']);
    expect(read.latest_version).toBe(3);
  });

  it('documents the letter routes in the OpenAPI document', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body;
    const base = '/api/workspaces/{ws}/clients/{clientId}/letters';
    for (const path of [
      base,
      `${base}/choices`,
      `${base}/generate`,
      `${base}/{draftId}`,
      `${base}/{draftId}/versions`,
      `${base}/{draftId}/export/{format}`,
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    expect(doc.paths[`${base}/{draftId}`].get.tags).toEqual(['letter drafts']);
  });

  it('exports a version as PDF, DOCX and .eml with a safe file name', async () => {
    const g = await generate(BRIGHTLINE, { kind: 'termination' });
    const draft = (await call('POST', letters(BRIGHTLINE), { kind: 'termination', lang: 'en', subject: g.subject, body: g.body })).body;
    await call('POST', `${letters(BRIGHTLINE)}/${draft.id}/versions`, {
      subject: 'Ending our cooperation (v2)',
      body: `${g.body}\n\nP.S.`,
    });
    const file = (format: string, query = '') => call('GET', `${letters(BRIGHTLINE)}/${draft.id}/export/${format}${query}`);

    const pdf = await file('pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="brightline-fitness-ltd-termination-v2\.pdf"/);

    const docx = await file('docx', '?version=1');
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.raw.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docx.headers['content-disposition']).toContain('-v1.docx');

    const eml = await file('eml');
    expect(eml.headers['content-type']).toMatch(/^message\/rfc822/);
    const text = eml.raw.toString('utf8');
    expect(text).toContain('Subject: Ending our cooperation (v2)');
    const body = Buffer.from(text.split('\r\n\r\n')[1]!.replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(body.endsWith('P.S.')).toBe(true);
    const emlV1 = await file('eml', '?version=1');
    expect(emlV1.raw.toString('utf8')).toContain(`Subject: ${g.subject}`);

    const missing = await file('pdf', '?version=9');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('LETTER_VERSION_NOT_FOUND');
    expect((await file('pdf', '?version=abc')).status).toBe(422);
    expect((await file('odt')).status).toBe(422);
  });

  it('answers problem+json for bad input and unknown ids, and stores nothing on a refused save', async () => {
    const g = await generate(BRIGHTLINE, { kind: 'termination' });
    const draft = (await call('POST', letters(BRIGHTLINE), { kind: 'termination', lang: 'en', subject: g.subject, body: g.body })).body;

    const blank = await call('POST', letters(BRIGHTLINE), { kind: 'termination', lang: 'en', subject: 'S', body: '   ' });
    expect(blank.status).toBe(422);
    expect(blank.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(blank.body.errors.map((e: any) => e.path)).toEqual(['body']);
    const badKind = await call('POST', letters(BRIGHTLINE), { kind: 'love_letter', lang: 'en', subject: 'S', body: 'B' });
    expect(badKind.body.errors.map((e: any) => e.path)).toEqual(['kind']);
    expect((await call('POST', letters(BRIGHTLINE), { kind: 'warning', lang: 'en', subject: 'S', body: 'B', extra: 1 })).status).toBe(422);
    expect((await call('POST', `${letters(BRIGHTLINE)}/generate`, { kind: 'termination', reason: 'astrology' })).status).toBe(422);
    const twoLines = await call('POST', `${letters(BRIGHTLINE)}/${draft.id}/versions`, { subject: 'a\nb', body: 'text' });
    expect(twoLines.status).toBe(422);
    expect(twoLines.body.errors[0].path).toBe('subject');
    const tooLong = await call('POST', `${letters(BRIGHTLINE)}/${draft.id}/versions`, { subject: 'S', body: 'x'.repeat(20_001) });
    expect(tooLong.status).toBe(422);
    // None of the refused saves left a trace.
    const after = (await call('GET', `${letters(BRIGHTLINE)}/${draft.id}`)).body;
    expect(after.versions).toHaveLength(1);
    expect((await call('GET', letters(BRIGHTLINE))).body).toHaveLength(1);

    for (const id of [randomUUID(), 'not-an-id']) {
      const res = await call('GET', `${letters(BRIGHTLINE)}/${id}`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('LETTER_DRAFT_NOT_FOUND');
    }
    expect((await call('POST', `${letters(BRIGHTLINE)}/${draft.id}/versions/7/restore`)).body.code).toBe('LETTER_VERSION_NOT_FOUND');
    expect((await call('POST', `${letters(BRIGHTLINE)}/${draft.id}/versions/0/restore`)).status).toBe(422);
    expect((await call('GET', `${base}/clients/${randomUUID()}/letters`)).body.code).toBe('CLIENT_NOT_FOUND');
  });

  it("never reaches a draft through another workspace's or another client's URL", async () => {
    const draft = (await call('POST', letters(BRIGHTLINE), { kind: 'warning', lang: 'en', subject: 'Warning', body: 'Text' })).body;
    const other = await call('POST', '/api/workspaces', {
      name: 'Other agency',
      provider_kind: 'agency',
      currency: 'EUR',
      timezone: 'Europe/Vilnius',
      language: 'en',
    });
    expect(other.status).toBe(201);
    const foreign = `/api/workspaces/${other.body.id}/clients/${ids.get(BRIGHTLINE)}/letters`;
    expect((await call('GET', foreign)).status).toBe(404);
    expect((await call('GET', `${foreign}/${draft.id}`)).status).toBe(404);
    expect((await call('POST', `${foreign}/${draft.id}/versions`, { subject: 'Hijack', body: 'Hijack' })).status).toBe(404);
    expect((await call('POST', `${foreign}/${draft.id}/versions/1/restore`)).status).toBe(404);
    expect((await call('GET', `${foreign}/${draft.id}/export/pdf`)).status).toBe(404);
    expect((await call('DELETE', `${foreign}/${draft.id}`)).status).toBe(404);
    // Through another client of the same workspace: not found either.
    const sideways = `${letters(DUONOS)}/${draft.id}`;
    expect((await call('GET', sideways)).body.code).toBe('LETTER_DRAFT_NOT_FOUND');
    expect((await call('DELETE', sideways)).status).toBe(404);
    expect((await call('GET', letters(DUONOS))).body).toEqual([]);
    // Untouched.
    const read = (await call('GET', `${letters(BRIGHTLINE)}/${draft.id}`)).body;
    expect(read.versions.map((v: any) => v.body)).toEqual(['Text']);
  });

  it('deletes a draft with its versions, and drafts go with their client', async () => {
    const a = (await call('POST', letters(BRIGHTLINE), { kind: 'warning', lang: 'en', subject: 'A', body: 'A' })).body;
    await call('POST', `${letters(BRIGHTLINE)}/${a.id}/versions`, { subject: 'A', body: 'A2' });
    expect((await call('DELETE', `${letters(BRIGHTLINE)}/${a.id}`)).status).toBe(204);
    expect((await call('GET', `${letters(BRIGHTLINE)}/${a.id}`)).status).toBe(404);
    expect((await call('DELETE', `${letters(BRIGHTLINE)}/${a.id}`)).status).toBe(404);

    const b = (await call('POST', letters(DUONOS), { kind: 'termination', lang: 'lt', subject: 'B', body: 'B' })).body;
    expect((await call('DELETE', `${base}/clients/${ids.get(DUONOS)}`)).status).toBe(204);
    expect(await t.deps.store.letterDrafts.getLetterDraft(t.workspaceId, b.id)).toBeUndefined();
    expect(await t.deps.store.letterDrafts.listLetterVersions(t.workspaceId, b.id)).toEqual([]);
  });
});
