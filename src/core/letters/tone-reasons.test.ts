/**
 * What counts as a reason (X3, X4), the same way in every language: saying that you cannot go on
 * restates the decision and is no reason; saying what has not been possible on your side is one.
 */
import { describe, expect, it } from 'vitest';
import { checkTone, type LetterLang } from './tone.js';

/** A letter with everything but the sentence under test: thanks, a date, the handover. */
const FRAME: Record<LetterLang, (sentence: string) => string> = {
  en: (s) =>
    `Hi Karen,\n\nThank you for everything we did together.\n\n${s}\n\nBy 1 March I will send you all the access and the content plan.\n\nBest,\nLiz`,
  ru: (s) =>
    `Здравствуйте, Карина!\n\nСпасибо за всё, что мы сделали вместе.\n\n${s}\n\nДо 1 марта я пришлю вам все доступы и контент-план.\n\nОбнимаю,\nЛиза`,
  ro: (s) =>
    `Bună, Carina!\n\nVă mulțumesc pentru tot ce am făcut împreună.\n\n${s}\n\nPână la 1 martie vă trimit toate accesele și planul de conținut.\n\nCu drag,\nLiza`,
  lt: (s) =>
    `Sveika, Karina,\n\nAčiū už viską, ką nuveikėme kartu.\n\n${s}\n\nIki kovo 1 d. atsiųsiu visas prieigas ir turinio planą.\n\nApkabinu,\nLiza`,
};

const RESTATED: Record<LetterLang, string> = {
  en: 'I cannot continue running your Instagram after 1 March.',
  ru: 'Я не смогу дальше вести ваш Instagram после 1 марта.',
  ro: 'Nu mai pot continua să gestionez contul de Instagram după 1 martie.',
  lt: 'Nebegalėsiu toliau tvarkyti jūsų Instagram paskyros po kovo 1 d.',
};

const NOT_POSSIBLE: Record<LetterLang, string> = {
  en: 'I will end our work on 1 March. Agreeing the tasks in advance has often not been possible.',
  ru: 'Я завершаю работу 1 марта. Часто не удавалось согласовать задачи заранее.',
  ro: 'Închei colaborarea pe 1 martie. Adesea nu a fost posibil să stabilim sarcinile din timp.',
  lt: 'Baigiu darbą kovo 1 d. Dažnai nepavykdavo iš anksto suderinti užduočių.',
};

const BECAUSE: Record<LetterLang, string> = {
  en: 'I cannot continue after 1 March because my schedule is full.',
  ru: 'Я не смогу продолжать после 1 марта, потому что мой график заполнен.',
  ro: 'Nu mai pot continua după 1 martie, pentru că programul meu este plin.',
  lt: 'Negalėsiu tęsti po kovo 1 d., nes mano grafikas užpildytas.',
};

describe.each(['en', 'ru', 'ro', 'lt'] as const)('reasons in %s', (lang) => {
  const codes = (sentence: string) => checkTone(FRAME[lang](sentence), { lang }).violations;

  it('does not take "I cannot continue" for a reason', () => {
    expect(codes(RESTATED[lang])).toEqual(['no_reason']);
  });

  it('takes what has not been possible on your side as a reason', () => {
    expect(codes(NOT_POSSIBLE[lang])).toEqual([]);
  });

  it('still takes "cannot continue, because ..." as a reason', () => {
    expect(codes(BECAUSE[lang])).toEqual([]);
  });
});
