import { describe, expect, it } from 'vitest';
import { checkTone, LETTER_LANGS, TONE_CODES } from './tone.js';
import { TONE_HELDOUT } from './tone-heldout.fixture.js';

/** The bar of issue 6, held per code over the team's own letters (the dev set is scored by scripts/eval-tone.ts). */
const MIN_F1 = 0.85;

const results = TONE_HELDOUT.map((letter) => ({
  letter,
  found: checkTone(letter.text, { lang: letter.lang, context: letter.context }).violations,
}));

describe('the tone checker on the held-out letters', () => {
  it('has letters in every language, each code labelled at least twice and clean letters too', () => {
    for (const lang of LETTER_LANGS) expect(TONE_HELDOUT.filter((l) => l.lang === lang).length).toBeGreaterThanOrEqual(10);
    for (const code of TONE_CODES) expect(TONE_HELDOUT.filter((l) => l.violations.includes(code)).length, code).toBeGreaterThanOrEqual(2);
    expect(TONE_HELDOUT.filter((l) => l.violations.length === 0).length).toBeGreaterThanOrEqual(8);
  });

  it.each(TONE_CODES)(`scores F1 >= ${MIN_F1} on %s`, (code) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const wrong: string[] = [];
    for (const { letter, found } of results) {
      const gold = letter.violations.includes(code);
      const predicted = found.includes(code);
      if (gold && predicted) tp++;
      else if (predicted) {
        fp++;
        wrong.push(`${letter.id} extra`);
      } else if (gold) {
        fn++;
        wrong.push(`${letter.id} missed`);
      }
    }
    const f1 = tp === 0 ? (fp + fn === 0 ? 1 : 0) : (2 * tp) / (2 * tp + fp + fn);
    expect(f1, wrong.join(', ')).toBeGreaterThanOrEqual(MIN_F1);
  });
});
