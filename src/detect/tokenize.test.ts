import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CH_LT_ONLY, CH_RO_ONLY, charClass, classifyCodePoint } from './chars.js';
import { CLAUSE_END_RE, quoteRanges, SENT_END_RE, scanWords, tokenize, WORD_RE } from './tokenize.js';
import { hashWord } from './wordtable.js';

/** The tokeniser as first written: WORD_RE plus the punctuation between matches. */
function reference(text: string): Array<{ start: number; end: number; sent: number; clause: number }> {
  const out: Array<{ start: number; end: number; sent: number; clause: number }> = [];
  let sent = 0;
  let clause = 0;
  let last = 0;
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index;
    if (start > last) {
      const gap = text.slice(last, start);
      if (SENT_END_RE.test(gap)) {
        sent++;
        clause++;
      } else if (CLAUSE_END_RE.test(gap) && gap !== '-') clause++;
    }
    last = start + m[0].length;
    out.push({ start, end: last, sent, clause });
  }

  return out;
}

function scanned(text: string): Array<{ start: number; end: number; sent: number; clause: number }> {
  const s = scanWords(text);
  const out: Array<{ start: number; end: number; sent: number; clause: number }> = [];
  for (let i = 0; i < s.n; i++) {
    out.push({ start: s.start[i] as number, end: s.end[i] as number, sent: s.sent[i] as number, clause: s.clause[i] as number });
  }

  return out;
}

// Characters where tokenisation is decided: word boundaries, apostrophes, masks, marks, surrogates.
const TRICKY = [
  "'",
  '’',
  '‘',
  '*',
  '-',
  ' - ',
  '.',
  '…',
  '\n',
  ',',
  '—',
  '«',
  '»',
  '"',
  '„',
  '“',
  '\u0301',
  '😀',
  '𝒜',
  '\ud83d',
  '\ude00',
  'ё',
  'Ș',
  'ų',
  '٣',
  '²',
  'a',
  'Z',
  '7',
  'д',
];

describe('scanWords', () => {
  it('splits exactly as WORD_RE, with the same sentence and clause numbers', () => {
    const samples = [
      "Don't pay - it's a sh*t job... really?! «Нет» — ok",
      'site-ul e gata; nu-i așa? plătiți!',
      "students' 'quoted' l'a ’tis rock’n’roll",
      'Ne\u0301mokėsime 2026-02-08 😀👍 x*',
      '',
      '   ',
    ];
    for (const t of samples) expect(scanned(t)).toEqual(reference(t));
  });

  // Property runs are CPU-bound: allow for a machine shared with other work.
  it('agrees with WORD_RE on arbitrary text', { timeout: 30_000 }, () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.array(fc.constantFrom(...TRICKY), { maxLength: 60 }).map((xs) => xs.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(scanned(t)).toEqual(reference(t));
      }),
      { numRuns: 800 },
    );
  });

  it('hashes each word as hashWord() does (the word cache keys on it)', { timeout: 30_000 }, () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.array(fc.constantFrom(...TRICKY), { maxLength: 60 }).map((xs) => xs.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        const s = scanWords(t);
        const got: number[] = [];
        const want: number[] = [];
        for (let i = 0; i < s.n; i++) {
          got.push(s.hash[i] as number);
          want.push(hashWord(t, s.start[i] as number, s.end[i] as number));
        }
        expect(got).toEqual(want);
      }),
      { numRuns: 800 },
    );
  });

  it('flags quotation characters between words, and only then can quotes exist', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRICKY, ' ', 'word'), { maxLength: 40 }), (xs) => {
        const t = xs.join('');
        if (!scanWords(t).quotes) expect(quoteRanges(t)).toEqual([]);
      }),
      { numRuns: 800 },
    );
    expect(scanWords("don't won't").quotes).toBe(false);
    expect(scanWords("he said 'no'").quotes).toBe(true);
    expect(scanWords('«да»').quotes).toBe(true);
  });

  it('grows past its initial buffers and reuses them', () => {
    const long = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    expect(scanWords(long).n).toBe(1000);
    expect(scanWords('one two').n).toBe(2);
  });

  it('tokenize() keeps offsets into the original text', () => {
    const text = '😀 Plătiți ACUM!';
    const toks = tokenize(text);
    expect(toks.map((t) => text.slice(t.start, t.end))).toEqual(['Plătiți', 'ACUM']);
    expect(toks[0]).toMatchObject({ norm: 'platiti', lower: 'plătiți', script: 'lat', isNum: false, sent: 0 });
  });
});

describe('character classes', () => {
  it('the lazily filled table gives the defining regexes’ answer for every BMP code point', { timeout: 30_000 }, () => {
    const wrong: number[] = [];
    for (let cp = 0; cp < 0x10000; cp++) if (charClass(cp) !== classifyCodePoint(cp)) wrong.push(cp);
    expect(wrong).toEqual([]);
  });
  it('astral code points and letters of either case', () => {
    expect(charClass(0x1d49c) & 1).toBe(1); // 𝒜 is a letter
    expect(charClass(0x1f600)).toBe(0); // 😀 is none of the classes
    expect(charClass('Ș'.charCodeAt(0)) & CH_RO_ONLY).toBe(CH_RO_ONLY);
    expect(charClass('Ė'.charCodeAt(0)) & CH_LT_ONLY).toBe(CH_LT_ONLY);
  });
});
