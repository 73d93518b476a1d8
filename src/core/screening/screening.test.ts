import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../vocabulary.js';
import { BASE_QUESTIONS } from './questions.js';
import {
  answerProblems,
  type BuiltQuestion,
  buildQuestionnaire,
  detectEarlySigns,
  type EarlySign,
  lessonQuestionId,
  scoreProspect,
  splitMessages,
} from './screening.js';

const lessons = [
  { id: 'l1', text: 'Asked for a discount before the first invoice', codes: ['price_pressure' as const] },
  { id: 'l2', text: 'Called on Sundays from week one', codes: ['availability_demands' as const, 'abuse' as const] },
];
const questions = buildQuestionnaire({ lang: 'en', lessons, audience: 'user' });

/** Any answer set: each question answered with one of its options, or left out. */
const answersArb = fc
  .tuple(...questions.map((q) => fc.option(fc.constantFrom(...q.options.map((o) => o.id)), { nil: undefined })))
  .map((picked) => Object.fromEntries(questions.flatMap((q, i) => (picked[i] === undefined ? [] : [[q.id, picked[i]!]]))));

const weightOf = (q: BuiltQuestion, optionId: string) => q.options.find((o) => o.id === optionId)!.weight;

describe('questionnaire', () => {
  it('asks about the red flags in every language, options best first', () => {
    for (const lang of LANGUAGES) {
      const qs = buildQuestionnaire({ lang, lessons: [], audience: 'user' });
      expect(qs.map((q) => q.codes[0])).toEqual(expect.arrayContaining(['payment', 'price_pressure', 'urgency_pressure', 'scope_creep']));
      for (const q of qs) {
        expect(q.text.trim()).not.toBe('');
        const weights = q.options.map((o) => o.weight);
        expect([...weights].sort((a, b) => b - a)).toEqual(weights);
        expect(new Set(q.options.map((o) => o.text)).size).toBe(q.options.length);
      }
    }
    // Written per language, not copied.
    const texts = LANGUAGES.map((lang) => buildQuestionnaire({ lang, lessons: [], audience: 'user' })[0]!.text);
    expect(new Set(texts).size).toBe(4);
  });

  it("turns lessons into reminders for the user, weighs related questions more, and keeps lessons off the prospect's form", () => {
    const plain = buildQuestionnaire({ lang: 'ro', lessons: [], audience: 'user' });
    const budget = (qs: BuiltQuestion[]) => qs.find((q) => q.id === 'budget')!;
    expect(budget(questions).importance).toBeGreaterThan(budget(plain).importance);
    expect(budget(questions).emphasised_by).toEqual(['l1']);
    const reminder = questions.find((q) => q.id === lessonQuestionId('l2'))!;
    expect(reminder.source).toBe('lesson');
    expect(reminder.text).toBe('Called on Sundays from week one');
    expect(reminder.codes).toEqual(['availability_demands', 'abuse']);

    // A lesson about abuse adds the question about it (to both forms); without one it is not asked.
    expect(plain.some((q) => q.id === 'feedback')).toBe(false);
    expect(questions.find((q) => q.id === 'feedback')).toMatchObject({ source: 'code', codes: ['abuse'], emphasised_by: ['l2'] });

    const publicForm = buildQuestionnaire({ lang: 'en', lessons, audience: 'prospect' });
    expect(publicForm.every((q) => q.source === 'code')).toBe(true);
    expect(JSON.stringify(publicForm)).not.toContain('Sundays');
    expect(publicForm).toHaveLength(BASE_QUESTIONS.length + 1);
  });

  it('names answers that fit no question or option', () => {
    expect(answerProblems(questions, { deposit: 'yes' })).toEqual([]);
    const problems = answerProblems(questions, { deposit: 'maybe', nope: 'yes' });
    expect(problems.map((p) => p.question)).toEqual(['deposit', 'nope']);
  });
});

describe('fit score', () => {
  it('is within 0..100, null only when nothing is answered', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const r = scoreProspect(questions, answers, []);
        if (Object.keys(answers).length === 0) expect(r.score).toBeNull();
        else {
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
          expect(r.answered).toBe(Object.keys(answers).length);
        }
      }),
    );
  });

  it('never rises when one answer is replaced by a worse one', () => {
    fc.assert(
      fc.property(answersArb, fc.nat(), fc.nat(), (answers, qi, oi) => {
        const q = questions[qi % questions.length]!;
        const current = answers[q.id];
        if (current === undefined) return;
        const worse = q.options.filter((o) => o.weight <= weightOf(q, current));
        const pick = worse[oi % worse.length]!;
        const before = scoreProspect(questions, answers, []).score!;
        const after = scoreProspect(questions, { ...answers, [q.id]: pick.id }, []).score!;
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('does not depend on the order of the answers or the signs', () => {
    const signs = detectEarlySigns('Too expensive, give us a discount. We need it ASAP. We never pay upfront.');
    expect(signs.length).toBeGreaterThan(1);
    fc.assert(
      fc.property(answersArb, fc.context(), (answers, ctx) => {
        const reversed = Object.fromEntries(Object.entries(answers).reverse());
        ctx.log(JSON.stringify(answers));
        expect(scoreProspect(questions, reversed, [...signs].reverse())).toEqual(scoreProspect(questions, answers, signs));
      }),
    );
  });

  it('gives the best answers 100 and the worst 0, each reason citing its answer, code and lesson', () => {
    const best = Object.fromEntries(questions.map((q) => [q.id, q.options[0]!.id]));
    const worst = Object.fromEntries(questions.map((q) => [q.id, q.options.at(-1)!.id]));
    expect(scoreProspect(questions, best, []).score).toBe(100);
    const bad = scoreProspect(questions, worst, []);
    expect(bad.score).toBeLessThan(15);
    expect(bad.band).toBe('poor');
    const deposit = bad.reasons.find((r) => r.kind === 'answer' && r.question_id === 'deposit');
    expect(deposit).toMatchObject({ option_id: 'no', codes: ['payment'], lesson_id: null });
    expect(bad.reasons.find((r) => r.kind === 'answer' && r.lesson_id === 'l1')).toMatchObject({ option_id: 'seen' });
    // The costliest reasons come first.
    const points = bad.reasons.map((r) => r.points_lost);
    expect([...points].sort((a, b) => b - a)).toEqual(points);
  });

  it('takes points for early signs, once per kind', () => {
    const best = Object.fromEntries(questions.map((q) => [q.id, q.options[0]!.id]));
    const one = detectEarlySigns('Can you make it cheaper?');
    const twice = detectEarlySigns('Can you make it cheaper?\n---\nIt is too expensive, make it cheaper.');
    const s1 = scoreProspect(questions, best, one);
    expect(s1.score).toBe(90);
    expect(s1.reasons[0]).toMatchObject({ kind: 'sign', sign: 'price_pressure', code: 'price_pressure' });
    expect(scoreProspect(questions, best, twice).score).toBe(90);
  });
});

describe('early signs', () => {
  // A first message with price pressure, a rush before any contract and a refused deposit, per language.
  const FIRST: Record<string, string> = {
    en: 'Hi! Your price is way too high, can you do it cheaper? We need it by tomorrow, ASAP. And we never pay upfront.',
    ru: 'Здравствуйте! Слишком дорого, сделайте скидку. Нужно срочно, к пятнице, договор потом. Предоплату вносить не будем.',
    ro: 'Bună ziua! E prea scump, vrem o reducere. Avem nevoie urgent de site, până vineri, contractul mai târziu. Nu plătim avans.',
    lt: 'Laba diena. Per brangu, reikia nuolaidos. Svetainės reikia skubiai, iki penktadienio, sutartį pasirašysime vėliau. Avanso nemokėsime.',
  };

  it.each(Object.entries(FIRST))('finds price pressure, a rush and a refused deposit in %s', (_lang, text) => {
    const signs = detectEarlySigns(text);
    expect(new Set(signs.map((s) => s.kind))).toEqual(new Set(['price_pressure', 'rush_before_contract', 'deposit_refusal']));
    for (const s of signs) {
      expect(s.end).toBeGreaterThan(s.start);
      expect(text.slice(s.start, s.end).trim()).not.toBe('');
      expect(s.message).toBe(0);
    }
  });

  it('finds nothing in a calm first message', () => {
    expect(detectEarlySigns('Hello, we liked your portfolio. Could we talk next week about a website for our bakery?')).toEqual([]);
  });

  it('does not call a rush "before any contract" once a contract exists', () => {
    const kinds = (signs: EarlySign[]) => signs.map((s) => s.kind);
    expect(kinds(detectEarlySigns(FIRST.en!))).toContain('rush_before_contract');
    expect(kinds(detectEarlySigns(FIRST.en!, { contractExists: true }))).not.toContain('rush_before_contract');
  });

  it('keeps offsets into the whole text across pasted messages', () => {
    const text = 'Hello, nice to meet you.\n---\nCan you make it cheaper?';
    expect(splitMessages(text)).toHaveLength(2);
    const [sign] = detectEarlySigns(text);
    expect(sign?.message).toBe(1);
    expect(text.slice(sign!.start, sign!.end)).toBe('cheaper');
  });
});
