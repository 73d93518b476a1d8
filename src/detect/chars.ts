/**
 * Character classes for the tokeniser and language identification, as one table look-up per
 * character instead of a Unicode-property regular expression per test.
 *
 * The table is defined by the regular expressions below (the single source of truth): a block of
 * 256 code points is classified with them the first time a character of that block is seen, so
 * the answers are exactly the regexes' and the cost is paid once per block actually used.
 */

/** `\p{L}`: a letter. */
export const CH_LETTER = 1;
/** `\p{M}`: a combining mark. */
export const CH_MARK = 2;
/** `\p{N}`: a digit or other number. */
export const CH_NUMBER = 4;
/** U+0400–U+04FF, the Cyrillic block. */
export const CH_CYRILLIC = 8;
/** A letter only Romanian uses (ă â î ș ş ț ţ, either case). */
export const CH_RO_ONLY = 16;
/** A letter only Lithuanian uses among the four languages (ą č ę ė į ų ū ž š, either case). */
export const CH_LT_ONLY = 32;
/** Ends a sentence between words: . ! ? … and newline. */
export const CH_SENT_END = 64;
/** Ends a clause between words: , ; : ( ) – — - */
export const CH_CLAUSE_END = 128;
/** A character quoteRanges() looks at: " ' « » “ ” „ ‘ ’ */
export const CH_QUOTE = 256;

const DEFINITIONS: Array<[number, RegExp]> = [
  [CH_LETTER, /^\p{L}$/u],
  [CH_MARK, /^\p{M}$/u],
  [CH_NUMBER, /^\p{N}$/u],
  [CH_CYRILLIC, /^[\u0400-\u04FF]$/u],
  [CH_RO_ONLY, /^[ăâîșşțţ]$/iu],
  [CH_LT_ONLY, /^[ąčęėįųūžš]$/iu],
  [CH_SENT_END, /^[.!?…\n]$/u],
  [CH_CLAUSE_END, /^[,;:()–—-]$/u],
  [CH_QUOTE, /^["'«»“”„‘’]$/u],
];

/** Classifies one code point with the defining regular expressions (slow; fills the table). */
export function classifyCodePoint(cp: number): number {
  // Lone surrogates are code points of their own in `u` mode and belong to no class above.
  if (cp >= 0xd800 && cp <= 0xdfff) return 0;
  const ch = String.fromCodePoint(cp);
  let bits = 0;
  for (const [bit, re] of DEFINITIONS) if (re.test(ch)) bits |= bit;

  return bits;
}

const BMP = new Uint16Array(0x10000);
const BLOCK_READY = new Uint8Array(0x100);
const ASTRAL = new Map<number, number>();

function fillBlock(block: number): void {
  const base = block << 8;
  for (let cp = base; cp < base + 0x100; cp++) BMP[cp] = classifyCodePoint(cp);
  BLOCK_READY[block] = 1;
}
fillBlock(0);

/** The class bits of a code point (any plane). */
export function charClass(cp: number): number {
  if (cp < 0x10000) {
    if (BLOCK_READY[cp >> 8] === 0) fillBlock(cp >> 8);

    return BMP[cp] as number;
  }
  let bits = ASTRAL.get(cp);
  if (bits === undefined) {
    bits = classifyCodePoint(cp);
    // Astral letters are rare in client mail; keep the memo from growing without bound anyway.
    if (ASTRAL.size >= 4096) ASTRAL.clear();
    ASTRAL.set(cp, bits);
  }

  return bits;
}
