/** The clause API on each backend: workspace defaults, validation as problem+json, the .docx read back. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { docxParagraphs } from '../../../test/docx-text.js';
import { storeBackends } from '../../../test/stores.js';

describe.each(storeBackends())('clauses API on $name', (backend) => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    t = await buildTestApp(opened.store);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/workspaces/${t.workspaceId}`,
      payload: { language: 'lt', jurisdiction: 'LT', provider_name: 'MB Šiaurės šviesa' },
    });
  });
  afterAll(async () => {
    await t.close();
    await dispose();
  });

  it('fills language, jurisdiction and provider from the workspace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${t.workspaceId}/clauses`,
      payload: { notice: { amount: 30, unit: 'days' }, client_name: 'UAB „Medaus kelias“' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.lang).toBe('lt');
    expect(body.jurisdiction).toBe('LT');
    expect(body.parties).toContain('MB Šiaurės šviesa');
    expect(body.text).toContain('30 (trisdešimt) kalendorinių dienų');
    expect(body.text).toContain('Lietuvos Respublikos teisė');
    expect(body.text.startsWith(`${body.title.toUpperCase()}\n\n[${body.disclaimer}]`)).toBe(true);
  });

  it('the request overrides the defaults', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${t.workspaceId}/clauses`,
      payload: {
        lang: 'ru',
        jurisdiction: 'RU',
        notice: { amount: 2, unit: 'months' },
        interest: { kind: 'contractual', rate_percent: 7.5 },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().text).toContain('2 (два) месяца');
    expect(res.json().text).toContain('7,5 % годовых');
  });

  it.each([
    [{ amount: 0, unit: 'days' }, 'notice.amount'],
    [{ amount: 400, unit: 'days' }, 'notice.amount'],
    [{ amount: 30, unit: 'fortnights' }, 'notice.unit'],
    ['30 days', 'notice'],
  ])('refuses the notice %j with a 422 problem naming %s', async (notice, path) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/workspaces/${t.workspaceId}/clauses`, payload: { notice } });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('an unknown workspace is a 404', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/workspaces/00000000-0000-4000-8000-000000000000/clauses',
      payload: { notice: { amount: 30, unit: 'days' } },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('WORKSPACE_NOT_FOUND');
  });

  it('the .docx downloads and holds the clause', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/workspaces/${t.workspaceId}/clauses/docx`,
      payload: { lang: 'ro', jurisdiction: 'RO', notice: { amount: 20, unit: 'business_days' }, deposit_percent: 40 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('contract-clauses-ro.docx');
    const paragraphs = await docxParagraphs(res.rawPayload);
    expect(paragraphs[1]).toContain('nu consultanță juridică');
    expect(paragraphs.join('\n')).toContain('20 (douăzeci) de zile lucrătoare');
    expect(paragraphs.join('\n')).toContain('avans de 40%');
  });
});
