/**
 * Blame and sarcasm said without the words that usually carry them: a reproach ("I expected better
 * from you"), a fault named as the cause ("because of your constant changes"), thanks or praise
 * meant the other way round, scare quotes. Each language has sentences that must be found and
 * near misses that must not: sincere thanks, a neutral cause, recorded facts (X4), quoted titles.
 */
import { describe, expect, it } from 'vitest';
import { checkTone, type LetterLang, type ToneCode } from './tone.js';

interface Frame {
  /** a complete, calm letter around one sentence */
  letter: (sentence: string) => string;
  /** the same letter without its thanks */
  withoutThanks: (sentence: string) => string;
  /** the same letter without its reason */
  withoutReason: (sentence: string) => string;
}

function frame(greeting: string, thanks: string, decision: string, reason: string, timeline: string, signoff: string): Frame {
  const build = (parts: { thanks?: boolean; reason?: boolean }, sentence: string) =>
    [
      greeting,
      parts.thanks === false ? '' : thanks,
      parts.reason === false ? decision : `${decision} ${reason}`,
      sentence,
      timeline,
      signoff,
    ]
      .filter(Boolean)
      .join('\n\n');

  return {
    letter: (s) => build({}, s),
    withoutThanks: (s) => build({ thanks: false }, s),
    withoutReason: (s) => build({ reason: false }, s),
  };
}

const FRAMES: Record<LetterLang, Frame> = {
  en: frame(
    'Dear Karen,',
    'Thank you for the two years of work on the shop.',
    'I am ending our cooperation on 1 March.',
    'My teaching contract now fills most of my week, so I cannot keep up with the orders.',
    'By 1 March I will send you all the files and the access to the shop.',
    'Kind regards,\nLiz',
  ),
  ru: frame(
    'Здравствуйте, Карина!',
    'Спасибо за два года работы над магазином.',
    'Я завершаю наше сотрудничество 1 марта.',
    'Преподавание теперь занимает большую часть недели, поэтому я не успеваю с заказами.',
    'До 1 марта я пришлю вам все файлы и доступы к магазину.',
    'С уважением,\nЛиза',
  ),
  ro: frame(
    'Bună ziua, doamna Ene,',
    'Vă mulțumesc pentru cei doi ani de lucru la magazin.',
    'Închei colaborarea noastră pe 1 martie.',
    'Contractul de predare îmi ocupă acum cea mai mare parte a săptămânii, așa că nu mai pot face comenzile.',
    'Până la 1 martie vă trimit toate fișierele și accesul la magazin.',
    'Cu stimă,\nLiza',
  ),
  lt: frame(
    'Laba diena, Karina,',
    'Dėkoju už dvejus darbo prie parduotuvės metus.',
    'Baigiu mūsų bendradarbiavimą kovo 1 d.',
    'Dėstymas dabar užima didžiąją savaitės dalį, todėl nebespėju su užsakymais.',
    'Iki kovo 1 d. atsiųsiu visus failus ir prieigas prie parduotuvės.',
    'Pagarbiai\nLiza',
  ),
};

interface Cases {
  reproach: string[];
  faultAsCause: string[];
  sarcasm: string[];
  /** must add nothing to the calm letter */
  nearMisses: string[];
  /** sarcastic thanks, which must not count as the letter's thanks */
  sarcasticThanks: string;
}

const CASES: Record<LetterLang, Cases> = {
  en: {
    reproach: [
      'Honestly, I expected better from you.',
      'I had hoped you would at least read the brief before our calls.',
      'Was it really too much to ask for a reply within a week?',
      'I am disappointed in you and the way this ended.',
      'I had hoped that at least the agreed dates would hold.',
    ],
    faultAsCause: [
      'The delays were on your side, not mine.',
      'The launch slipped because of your constant changes.',
      'Most of the rework was due to your indecision.',
      'The missed deadlines were caused by your team.',
    ],
    sarcasm: [
      'Thanks so much for paying only three months late.',
      'Great job reading the brief, as always.',
      "I look forward to your next round of 'feedback'.",
      'Thank you for finally answering my emails.',
      'I will not miss the “small tweaks” sent on Sunday nights.',
      'You are truly the best client: three missed deadlines in one month.',
    ],
    nearMisses: [
      'Thank you for paying the final invoice on time.',
      'The launch moved to May because of the new regulations.',
      'I expected the files on Monday, and they arrived on Tuesday.',
      'The mailing uses the „Black Friday newsletter template“ we agreed on.',
      'Your comments are in the folder “Final feedback”.',
      'Thank you, as always, for your trust and the great work on the spring campaign.',
      'I had hoped to finish the catalogue before my move, so I will deliver it early.',
      'If there are any problems on your side with the access, let me know.',
      'Invoices NS-1 and NS-2 were paid 6 and 3 days late.',
      "The clients' reviews and the designers' notes are in the shared folder.",
      'I had hoped that I could at least finish the catalogue first.',
      'Thank you for the years together; only the March invoice was ever late.',
      "The export is in the file named 'final' on the drive.",
      'Your team did great work, and I will miss it.',
      'If it is not too much to ask, please confirm that the files arrived.',
      'Thank you for never ignoring my emails.',
      'Because of your move to a new platform, the shop module is no longer needed.',
    ],
    sarcasticThanks: 'Thanks for finally paying the March invoice.',
  },
  ru: {
    reproach: [
      'Я ожидал от вас большего.',
      'Я надеялась, что вы хотя бы прочитаете бриф.',
      'Неужели так сложно ответить на письмо?',
      'Я надеялась, что хотя бы согласованные сроки будут соблюдаться.',
      'Разве я слишком многого прошу?',
    ],
    faultAsCause: [
      'Задержки были с вашей стороны.',
      'Запуск сдвинулся из-за ваших постоянных правок.',
      'Сроки сорвались из-за вашей нерешительности.',
    ],
    sarcasm: [
      'Спасибо, что оплатили всего на три месяца позже.',
      'Отличная работа с брифом, как всегда.',
      'Ваша «обратная связь» пришла в полночь.',
      'Спасибо, что наконец ответили на письмо.',
      'Больше никаких «небольших правок» в воскресенье вечером.',
    ],
    nearMisses: [
      'Спасибо, что оплатили последний счёт вовремя.',
      'Запуск перенесли из-за новых требований закона.',
      'Я ожидала файлы в понедельник, они пришли во вторник.',
      'Шаблоны лежат в папке «Шаблон рассылки Black Friday».',
      'Если с вашей стороны возникнут проблемы с доступом, напишите мне.',
      'Счета № 1 и № 2 были оплачены с опозданием на 6 и 3 дня.',
      'Как всегда, благодарю за отличную совместную работу.',
      'Тексты для раздела «Обратная связь» тоже в папке.',
      'Я надеялась, что успею хотя бы первый этап до переезда.',
      'Отличная работа, ни один срок не сорван.',
      'Если это не слишком многого прошу, подтвердите получение файлов.',
      'Спасибо, что никогда не игнорировали мои письма.',
    ],
    sarcasticThanks: 'Спасибо, что наконец оплатили мартовский счёт.',
  },
  ro: {
    reproach: [
      'Mă așteptam la mai mult de la dumneavoastră.',
      'Speram că măcar veți citi brief-ul înainte de apeluri.',
      'M-ați dezamăgit profund.',
      'Mă așteptam ca măcar termenele convenite să fie respectate.',
      'Chiar era prea mult să cer un răspuns?',
    ],
    faultAsCause: ['Întârzierile au fost din partea dumneavoastră.', 'Lansarea s-a amânat din cauza schimbărilor dumneavoastră continue.'],
    sarcasm: [
      'Mulțumesc frumos că ați plătit doar cu trei luni întârziere.',
      'Treabă excelentă cu brief-ul, ca de obicei.',
      'Am primit «feedback-ul» dumneavoastră la miezul nopții.',
      'Vă mulțumesc că ați răspuns în sfârșit la e-mail.',
    ],
    nearMisses: [
      'Vă mulțumesc că ați achitat factura finală la timp.',
      'Lansarea s-a amânat din cauza noilor reglementări.',
      'Mă așteptam la fișiere luni, iar ele au sosit marți.',
      'Șablonul „Black Friday newsletter template” este în dosar.',
      'Dacă apar probleme de acces din partea dumneavoastră, scrieți-mi.',
      'Facturile NS-1 și NS-2 au fost plătite cu 6 și 3 zile întârziere.',
      'Vă mulțumesc, ca întotdeauna, pentru colaborarea excelentă.',
      'Speram că măcar voi termina primul capitol înainte de mutare.',
      'Colaborare excelentă, fără întârzieri.',
      'Dacă nu e prea mult să cer, confirmați primirea fișierelor.',
      'Din cauza mutării dumneavoastră în noul sediu, accesul se schimbă.',
    ],
    sarcasticThanks: 'Mulțumesc că ați plătit în sfârșit factura din martie.',
  },
  lt: {
    reproach: [
      'Tikėjausi iš jūsų daugiau.',
      'Tikėjausi, kad jūs bent perskaitysite užduotį.',
      'Jūs mane nuvylėte.',
      'Tikėjausi, kad bent sutartų terminų bus laikomasi.',
      'Ar tai buvo per daug prašyti?',
    ],
    faultAsCause: ['Vėlavimai buvo iš jūsų pusės.', 'Paleidimas vėlavo dėl jūsų nuolatinių pakeitimų.'],
    sarcasm: [
      'Ačiū, kad sumokėjote tik trimis mėnesiais vėliau.',
      'Puikus darbas su užduotimi, kaip visada.',
      'Jūsų „pastabos“ atėjo vidurnaktį.',
      'Ačiū, kad pagaliau atsakėte į laišką.',
    ],
    nearMisses: [
      'Ačiū, kad laiku apmokėjote galutinę sąskaitą.',
      'Paleidimas nukeltas dėl naujų teisės aktų reikalavimų.',
      'Failų tikėjausi pirmadienį, jie atėjo antradienį.',
      'Šablonas „Black Friday newsletter template“ yra aplanke.',
      'Jei iš jūsų pusės kiltų problemų su prieiga, parašykite.',
      'Sąskaitos NS-1 ir NS-2 apmokėtos 6 ir 3 dienomis pavėluotai.',
      'Kaip visada, dėkoju už puikų bendradarbiavimą.',
      'Tikėjausi, kad bent pirmą etapą spėsiu iki persikraustymo.',
      'Puikiai praleidome laiką dirbdami kartu.',
      'Jei tai ne per daug prašyti, patvirtinkite, kad gavote failus.',
      'Dėl jūsų persikraustymo į naują biurą pasikeis prieigos.',
    ],
    sarcasticThanks: 'Ačiū, kad pagaliau apmokėjote kovo sąskaitą.',
  },
};

describe.each(Object.keys(CASES) as LetterLang[])('implicit blame and sarcasm, %s', (lang) => {
  const { letter, withoutThanks, withoutReason } = FRAMES[lang];
  const cases = CASES[lang];
  const codes = (text: string): ToneCode[] => checkTone(text, { lang }).violations;

  it('the frame alone is a clean letter', () => {
    expect(codes(letter(''))).toEqual([]);
  });

  it.each(cases.reproach)('reads a reproach as blame: %s', (sentence) => {
    expect(codes(letter(sentence))).toEqual(['blame']);
  });

  it.each(cases.faultAsCause)('reads a fault named as the cause as blame: %s', (sentence) => {
    expect(codes(letter(sentence))).toEqual(['blame']);
  });

  it.each(cases.sarcasm)('reads sarcasm without marker words as emotional: %s', (sentence) => {
    const text = letter(sentence);
    const result = checkTone(text, { lang });
    expect(result.violations).toEqual(['emotional']);
    const from = text.indexOf(sentence);
    for (const f of result.findings) expect(f.start >= from && f.end <= from + sentence.length, f.rule).toBe(true);
  });

  it.each(cases.nearMisses)('leaves a near miss alone: %s', (sentence) => {
    expect(codes(letter(sentence))).toEqual([]);
  });

  it('does not count sarcastic thanks as thanks (X7)', () => {
    expect(codes(withoutThanks(cases.sarcasticThanks))).toEqual(['emotional', 'no_thanks']);
    expect(codes(letter(cases.sarcasticThanks))).toEqual(['emotional']);
  });

  it('does not count a reproach as the reason for the decision', () => {
    expect(codes(withoutReason(''))).toEqual(['no_reason']);
    expect(codes(withoutReason(cases.reproach[0] as string))).toEqual(['blame', 'no_reason']);
  });
});
