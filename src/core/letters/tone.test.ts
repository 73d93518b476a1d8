import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  checkTone,
  countWords,
  type LetterLang,
  MAX_LETTER_WORDS,
  MAX_REPLY_WORDS,
  TONE_CODES,
  TONE_CODES_BY_KIND,
  type ToneCode,
} from './tone.js';

/** A termination letter in parts, so each test can drop one part or add one problem. */
interface LetterParts {
  greeting: string;
  thanks: string;
  decision: string;
  reason: string;
  vagueReason: string;
  timeline: string;
  handoff: string;
  signoff: string;
  /** one sentence for each problem code */
  problems: Record<'blame' | 'emotional' | 'breakup_word' | 'wavering' | 'referral', string>;
}

const PARTS: Record<LetterLang, LetterParts> = {
  en: {
    greeting: 'Dear Alice,',
    thanks: 'Thank you for the three years we worked together on the shop.',
    decision: 'I am writing to let you know that I am ending our cooperation.',
    reason: 'My teaching contract now fills most of my week, so I cannot keep up with the monthly orders.',
    vagueReason: 'It is simply the right time for me to move on.',
    timeline: 'My last working day will be 14 August.',
    handoff: 'Before then I will send you the product photos, the supplier list and the shop logins.',
    signoff: 'Kind regards,\nBen',
    problems: {
      blame: 'You are disorganised and you never answer my questions.',
      emotional: 'Honestly, I am SICK AND TIRED of this!!',
      breakup_word: 'I think we should take a break from each other.',
      wavering: 'Maybe we could try again in spring.',
      referral: 'I can recommend my colleague Dana Hill.',
    },
  },
  ru: {
    greeting: 'Добрый день, Ирина!',
    thanks: 'Спасибо за три года совместной работы над магазином.',
    decision: 'Сообщаю, что завершаю наше сотрудничество.',
    reason: 'Преподавание теперь занимает большую часть недели, поэтому я не успеваю с ежемесячными заказами.',
    vagueReason: 'Так сложились обстоятельства.',
    timeline: 'Последний рабочий день — 14 августа.',
    handoff: 'До этого дня я передам вам фотографии товаров, список поставщиков и доступы к магазину.',
    signoff: 'С уважением,\nБорис',
    problems: {
      blame: 'Вы постоянно меняете задачи и не умеете планировать.',
      emotional: 'С меня хватит!!',
      breakup_word: 'Думаю, нам стоит расстаться.',
      wavering: 'Может быть, весной попробуем ещё раз.',
      referral: 'Могу порекомендовать свою коллегу Дарью Белову.',
    },
  },
  ro: {
    greeting: 'Bună ziua, doamna Ene,',
    thanks: 'Vă mulțumesc pentru cei trei ani de colaborare la magazin.',
    decision: 'Vă anunț că închei colaborarea noastră.',
    reason: 'Contractul de predare îmi ocupă acum cea mai mare parte a săptămânii, așa că nu mai pot face comenzile lunare.',
    vagueReason: 'Din motive personale.',
    timeline: 'Ultima zi de lucru va fi 14 august.',
    handoff: 'Până atunci vă trimit fotografiile produselor, lista furnizorilor și parolele magazinului.',
    signoff: 'Cu stimă,\nBogdan',
    problems: {
      blame: 'Sunteți foarte dezorganizată și nu știți să planificați nimic.',
      emotional: 'M-am săturat de toate acestea!!',
      breakup_word: 'Cred că e momentul să ne despărțim.',
      wavering: 'Poate că ar merge să mai încercăm în primăvară.',
      referral: 'Vă recomand pe colega mea Dana Pop.',
    },
  },
  lt: {
    greeting: 'Laba diena, Aldona,',
    thanks: 'Dėkoju už trejus metus bendro darbo prie parduotuvės.',
    decision: 'Pranešu, kad nutraukiu mūsų bendradarbiavimą.',
    reason: 'Dėstymas dabar užima didžiąją savaitės dalį, todėl nebespėju su mėnesiniais užsakymais.',
    vagueReason: 'Taip susiklostė aplinkybės.',
    timeline: 'Paskutinė darbo diena bus rugpjūčio 14 d.',
    handoff: 'Iki tol perduosiu prekių nuotraukas, tiekėjų sąrašą ir parduotuvės prisijungimus.',
    signoff: 'Pagarbiai\nBenas',
    problems: {
      blame: 'Jūs nuolat keičiate užduotis ir nesugebate nieko planuoti.',
      emotional: 'Man jau gana!!',
      breakup_word: 'Manau, mums laikas išsiskirti.',
      wavering: 'Gal pavasarį dar galėtume pabandyti.',
      referral: 'Galiu rekomenduoti kolegę Daivą Petraitienę.',
    },
  },
};

type Part = 'thanks' | 'reason' | 'timeline' | 'handoff';

function letter(p: LetterParts, options: { drop?: Part; vague?: boolean; add?: string } = {}): string {
  const body = [
    options.drop === 'thanks' ? '' : p.thanks,
    [p.decision, options.vague ? p.vagueReason : options.drop === 'reason' ? '' : p.reason].filter(Boolean).join(' '),
    options.add ?? '',
    options.drop === 'timeline' ? '' : p.timeline,
    options.drop === 'handoff' ? '' : p.handoff,
  ].filter(Boolean);

  return [p.greeting, ...body, p.signoff].join('\n\n');
}

const LANGS = Object.keys(PARTS) as LetterLang[];

describe.each(LANGS)('checkTone, %s', (lang) => {
  const p = PARTS[lang];
  const check = (text: string, context?: { client_paid?: boolean; abusive?: boolean }) =>
    checkTone(text, { lang, ...(context ? { context } : {}) });

  it('passes a complete, calm letter', () => {
    expect(check(letter(p), { client_paid: true, abusive: false })).toMatchObject({ violations: [], findings: [] });
  });

  it.each([
    ['thanks', 'no_thanks'],
    ['timeline', 'no_timeline'],
    ['handoff', 'no_handoff'],
    ['reason', 'no_reason'],
  ] as const)('reports a missing %s, over the whole text', (part, code) => {
    const text = letter(p, { drop: part });
    const result = check(text);
    expect(result.violations).toEqual([code]);
    expect(result.findings).toEqual([expect.objectContaining({ code, start: 0, end: text.length, rule: `${lang}.${code}.absent` })]);
  });

  it('reports a vague stand-in for a reason at the phrase itself', () => {
    const text = letter(p, { vague: true });
    const [finding] = check(text).findings;
    expect(check(text).violations).toEqual(['no_reason']);
    expect(finding?.start).toBeGreaterThanOrEqual(text.indexOf(p.vagueReason));
    expect(finding?.end).toBeLessThanOrEqual(text.indexOf(p.vagueReason) + p.vagueReason.length);
  });

  it.each(['blame', 'emotional', 'breakup_word', 'wavering'] as const)('finds %s and points inside the offending sentence', (code) => {
    const sentence = p.problems[code];
    const text = letter(p, { add: sentence });
    const result = check(text, { client_paid: true, abusive: false });
    expect(result.violations).toEqual([code]);
    const from = text.indexOf(sentence);
    for (const f of result.findings) {
      expect(f.start).toBeGreaterThanOrEqual(from);
      expect(f.end).toBeLessThanOrEqual(from + sentence.length);
      expect(f.message.length).toBeGreaterThan(20);
    }
  });

  it('reports a referral only for a client who did not pay or was abusive (X8)', () => {
    const text = letter(p, { add: p.problems.referral });
    expect(check(text, { client_paid: true, abusive: false }).violations).toEqual([]);
    expect(check(text).violations).toEqual([]);
    expect(check(text, { client_paid: false }).violations).toEqual(['referral_to_abuser']);
    expect(check(text, { client_paid: true, abusive: true }).violations).toEqual(['referral_to_abuser']);
  });

  it('reads Romanian and Lithuanian typed without diacritics like the real thing', () => {
    const stripped = letter(p, { add: p.problems.wavering })
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    if (lang === 'ro' || lang === 'lt') expect(check(stripped).violations).toEqual(['wavering']);
  });
});

describe('checkTone, everywhere', () => {
  const en = PARTS.en;

  it('reports a letter over 250 words as too long, from word 251 on', () => {
    const filler = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    const base = letter(en);
    const atLimit = `${base}\n\n${filler(MAX_LETTER_WORDS - countWords(base))}`;
    expect(countWords(atLimit)).toBe(MAX_LETTER_WORDS);
    expect(checkTone(atLimit, { lang: 'en' }).violations).toEqual([]);
    const over = `${atLimit} extra`;
    const result = checkTone(over, { lang: 'en' });
    expect(result.violations).toEqual(['too_long']);
    expect(result.words).toBe(251);
    expect(result.findings[0]).toMatchObject({ start: over.lastIndexOf('extra'), end: over.length });
  });

  it('counts words the way a reader does', () => {
    expect(countWords("I'm sending the e-mail on 14 August, 2026 — all 3 files.")).toBe(11);
    expect(countWords('  \n ')).toBe(0);
  });

  it('treats capitals as shouting only when they are words, not acronyms or a company name', () => {
    const ok = letter(en, { add: 'The SEO report, the PDF and the UAB „STATYBŲ SPRENDIMAI“ invoices are attached.' });
    expect(checkTone(ok, { lang: 'en' }).violations).toEqual([]);
    const loud = letter(en, { add: 'This was NOT ACCEPTABLE.' });
    const result = checkTone(loud, { lang: 'en' });
    expect(result.findings).toEqual([expect.objectContaining({ code: 'emotional', rule: 'en.emotional.shouting' })]);
    expect(loud.slice(result.findings[0]?.start, result.findings[0]?.end)).toBe('NOT ACCEPTABLE');
  });

  it("does not take words in quotation marks (the client's own) as the writer's", () => {
    const quoted = letter(en, { add: 'Your last message said “you are useless and I am done”, which I cannot accept.' });
    expect(checkTone(quoted, { lang: 'en' }).violations).toEqual([]);
  });

  it('does not read a holiday break as a break-up', () => {
    expect(checkTone(letter(en, { add: 'The shop closes for the winter break anyway.' }), { lang: 'en' }).violations).toEqual([]);
    expect(checkTone(letter(PARTS.ru, { add: 'Всё равно магазин закрывается на новогодний перерыв.' }), { lang: 'ru' }).violations).toEqual(
      [],
    );
  });

  it('does not count sarcastic thanks as thanks', () => {
    const text = letter(en, { drop: 'thanks', add: 'Thanks for nothing.' });
    expect(checkTone(text, { lang: 'en' }).violations).toEqual(['emotional', 'no_thanks']);
  });

  it('returns findings in text order and codes sorted in TONE_CODES order, each code once', () => {
    const text = letter(en, { drop: 'handoff', add: `${en.problems.wavering} ${en.problems.blame}` });
    const result = checkTone(text, { lang: 'en' });
    expect(result.violations).toEqual(['blame', 'no_handoff', 'wavering']);
    const starts = result.findings.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('checks each kind only for what that kind needs', () => {
    const warning = 'Dear Alice, on Tuesday’s call you shouted at my assistant. If this happens again, I will end our cooperation.';
    expect(checkTone(warning, { lang: 'en', kind: 'warning' }).violations).toEqual([]);
    const vagueWarning = 'Dear Alice, please be more careful.';
    expect(checkTone(vagueWarning, { lang: 'en', kind: 'warning' }).violations).toEqual(['no_reason', 'no_timeline']);
    expect(checkTone(vagueWarning, { lang: 'en', kind: 'warning' }).findings.find((f) => f.code === 'no_timeline')?.message).toMatch(
      /repeats/,
    );

    const reply = 'Dear Alice, thank you for thinking of me. My decision stands, and I wish you every success.';
    expect(checkTone(reply, { lang: 'en', kind: 're_engagement_reply' }).violations).toEqual([]);
    const waveringReply = `${reply} Maybe in spring we could try again.`;
    expect(checkTone(waveringReply, { lang: 'en', kind: 're_engagement_reply' }).violations).toEqual(['wavering']);
    const longReply = `${reply} ${Array.from({ length: MAX_REPLY_WORDS }, () => 'word').join(' ')}`;
    expect(checkTone(longReply, { lang: 'en', kind: 're_engagement_reply' }).violations).toEqual(['too_long']);

    const demand = 'Dear Alice, invoice 12 for EUR 400 is unpaid. Please pay it by 30 May.';
    expect(checkTone(demand, { lang: 'en', kind: 'debt_demand' }).violations).toEqual([]);
    expect(checkTone('Dear Alice, invoice 12 is unpaid.', { lang: 'en', kind: 'debt_demand' }).violations).toEqual(['no_timeline']);
  });

  it('never reports a code outside its kind', () => {
    const bad = `${letter(en, { drop: 'handoff', add: `${en.problems.blame} ${en.problems.wavering} ${en.problems.breakup_word} ${en.problems.referral}` })}`;
    for (const kind of Object.keys(TONE_CODES_BY_KIND) as Array<keyof typeof TONE_CODES_BY_KIND>) {
      const allowed = new Set<ToneCode>(TONE_CODES_BY_KIND[kind]);
      for (const code of checkTone(bad, { lang: 'en', kind, context: { client_paid: false } }).violations)
        expect(allowed.has(code), `${kind}: ${code}`).toBe(true);
    }
  });

  it('never flags an empty or blank draft, whatever the kind', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[ \t\n\r]*$/),
        fc.constantFrom(...LANGS),
        fc.constantFrom(...(Object.keys(TONE_CODES_BY_KIND) as Array<keyof typeof TONE_CODES_BY_KIND>)),
        (text, lang, kind) => {
          expect(checkTone(text, { lang, kind, context: { client_paid: false, abusive: true } })).toEqual({
            violations: [],
            findings: [],
            words: 0,
          });
        },
      ),
    );
  });

  it('keeps every finding inside the text, with a known code, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom(...LANGS), (text, lang) => {
        const result = checkTone(text, { lang, context: { client_paid: false } });
        for (const f of result.findings) {
          expect(TONE_CODES).toContain(f.code);
          expect(0 <= f.start && f.start <= f.end && f.end <= text.length).toBe(true);
        }
        expect(result.violations).toEqual(TONE_CODES.filter((c) => result.findings.some((f) => f.code === c)));
      }),
    );
  });

  it('rejects an unknown language or kind with a validation error', () => {
    expect(() => checkTone('Hello', { lang: 'de' as LetterLang })).toThrow(DomainError);
    expect(() => checkTone('Hello', { lang: 'de' as LetterLang })).toThrow(/Unknown letter language "de"/);
    expect(() => checkTone('Hello', { lang: 'en', kind: 'memo' as 'warning' })).toThrow(/Unknown letter kind "memo"/);
  });
});
