import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MONEY_TEXT_KEYS, moneyEnglish } from '../money/texts.js';
import { arbitraryCase } from '../testing/arbitrary-case.js';
import { planExit } from './plan.js';
import { EXIT_TEXT_KEYS, type ExitText, type ExitTextWithDetails, english, exitText, recognizeStepTitle } from './texts.js';
import { EXIT_PATHS, type ExitPlan } from './types.js';

/** Every text of a plan with its English words, as the plan reports them. */
function texts(plan: ExitPlan): Array<{ english: string; text: ExitText | ExitTextWithDetails | undefined }> {
  const pair = (words: string[], keyed: ExitText[] | undefined) => words.map((w, i) => ({ english: w, text: keyed?.[i] }));

  return [
    ...plan.steps.map((s) => ({ english: s.title, text: s.title_i18n })),
    ...(plan.collection ?? []).map((c) => ({ english: c.title, text: c.title_i18n })),
    ...pair(plan.warnings, plan.warnings_i18n),
    ...pair(plan.contract_check.to_find_out, plan.contract_check.to_find_out_i18n),
    ...pair(plan.referral.reasons, plan.referral.reasons_i18n),
  ];
}

const plans = fc
  .tuple(arbitraryCase(), fc.constantFrom(...EXIT_PATHS))
  .map(([record, path]) => planExit(record, { today: record.today, path }));

describe('the exit plan texts', () => {
  it('give every English text a known key whose English words are exactly the text', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        for (const { english: words, text } of texts(plan)) {
          expect(text, words).toBeDefined();
          expect(EXIT_TEXT_KEYS).toContain(text?.key);
          expect(english(text as ExitText)).toBe(words);
        }
        expect(plan.warnings_i18n).toHaveLength(plan.warnings.length);
      }),
      { numRuns: 300 },
    );
  });

  it('give every money note and the interest law line a money key whose English words are exactly the text', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const { notes, notes_i18n, interest_rule } = plan.money;
        expect(notes_i18n).toHaveLength(notes.length);
        const keyed = notes.map((words, i) => ({ words, text: notes_i18n?.[i] }));
        if (interest_rule) keyed.push({ words: interest_rule.law, text: interest_rule.law_i18n });
        for (const { words, text } of keyed) {
          expect(MONEY_TEXT_KEYS, words).toContain(text?.key);
          expect(moneyEnglish(text as NonNullable<typeof text>)).toBe(words);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('recognise a step title stored as English only, amounts and dates included', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        for (const s of plan.steps) {
          const recognised = recognizeStepTitle(s.title);
          expect(recognised?.key, s.title).toBe(s.title_i18n?.key);
          expect(english(recognised as ExitTextWithDetails)).toBe(s.title);
        }
      }),
      { numRuns: 200 },
    );
    const refund = recognizeStepTitle('Refund the prepaid work not done: 1,234,567.05 EUR');
    expect(refund).toEqual(exitText('step.refund', { amount: { amount_minor: 123456705, currency: 'EUR' } }));
  });

  it('leave a title the plan does not write unrecognised', () => {
    expect(recognizeStepTitle('Call the accountant about the VAT return')).toBeNull();
    expect(recognizeStepTitle('Stop work; do not finish the project, and more')).toBeNull();
  });

  it('keep the key of a retired text readable as the key itself', () => {
    expect(english({ key: 'step.retired', params: {} })).toBe('step.retired');
  });
});
