import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readEml } from './eml.js';
import { readMbox, splitMbox } from './mbox.js';
import { type ImportedMessage, type ImportProblem, IngestError, type ReaderOptions } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'rc-mail-'));
let n = 0;
function file(content: string | Buffer, ext = '.mbox'): string {
  const p = join(dir, `f${n++}${ext}`);
  writeFileSync(p, content);
  return p;
}

async function collect(gen: AsyncGenerator<ImportedMessage>, problems: ImportProblem[] = []) {
  const out: ImportedMessage[] = [];
  for await (const m of gen) out.push(m);
  return { messages: out, problems };
}

async function mbox(path: string, opts: ReaderOptions = {}) {
  const problems: ImportProblem[] = [];
  return collect(readMbox(path, { ...opts, onProblem: (p) => problems.push(p) }), problems);
}

const FROM_LINE = 'From sender@example.com Tue Dec 31 23:59:00 2024\n';

function plain(from: string, body: string, extra = '', date = 'Tue, 31 Dec 2024 23:59:00 +0200'): string {
  return `${FROM_LINE}From: ${from}\nTo: Me <me@agency.test>\nSubject: Re: invoice\nDate: ${date}\nMessage-ID: <${n}-${body.length}@x>\n${extra}\n${body}\n\n`;
}

describe('mbox', () => {
  it('yields messages and their problems in file order while two workers parse many at once', async () => {
    const count = 600;
    const parts = Array.from({ length: count }, (_, i) =>
      i % 50 === 7 ? plain(`s${i}@b.test`, `body ${i}`, '', 'garbage') : plain(`s${i}@b.test`, `body ${i} ${'y'.repeat((i * 53) % 3000)}`),
    );
    const { messages, problems } = await mbox(file(parts.join('')), { workers: 2 });
    expect(messages.map((m) => m.source.index)).toEqual(Array.from({ length: count }, (_, i) => i));
    expect(messages.map((m) => m.from.address)).toEqual(Array.from({ length: count }, (_, i) => `s${i}@b.test`));
    expect(messages.every((m, i) => m.text.startsWith(`body ${i}`))).toBe(true);
    expect(problems.map((p) => p.source.index)).toEqual(Array.from({ length: count / 50 }, (_, k) => k * 50 + 7));
  }, 60_000);

  it('reads a file with a huge line-less stretch without holding it (the message is over the cap)', async () => {
    const path = file(
      `${plain('a@b.test', 'before')}${FROM_LINE}From: b@b.test\n\n${'x'.repeat(6 * 1024 * 1024)}\n\n${plain('c@b.test', 'after')}`,
    );
    const { messages, problems } = await mbox(path, { maxMessageBytes: 1024 * 1024, workers: 1 });
    expect(messages.map((m) => m.text.trim())).toEqual(['before', 'after']);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/over the 1048576-byte limit/)]);
  });

  it('splits, unquotes >From, keeps the offset, converts HTML-only mail, hashes attachments', async () => {
    const html = `${FROM_LINE}From: "Client" <client@corp.test>\nDate: Wed, 1 Jan 2025 02:10:00 +0300\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<p>We will <b>not pay</b> this&nbsp;invoice.</p><script>x()</script>\n\n`;
    const att = [
      FROM_LINE,
      'From: client@corp.test\nDate: Thu, 2 Jan 2025 10:00:00 +0000\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b1"\n\n',
      '--b1\nContent-Type: text/plain; charset=utf-8\n\nSee the contract attached.\n',
      '--b1\nContent-Type: application/pdf; name="contract.pdf"\nContent-Disposition: attachment; filename="contract.pdf"\nContent-Transfer-Encoding: base64\n\n',
      `${Buffer.from('%PDF-1.4 fake').toString('base64')}\n--b1--\n\n`,
    ].join('');
    const path = file(plain('Ivan <ivan@client.test>', 'Pay now.\n>From the start we agreed.\n>>From quoted') + html + att);
    const { messages, problems } = await mbox(path);
    expect(problems).toEqual([]);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatchObject({
      source: { format: 'mbox', file: path, index: 0 },
      from: { name: 'Ivan', address: 'ivan@client.test' },
      to: [{ name: 'Me', address: 'me@agency.test' }],
      subject: 'Re: invoice',
      sent_at: '2024-12-31T23:59:00+02:00',
      text: 'Pay now.\nFrom the start we agreed.\n>From quoted\n',
    });
    expect(messages[0]!.message_id).toMatch(/@x$/);
    expect(messages[1]).toMatchObject({ sent_at: '2025-01-01T02:10:00+03:00', text: 'We will not pay this invoice.' });
    expect(messages[2]!.text.trim()).toBe('See the contract attached.');
    expect(messages[2]!.attachments).toEqual([
      {
        file_name: 'contract.pdf',
        media_type: 'application/pdf',
        size_bytes: 13,
        sha256: createHash('sha256').update('%PDF-1.4 fake').digest('hex'),
      },
    ]);
    expect(messages[2]!.attachments[0]!.bytes).toBeUndefined();
  });

  it('keeps attachment bytes only when asked', async () => {
    const raw = `${FROM_LINE}From: a@b.test\nDate: Thu, 2 Jan 2025 10:00:00 +0000\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain\n\nhi\n--x\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\nAAEC\n--x--\n`;
    const { messages } = await mbox(file(raw), { withAttachmentBytes: true });
    expect([...(messages[0]!.attachments[0]!.bytes ?? [])]).toEqual([0, 1, 2]);
    expect(messages[0]!.attachments[0]!.file_name).toBe('attachment-1.png');
  });

  it('splits correctly across 1 MB read chunks', async () => {
    const parts: string[] = [];
    for (let i = 0; i < 6000; i++) parts.push(`${FROM_LINE}Subject: m${i}\n\n${'x'.repeat(i % 400)}\nFrom the body (not a separator)\n\n`);
    const path = file(parts.join(''));
    const seen: string[] = [];
    for await (const s of splitMbox(path, 1 << 20)) seen.push(/Subject: (m\d+)/.exec(s.raw.toString())?.[1] ?? '?');
    expect(seen).toHaveLength(6000);
    expect(seen[5999]).toBe('m5999');
    expect(new Set(seen).size).toBe(6000);
  });

  it('reports a truncated last message and still yields what it has', async () => {
    const cut = `${FROM_LINE}From: a@b.test\nDate: Thu, 2 Jan 2025 10:00:00 +0000\nContent-Type: multipart/mixed; boundary="zz"\n\n--zz\nContent-Type: text/plain\n\nWe will not pay unt`;
    const { messages, problems } = await mbox(file(plain('a@b.test', 'first') + cut));
    expect(messages).toHaveLength(2);
    expect(messages[1]!.text).toContain('We will not pay unt');
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('multipart message ends before its closing boundary'),
      expect.stringContaining('ends in the middle of a line'),
    ]);
    expect(problems.every((p) => p.source.index === 1)).toBe(true);
  });

  it('skips a message over the size cap, reports it, and continues', async () => {
    const big = plain('big@b.test', 'A'.repeat(3 * 1024 * 1024));
    const { messages, problems } = await mbox(file(plain('a@b.test', 'one') + big + plain('c@b.test', 'three')), {
      maxMessageBytes: 1024 * 1024,
    });
    expect(messages.map((m) => m.from.address)).toEqual(['a@b.test', 'c@b.test']);
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', source: expect.objectContaining({ index: 1 }) })]);
    expect(problems[0]!.message).toMatch(/over the 1048576-byte limit/);
  });

  it('abandons a message that takes longer than the time limit, and continues', async () => {
    const big = plain('slow@b.test', 'word '.repeat(600_000));
    const { messages, problems } = await mbox(file(big + plain('a@b.test', 'after')), { parseTimeoutMs: 1, workers: 1 });
    expect(problems.some((p) => /longer than 1 ms/.test(p.message))).toBe(true);
    // the pool replaced the worker; later messages may or may not beat a 1 ms limit, but nothing throws
    expect(messages.length).toBeLessThanOrEqual(1);
  });

  it('decodes undeclared KOI8-R, Windows-1251, 1257 and 1250 bodies, and honours declared charsets', async () => {
    const ru = 'Мы не будем платить, пока вы не переделаете всё бесплатно.';
    const lt = 'Nemokėsime už šį darbą, kol nepataisysite visko nemokamai.';
    const ro = 'Nu vom plăti factura până nu refaceţi totul gratuit, mulţumesc.';
    const msg = (body: Buffer, ct = '') =>
      Buffer.concat([Buffer.from(`${FROM_LINE}From: x@y.test\nDate: Thu, 2 Jan 2025 10:00:00 +0000\n${ct}\n`), body, Buffer.from('\n\n')]);
    const path = file(
      Buffer.concat([
        msg(iconv.encode(ru, 'koi8-r')),
        msg(iconv.encode(ru, 'windows-1251'), 'Content-Type: text/plain\n'),
        msg(iconv.encode(lt, 'windows-1257'), 'Content-Type: text/plain; charset=us-ascii\n'),
        msg(iconv.encode(ro, 'windows-1250')),
        msg(iconv.encode(ru, 'koi8-r'), 'Content-Type: text/plain; charset=koi8-r\n'),
        msg(
          Buffer.from(iconv.encode(ru, 'windows-1251').toString('base64')),
          'Content-Type: text/plain\nContent-Transfer-Encoding: base64\n',
        ),
      ]),
    );
    const { messages, problems } = await mbox(path);
    expect(messages.map((m) => m.text.trim())).toEqual([ru, ru, lt, ro, ru, ru]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('koi8-r (guessed)'),
      expect.stringContaining('windows-1251 (guessed)'),
      expect.stringContaining('windows-1257 (guessed)'),
      expect.stringContaining('windows-1250 (guessed)'),
      expect.stringContaining('windows-1251 (guessed)'),
    ]);
  });

  it('survives broken MIME: bad base64, missing boundaries, garbage headers', async () => {
    const broken = [
      `${FROM_LINE}From: a@b.test\nContent-Type: multipart/mixed; boundary=\n\n--\nnonsense\n\n`,
      `${FROM_LINE}From: b@b.test\nDate: garbage\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n@@@not base64!!!\n\n`,
      `${FROM_LINE}Content-Type: multipart/alternative; boundary="q"\n\n--q\nContent-Type: text/plain\n\nbody without end\n\n`,
      `${FROM_LINE}\x00\x01\x02 binary junk\n\n`,
      plain('ok@b.test', 'still here'),
    ].join('');
    const { messages, problems } = await mbox(file(broken));
    expect(messages.at(-1)!.from.address).toBe('ok@b.test');
    expect(messages.length).toBeGreaterThanOrEqual(4);
    expect(problems.some((p) => p.message.includes('unreadable Date header "garbage"'))).toBe(true);
    expect(problems.some((p) => p.message.includes('truncated'))).toBe(true);
    // no Date header: the From_ line's date stands in
    expect(messages[0]!.sent_at).toBe('2024-12-31T23:59:00Z');
  });

  it('fails clearly on a file that is not an mbox, and on an empty file', async () => {
    await expect(mbox(file('just some text\nnot mail\n'))).rejects.toThrow(/is not an mbox archive/);
    await expect(mbox(file('From: a@b.test\nSubject: x\n\nhi\n'))).rejects.toThrow(/use --format eml/);
    await expect(mbox(file(''))).rejects.toBeInstanceOf(IngestError);
    await expect(mbox(file(''))).rejects.toThrow(/is empty/);
  });
});

describe('eml', () => {
  it('reads one message (with or without a From_ line)', async () => {
    const problems: ImportProblem[] = [];
    const raw =
      'From: "Olga" <olga@client.test>\r\nDate: Sat, 4 Jan 2025 02:00:00 +0200\r\nSubject: =?UTF-8?B?0KHRgNC+0YfQvdC+?=\r\n\r\nОтветьте немедленно.\r\n';
    const { messages } = await collect(readEml(file(raw, '.eml'), { onProblem: (p) => problems.push(p) }));
    expect(messages).toEqual([
      expect.objectContaining({
        source: expect.objectContaining({ format: 'eml' }),
        subject: 'Срочно',
        sent_at: '2025-01-04T02:00:00+02:00',
      }),
    ]);
    expect(messages[0]!.text.trim()).toBe('Ответьте немедленно.');
    const { messages: again } = await collect(readEml(file(FROM_LINE + raw, '.eml')));
    expect(again[0]!.from.address).toBe('olga@client.test');
  });

  it('reports a message over the cap, and refuses non-mail', async () => {
    const problems: ImportProblem[] = [];
    const big = file(`From: a@b.test\n\n${'x'.repeat(2048)}`, '.eml');
    const { messages } = await collect(readEml(big, { maxMessageBytes: 1024, onProblem: (p) => problems.push(p) }));
    expect(messages).toEqual([]);
    expect(problems[0]!.message).toMatch(/over the 1024-byte limit/);
    await expect(collect(readEml(file('{"not": "mail"}', '.eml')))).rejects.toThrow(/not an e-mail message/);
    await expect(collect(readEml(file('', '.eml')))).rejects.toThrow(/is empty/);
  });
});
