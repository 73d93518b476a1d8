import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { zip } from '../../test/zip.js';
import { readCsv } from './csv.js';
import { detectFormat } from './detect-format.js';
import { readMessages } from './index.js';
import { readSlack } from './slack.js';
import { readTelegram } from './telegram.js';
import type { ImportedMessage, ImportProblem } from './types.js';
import { readWhatsApp } from './whatsapp.js';

const FIX = fileURLToPath(new URL('../../test/fixtures/ingest/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rc-formats-'));
let n = 0;
function file(content: string | Buffer, name = `f${n++}.txt`): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function all(gen: AsyncGenerator<ImportedMessage>): Promise<ImportedMessage[]> {
  const out: ImportedMessage[] = [];
  for await (const m of gen) out.push(m);
  return out;
}

describe('WhatsApp', () => {
  it('reads the en-US Android format: AM/PM, month-first, multi-line, system lines skipped, time zone applied', async () => {
    const problems: ImportProblem[] = [];
    const ms = await all(readWhatsApp(join(FIX, 'whatsapp-en.txt'), { timeZone: 'America/New_York', onProblem: (p) => problems.push(p) }));
    expect(ms.map((m) => [m.from.name, m.sent_at, m.text])).toEqual([
      [
        'John Client',
        '2024-12-31T23:59:00-05:00',
        'We will not pay this invoice.\nFix it tonight or I will leave a bad review everywhere.',
      ],
      ['Ana Designer', '2025-01-01T09:05:00-05:00', "Happy new year! I'll look at it on Monday."],
      ['John Client', '2025-01-01T09:06:00-05:00', '<Media omitted>'],
    ]);
    expect(ms[0]!.source).toEqual({ format: 'whatsapp', file: join(FIX, 'whatsapp-en.txt'), index: 0, line: 2 });
    expect(problems).toEqual([]);
  });

  it('reads ru (dd.mm.yyyy), lt (yyyy-mm-dd) and ro iOS ([dd.mm.yy, hh:mm:ss]) exports', async () => {
    const ru = await all(readWhatsApp(join(FIX, 'whatsapp-ru.txt'), { timeZone: 'Europe/Moscow' }));
    expect(ru.map((m) => [m.from.name, m.sent_at])).toEqual([
      ['Иван Петров', '2024-12-31T23:59:00+03:00'],
      ['Иван Петров', '2025-01-01T02:10:00+03:00'],
      ['Анна', '2025-01-01T10:00:00+03:00'],
    ]);
    const lt = await all(readWhatsApp(join(FIX, 'whatsapp-lt.txt'), { timeZone: 'Europe/Vilnius' }));
    expect(lt.map((m) => [m.from.name, m.sent_at, m.text.slice(0, 10)])).toEqual([
      ['Jonas', '2024-12-31T23:59:00+02:00', 'Nemokėsime'],
      ['Rūta', '2025-01-01T10:00:00+02:00', 'Gerai, paž'],
    ]);
    const ro = await all(readWhatsApp(join(FIX, 'whatsapp-ro-ios.txt'), { timeZone: 'Europe/Bucharest' }));
    expect(ro.map((m) => [m.from.name, m.sent_at, m.text])).toEqual([
      ['Ion Popescu', '2024-12-31T23:59:59+02:00', 'Nu vom plăti factura până nu refaceți totul gratuit.'],
      ['Maria', '2025-01-01T08:01:00+02:00', 'Bine.\nAm înțeles.'],
    ]);
  });

  it('reads day-first slash dates (en-GB, ro) and a Windows-1251 export', async () => {
    const gb = await all(readWhatsApp(file('31/12/2024, 23:59 - Ann: Pay now\n01/01/2025, 00:01 - Bob: ok\n')));
    expect(gb.map((m) => m.sent_at)).toEqual(['2024-12-31T23:59:00Z', '2025-01-01T00:01:00Z']);
    const problems: ImportProblem[] = [];
    const cp = await all(
      readWhatsApp(file(iconv.encode('31.12.2024, 23:59 - Иван: Мы не будем платить, срочно ответьте.\n', 'windows-1251')), {
        onProblem: (p) => problems.push(p),
      }),
    );
    expect(cp[0]!.text).toBe('Мы не будем платить, срочно ответьте.');
    expect(problems[0]!.message).toMatch(/windows-1251 \(guessed\)/);
  });

  it('fails clearly on a text file that is not an export, and on an empty one', async () => {
    await expect(all(readWhatsApp(file('hello\nworld\n')))).rejects.toThrow(/not a WhatsApp chat export/);
    await expect(all(readWhatsApp(file('')))).rejects.toThrow(/is empty/);
  });
});

describe('Telegram', () => {
  it('reads string and entity-array texts, keeps local time from date + date_unixtime, skips service messages, hashes photos', async () => {
    const ms = await all(readTelegram(join(FIX, 'telegram-result.json')));
    expect(ms.map((m) => [m.message_id, m.from.name, m.sent_at])).toEqual([
      ['telegram:4242:2', 'Olga Client', '2024-12-31T23:59:00+02:00'],
      ['telegram:4242:3', 'Olga Client', '2025-01-01T02:10:00+02:00'],
      ['telegram:4242:4', 'Me', '2025-01-01T10:00:00+02:00'],
    ]);
    expect(ms[1]!.text).toBe('Смотрите https://example.com/brief и ответьте немедленно!');
    expect(ms[2]!.text).toBe('Отвечу в понедельник. {"not": ["a", "problem"]}');
    expect(ms[2]!.attachments).toEqual([expect.objectContaining({ file_name: 'photo_1.jpg', media_type: 'image/jpeg', size_bytes: 8 })]);
    expect(ms[0]!.source).toMatchObject({ format: 'telegram', index: 1, line: 16 });
  });

  it('reports a malformed element and a truncated file, and keeps going', async () => {
    const problems: ImportProblem[] = [];
    const text =
      '{"name":"X","messages":[{"id":1,"type":"message","date":"2025-01-01T10:00:00","from":"A","text":"one"},{"id":2,"text":tru},{"id":3,"type":"message","date":"2025-01-01T10:01:00","from":"A","text":"thr';
    const ms = await all(readTelegram(file(text, 'result.json'), { timeZone: 'Europe/Riga', onProblem: (p) => problems.push(p) }));
    expect(ms.map((m) => m.text)).toEqual(['one']);
    expect(ms[0]!.sent_at).toBe('2025-01-01T10:00:00+02:00');
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('malformed message skipped'),
      expect.stringContaining('truncated'),
    ]);
  });

  it('fails clearly on a .json that is not JSON, or not a chat', async () => {
    await expect(all(readTelegram(file('<html>not json</html>', 'a.json')))).rejects.toThrow(/not a Telegram export: not JSON/);
    await expect(all(readTelegram(file('{"chats": {"list": []}}', 'b.json')))).rejects.toThrow(/whole-account export/);
    await expect(all(readTelegram(file('[1,2,3]', 'c.json')))).rejects.toThrow(/JSON array, not an object/);
    await expect(detectFormat(file('this is { not json', 'd.json'))).rejects.toThrow(/not a Telegram chat export/);
  });
});

describe('CSV', () => {
  it('maps columns, sniffs the delimiter, reads multi-line cells, reports a malformed record and continues', async () => {
    const problems: ImportProblem[] = [];
    const ms = await all(
      readCsv(join(FIX, 'messages-semicolon.csv'), {
        map: { text: 'body', sent_at: 'date', from: 'sender', message_id: 'id' },
        timeZone: 'Europe/Chisinau',
        onProblem: (p) => problems.push(p),
      }),
    );
    expect(ms.map((m) => [m.message_id, m.from, m.sent_at, m.text])).toEqual([
      ['1', { address: 'john@client.test' }, '2024-12-31T23:59:00+02:00', 'We will not pay this invoice; fix it tonight.'],
      ['2', { name: 'John Client' }, '2025-01-01T02:10:00+02:00', 'Multi-line\nmessage: answer now'],
      ['4', { name: 'Ana' }, '2025-01-02T10:00:00+02:00', 'Thanks'],
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('malformed record skipped') }),
    ]);
  });

  it('guesses common headers, honours --encoding, detects undeclared Windows-1251 and 1257', async () => {
    const ru = 'text,date,from\n"Оплатим потом, срочно переделайте",2025-01-01 02:00,Иван\n';
    const declared = await all(readCsv(file(iconv.encode(ru, 'koi8-r'), 'k.csv'), { encoding: 'koi8-r' }));
    expect(declared[0]!.text).toBe('Оплатим потом, срочно переделайте');
    const guessed = await all(readCsv(file(iconv.encode(ru, 'windows-1251'), 'w.csv')));
    expect(guessed[0]!.from.name).toBe('Иван');
    const lt = await all(readCsv(file(iconv.encode('message\tsender\nNemokėsime už šį darbą, ačiū\tJonas\n', 'windows-1257'), 'l.tsv')));
    expect(lt[0]!.text).toBe('Nemokėsime už šį darbą, ačiū');
  });

  it('fails clearly without a text column, and on an empty or binary file', async () => {
    await expect(all(readCsv(file('a,b\n1,2\n', 'x.csv')))).rejects.toThrow(/no text column found/);
    await expect(all(readCsv(file('a,b\n1,2\n', 'y.csv'), { map: { text: 'body' } }))).rejects.toThrow(/no column "body"/);
    await expect(all(readCsv(file('', 'e.csv')))).rejects.toThrow(/is empty/);
    await expect(all(readCsv(file(Buffer.from([0x50, 0x4b, 0, 0, 1, 2]), 'z.csv')))).rejects.toThrow(/not a text file/);
  });
});

describe('Slack', () => {
  const slackDir = join(FIX, 'slack-export');

  it('reads a folder export: names from users.json, markup to text, subtypes skipped, bad day files reported', async () => {
    const problems: ImportProblem[] = [];
    const ms = await all(readSlack(slackDir, { timeZone: 'Europe/Vilnius', onProblem: (p) => problems.push(p) }));
    expect(ms.map((m) => [m.subject, m.from, m.sent_at, m.text])).toEqual([
      [
        '#general',
        { name: 'John Client', address: 'john@client.test' },
        '2025-01-01T01:59:00+02:00',
        '@Ana Designer we will not pay this invoice & I want it fixed tonight.',
      ],
      ['#general', { name: 'Ana Designer', address: 'slack:U02' }, '2025-01-01T02:00:00+02:00', 'I will look on Monday.'],
      ['#general', { name: 'John Client', address: 'john@client.test' }, '2025-01-01T04:53:20+02:00', 'Answer me now!'],
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ source: expect.objectContaining({ entry: 'D123/2025-01-02.json' }), severity: 'error' }),
    ]);
  });

  it('reads the same export zipped', async () => {
    const { readFileSync } = await import('node:fs');
    const names = ['users.json', 'channels.json', 'general/2024-12-31.json', 'general/2025-01-01.json'];
    const z = file(zip(names.map((name) => ({ name, data: readFileSync(join(slackDir, name)) }))), 'export.zip');
    const ms = await all(readSlack(z));
    expect(ms.map((m) => m.text)).toHaveLength(3);
    expect(ms[0]!.source).toMatchObject({ format: 'slack', entry: 'general/2024-12-31.json', index: 1 });
  });

  it('refuses a zip bomb before inflating it: compression ratio, total size, entry count, and a lying size', async () => {
    const bomb = file(zip([{ name: 'general/2025-01-01.json', data: Buffer.alloc(50 * 1024 * 1024, 0x20) }]), 'bomb.zip');
    await expect(all(readSlack(bomb))).rejects.toThrow(/possible zip bomb: .*expands \d+:1/);
    const many = file(zip(Array.from({ length: 50 }, (_, i) => ({ name: `c/2025-01-${i}.json`, data: Buffer.from('[]') }))), 'many.zip');
    await expect(all(readSlack(many, { maxEntries: 10 }))).rejects.toThrow(/50 entries/);
    await expect(all(readSlack(bomb, { maxTotalBytes: 1024 * 1024, maxRatio: 1e9 }))).rejects.toThrow(/bytes uncompressed/);
    const liar = file(
      zip([{ name: 'general/2025-01-01.json', data: Buffer.from(`[${'{"text":"x","ts":"1"},'.repeat(5000)}{}]`), lie: 100 }]),
      'liar.zip',
    );
    const problems: ImportProblem[] = [];
    expect(await all(readSlack(liar, { onProblem: (p) => problems.push(p) }))).toEqual([]);
    expect(problems.some((p) => /unreadable day file skipped/.test(p.message))).toBe(true);
  });

  it('fails clearly on a zip that is not a Slack export, and on a broken zip', async () => {
    await expect(all(readSlack(file(zip([{ name: 'readme.txt', data: Buffer.from('hi') }]), 'other.zip')))).rejects.toThrow(
      /not a Slack export/,
    );
    await expect(all(readSlack(file(Buffer.from('PK\x03\x04garbage'), 'broken.zip')))).rejects.toThrow(/not a readable zip/);
  });
});

describe('detectFormat and readMessages', () => {
  it('tells formats by extension and first bytes', async () => {
    expect(await detectFormat(join(FIX, 'whatsapp-ru.txt'))).toBe('whatsapp');
    expect(await detectFormat(join(FIX, 'telegram-result.json'))).toBe('telegram');
    expect(await detectFormat(join(FIX, 'messages-semicolon.csv'))).toBe('csv');
    expect(await detectFormat(join(FIX, 'slack-export'))).toBe('slack');
    expect(await detectFormat(file('From a@b Tue Dec 31 23:59:00 2024\nFrom: a@b\n\nx\n', 'noext'))).toBe('mbox');
    expect(await detectFormat(file('Return-Path: <a@b>\nFrom: a@b\nSubject: x\n\nbody\n', 'mail'))).toBe('eml');
    const copy = join(dir, 'chat');
    copyFileSync(join(FIX, 'whatsapp-lt.txt'), copy);
    expect(await detectFormat(copy)).toBe('whatsapp');
    await expect(detectFormat(file('', 'empty.mbox'))).rejects.toThrow(/is empty/);
    await expect(detectFormat(file('\x00\x01\x02', 'blob'))).rejects.toThrow(/cannot tell the format/);
  });

  it('reads any format through one entry point', async () => {
    const ms = await all(readMessages(join(FIX, 'whatsapp-lt.txt')));
    expect(ms).toHaveLength(2);
  });
});
