/**
 * The assessment and the exit plan of a stored client over HTTP, on each backend: the API answers
 * what the pure core answers on the same case file; the plan as .ics and PDF; 404 for another
 * workspace; 422 problem+json for a bad path or day.
 */
import ICAL from 'ical.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { storeBackends } from '../../../test/stores.js';
import { CaseFile } from '../../contracts/case-file.js';
import { assess } from '../../core/assessment/assess.js';
import { dateInZone } from '../../core/dates.js';
import { type ExitPath, planExit } from '../../core/exit/index.js';
import { formatMoney } from '../../core/money/index.js';
import { loadDemoCases } from '../../demo/load-demo-cases.js';
import { planUid } from '../../exports/ics.js';

const TODAY = '2026-11-22';
const demo = loadDemoCases().map((raw) => CaseFile.parse(raw));
/** Demo case by its number in src/demo/cases (01..12). */
const demoCase = (n: number) => demo[n - 1]!;

async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? `${i.str}${i.hasEOL ? '\n' : ''}` : '')).join(''));
  }
  await doc.destroy();

  return pages.join('\n').replace(/\s+/g, ' ');
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe.each(storeBackends())('assessment and exit plan API on $name', (backend) => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  let base: string;
  /** Client ids by demo case number. */
  let ids: Map<number, string>;

  const json = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url });

    return { status: res.statusCode, body: JSON.parse(res.body) as any, headers: res.headers };
  };

  beforeEach(async () => {
    const opened = await backend.open();
    dispose = opened.dispose;
    t = await buildTestApp(opened.store);
    base = `/api/workspaces/${t.workspaceId}`;
    // The workspace is the demo provider, so the stored client's case file is the demo file.
    const p = demoCase(1).provider;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: base,
      payload: {
        provider_name: p.name,
        provider_kind: p.kind,
        currency: p.currency,
        jurisdiction: p.jurisdiction,
        language: p.language,
        revenue_last_12m_minor: p.revenue_last_12m_minor,
        timezone: demoCase(1).timezone,
      },
    });
    expect(patched.statusCode).toBe(200);
    ids = new Map();
    for (const n of [1, 8, 9, 10, 11, 12]) {
      const res = await t.app.inject({ method: 'POST', url: `${base}/cases`, payload: loadDemoCases()[n - 1] as object });
      expect(res.statusCode).toBe(201);
      ids.set(n, JSON.parse(res.body).client.id);
    }
  });
  afterEach(async () => {
    await t.close();
    await dispose();
  });

  const client = (n: number) => `${base}/clients/${ids.get(n)}`;

  it('answers the assessment that assess() gives on the same case file', async () => {
    for (const n of [1, 8, 9, 10, 11, 12]) {
      const res = await json(`${client(n)}/assessment?today=${TODAY}`);
      expect(res.status).toBe(200);
      // The case file the API exports for this client, and the demo file it was imported from.
      const exported = CaseFile.parse((await json(`${client(n)}/case`)).body);
      expect(res.body).toEqual(plain(assess(exported, { today: TODAY })));
      expect(res.body).toEqual(plain(assess(demoCase(n), { today: TODAY })));
    }
    const verdicts = await Promise.all([1, 8, 9, 10, 11, 12].map(async (n) => (await json(`${client(n)}/assessment?today=${TODAY}`)).body));
    expect(verdicts.map((a) => [a.recommendation, a.path])).toEqual([
      ['keep', null],
      ['reassign', null],
      ['red_card', 'finish_then_exit'],
      ['red_card', 'stop_and_collect'],
      ['red_card', 'stop_and_collect'],
      ['red_card', 'immediate'],
    ]);
  });

  it("judges on the workspace's today by the clock when no day is given", async () => {
    const before = dateInZone(new Date(), demoCase(1).timezone);
    const res = await json(`${client(12)}/assessment`);
    const after = dateInZone(new Date(), demoCase(1).timezone);
    expect(res.status).toBe(200);
    expect([before, after]).toContain(res.body.today);
    const plan = await json(`${client(12)}/plan`);
    expect([before, after]).toContain(plan.body.today);
  });

  it.each([
    [12, 'immediate', TODAY, TODAY],
    [10, 'stop_and_collect', TODAY, TODAY],
    [11, 'stop_and_collect', TODAY, TODAY],
    [9, 'finish_then_exit', TODAY, '2026-12-22'],
  ] as const)('plans demo case %i on the assessed path (%s): told %s, work ends %s', async (n, path, tell, ends) => {
    const res = await json(`${client(n)}/plan?today=${TODAY}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(plain(planExit(demoCase(n), { today: TODAY, path })));
    expect(res.body).toMatchObject({ path, today: TODAY, tell_client_on: tell, work_ends_on: ends });
  });

  it('plans the path given, a reassignment when recommended, and asks for a path otherwise', async () => {
    const given = await json(`${client(9)}/plan?today=${TODAY}&path=stop_and_collect`);
    expect(given.body).toEqual(plain(planExit(demoCase(9), { today: TODAY, path: 'stop_and_collect' })));
    expect((await json(`${client(8)}/plan?today=${TODAY}`)).body).toMatchObject({ path: 'reassign', work_ends_on: null });
    const keep = await json(`${client(1)}/plan?today=${TODAY}`);
    expect(keep.status).toBe(422);
    expect(keep.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(keep.body.code).toBe('VALIDATION_FAILED');
    expect(keep.body.errors.map((e: { path: string }) => e.path)).toEqual(['path']);
    for (const ext of ['.ics', '.pdf'])
      expect((await t.app.inject({ method: 'GET', url: `${client(1)}/plan${ext}` })).statusCode).toBe(422);
    expect((await json(`${client(1)}/plan?today=${TODAY}&path=finish_then_exit`)).status).toBe(200);
  });

  it.each([
    [12, 'immediate'],
    [11, 'stop_and_collect'],
    [9, 'finish_then_exit'],
  ] as const)('exports demo case %i (%s) as a calendar whose dates and UIDs read back', async (n, path: ExitPath) => {
    const url = `${client(n)}/plan.ics?today=${TODAY}`;
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+\.ics"; filename\*=UTF-8''/);
    const plan = planExit(demoCase(n), { today: TODAY, path });
    const cal = new ICAL.Component(ICAL.parse(res.body));
    const todos = new Map(cal.getAllSubcomponents('vtodo').map((c) => [c.getFirstPropertyValue('uid') as string, c]));
    for (const s of plan.steps) {
      const todo = todos.get(planUid(t.workspaceId, ids.get(n)!, `step-${s.id}`));
      expect(todo, s.id).toBeDefined();
      expect((todo!.getFirstPropertyValue('due') as ICAL.Time | null)?.toString() ?? null).toBe(s.due);
    }
    const events = new Map(cal.getAllSubcomponents('vevent').map((c) => [c.getFirstPropertyValue('uid') as string, c]));
    const start = (entry: string) =>
      (events.get(planUid(t.workspaceId, ids.get(n)!, entry))?.getFirstPropertyValue('dtstart') as ICAL.Time | undefined)?.toString();
    expect(start('date-tell-client')).toBe(plan.tell_client_on);
    expect(start('date-work-ends')).toBe(plan.work_ends_on);

    // A second export, on a later day: the same UIDs.
    const again = await t.app.inject({ method: 'GET', url: `${client(n)}/plan.ics?today=2026-11-24` });
    const uids = (text: string) =>
      new ICAL.Component(ICAL.parse(text)).getAllSubcomponents().map((c) => c.getFirstPropertyValue('uid') as string);
    expect(uids(again.body)).toEqual(uids(res.body));
  });

  it.each([
    [11, 'stop_and_collect'],
    [12, 'immediate'],
    [9, 'finish_then_exit'],
    [8, 'reassign'],
  ] as const)('exports demo case %i (%s) as a PDF with the name, dates and amounts', async (n, path: ExitPath) => {
    const res = await t.app.inject({ method: 'GET', url: `${client(n)}/plan.pdf?today=${TODAY}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"/);
    const bytes = new Uint8Array(res.rawPayload);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = await pdfText(bytes);
    const plan = planExit(demoCase(n), { today: TODAY, path });
    expect(text).toContain(`Exit plan: ${demoCase(n).client.name}`);
    if (plan.tell_client_on) expect(text).toContain(`Tell the client ${plan.tell_client_on}`);
    if (plan.work_ends_on) expect(text).toContain(`Work ends ${plan.work_ends_on}`);
    expect(text).toContain(`Owed to you ${formatMoney(plan.money.owed_to_you_minor, 'EUR')}`);
    expect(text).toContain(`Final invoice ${formatMoney(plan.money.final_invoice_minor, 'EUR')}`);
    expect(text).toContain('a template, not legal advice');
  });

  it('answers 404 for another workspace, an unknown workspace and an unknown client', async () => {
    const other = await t.app.inject({ method: 'POST', url: '/api/workspaces', payload: { name: 'Other studio' } });
    expect(other.statusCode).toBe(201);
    const otherWs = JSON.parse(other.body).id as string;
    const id = ids.get(12)!;
    for (const suffix of ['assessment', 'plan', 'plan.ics', 'plan.pdf']) {
      const cross = await json(`/api/workspaces/${otherWs}/clients/${id}/${suffix}?today=${TODAY}`);
      expect(cross.status, suffix).toBe(404);
      expect(cross.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(cross.body.code).toBe('CLIENT_NOT_FOUND');
      const unknownWs = await json(`/api/workspaces/00000000-0000-4000-8000-000000000000/clients/${id}/${suffix}`);
      expect(unknownWs.status).toBe(404);
      expect(unknownWs.body.code).toBe('WORKSPACE_NOT_FOUND');
      expect((await json(`${base}/clients/00000000-0000-4000-8000-000000000000/${suffix}`)).status).toBe(404);
    }
  });

  it('answers 422 problem+json naming the bad path or day', async () => {
    const cases: Array<[string, string]> = [
      ['assessment?today=2026-02-30', 'query.today'],
      ['plan?today=22.11.2026', 'query.today'],
      ['plan?path=run_away', 'query.path'],
      ['plan.ics?path=later', 'query.path'],
      ['plan.pdf?today=tomorrow', 'query.today'],
    ];
    for (const [suffix, field] of cases) {
      const res = await json(`${client(12)}/${suffix}`);
      expect(res.status, suffix).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([field]);
    }
  });

  it('documents the routes and their JSON shapes in OpenAPI', async () => {
    const doc = (await json('/api/openapi.json')).body;
    const path = '/api/workspaces/{ws}/clients/{clientId}';
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([`${path}/assessment`, `${path}/plan`, `${path}/plan.ics`, `${path}/plan.pdf`]),
    );
    const ok = (p: string) => JSON.stringify(doc.paths[p].get.responses['200']);
    expect(ok(`${path}/assessment`)).toContain('Assessment');
    expect(ok(`${path}/plan`)).toContain('ExitPlan');
    expect(Object.keys(doc.paths[`${path}/plan.ics`].get.responses['200'].content)).toEqual(['text/calendar']);
    expect(Object.keys(doc.paths[`${path}/plan.pdf`].get.responses['200'].content)).toEqual(['application/pdf']);
  });
});
