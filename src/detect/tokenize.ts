/**
 * Unicode-aware tokenisation with UTF-16 offsets into the original text, sentence and clause
 * numbers, and quotation marking. JS `\b` is ASCII-only, so words are `\p{L}`/`\p{N}` runs.
 */
import { CH_CLAUSE_END, CH_LETTER, CH_MARK, CH_NUMBER, CH_QUOTE, CH_SENT_END, charClass } from './chars.js';
import { foldLower, scriptOf } from './normalize.js';
import { FNV_OFFSET, FNV_PRIME } from './wordtable.js';

export interface Token {
  start: number;
  end: number;
  /** lower-cased, diacritics folded */
  norm: string;
  /** lower-cased as written */
  lower: string;
  script: 'cyr' | 'lat' | 'other';
  isNum: boolean;
  /** sentence number (., !, ?, …, newline end a sentence) */
  sent: number;
  /** clause number (also , ; : – — ( ) end a clause) */
  clause: number;
  /** inside quotation marks */
  quoted: boolean;
}

/**
 * A word: letters/digits, with inner * (masked swearing "sh*t") and apostrophes ("don't"). This is
 * the definition `scanWords()` implements by hand (a test checks they agree).
 */
export const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}*]*(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
/** Characters between words that end a sentence / a clause (see CH_SENT_END, CH_CLAUSE_END). */
export const SENT_END_RE = /[.!?…\n]/;
export const CLAUSE_END_RE = /[,;:()–—-]/;
export const NUM_RE = /^\p{N}+$/u;

/** Ranges (UTF-16) of text inside quotation marks: «…», “…”, „…“, "…", and '…' used as quotes. */
export function quoteRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const pairs: Array<[string, string]> = [
    ['«', '»'],
    ['“', '”'],
    ['„', '“'],
    ['„', '”'],
  ];
  for (const [open, close] of pairs) {
    let from = 0;
    for (;;) {
      const a = text.indexOf(open, from);
      if (a < 0) break;
      const b = text.indexOf(close, a + 1);
      if (b < 0) break;
      out.push([a, b + 1]);
      from = b + 1;
    }
  }
  // straight double quotes, paired in order
  {
    let a = -1;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 34) {
        if (a < 0) a = i;
        else {
          out.push([a, i + 1]);
          a = -1;
        }
      }
    }
  }
  // single quotes used as quotation marks: opening after start/space/colon/paren, closing before
  // a non-letter; apostrophes inside words ("don't") are neither.
  {
    let a = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== APOSTROPHE && c !== LEFT_SINGLE_QUOTE && c !== RIGHT_SINGLE_QUOTE) continue;
      // one UTF-16 unit each side, as the original character test (a lone surrogate is no letter)
      const prev = i > 0 ? text.charCodeAt(i - 1) : SPACE;
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : SPACE;
      const prevIsWord = (charClass(prev) & (CH_LETTER | CH_NUMBER)) !== 0;
      const nextIsWord = (charClass(next) & (CH_LETTER | CH_NUMBER)) !== 0;
      if (a < 0) {
        if (!prevIsWord && nextIsWord) a = i;
      } else if (prevIsWord || prev === 63 || prev === 33 || prev === 46 || prev === 0x2026) {
        if (!nextIsWord) {
          out.push([a, i + 1]);
          a = -1;
        }
      }
    }
  }
  return out;
}

/**
 * The words of a text as parallel arrays, filled by `scanWords()`. One instance is reused from
 * call to call (the detector runs synchronously), so a scan allocates nothing.
 */
export interface WordStream {
  /** number of tokens */
  n: number;
  start: Int32Array;
  end: Int32Array;
  sent: Int32Array;
  clause: Int32Array;
  /** `hashWord()` of each token as written */
  hash: Int32Array;
  /**
   * A quotation mark or a free-standing apostrophe stands between words. When false,
   * `quoteRanges()` of the text is empty (apostrophes inside words never open or close a quote).
   */
  quotes: boolean;
}

const stream: WordStream = {
  n: 0,
  start: new Int32Array(256),
  end: new Int32Array(256),
  sent: new Int32Array(256),
  clause: new Int32Array(256),
  hash: new Int32Array(256),
  quotes: false,
};

function grow(min: number): void {
  let size = stream.start.length;
  while (size < min) size *= 2;
  const copy = (a: Int32Array): Int32Array => {
    const b = new Int32Array(size);
    b.set(a);

    return b;
  };
  stream.start = copy(stream.start);
  stream.end = copy(stream.end);
  stream.sent = copy(stream.sent);
  stream.clause = copy(stream.clause);
  stream.hash = copy(stream.hash);
}

const WORD_CHAR = CH_LETTER | CH_MARK | CH_NUMBER;
const WORD_START = CH_LETTER | CH_NUMBER;
const ASTERISK = 42;
const APOSTROPHE = 39;
const RIGHT_SINGLE_QUOTE = 0x2019;
const LEFT_SINGLE_QUOTE = 0x2018;
const SPACE = 32;
const HYPHEN = 45;

/** `classAt()` adds this to the class bits when the code point is a surrogate pair (2 units). */
const PAIR = 0x10000;

/** Class bits of the code point at `i`, plus PAIR for a surrogate pair (one code point, as in a `u` regex). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x100) return CLASS_LATIN1[c] as number;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return charClass(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) | PAIR;
  }

  return charClass(c);
}

const CLASS_LATIN1 = new Uint16Array(0x100);
for (let c = 0; c < 0x100; c++) CLASS_LATIN1[c] = charClass(c);
/** ASCII characters that continue a word before any apostrophe: letters, digits and `*`. */
const ASCII_WORD = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) ASCII_WORD[c] = c === ASTERISK || ((CLASS_LATIN1[c] as number) & WORD_CHAR) !== 0 ? 1 : 0;

/**
 * Splits a text into words exactly as `WORD_RE` does (a letter or digit, then letters, marks,
 * digits and `*`, then apostrophe-joined parts), in one pass over the characters, and numbers
 * sentences and clauses from the punctuation between words, and hashes each word for the word
 * cache. Returns the shared stream.
 */
export function scanWords(text: string): WordStream {
  const len = text.length;
  let n = 0;
  let sent = 0;
  let clause = 0;
  let quotes = false;
  // punctuation seen since the previous word
  let gapSent = false;
  let gapClause = false;
  let gapLen = 0;
  let gapFirst = 0;
  let i = 0;
  while (i < len) {
    const r = classAt(text, i);
    const step = 1 + (r >>> 16);
    if ((r & WORD_START) === 0) {
      if (gapLen === 0) gapFirst = text.charCodeAt(i);
      gapLen += step;
      if ((r & CH_SENT_END) !== 0) gapSent = true;
      else if ((r & CH_CLAUSE_END) !== 0) gapClause = true;
      else if ((r & CH_QUOTE) !== 0) quotes = true;
      i += step;
      continue;
    }
    const start = i;
    // the word's hashWord() is computed on the way, unit by unit (FNV-1a)
    let h = Math.imul(FNV_OFFSET ^ text.charCodeAt(i), FNV_PRIME);
    if (step === 2) h = Math.imul(h ^ text.charCodeAt(i + 1), FNV_PRIME);
    i += step;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (ASCII_WORD[c] === 0) break;
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
        continue;
      }
      const rc = classAt(text, i);
      if ((rc & WORD_CHAR) === 0) break;
      h = Math.imul(h ^ c, FNV_PRIME);
      if (rc >= PAIR) {
        h = Math.imul(h ^ text.charCodeAt(i + 1), FNV_PRIME);
        i += 2;
      } else i++;
    }
    // apostrophe-joined parts ("don't", "l'a"): an apostrophe counts only with a word char after it
    while (i + 1 < len) {
      const c = text.charCodeAt(i);
      if (c !== APOSTROPHE && c !== RIGHT_SINGLE_QUOTE) break;
      const ra = classAt(text, i + 1);
      if ((ra & WORD_CHAR) === 0) break;
      const partEnd = i + 2 + (ra >>> 16);
      for (let k = i; k < partEnd; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
      i = partEnd;
      for (;;) {
        if (i >= len) break;
        const rw = classAt(text, i);
        if ((rw & WORD_CHAR) === 0) break;
        const next = i + 1 + (rw >>> 16);
        for (let k = i; k < next; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
        i = next;
      }
    }
    if (gapLen > 0) {
      if (gapSent) {
        sent++;
        clause++;
      } else if (gapClause && !(gapLen === 1 && gapFirst === HYPHEN)) {
        clause++;
      }
      gapSent = false;
      gapClause = false;
      gapLen = 0;
    }
    if (n === stream.start.length) grow(n + 1);
    stream.start[n] = start;
    stream.end[n] = i;
    stream.sent[n] = sent;
    stream.clause[n] = clause;
    stream.hash[n] = h;
    n++;
  }
  stream.n = n;
  stream.quotes = quotes;

  return stream;
}

/** The tokens of a text as objects (for tests and tools; the detector reads `scanWords()` directly). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const quotes = quoteRanges(text);
  const s = scanWords(text);
  for (let k = 0; k < s.n; k++) {
    const start = s.start[k] as number;
    const end = s.end[k] as number;
    const word = text.slice(start, end);
    const lower = word.toLowerCase();
    tokens.push({
      start,
      end,
      lower,
      norm: foldLower(lower),
      script: scriptOf(lower),
      isNum: NUM_RE.test(word),
      sent: s.sent[k] as number,
      clause: s.clause[k] as number,
      quoted: quotes.some(([a, b]) => start >= a && end <= b),
    });
  }

  return tokens;
}
