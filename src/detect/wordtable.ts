/**
 * A bounded cache of per-word data keyed by the word's characters *in the text*, so looking up a
 * word that is already known neither copies it out of the text nor re-hashes a new string: the
 * tokeniser hashes each word while it has it in hand (`hashWord`), and a hit is confirmed by
 * comparing characters in place.
 *
 * Two generations keep memory bounded over a whole mailbox while the working vocabulary stays:
 * when the young table is full it becomes the old one, and a word found only in the old table is
 * moved back into the young one.
 */

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 units of text[start, end) (the tokeniser computes the same while scanning). */
export function hashWord(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);

  return h | 0;
}

class Generation<T> {
  readonly mask: number;
  readonly keys: Array<string | undefined>;
  readonly values: Array<T | undefined>;
  readonly hashes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.mask = capacity - 1;
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.values = new Array<T | undefined>(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
  }

  /** Slot of the word, or of the empty slot where it would go. */
  slot(text: string, start: number, end: number, hash: number): number {
    const len = end - start;
    let i = hash & this.mask;
    for (;;) {
      const key = this.keys[i];
      if (key === undefined) return i;
      if (this.hashes[i] === hash && key.length === len && sameChars(key, text, start)) return i;
      i = (i + 1) & this.mask;
    }
  }

  clear(): void {
    this.keys.fill(undefined);
    this.values.fill(undefined);
    this.size = 0;
  }
}

function sameChars(key: string, text: string, start: number): boolean {
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== text.charCodeAt(start + k)) return false;

  return true;
}

/** Word → T, computing T with `make(word)` on a miss. At most 2 × `limit` words are kept. */
export class WordTable<T> {
  private young: Generation<T>;
  private old: Generation<T>;
  private readonly limit: number;
  private readonly make: (word: string) => T;

  /** `limit` words per generation; the tables are sized at twice that (a power of two). */
  constructor(limit: number, make: (word: string) => T) {
    this.make = make;
    let capacity = 1024;
    while (capacity < limit * 2) capacity *= 2;
    this.limit = Math.min(limit, capacity >>> 1);
    this.young = new Generation<T>(capacity);
    this.old = new Generation<T>(capacity);
  }

  /** The value for text[start, end), whose `hashWord` is `hash`. */
  get(text: string, start: number, end: number, hash: number): T {
    const young = this.young;
    let i = young.slot(text, start, end, hash);
    const hit = young.values[i];
    if (hit !== undefined) return hit;
    const j = this.old.slot(text, start, end, hash);
    const kept = this.old.values[j];
    const key = kept !== undefined ? (this.old.keys[j] as string) : text.slice(start, end);
    const value = kept ?? this.make(key);
    if (young.size >= this.limit) {
      // the young generation is full: it becomes the old one, the old one is dropped
      const dropped = this.old;
      this.old = young;
      dropped.clear();
      this.young = dropped;
      i = dropped.slot(text, start, end, hash);
    }
    const target = this.young;
    target.keys[i] = key;
    target.values[i] = value;
    target.hashes[i] = hash;
    target.size++;

    return value;
  }
}
