/**
 * The relapse guard (A1) on every arrival path, and the review date (A2), on each store backend.
 * A client ended on a given day; whatever arrives dated after that day is marked, on arrival, in
 * the same transaction as the item; anything older is history and stays unmarked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDeps } from '../../test/deps.js';
import { sampleMbox } from '../../test/import-fixtures.js';
import { storeBackends } from '../../test/stores.js';
import type { ImportFileFormat } from '../contracts/imports.js';
import { fileMessageSource } from '../ingest/source.js';
import { clearReviewDate, getAfterExit, getAfterExitOverview, listAfterCloseContacts, setReviewDate } from './after-exit.js';
import { addClient, getClientDetail } from './clients.js';
import { changeStatus } from './escalation/change-status.js';
import { issueRedCard } from './escalation/issue-red-card.js';
import { importMessages } from './imports.js';
import { addIncident, updateIncident } from './incidents.js';
import { addMessage, updateMessage } from './messages.js';
import type { Deps } from './ports.js';
import { confirmSuggestion, listSuggestions } from './suggestions.js';
import { ensureDefaultWorkspace } from './workspaces.js';

const FIX = join(import.meta.dirname, '../../test/fixtures/ingest');
const dir = mkdtempSync(join(tmpdir(), 'rc-after-exit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string, name: string): string {
  const p = join(dir, `${n++}-${name}`);
  writeFileSync(p, content);

  return p;
}

const EML = [
  'From: Ann Client <ann@vortex.test>',
  'To: me@agency.test',
  'Subject: Back again',
  'Date: Fri, 7 Mar 2025 09:00:00 +0000',
  'Message-ID: <again@vortex.test>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Can we start a new project? We will not pay the old invoice though.',
  '',
].join('\r\n');
const CSV =
  'date,from,text\n2025-03-03T10:00:00+02:00,ann@vortex.test,We will not pay this invoice.\n2025-03-04T10:00:00+02:00,ann@vortex.test,Hello again!\n';

/** Every import path with a file whose messages all date from 2024-12-31 on. */
const PATHS: Array<{ format: ImportFileFormat; path: () => string }> = [
  { format: 'mbox', path: () => file(sampleMbox(), 'a.mbox') },
  { format: 'eml', path: () => file(EML, 'a.eml') },
  { format: 'csv', path: () => file(CSV, 'a.csv') },
  { format: 'telegram', path: () => join(FIX, 'telegram-result.json') },
  { format: 'whatsapp', path: () => join(FIX, 'whatsapp-en.txt') },
  { format: 'slack', path: () => join(FIX, 'slack-export') },
];

describe.each(storeBackends())('after the exit on $name', (backend) => {
  let deps: Deps;
  let dispose: () => Promise<void>;
  let ws: string;
  let clientId: string;

  beforeEach(async () => {
    ({ deps, dispose } = await openTestDeps(backend));
    ws = (await ensureDefaultWorkspace(deps)).id;
    clientId = (await addClient(deps, ws, { name: 'Vortex Media SRL', language: 'ro' })).id;
  });
  afterEach(() => dispose());

  /** Red card, then the end, on the days given. */
  async function endClient(redOn: string, endOn: string) {
    await issueRedCard(deps, {
      workspaceId: ws,
      clientId,
      date: redOn,
      override_reason: 'Threats on a call; no warning is owed after that.',
    });
    await changeStatus(deps, { workspaceId: ws, clientId, event: 'end', date: endOn });
  }

  const importFile = (path: string, format: ImportFileFormat) =>
    importMessages(deps, { workspaceId: ws, clientId, fileName: 'x', format, source: fileMessageSource(path, { format, workers: 1 }) });

  async function markedMessages(): Promise<{ all: number; marked: number }> {
    const detail = await getClientDetail(deps, ws, clientId);

    return { all: detail.messages.length, marked: detail.messages.filter((m) => m.after_close === true).length };
  }

  it.each(PATHS)('marks every message of a $format import that arrives after the end', async ({ format, path }) => {
    await endClient('2020-01-01', '2020-01-02');
    const summary = await importFile(path(), format);
    expect(summary.import.status).toBe('done');
    expect(summary.import.counts.stored).toBeGreaterThan(0);

    const counts = await markedMessages();
    expect(counts.marked).toBe(counts.all);
    const contacts = await listAfterCloseContacts(deps, ws, { client: clientId });
    expect(contacts).toHaveLength(counts.all);
    expect(contacts.every((c) => c.kind === 'message' && c.ended_on === '2020-01-02' && c.item_date > '2020-01-02')).toBe(true);
  });

  it.each(PATHS)('marks nothing of a $format import while the relationship is not over', async ({ format, path }) => {
    await issueRedCard(deps, {
      workspaceId: ws,
      clientId,
      date: '2020-01-01',
      override_reason: 'Threats on a call; no warning is owed after that.',
    });
    await importFile(path(), format);
    const counts = await markedMessages();
    expect(counts.all).toBeGreaterThan(0);
    expect(counts.marked).toBe(0);
  });

  it('leaves messages dated up to the end day unmarked and labels the later suggestions', async () => {
    // The sample mbox holds an abusive mail of 6 January 2025 and a harmless one of the 7th.
    await endClient('2025-01-05', '2025-01-06');
    await importFile(file(sampleMbox(), 'b.mbox'), 'mbox');
    const detail = await getClientDetail(deps, ws, clientId);
    const byDay = Object.fromEntries(detail.messages.map((m) => [m.sent_at.slice(0, 10), m.after_close]));
    expect(byDay).toEqual({ '2025-01-06': false, '2025-01-07': true });
    // The suggestions of the end-day mail are ordinary; re-importing marks nothing twice.
    const suggestions = await listSuggestions(deps, ws, { client: clientId });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.every((s) => s.afterClose === s.message.sentAt.slice(0, 10) > '2025-01-06')).toBe(true);
    await importFile(file(sampleMbox(), 'c.mbox'), 'mbox');
    expect(await listAfterCloseContacts(deps, ws, { client: clientId })).toHaveLength(1);
  });

  it('labels suggestions from contact after close in the review queue', async () => {
    await endClient('2020-01-01', '2020-01-02');
    await importFile(file(sampleMbox(), 'd.mbox'), 'mbox');
    const suggestions = await listSuggestions(deps, ws, { client: clientId });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.every((s) => s.afterClose === true)).toBe(true);
    // Confirmed, the red flag becomes an incident that is contact after close too.
    const { incident } = await confirmSuggestion(deps, { workspaceId: ws, suggestionId: suggestions[0]!.id, input: {} });
    const detail = await getClientDetail(deps, ws, clientId);
    expect(detail.incidents.find((i) => i.id === incident.id)?.after_close).toBe(true);
  });

  it('marks a manual message after the end, not one before it', async () => {
    await endClient('2025-02-01', '2025-02-10');
    const before = await addMessage(deps, ws, clientId, { sent_at: '2025-02-09T10:00:00Z', text: 'Final files received.' });
    const after = await addMessage(deps, ws, clientId, { sent_at: '2025-05-01T10:00:00Z', text: 'Hi! Can we work together again?' });
    expect(before.after_close).toBe(false);
    expect(after.after_close).toBe(true);
    const contacts = await listAfterCloseContacts(deps, ws, {});
    expect(contacts.map((c) => c.item_id)).toEqual([after.id]);
  });

  it('marks a manual incident after the end, also once the client is closed', async () => {
    await endClient('2025-02-01', '2025-02-10');
    await changeStatus(deps, { workspaceId: ws, clientId, event: 'close', date: '2025-02-11' });
    const base = { code: 'abuse', severity: 2, note: 'Called shouting' } as const;
    const before = await addIncident(deps, ws, clientId, { ...base, date: '2025-01-20' });
    const after = await addIncident(deps, ws, clientId, { ...base, date: '2025-06-01' });
    expect(before.after_close).toBe(false);
    expect(after.after_close).toBe(true);
    const detail = await getClientDetail(deps, ws, clientId);
    expect(detail.incidents.find((i) => i.id === after.id)?.after_close).toBe(true);
    const view = await getAfterExit(deps, ws, clientId);
    expect(view.contacts_total).toBe(1);
    expect(view.contacts[0]?.kind).toBe('incident');
  });

  it('judges a re-dated message or incident again: moved after the end it is marked, moved before it is not', async () => {
    await endClient('2025-02-01', '2025-02-10');
    const base = { code: 'abuse', severity: 2, note: 'Called shouting' } as const;
    const message = await addMessage(deps, ws, clientId, { sent_at: '2025-02-09T10:00:00Z', text: 'Final files received.' });
    const incident = await addIncident(deps, ws, clientId, { ...base, date: '2025-06-01' });
    const marked = async () => (await listAfterCloseContacts(deps, ws, { client: clientId })).map((c) => `${c.kind}:${c.item_date}`).sort();
    expect(await marked()).toEqual(['incident:2025-06-01']);

    const later = await updateMessage(deps, ws, message.id, { sent_at: '2025-03-01T10:00:00Z' });
    const earlier = await updateIncident(deps, ws, incident.id, { date: '2025-01-20' });
    expect(later.after_close).toBe(true);
    expect(earlier.after_close).toBe(false);
    expect(await marked()).toEqual(['message:2025-03-01']);
    // Moved again after the end: one mark, on its new day.
    await updateMessage(deps, ws, message.id, { sent_at: '2025-04-02T10:00:00Z' });
    expect(await marked()).toEqual(['message:2025-04-02']);
    // A change that keeps the day judges nothing again.
    expect((await updateMessage(deps, ws, message.id, { text: 'Final files, again.' })).text).toBe('Final files, again.');
    expect(await marked()).toEqual(['message:2025-04-02']);
    const detail = await getClientDetail(deps, ws, clientId);
    expect(detail.messages.find((m) => m.id === message.id)?.after_close).toBe(true);
    expect(detail.incidents.find((i) => i.id === incident.id)?.after_close).toBe(false);
  });

  it('suggests a short closed reply in the client language and still asks a reason to reopen', async () => {
    await endClient('2025-02-01', '2025-02-10');
    await addIncident(deps, ws, clientId, { date: '2025-01-15', code: 'abuse', severity: 3, note: 'Threats' });
    await addMessage(deps, ws, clientId, { sent_at: '2025-05-01T10:00:00Z', text: 'Hi! Can we work together again?' });
    const view = await getAfterExit(deps, ws, clientId);
    expect(view.over).toBe(true);
    expect(view.ended_on).toBe('2025-02-10');
    expect(view.reply_problem).toBeNull();
    expect(view.reply?.lang).toBe('ro');
    expect(view.reply?.body).toContain('2025');
    expect(view.history).toMatchObject({ first_incident_on: '2025-01-15', ended_on: '2025-02-10', incidents: 1, contacts_after_close: 1 });

    await expect(changeStatus(deps, { workspaceId: ws, clientId, event: 'reopen' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await getClientDetail(deps, ws, clientId)).client.status).toBe('ended');
  });

  it('sets a review date only in the future and only for a relationship that is over; it reopens nothing', async () => {
    await expect(setReviewDate(deps, ws, clientId, { review_on: '2099-01-01' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await endClient('2025-02-01', '2025-02-10');
    await expect(setReviewDate(deps, ws, clientId, { review_on: '2020-01-01' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(setReviewDate(deps, ws, clientId, { review_on: '2099-02-30' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(setReviewDate(deps, ws, clientId, { review_on: '2099-01-01', extra: 1 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect((await getAfterExit(deps, ws, clientId)).review).toBeNull();

    const review = await setReviewDate(deps, ws, clientId, { review_on: '2099-01-01', note: 'See if they changed' });
    expect(review).toMatchObject({ review_on: '2099-01-01', note: 'See if they changed', due: false });
    expect((await getAfterExit(deps, ws, clientId)).review?.review_on).toBe('2099-01-01');
    expect((await getClientDetail(deps, ws, clientId)).client.status).toBe('ended');

    expect((await getAfterExitOverview(deps, ws)).reviews_due).toEqual([]);
    const later = await getAfterExitOverview(deps, ws, { today: '2099-01-01' });
    expect(later.reviews_due).toEqual([
      { client_id: clientId, name: 'Vortex Media SRL', review_on: '2099-01-01', note: 'See if they changed' },
    ]);

    // Reopened (with its written reason), the client is no longer listed for review.
    await changeStatus(deps, { workspaceId: ws, clientId, event: 'reopen', reason: 'They paid everything and apologised in writing.' });
    expect((await getAfterExitOverview(deps, ws, { today: '2099-01-01' })).reviews_due).toEqual([]);

    await clearReviewDate(deps, ws, clientId);
    expect((await getAfterExit(deps, ws, clientId)).review).toBeNull();
    await expect(clearReviewDate(deps, ws, clientId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('measures how early the signs showed for each ended client', async () => {
    await addIncident(deps, ws, clientId, { date: '2025-01-01', code: 'payment', severity: 1, note: '' });
    await addIncident(deps, ws, clientId, { date: '2025-02-01', code: 'abuse', severity: 3, note: '' });
    await endClient('2025-03-01', '2025-04-01');
    const other = (await addClient(deps, ws, { name: 'Still active' })).id;
    await addIncident(deps, ws, other, { date: '2025-01-01', code: 'payment', severity: 1, note: '' });
    const overview = await getAfterExitOverview(deps, ws);
    expect(overview.lead_times).toEqual([
      {
        client_id: clientId,
        name: 'Vortex Media SRL',
        status: 'ended',
        first_incident_on: '2025-01-01',
        ended_on: '2025-04-01',
        lead_days: 90,
        lead_months: 3,
      },
    ]);
    expect(overview.median_lead_days).toBe(90);
  });
});
