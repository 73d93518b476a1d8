/**
 * The files a letter leaves RedCard as, each read back by a tool that is not ours: the PDF by
 * poppler's pdftotext, the .eml by postal-mime, the .docx by yauzl (the ZIP) and an XML text
 * extraction of word/document.xml.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { unzipText } from '../../test/docx-text.js';
import { CaseFile } from '../contracts/case-file.js';
import { assess } from '../core/assessment/assess.js';
import type { CaseRecord } from '../core/case.js';
import { planExit } from '../core/exit/index.js';
import { type Draft, draftLetter } from '../core/letters/drafts.js';
import type { Language } from '../core/vocabulary.js';
import { loadDemoCases } from '../demo/load-demo-cases.js';
import { crc32, letterToDocx, zipStored } from './letter-docx.js';
import { encodeHeaderText, letterToEml, rfc5322Date } from './letter-eml.js';
import { letterToPdf } from './letter-pdf.js';

const NOW = new Date('2026-11-22T09:30:00Z');
const transbalt = loadDemoCases()
  .map((raw) => CaseFile.parse(raw) as CaseRecord & { today: string })
  .find((c) => c.client.name.includes('TransBalt')) as CaseRecord & { today: string };

function draft(lang: Language, kind: 'termination' | 'debt_demand' = 'termination'): Draft {
  const assessment = assess(transbalt, { today: transbalt.today });
  const plan = planExit(transbalt, { today: transbalt.today, path: 'stop_and_collect' });

  return draftLetter({ record: transbalt, assessment, plan, today: transbalt.today, lang, kind });
}

const squash = (text: string) => text.replace(/\s+/gu, ' ').trim();

describe('PDF', () => {
  it.each(['ru', 'lt', 'ro'] as const)('%s: pdftotext gives the text back, Cyrillic and diacritics included', async (lang) => {
    const letter = draft(lang);
    const bytes = await letterToPdf({ draft: letter, author: 'Northlight Studio', now: NOW });
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'redcard-letter-')), 'letter.pdf');
    writeFileSync(file, bytes);
    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    expect(text).toContain(squash(letter.subject));
    // Every paragraph comes back whole (pdftotext re-wraps lines, so whitespace is compared loosely).
    for (const block of letter.body.split(/\n{2,}/)) expect(text).toContain(squash(block));
  });
});

describe('.eml', () => {
  it('postal-mime reads back the encoded subject, the names, the addresses and the UTF-8 body', async () => {
    const letter = draft('lt');
    const bytes = letterToEml({
      draft: letter,
      from: { name: 'Gabija Žukauskaitė', address: 'gabija@example.lt' },
      to: { name: 'UAB „TransBalt Logistika“', address: 'info@transbalt.example' },
      date: NOW,
      messageId: 'test-1@redcard.local',
    });
    const raw = new TextDecoder().decode(bytes);
    // Headers are 7-bit ASCII; non-ASCII text only as RFC 2047 encoded-words of at most 75 characters.
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(head).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    for (const word of head.match(/=\?UTF-8\?B\?[^?]*\?=/g) ?? []) expect(word.length).toBeLessThanOrEqual(75);

    const email = await PostalMime.parse(bytes);
    expect(email.subject).toBe(letter.subject);
    expect(email.from).toMatchObject({ name: 'Gabija Žukauskaitė', address: 'gabija@example.lt' });
    expect(email.to?.[0]).toMatchObject({ name: 'UAB „TransBalt Logistika“', address: 'info@transbalt.example' });
    expect(email.messageId).toBe('<test-1@redcard.local>');
    expect(email.date).toBe(NOW.toISOString());
    expect(email.text?.replace(/\r\n/g, '\n').trim()).toBe(letter.body);
  });

  it('without a recipient address it opens as an unsent draft', async () => {
    const bytes = letterToEml({ draft: draft('ru'), from: { name: 'Ирина' }, to: { name: 'Клиент' }, date: NOW, messageId: 'x@y' });
    const email = await PostalMime.parse(bytes);
    expect(email.headers.find((h) => h.key === 'x-unsent')?.value).toBe('1');
    expect(email.to ?? []).toEqual([]);
  });

  it('refuses an address that is not one, and a Message-ID with brackets', () => {
    const base = { draft: draft('en'), to: { name: 'x' }, date: NOW, messageId: 'a@b' };
    expect(() => letterToEml({ ...base, from: { name: 'A', address: 'not an address' } })).toThrow(RangeError);
    expect(() => letterToEml({ ...base, from: { name: 'A' }, messageId: '<a@b>' })).toThrow(RangeError);
  });

  it('encodes header text only when it must, and dates as RFC 5322 does', () => {
    expect(encodeHeaderText('Payment request')).toBe('Payment request');
    const long = 'Требование об оплате: счёт № NS-2026-061, счёт № NS-2026-071 и счёт № NS-2026-080';
    const encoded = encodeHeaderText(long);
    expect(encoded.split('\r\n ').every((w) => w.length <= 75)).toBe(true);
    const decoded = encoded
      .split('\r\n ')
      .map((w) => new TextDecoder().decode(Uint8Array.from(atob(w.slice(10, -2)), (c) => c.charCodeAt(0))))
      .join('');
    expect(decoded).toBe(long);
    expect(rfc5322Date(NOW)).toBe('Sun, 22 Nov 2026 09:30:00 +0000');
  });
});

describe('.docx', () => {
  it('yauzl opens the package (CRC-32s checked against node:zlib) and document.xml holds the letter, paragraph by paragraph', async () => {
    const letter = draft('ru', 'debt_demand');
    const files = await unzipText(letterToDocx(letter, NOW));
    expect([...files.keys()]).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    const xml = files.get('word/document.xml') ?? '';
    expect(xml).toContain('w:lang w:val="ru-RU"');
    const paragraphs = [...xml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((p) =>
      [...(p[1] ?? '').matchAll(/(<w:br\/>)|<w:t xml:space="preserve">([^<]*)<\/w:t>/g)]
        .map((m) => (m[1] ? '\n' : (m[2] ?? '')))
        .join('')
        .replaceAll('&quot;', '"')
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&amp;', '&'),
    );
    expect(paragraphs).toEqual([letter.subject, ...letter.body.split(/\n{2,}/)]);
  });

  it('escapes markup in the text', async () => {
    const tricky: Draft = { ...draft('en'), subject: 'A & B <c> "d"', body: 'x < y & z' };
    const xml = (await unzipText(letterToDocx(tricky, NOW))).get('word/document.xml') ?? '';
    expect(xml).toContain('A &amp; B &lt;c&gt; &quot;d&quot;');
    expect(xml).toContain('x &lt; y &amp; z');
  });

  it('computes the CRC-32 of the standard check value, and a corrupted entry is caught', async () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const zip = zipStored([{ name: 'a.txt', data: new TextEncoder().encode('hello') }], NOW);
    const at = 30 + 'a.txt'.length;
    zip[at] = (zip[at] ?? 0) ^ 0xff; // flip the first data byte: the stored CRC no longer matches
    await expect(unzipText(zip)).rejects.toThrow(/CRC-32 mismatch/);
  });
});
