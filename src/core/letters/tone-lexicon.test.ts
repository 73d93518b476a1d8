import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TONE_LEXICONS } from './tone.js';
import { compileToneLexicon, compileTonePattern, foldForMatching, type ToneRuleSpec } from './tone-lexicon.js';

const matchesIn = (pattern: string, text: string): string[] =>
  [...foldForMatching(text).matchAll(compileTonePattern(pattern))].map((m) => m[0]);

describe('foldForMatching', () => {
  it('lower-cases and strips Romanian, Lithuanian and Russian diacritics', () => {
    expect(foldForMatching('MULȚUMESC Şi ĂÎÂ')).toBe('multumesc si aia');
    expect(foldForMatching('Dėkoju, ąčęėįšųūž')).toBe('dekoju, aceeisuuz');
    expect(foldForMatching('Ещё Йогурт')).toBe('еще иогурт');
    expect(foldForMatching('I’m')).toBe("i'm");
  });

  it('keeps every offset: the folded text has the same length as the original', () => {
    // Characters that change width in some transformation: İ lower-cases to two, emoji are two, ß and
    // a lone combining accent have no base to fold to.
    const tricky = fc.constantFrom('a', 'Z', 'ă', 'Ș', 'ė', 'Ё', 'й', 'İ', 'ß', 'ǅ', '’', '😀', '\u0301', ' ', '\n', '1');
    fc.assert(
      fc.property(fc.string({ unit: tricky, maxLength: 60 }), (s) => {
        expect(foldForMatching(s).length).toBe(s.length);
      }),
    );
  });
});

describe('compileTonePattern', () => {
  it('matches whole words only, a stem with *, alternatives with |', () => {
    expect(matchesIn('thank*', 'Thanks a lot; thankful too')).toEqual(['thanks', 'thankful']);
    expect(matchesIn('pause', 'a pause, not pauses')).toEqual(['pause']);
    expect(matchesIn('maybe|perhaps', 'Perhaps. Maybe!')).toEqual(['perhaps', 'maybe']);
  });

  it('lets ~N words sit between two words, and no more', () => {
    expect(matchesIn('you ~2 never', 'you almost never')).toHaveLength(1);
    expect(matchesIn('you ~2 never', 'you, quite frankly, never')).toHaveLength(1);
    expect(matchesIn('you ~1 never', 'you quite frankly never')).toHaveLength(0);
  });

  it('does not run a phrase across a sentence end or a line break', () => {
    expect(matchesIn('after ~3 you', 'after that date.\n\nThank you')).toHaveLength(0);
    expect(matchesIn('fed up', 'I am fed\nup')).toHaveLength(0);
    expect(matchesIn('fed up', 'I am fed, up')).toHaveLength(1);
  });

  it('matches text typed without diacritics, and with them, from either spelling of the pattern', () => {
    expect(matchesIn('mulțum*', 'Va multumesc')).toHaveLength(1);
    expect(matchesIn('multum*', 'Vă mulțumesc')).toHaveLength(1);
    expect(matchesIn('dėkoj*', 'Dekoju uz viska')).toHaveLength(1);
  });

  it('accepts a hyphen or a space for a hyphen in the pattern', () => {
    expect(matchesIn('m-am săturat', 'M-am saturat de tot')).toHaveLength(1);
    expect(matchesIn('m-am săturat', 'm am săturat')).toHaveLength(1);
  });

  it('matches numbers with #num, including ordinal and case endings, and dotted dates', () => {
    expect(matchesIn('#num march', 'on 15th March')).toEqual(['15th march']);
    expect(matchesIn('#num ~0 #num ~0 #num', 'by 31.03.2026')).toEqual(['31.03.2026']);
  });

  it('rejects an empty pattern', () => {
    expect(() => compileTonePattern('  ')).toThrow(/no words/);
    expect(() => compileTonePattern('a || b')).toThrow(/empty word/);
  });
});

describe('the shipped lexicons', () => {
  it.each(Object.keys(TONE_LEXICONS))('%s compiles, and every rule has patterns and an id unique in its group', (lang) => {
    const spec = TONE_LEXICONS[lang as keyof typeof TONE_LEXICONS];
    expect(() => compileToneLexicon(spec)).not.toThrow();
    for (const [group, rules] of Object.entries(spec) as Array<[string, ToneRuleSpec[]]>) {
      expect(rules.length, `${lang}.${group}`).toBeGreaterThan(0);
      const ids = rules.map((r) => r.id);
      expect(new Set(ids).size, `${lang}.${group} ids`).toBe(ids.length);
    }
  });
});
