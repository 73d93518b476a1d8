import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLower, ruKey } from './normalize.js';

/** foldLower character by character: a whole word must fold as its characters do, fast path or not. */
function referenceFold(s: string): string {
  const lower = s.toLowerCase();
  let out = '';
  for (const ch of lower.split('')) {
    const code = ch.charCodeAt(0);
    if (code < 128) out += ch;
    else if (code >= 0x300 && code <= 0x36f) continue;
    else out += foldLower(ch);
  }

  return out;
}

const CHARS = [
  'a',
  'Z',
  "'",
  '`',
  '’',
  'ʼ',
  'ă',
  'Ș',
  'ţ',
  'ė',
  'Ž',
  'ū',
  'é',
  'ß',
  'ł',
  'ё',
  'Э',
  'ь',
  'ъ',
  'д',
  'Я',
  '\u0301',
  '😀',
  '7',
  '-',
];

describe('normalize', () => {
  it('foldLower folds diacritics and drops combining marks, and leaves other words as they are', () => {
    expect(foldLower('Plătiți')).toBe('platiti');
    expect(foldLower('NEMOKĖSIME')).toBe('nemokesime');
    expect(foldLower('Ещё')).toBe('еще');
    expect(foldLower('invoice')).toBe('invoice');
    expect(foldLower('счёт\u0301')).toBe('счет');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS), { maxLength: 20 }), (xs) => {
        const s = xs.join('');
        expect(foldLower(s)).toBe(referenceFold(s));
      }),
    );
  });

  it('ruKey maps ё/э to е and drops ь/ъ', () => {
    expect(ruKey('объём')).toBe('обем');
    expect(ruKey('этот')).toBe('етот');
    expect(ruKey('платить')).toBe('платит');
    expect(ruKey('дизайн')).toBe('дизайн');
  });
});
