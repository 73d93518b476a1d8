/**
 * Unicode-aware tokenisation with UTF-16 offsets into the original text, sentence and clause
 * numbers, and quotation marking. JS `\b` is ASCII-only, so words are `\p{L}`/`\p{N}` runs.
 */
import { foldLower, scriptOf } from './normalize.js';

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

// A word: letters/digits, with inner * (masked swearing "sh*t") and apostrophes ("don't").
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}*]*(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
const SENT_END_RE = /[.!?…\n]/;
const CLAUSE_END_RE = /[,;:()–—-]/;
const NUM_RE = /^\p{N}+$/u;

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
      const c = text[i];
      if (c !== "'" && c !== '‘' && c !== '’') continue;
      const prev = i > 0 ? (text[i - 1] as string) : ' ';
      const next = i + 1 < text.length ? (text[i + 1] as string) : ' ';
      const prevIsWord = /[\p{L}\p{N}]/u.test(prev);
      const nextIsWord = /[\p{L}\p{N}]/u.test(next);
      if (a < 0) {
        if (!prevIsWord && nextIsWord) a = i;
      } else if (prevIsWord || /[?!.…]/.test(prev)) {
        if (!nextIsWord) {
          out.push([a, i + 1]);
          a = -1;
        }
      }
    }
  }
  return out;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const quotes = quoteRanges(text);
  let sent = 0;
  let clause = 0;
  let last = 0;
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index;
    const word = m[0];
    const end = start + word.length;
    if (start > last) {
      const gap = text.slice(last, start);
      if (SENT_END_RE.test(gap)) {
        sent++;
        clause++;
      } else if (CLAUSE_END_RE.test(gap) && gap !== '-') {
        clause++;
      }
    }
    last = end;
    const lower = word.toLowerCase();
    let quoted = false;
    for (const [a, b] of quotes) {
      if (start >= a && end <= b) {
        quoted = true;
        break;
      }
    }
    tokens.push({
      start,
      end,
      lower,
      norm: foldLower(lower),
      script: scriptOf(lower),
      isNum: NUM_RE.test(word),
      sent,
      clause,
      quoted,
    });
  }
  return tokens;
}
