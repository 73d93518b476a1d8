import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, guessEncoding, isValidUtf8, streamDecoderFor } from './decode.js';
import { htmlToText } from './html.js';
import { isoFromLoose, rfc5322ToIso, wallToIso } from './time.js';

const RU = 'Мы не будем платить, пока вы не переделаете всё бесплатно. Срочно ответьте сегодня!';
const LT = 'Nemokėsime už šį darbą, kol nepataisysite visko nemokamai. Atsakykite šiandien, ačiū.';
const RO = 'Nu vom plăti factura până nu refaceți totul gratuit. Răspundeți astăzi, mulțumesc.';

describe('encoding heuristic', () => {
  it.each([
    ['koi8-r', RU],
    ['windows-1251', RU],
    ['windows-1257', LT],
    ['windows-1250', RO.replace(/ț/g, 'ţ').replace(/ș/g, 'ş')], // 1250 has the cedilla forms
  ])('recognises undeclared %s', (enc, text) => {
    const bytes = iconv.encode(text, enc);
    expect(isValidUtf8(bytes)).toBe(false);
    expect(guessEncoding(bytes)).toBe(enc);
    const d = decodeBytes(bytes);
    expect(d).toMatchObject({ text, encoding: enc, guessed: true });
  });

  it('recognises short Russian lines in both Cyrillic code pages', () => {
    for (const s of ['Привет, заплатите завтра', 'оплата задерживается', 'СРОЧНО! Ответьте сейчас']) {
      expect(guessEncoding(iconv.encode(s, 'koi8-r'))).toBe('koi8-r');
      expect(guessEncoding(iconv.encode(s, 'windows-1251'))).toBe('windows-1251');
    }
  });

  it('honours a declared charset, and a BOM', () => {
    expect(decodeBytes(iconv.encode(RU, 'koi8-r'), 'KOI8-R')).toMatchObject({ text: RU, guessed: false });
    expect(decodeBytes(iconv.encode(LT, 'windows-1257'), 'cp1257').text).toBe(LT);
    expect(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(RU)])).text).toBe(RU);
    // "us-ascii" says nothing about 8-bit bytes: they are still detected
    expect(decodeBytes(iconv.encode(RU, 'windows-1251'), 'us-ascii').text).toBe(RU);
  });

  it('keeps valid UTF-8 as UTF-8 (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const d = decodeBytes(Buffer.from(s, 'utf8'));
        expect(d.text).toBe(s);
        expect(d.guessed).toBe(false);
      }),
    );
  });

  it('a stream decoder chosen from a head cut inside a UTF-8 sequence stays UTF-8', () => {
    const bytes = Buffer.from('ąčę'.repeat(100));
    const head = bytes.subarray(0, 101); // cuts a 2-byte letter
    expect(streamDecoderFor(head).encoding).toBe('utf-8');
  });
});

describe('htmlToText', () => {
  it('drops scripts, styles and comments, keeps blocks as lines, decodes entities', () => {
    const html =
      '<html><head><title>t</title><style>p{color:red}</style></head><body><script>alert("x<p>")</script>' +
      '<p>Pay&nbsp;now&#33;</p><!-- hidden <b>text</b> --><div>Line&nbsp;2 &amp; &laquo;quoted&raquo; &#x444;</div>a < b<br>end</body></html>';
    expect(htmlToText(html)).toBe('Pay now!\n\nLine 2 & «quoted» ф\na < b\nend');
  });

  it('survives unclosed tags and attributes with ">" inside quotes', () => {
    expect(htmlToText('<a title="x > y">link</a><p>tail<script>never closed')).toBe('link\ntail');
  });
});

describe('time', () => {
  it('keeps the sender offset of a Date header', () => {
    expect(rfc5322ToIso('Tue, 31 Dec 2024 23:59:00 +0200')).toBe('2024-12-31T23:59:00+02:00');
    expect(rfc5322ToIso('31 Dec 2024 02:05 -0530 (IST)')).toBe('2024-12-31T02:05:00-05:30');
    expect(rfc5322ToIso('Wed, 1 Jan 2025 10:00:00 GMT')).toBe('2025-01-01T10:00:00Z');
    expect(rfc5322ToIso('not a date')).toBeUndefined();
  });

  it('places wall times in a zone, across DST', () => {
    expect(wallToIso(2024, 7, 1, 2, 0, 0, 'Europe/Vilnius')).toBe('2024-07-01T02:00:00+03:00');
    expect(wallToIso(2024, 12, 31, 23, 59, 0, 'Europe/Vilnius')).toBe('2024-12-31T23:59:00+02:00');
    expect(wallToIso(2024, 2, 30, 0, 0, 0)).toBeUndefined();
    expect(isoFromLoose('2024-12-31T23:59:00-05:00')).toBe('2024-12-31T23:59:00-05:00');
    expect(isoFromLoose('1735689540', 'Europe/Chisinau')).toBe('2025-01-01T01:59:00+02:00');
  });
});
