import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashWord, WordTable } from './wordtable.js';

describe('WordTable', () => {
  it('finds a word by its characters in any text and computes it once', () => {
    let made = 0;
    const t = new WordTable<string>(16, (w) => {
      made++;
      return w.toUpperCase();
    });
    const a = 'say hello';
    const b = 'hello there';
    expect(t.get(a, 4, 9, hashWord(a, 4, 9))).toBe('HELLO');
    expect(t.get(b, 0, 5, hashWord(b, 0, 5))).toBe('HELLO');
    expect(made).toBe(1);
  });

  it('tells words apart when their hashes collide', () => {
    const t = new WordTable<string>(16, (w) => `<${w}>`);
    const text = 'abc abd ab abcd';
    // the same (deliberately wrong) hash for every word: only the characters decide
    expect(t.get(text, 0, 3, 7)).toBe('<abc>');
    expect(t.get(text, 4, 7, 7)).toBe('<abd>');
    expect(t.get(text, 8, 10, 7)).toBe('<ab>');
    expect(t.get(text, 11, 15, 7)).toBe('<abcd>');
    expect(t.get(text, 0, 3, 7)).toBe('<abc>');
  });

  it('stays correct and bounded across generations', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 3000 }), (ws) => {
        const t = new WordTable<string>(8, (w) => `=${w}`);
        for (const w of ws) expect(t.get(w, 0, w.length, hashWord(w, 0, w.length))).toBe(`=${w}`);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps a word in use when its generation is dropped', () => {
    let made = 0;
    const t = new WordTable<number>(4, () => ++made);
    const hot = 'hot';
    const get = (w: string): number => t.get(w, 0, w.length, hashWord(w, 0, w.length));
    const first = get(hot);
    // each burst of cold words fills a generation; the hot word is looked up in between
    for (let round = 0; round < 50; round++) {
      for (let k = 0; k < 3; k++) get(`cold${round}-${k}`);
      expect(get(hot)).toBe(first);
    }
  });
});
