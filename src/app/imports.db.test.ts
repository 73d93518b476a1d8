import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDeps } from '../../test/deps.js';
import { sampleMbox } from '../../test/import-fixtures.js';
import { storeBackends } from '../../test/stores.js';
import { zip } from '../../test/zip.js';
import type { ImportFileFormat } from '../contracts/imports.js';
import { fileMessageSource } from '../ingest/source.js';
import { addClient } from './clients.js';
import { verifyEvidence } from './evidence.js';
import { type IncomingMessage, importMessages, type MessageSource } from './imports.js';
import type { Deps, Store } from './ports.js';
import { confirmSuggestion, dismissSuggestion, listSuggestions } from './suggestions.js';
import { createWorkspace, ensureDefaultWorkspace } from './workspaces.js';

const dir = mkdtempSync(join(tmpdir(), 'rc-imports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string | Buffer, name = `f${n++}.txt`): string {
  const p = join(dir, `${n++}-${name}`);
  writeFileSync(p, content);

  return p;
}

const FROM_LINE = 'From x@y.test Thu Jan  2 10:00:00 2025\n';

function plainMail(id: string | null, from: string, body: string, date = 'Thu, 2 Jan 2025 10:00:00 +0000', head = ''): string {
  return `${FROM_LINE}From: ${from}\nDate: ${date}\n${id ? `Message-ID: <${id}>\n` : ''}${head}\n${body}\n\n`;
}

/** Raw counts straight from the tables, to check that the store agrees with the import record. */
async function tableCounts(store: Store, clientId: string) {
  const messages = await store.listMessages(wsId, clientId);
  const suggestions = [
    ...(await store.imports.listSuggestions(wsId, { clientId, status: 'open', limit: 100_000 })),
    ...(await store.imports.listSuggestions(wsId, { clientId, status: 'dismissed', limit: 100_000 })),
    ...(await store.imports.listSuggestions(wsId, { clientId, status: 'confirmed', limit: 100_000 })),
  ];

  return { messages, suggestions };
}

let wsId = '';

/** `target` with some methods replaced (a Proxy: the store's classes keep private fields). */
function overriding<T extends object>(target: T, overrides: Partial<Record<keyof T, unknown>>): T {
  return new Proxy(target, {
    get(obj, prop) {
      if (prop in overrides) return overrides[prop as keyof T];
      const value = Reflect.get(obj, prop, obj);

      return typeof value === 'function' ? value.bind(obj) : value;
    },
  });
}

describe.each(storeBackends())('import use cases on $name', (backend) => {
  let deps: Deps;
  let dispose: () => Promise<void>;
  let clientId: string;

  beforeEach(async () => {
    ({ deps, dispose } = await openTestDeps(backend));
    wsId = (await ensureDefaultWorkspace(deps)).id;
    clientId = (await addClient(deps, wsId, { name: 'Vortex Media SRL' })).id;
  });
  afterEach(() => dispose());

  const run = (path: string, format: ImportFileFormat, extra: { batchSize?: number; providerAddresses?: string[] } = {}) =>
    importMessages(deps, {
      workspaceId: wsId,
      clientId,
      fileName: path.split('/').pop()!,
      format,
      source: fileMessageSource(path, { format, workers: 1 }),
      ...extra,
    });

  it('stores each message once: re-importing by Message-ID or by content hash adds nothing', async () => {
    const mbox = file(sampleMbox(), 'a.mbox');
    const first = await run(mbox, 'mbox');
    expect(first.import.counts).toEqual({ read: 2, stored: 2, duplicates: 0, skipped: 0, suggestions: 2 });
    expect(first.suggestionsByCode).toEqual({ payment: 1, abuse: 1 });
    const again = await run(mbox, 'mbox');
    expect(again.import.counts).toEqual({ read: 2, stored: 0, duplicates: 2, skipped: 0, suggestions: 0 });

    // CSV has no Message-ID: the key is sender + time + normalised text.
    const csv =
      'date,from,text\n2025-01-03T10:00:00+02:00,ann@vortex.test,We will not pay this invoice.\n2025-01-04T10:00:00+02:00,ann@vortex.test,Thanks!\n';
    expect((await run(file(csv, 'a.csv'), 'csv')).import.counts).toMatchObject({ read: 2, stored: 2 });
    const reworded = csv.replace('We will not pay this invoice.', 'We  will not pay\tthis invoice. ').replace('+02:00,ann', '+02:00,ann');
    expect((await run(file(reworded, 'b.csv'), 'csv')).import.counts).toMatchObject({ read: 2, stored: 0, duplicates: 2 });

    const { messages, suggestions } = await tableCounts(deps.store, clientId);
    expect(messages).toHaveLength(4);
    expect(suggestions).toHaveLength(3);
  });

  it('counts a message repeated inside one file as a duplicate', async () => {
    const m = plainMail('same@x', 'a@b.test', 'Hello');
    const result = await run(file(m + m + m, 'dup.mbox'), 'mbox');
    expect(result.import.counts).toMatchObject({ read: 3, stored: 1, duplicates: 2 });
  });

  it('stores the provider’s own messages as theirs and suggests nothing on them', async () => {
    const path = file(
      plainMail('p1', 'Me <me@agency.test>', 'We will not pay you idiots.') + plainMail('c1', 'c@x.test', 'Fine.'),
      'p.mbox',
    );
    const result = await run(path, 'mbox', { providerAddresses: ['ME@agency.test'] });
    expect(result.import.counts).toMatchObject({ stored: 2, suggestions: 0 });
    const froms = (await deps.store.listMessages(wsId, clientId)).map((m) => m.from).sort();
    expect(froms).toEqual(['client', 'provider']);
  });

  it('decodes KOI8-R, Windows-1251/1257/1250 (declared or not) and suggests on the decoded text', async () => {
    const ru = 'Мы не будем платить, пока вы не переделаете всё бесплатно.';
    const lt = 'Nemokėsime už šį darbą, kol nepataisysite visko nemokamai.';
    const ro = 'Nu vom plăti factura până nu refaceţi totul gratuit.';
    const mail = (i: number, body: Buffer, ct = '') =>
      Buffer.concat([
        Buffer.from(`${FROM_LINE}From: x@y.test\nDate: Thu, ${i} Jan 2025 10:00:00 +0000\nMessage-ID: <enc${i}@x>\n${ct}\n`),
        body,
        Buffer.from('\n\n'),
      ]);
    const path = file(
      Buffer.concat([
        mail(1, iconv.encode(ru, 'koi8-r')),
        mail(2, iconv.encode(ru, 'windows-1251'), 'Content-Type: text/plain; charset=windows-1251\n'),
        mail(3, iconv.encode(lt, 'windows-1257')),
        mail(4, iconv.encode(ro, 'windows-1250'), 'Content-Type: text/plain; charset=windows-1250\n'),
      ]),
      'enc.mbox',
    );
    const result = await run(path, 'mbox');
    expect(result.import.status).toBe('done');
    const texts = (await deps.store.listMessages(wsId, clientId)).map((m) => m.text.trim());
    expect(texts).toEqual([ru, ru, lt, ro]);
    expect(result.import.counts.suggestions).toBeGreaterThanOrEqual(4);
    expect(result.suggestionsByCode.payment).toBeGreaterThanOrEqual(4);
  });

  it('keeps what a truncated archive and broken MIME still hold, and reports them', async () => {
    const cut = `${FROM_LINE}From: a@b.test\nDate: Thu, 2 Jan 2025 11:00:00 +0000\nMessage-ID: <cut@x>\nContent-Type: multipart/mixed; boundary="zz"\n\n--zz\nContent-Type: text/plain\n\nWe will not pay unt`;
    const broken = plainMail(
      'broken@x',
      'a@b.test',
      '--q\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n!!!not base64!!!',
      undefined,
      'Content-Type: multipart/mixed; boundary="q"\n',
    );
    const result = await run(file(plainMail('ok@x', 'a@b.test', 'first') + broken + cut, 't.mbox'), 'mbox');
    expect(result.import.status).toBe('done');
    expect(result.import.counts.read).toBe(3);
    expect(result.import.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('ends in the middle of a line')]),
    );
    const { messages } = await tableCounts(deps.store, clientId);
    expect(messages).toHaveLength(result.import.counts.stored);
  });

  it('fails an empty file clearly and stores nothing', async () => {
    const result = await run(file('', 'empty.mbox'), 'mbox');
    expect(result.import.status).toBe('failed');
    expect(result.import.error).toMatch(/empty/);
    expect(result.import.counts.stored).toBe(0);
    expect((await tableCounts(deps.store, clientId)).messages).toEqual([]);
  });

  it('refuses a zip bomb before inflating it and stores nothing', async () => {
    const bomb = file(zip([{ name: 'general/2025-01-01.json', data: Buffer.alloc(50 * 1024 * 1024, 0x20) }]), 'bomb.zip');
    const result = await run(bomb, 'slack');
    expect(result.import.status).toBe('failed');
    expect(result.import.error).toMatch(/zip bomb/);
    expect((await tableCounts(deps.store, clientId)).messages).toEqual([]);
  });

  it('skips messages without a date or text, with reasons', async () => {
    const csv = 'date,from,text\nnot a date,a@b.test,hello\n2025-01-04T10:00:00Z,a@b.test,\n2025-01-05T10:00:00Z,a@b.test,ok\n';
    const result = await run(file(csv, 's.csv'), 'csv');
    expect(result.import.counts.stored).toBe(1);
    expect(result.import.counts).toMatchObject({ read: 2, stored: 1, skipped: 2 });
    expect(result.skippedByReason).toEqual({ 'no date: skipped': 1, 'record without text: skipped': 1 });
    expect(result.import.problems.map((p) => p.position)).toEqual(['line 2', 'line 2', 'line 3']);
  });

  /** A source that yields `good` messages and then fails as a cut stream would. */
  function failingSource(good: number, fail: Error): MessageSource {
    return {
      async *open() {
        for (let i = 0; i < good; i++) {
          const message: IncomingMessage = {
            position: `#${i}`,
            messageId: `g${i}@x`,
            sentAt: `2025-01-0${1 + (i % 9)}T10:00:00Z`,
            from: { address: 'a@b.test' },
            text: i % 2 === 0 ? 'We will not pay this invoice.' : 'Thanks.',
            attachments: [],
          };
          yield message;
        }
        throw fail;
      },
    };
  }

  it('stops at a reader failure, keeping whole batches, and says where it stopped', async () => {
    const result = await importMessages(deps, {
      workspaceId: wsId,
      clientId,
      fileName: 'cut.json',
      format: 'telegram',
      batchSize: 4,
      source: failingSource(10, new Error('unexpected end of JSON')),
    });
    expect(result.import.status).toBe('failed');
    expect(result.import.error).toContain('Stopped after #9: unexpected end of JSON');
    expect(result.import.error).toContain('10 new messages were stored');
    const { messages, suggestions } = await tableCounts(deps.store, clientId);
    expect(messages).toHaveLength(10);
    expect(suggestions).toHaveLength(5);
  });

  it('leaves no half-written batch when the store fails mid-import', async () => {
    // The second batch's transaction fails: its messages and suggestions are all absent.
    let transactions = 0;
    const store = deps.store;
    const failing = overriding(store, {
      transaction: (work: Parameters<Store['transaction']>[0]) =>
        store.transaction(async (tx) => {
          transactions++;
          const result = await work(tx);
          if (transactions === 3) throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });

          return result;
        }),
    });
    const result = await importMessages(
      { ...deps, store: failing },
      { workspaceId: wsId, clientId, fileName: 'x.json', format: 'telegram', batchSize: 4, source: failingSource(10, new Error('never')) },
    );
    expect(result.import.status).toBe('failed');
    expect(result.import.error).toContain('disk I/O error');
    const { messages, suggestions } = await tableCounts(deps.store, clientId);
    expect(messages).toHaveLength(4);
    expect(suggestions).toHaveLength(2);
    expect(result.import.counts).toMatchObject({ stored: 4, suggestions: 2 });
    // Every stored suggestion points at a stored message.
    const ids = new Set(messages.map((m) => m.id));
    expect(suggestions.every((s) => ids.has(s.message.id))).toBe(true);
    // The rest arrives with a second run, nothing twice.
    const rerun = await importMessages(deps, {
      workspaceId: wsId,
      clientId,
      fileName: 'x.json',
      format: 'telegram',
      source: failingSource(10, new Error('cut again')),
    });
    expect(rerun.import.counts).toMatchObject({ stored: 6, duplicates: 4 });
  });

  it('confirms into an incident whose evidence is in the chain; verify still passes; twice is a conflict', async () => {
    await run(file(sampleMbox(), 'c.mbox'), 'mbox');
    const [s] = await listSuggestions(deps, wsId, { client: clientId });
    const { incident, suggestion } = await confirmSuggestion(deps, { workspaceId: wsId, suggestionId: s!.id, input: { note: 'x' } });
    expect(suggestion).toMatchObject({ status: 'confirmed', incidentId: incident.id });
    expect(incident).toMatchObject({
      code: s!.code,
      severity: s!.severity,
      source: 'detected',
      message_id: s!.message.id,
      date: '2025-01-06',
    });
    expect(incident.evidence).toHaveLength(1);
    const bytes = await deps.files.get(incident.evidence[0]!.file_sha256);
    expect(new TextDecoder().decode(bytes)).toContain(s!.message.text);
    expect(await verifyEvidence(deps, wsId)).toMatchObject({ ok: true, entries: 1 });
    await expect(confirmSuggestion(deps, { workspaceId: wsId, suggestionId: s!.id, input: {} })).rejects.toMatchObject({
      code: 'SUGGESTION_ALREADY_DECIDED',
    });
    await expect(dismissSuggestion(deps, { workspaceId: wsId, suggestionId: s!.id, input: { scope: 'this' } })).rejects.toMatchObject({
      code: 'SUGGESTION_ALREADY_DECIDED',
    });
    expect((await deps.store.listIncidents(wsId, clientId)).length).toBe(1);
  });

  it('creates nothing when confirming fails half way (no incident without evidence)', async () => {
    await run(file(sampleMbox(), 'd.mbox'), 'mbox');
    const [s] = await listSuggestions(deps, wsId, { client: clientId });
    const store = deps.store;
    const broken = overriding(store, {
      transaction: (work: Parameters<Store['transaction']>[0]) =>
        store.transaction((tx) => work(overriding(tx, { insertEvidence: () => Promise.reject(new Error('disk full')) }))),
    });
    await expect(confirmSuggestion({ ...deps, store: broken }, { workspaceId: wsId, suggestionId: s!.id, input: {} })).rejects.toThrow(
      'disk full',
    );
    expect(await deps.store.listIncidents(wsId, clientId)).toEqual([]);
    expect((await deps.store.imports.getSuggestion(wsId, s!.id))!.status).toBe('open');
    expect(await verifyEvidence(deps, wsId)).toMatchObject({ ok: true, entries: 0 });
  });

  it('confirms each suggestion once when two confirmations race', async () => {
    await run(file(sampleMbox(), 'r.mbox'), 'mbox');
    const [s] = await listSuggestions(deps, wsId, { client: clientId });
    const results = await Promise.allSettled([
      confirmSuggestion(deps, { workspaceId: wsId, suggestionId: s!.id, input: {} }),
      confirmSuggestion(deps, { workspaceId: wsId, suggestionId: s!.id, input: {} }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await deps.store.listIncidents(wsId, clientId)).toHaveLength(1);
    expect(await verifyEvidence(deps, wsId)).toMatchObject({ ok: true, entries: 1 });
  });

  it('dismissing a pattern suppresses the rule for this client only', async () => {
    const other = (await addClient(deps, wsId, { name: 'Other Ltd' })).id;
    const insult = (i: number) => plainMail(`ins${i}@x`, 'a@b.test', 'You are idiots.', `Thu, ${i} Jan 2025 10:00:00 +0000`);
    await run(file(insult(1) + insult(2), 'i.mbox'), 'mbox');
    const [s] = await listSuggestions(deps, wsId, { client: clientId });
    const dismissed = await dismissSuggestion(deps, { workspaceId: wsId, suggestionId: s!.id, input: { scope: 'pattern' } });
    expect(dismissed.dismissedAlso).toBe(1);
    const later = await run(file(insult(3), 'j.mbox'), 'mbox');
    expect(later.import.counts).toMatchObject({ stored: 1, suggestions: 0 });
    const forOther = await importMessages(deps, {
      workspaceId: wsId,
      clientId: other,
      fileName: 'k.mbox',
      format: 'mbox',
      source: fileMessageSource(file(insult(4), 'k.mbox'), { format: 'mbox', workers: 1 }),
    });
    expect(forOther.import.counts.suggestions).toBe(1);
  });

  it('keeps imports and suggestions apart by workspace', async () => {
    await run(file(sampleMbox(), 'w.mbox'), 'mbox');
    const [s] = await listSuggestions(deps, wsId, {});
    const second = await createWorkspace(deps, { name: 'Second' });
    expect(await listSuggestions(deps, second.id, {})).toEqual([]);
    await expect(confirmSuggestion(deps, { workspaceId: second.id, suggestionId: s!.id, input: {} })).rejects.toMatchObject({
      code: 'SUGGESTION_NOT_FOUND',
    });
  });
});
