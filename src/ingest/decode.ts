/**
 * Bytes to text: a declared charset is honoured; undeclared bytes are UTF-8 when they are valid
 * UTF-8, otherwise the single-byte code page is guessed.
 *
 * The guess (`guessEncoding`) decodes the bytes with each candidate — Windows-1251 and KOI8-R
 * (Russian), Windows-1257 (Lithuanian, Baltic), Windows-1250 (Romanian, Central European) and
 * Windows-1252 (Western, the fallback) — and scores only the non-ASCII characters of each result:
 *
 * - a word mixing Latin and Cyrillic letters is a wrong decoding (Lithuanian "mokėti" read as
 *   1251 becomes "mokлti"): -3 per word;
 * - a Cyrillic letter scores +1, and +0.5 more when lower case: Russian prose is mostly lower
 *   case, and KOI8-R and Windows-1251 swap the cases of the same bytes (KOI8-R "привет" read as
 *   1251 is "РТЙЧЕФ"); an upper-case letter right after a lower-case one inside a word is -2;
 * - an accented Latin letter scores +1 when the candidate's language uses it (1257: ą č ę ė į š ų
 *   ū ž; 1250: ă â î ș ş ț ţ and the Czech/Polish/Hungarian letters at +0.5; 1252: the Western
 *   European accents) and -1 otherwise; a Latin word made only of accented letters is -2 (that
 *   is Cyrillic read as a Latin code page: "ïðèâåò");
 * - any other non-ASCII symbol is -1, except common punctuation (« » „ “ ” – — … № ° € NBSP).
 *
 * The best score wins; ties go to the earlier candidate. A few dozen letters decide reliably;
 * on a handful of bytes the guess can be wrong, and the caller reports which encoding it chose.
 */
import iconv from 'iconv-lite';

export const GUESS_CANDIDATES = ['windows-1251', 'koi8-r', 'windows-1257', 'windows-1250', 'windows-1252'] as const;

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

/** True when the bytes are valid UTF-8 (a multi-byte sequence cut at the very end counts as valid when `partialEnd`). */
export function isValidUtf8(bytes: Uint8Array, partialEnd = false): boolean {
  let view = bytes;
  if (partialEnd) view = bytes.subarray(0, utf8SafeEnd(bytes));
  try {
    utf8Fatal.decode(view);
    return true;
  } catch {
    return false;
  }
}

/** The length of `bytes` without a trailing, incomplete UTF-8 sequence. */
function utf8SafeEnd(bytes: Uint8Array): number {
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      if (need > back) end -= back;
    }
    break;
  }
  return end;
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

const LT = new Set('ąčęėįšųūžĄČĘĖĮŠŲŪŽ');
const RO = new Set('ăâîșşțţĂÂÎȘŞȚŢ');
const CE = new Set('áäčďéěíĺľňóôŕřšťúůýžąćęłńóśźżőűÁÄČĎÉĚÍĹĽŇÓÔŔŘŠŤÚŮÝŽĄĆĘŁŃŚŹŻŐŰ');
const WEST = new Set('àáâäçèéêëíîïñóôöùúûüÿßœÀÁÂÄÇÈÉÊËÍÎÏÑÓÔÖÙÚÛÜŸŒ');
const PUNCT = new Set('«»„“”‘’‚–—…№°€\u00a0·');

const LATIN_SETS: Record<string, { main: Set<string>; extra?: Set<string> }> = {
  'windows-1257': { main: LT },
  'windows-1250': { main: RO, extra: CE },
  'windows-1252': { main: WEST },
};

const isCyr = (c: string) => c >= '\u0400' && c <= '\u04ff';
const isLatinLetter = (c: string) => /\p{Script=Latin}/u.test(c);
const isLetter = (c: string) => /\p{L}/u.test(c);
const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();
const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();

/** The plausibility of a decoding (see the module comment). */
export function plausibility(text: string, encoding: string): number {
  const sets = LATIN_SETS[encoding];
  let score = 0;
  for (const m of text.matchAll(/\p{L}+|[^\p{L}\s\x00-\x7f]/gu)) {
    const w = m[0];
    if (!isLetter(w[0]!)) {
      if (!PUNCT.has(w)) score -= 1;
      continue;
    }
    let cyr = 0;
    let lat = 0;
    let high = 0;
    let prev = '';
    let wordScore = 0;
    for (const c of w) {
      if (isCyr(c)) {
        cyr++;
        high++;
        wordScore += isLower(c) ? 1.5 : 1;
        if (prev && isLower(prev) && isUpper(c)) wordScore -= 2;
      } else if (c > '\x7f') {
        high++;
        if (isLatinLetter(c)) {
          lat++;
          if (sets?.main.has(c)) wordScore += 1;
          else if (sets?.extra?.has(c)) wordScore += 0.5;
          else wordScore -= 1;
        } else wordScore -= 1;
      } else lat++;
      prev = c;
    }
    if (high === 0) continue;
    if (cyr > 0 && lat > 0) wordScore = -3;
    else if (cyr === 0 && high >= 3 && high === [...w].length) wordScore -= 2;
    score += wordScore;
  }
  return score;
}

/** Guesses the single-byte code page of bytes that are not UTF-8 (see the module comment). */
export function guessEncoding(bytes: Uint8Array): string {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  let best: string = GUESS_CANDIDATES[0];
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const enc of GUESS_CANDIDATES) {
    const s = plausibility(iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), enc), enc);
    if (s > bestScore) {
      best = enc;
      bestScore = s;
    }
  }
  return best;
}

/** Normalises a charset label for iconv-lite; undefined when unknown or only ASCII (which says nothing about 8-bit bytes). */
export function knownCharset(label: string | undefined | null): string | undefined {
  if (!label) return undefined;
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (!l || l === 'us-ascii' || l === 'ascii' || l === 'ansi_x3.4-1968') return undefined;
  return iconv.encodingExists(l) ? l : undefined;
}

export interface Decoded {
  text: string;
  encoding: string;
  /** True when the encoding was guessed rather than declared or valid UTF-8. */
  guessed: boolean;
}

/** Decodes bytes: BOM, then the declared charset, then UTF-8 if valid, then the heuristic guess. */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bomOf(buf);
  if (bom) return { text: iconv.decode(buf.subarray(bom.length), bom.encoding), encoding: bom.encoding, guessed: false };
  const charset = knownCharset(declared);
  if (charset) return { text: iconv.decode(buf, charset), encoding: charset, guessed: false };
  if (!hasHighBytes(buf) || isValidUtf8(buf)) return { text: buf.toString('utf8'), encoding: 'utf-8', guessed: false };
  const enc = guessEncoding(buf);
  return { text: iconv.decode(buf, enc), encoding: enc, guessed: true };
}

export function bomOf(buf: Uint8Array): { encoding: string; length: number } | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * Picks the encoding of a text file from its first bytes (BOM, declared, UTF-8, guess) and returns
 * a streaming decoder for the rest. `head` should be the first chunk (64 KB or so).
 */
export function streamDecoderFor(
  head: Uint8Array,
  declared?: string,
): { encoding: string; guessed: boolean; skip: number; decoder: { write(b: Buffer): string; end(): string | undefined } } {
  const bom = bomOf(head);
  const charset = knownCharset(declared);
  let encoding: string;
  let guessed = false;
  let skip = 0;
  if (charset) encoding = charset;
  else if (bom) {
    encoding = bom.encoding;
    skip = bom.length;
  } else if (!hasHighBytes(head) || isValidUtf8(head, true)) encoding = 'utf-8';
  else {
    encoding = guessEncoding(head);
    guessed = true;
  }
  if (charset && bom && bom.encoding === charset.replace(/^utf8$/, 'utf-8')) skip = bom.length;
  return { encoding, guessed, skip, decoder: iconv.getDecoder(encoding) };
}
