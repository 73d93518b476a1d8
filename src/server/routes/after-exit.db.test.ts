/**
 * The after-exit routes on each backend: a relationship ended this year shows up in the yearly
 * review with hand-worked money and hours, in the dashboard's "how early" section, and its later
 * message is marked; bad input answers problem+json and stores nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { storeBackends } from '../../../test/stores.js';
import { AfterExitOverview, AfterExitView, YearReview } from '../../contracts/after-exit.js';

describe.each(storeBackends())('after-exit API on $name', (backend) => {
  let t: TestApp;
  let dispose: () => Promise<void>;
  let base: string;
  let year: number;

  beforeEach(async () => {
    const opened = await backend.open();
    t = await buildTestApp(opened.store);
    dispose = async () => {
      await t.close();
      await opened.dispose();
    };
    base = `/api/workspaces/${t.workspaceId}`;
    // The system clock decides "today"; everything below happens earlier this year... or last year in January.
    const now = new Date();
    year = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  });
  afterEach(async () => dispose());

  async function send(method: 'POST' | 'PUT' | 'DELETE' | 'GET', url: string, payload?: unknown) {
    const res = await t.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });

    return res;
  }

  it('costs an exit in the yearly review, measures its lead time and marks the contact after close', async () => {
    const y = String(year);
    const client = (await send('POST', `${base}/clients`, { name: 'Vortex Media SRL', language: 'en' })).json() as { id: string };
    const c = `${base}/clients/${client.id}`;
    expect((await send('POST', `${c}/incidents`, { date: `${y}-01-10`, code: 'payment', severity: 2, note: '' })).statusCode).toBe(201);
    // 1000.00 invoiced; 200.00 paid before the red card, 500.00 after it; 300.00 never.
    const invoice = (
      await send('POST', `${c}/invoices`, {
        number: 'V-1',
        issued: `${y}-02-01`,
        due: `${y}-02-15`,
        amount_minor: 100_000,
        payments: [{ date: `${y}-03-01`, amount_minor: 20_000 }],
      })
    ).json() as { id: string };
    expect((await send('POST', `${base}/invoices/${invoice.id}/payments`, { date: `${y}-05-01`, amount_minor: 50_000 })).statusCode).toBe(
      201,
    );
    for (const [month, hours] of [
      ['03', 8],
      ['04', 10],
      ['05', 5],
    ] as const) {
      expect((await send('PUT', `${c}/time/${y}-${month}`, { hours })).statusCode).toBe(200);
    }
    const red = await send('POST', `${c}/cards/red`, {
      date: `${y}-04-01`,
      override_reason: 'Refuses to pay and insults the team on every call.',
    });
    expect(red.statusCode).toBe(201);
    expect((await send('POST', `${c}/status`, { event: 'end', date: `${y}-06-01` })).statusCode).toBeLessThan(300);

    const review = YearReview.parse((await send('GET', `${base}/reviews/${y}`)).json());
    expect(review.exits).toHaveLength(1);
    expect(review.exits[0]).toMatchObject({
      client_id: client.id,
      exit_started_on: `${y}-04-01`,
      ended_on: `${y}-06-01`,
      in_progress: false,
      owed_at_start_minor: 80_000,
      recovered_minor: 50_000,
      outstanding_minor: 30_000,
      hours_after_start: 15,
    });
    expect(review.totals).toMatchObject({ exits: 1, recovered_minor: 50_000, written_off_minor: 30_000, still_to_collect_minor: 0 });
    expect(review.health[0]?.month).toBe(`${y}-01`);
    expect(review.screening).toBeNull();

    const overview = AfterExitOverview.parse((await send('GET', `${base}/after-exit`)).json());
    expect(overview.lead_times.map((r) => [r.first_incident_on, r.ended_on])).toEqual([[`${y}-01-10`, `${y}-06-01`]]);
    expect(overview.median_lead_days).toBe(overview.lead_times[0]?.lead_days);

    const message = await send('POST', `${c}/messages`, { sent_at: `${y}-07-01T10:00:00Z`, text: 'Can we start again?' });
    expect(message.json()).toMatchObject({ after_close: true });
    const view = AfterExitView.parse((await send('GET', `${c}/after-exit`)).json());
    expect(view.contacts_total).toBe(1);
    expect(view.reply?.body.length).toBeGreaterThan(0);
    expect((await send('GET', `${base}/after-close?client=${client.id}`)).json()).toMatchObject({
      items: [{ kind: 'message', item_date: `${y}-07-01` }],
    });

    const set = await send('PUT', `${c}/review-date`, { review_on: `${year + 2}-01-15`, note: 'Reconsider' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ review_on: `${year + 2}-01-15`, due: false });
    expect((await send('DELETE', `${c}/review-date`)).statusCode).toBe(204);
  });

  it('says what changed in screening this year: the lessons recorded and the prospects screened or declined', async () => {
    const thisYear = new Date().getUTCFullYear();
    const empty = YearReview.parse((await send('GET', `${base}/reviews/${thisYear}`)).json());
    const before = empty.screening?.lessons_recorded ?? 0;
    const lesson = await send('POST', `${base}/lessons`, { text: 'Ask for a deposit before any work starts', codes: ['payment'] });
    expect(lesson.statusCode).toBe(201);
    const prospect = await send('POST', `${base}/prospects`, {
      name: 'Hasty Ltd',
      first_messages: 'We need it by tomorrow, no contract needed.',
    });
    expect(prospect.statusCode).toBe(201);
    const prospectId = (prospect.json() as { id: string }).id;
    expect((await send('POST', `${base}/prospects/${prospectId}/decline`)).statusCode).toBe(200);

    const review = YearReview.parse((await send('GET', `${base}/reviews/${thisYear}`)).json());
    expect(review.screening?.lessons_recorded).toBe(before + 1);
    expect(review.screening?.changes).toContain('Ask for a deposit before any work starts');
    expect(review.screening?.prospects_declined).toBeGreaterThanOrEqual(1);
    // A year before any of it has nothing to say about screening.
    expect(YearReview.parse((await send('GET', `${base}/reviews/${thisYear - 3}`)).json()).screening).toBeNull();
  });

  it('answers bad input with problem+json and stores nothing', async () => {
    const client = (await send('POST', `${base}/clients`, { name: 'Active One' })).json() as { id: string };
    const c = `${base}/clients/${client.id}`;
    for (const bad of ['1999', 'abcd', String(new Date().getUTCFullYear() + 1)]) {
      const res = await send('GET', `${base}/reviews/${bad}`);
      expect(res.statusCode).toBe(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    const notOver = await send('PUT', `${c}/review-date`, { review_on: '2099-01-01' });
    expect(notOver.statusCode).toBe(409);
    expect(notOver.json()).toMatchObject({ code: 'INVALID_TRANSITION' });
    const badDate = await send('PUT', `${c}/review-date`, { review_on: '01/02/2099' });
    expect(badDate.statusCode).toBe(422);
    expect((await send('GET', `${c}/after-exit`)).json()).toMatchObject({ over: false, review: null, contacts_total: 0 });
    expect((await send('GET', `${base}/clients/not-an-id/after-exit`)).statusCode).toBe(404);
  });
});
