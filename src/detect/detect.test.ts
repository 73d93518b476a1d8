import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect, parseSentAt } from './detect.js';
import type { DetectLang, MessageRedFlagCode } from './types.js';

const labels = (text: string, lang?: DetectLang, sentAt?: string): MessageRedFlagCode[] =>
  detect({ text, ...(lang ? { lang } : {}), ...(sentAt ? { sentAt } : {}) }).labels;

// A weekday at noon, so that sending time plays no part unless a test says so.
const NOON = '2026-03-11T12:00:00+02:00';

describe('detect: English', () => {
  const cases: Array<[MessageRedFlagCode, string]> = [
    ['abuse', 'You are a total moron, my grandma could design a better flyer.'],
    ['payment', "We're not paying for the March work, forget about that invoice."],
    ['price_pressure', 'Way too expensive. Give me your lowest price or I walk.'],
    ['urgency_pressure', 'I need the whole catalogue today, drop everything else.'],
    ['availability_demands', 'I expect you to be reachable whenever I call, weekends included.'],
    ['scope_creep', "While you're at it, could you also redo our menu? Same price of course."],
    ['disregard_expertise', "I don't need your advice on fonts, just do it how I tell you."],
    ['unlawful', 'Could you backdate the contract? Nobody will check.'],
    ['contract_breach', "We won't be providing the product samples after all, use stock images."],
    ['reputation_threat', "Fix it or I'll leave a one-star review everywhere."],
    ['negativity', "Nothing you've delivered so far has worked. I can feel it's your fault."],
  ];
  for (const [code, text] of cases) it(`finds ${code}`, () => expect(labels(text, 'en', NOON)).toContain(code));

  it('flags nothing in a routine message', () => {
    expect(labels('Thanks for the draft, looks good. Could we talk on Thursday about the next steps?', 'en', NOON)).toEqual([]);
  });

  it('negation: "not urgent" and "no rush" are not urgency', () => {
    expect(labels('Not urgent at all, whenever you have time is fine.', 'en', NOON)).toEqual([]);
    expect(labels('No rush on the logo tweaks, next week works.', 'en', NOON)).toEqual([]);
  });

  it('quotation of a third party blocks abuse', () => {
    expect(labels('A customer emailed us "you are all idiots" about the banner, could we soften the wording?', 'en', NOON)).not.toContain(
      'abuse',
    );
    expect(labels('My boss said you were useless, but honestly he says that about everyone. Not aimed at you!', 'en', NOON)).not.toContain(
      'abuse',
    );
  });

  it('harmless idioms are not abuse', () => {
    expect(labels('This landing page is killing it, amazing job!', 'en', NOON)).toEqual([]);
    expect(labels('Tax season is killing me, but your part is done, thanks!', 'en', NOON)).toEqual([]);
  });

  it('polite rush with an offer to pay and an easy way out is not urgency', () => {
    expect(labels('Any chance you could finish by Friday? Happy to pay the rush fee, totally fine if not.', 'en', NOON)).toEqual([]);
  });
});

describe('detect: Russian', () => {
  const cases: Array<[MessageRedFlagCode, string]> = [
    ['abuse', 'Вы просто идиот, ничего не умеете.'],
    ['payment', 'Платить за этот месяц не будем, забудьте.'],
    ['price_pressure', 'Слишком дорого. Скиньте половину цены, иначе уйдём к другим.'],
    ['urgency_pressure', 'Макет нужен сегодня, бросайте всё остальное.'],
    ['availability_demands', 'Почему вы не отвечаете? Держите телефон включённым, я должен дозвониться в любое время.'],
    ['scope_creep', 'Раз уж вы делаете сайт, сделайте заодно и буклет, бесплатно конечно.'],
    ['disregard_expertise', 'Ваши рекомендации мне не нужны, делайте как я сказал.'],
    ['unlawful', 'Нарисуйте нам фиктивный акт, никто не проверит.'],
    ['contract_breach', 'Доступы к хостингу не дадим, как договаривались раньше не получится.'],
    ['reputation_threat', 'Если не исправите, оставлю отзыв на одну звезду везде.'],
    ['negativity', 'Опять не то. Как всегда, ничего не работает.'],
  ];
  for (const [code, text] of cases) it(`finds ${code}`, () => expect(labels(text, 'ru', NOON)).toContain(code));

  it('negation: «не срочно» is not urgency', () => {
    expect(labels('Это не срочно, посмотрите, когда будет время.', 'ru', NOON)).toEqual([]);
  });

  it('postposed negation: «платить не будем» is a payment refusal', () => {
    expect(labels('Остаток платить не будем.', 'ru', NOON)).toContain('payment');
  });

  it('Russian typed in Latin letters (translit)', () => {
    const r = detect({ text: 'ty idiot, srochno otvechai, gde dengi?', sentAt: NOON });
    expect(r.lang).toBe('ru');
    expect(r.labels).toContain('abuse');
  });
});

describe('detect: Romanian', () => {
  const cases: Array<[MessageRedFlagCode, string]> = [
    ['abuse', 'Ești un idiot și un incompetent.'],
    ['payment', 'Nu plătim factura asta, uitați de ea.'],
    ['price_pressure', 'Prea scump. Faceți-ne o reducere serioasă sau plecăm.'],
    ['urgency_pressure', 'Vreau logo-ul gata până mâine dimineață, lăsați tot altceva.'],
    ['availability_demands', 'De ce nu răspunzi? Trebuie să fii disponibilă oricând am nevoie.'],
    ['scope_creep', 'Dacă tot faceți site-ul, faceți și meniul, gratis.'],
    ['disregard_expertise', 'Nu mă interesează ce recomandați, faceți cum zic eu.'],
    ['unlawful', 'Emiteți o factură falsă, nimeni nu verifică.'],
    ['contract_breach', 'Nu vă mai dăm accesul la server, cum am stabilit nu mai merge.'],
    ['reputation_threat', 'Dacă nu rezolvați, las o recenzie de o stea peste tot.'],
    ['negativity', 'Iar nu e ce am cerut, ca de fiecare dată.'],
  ];
  for (const [code, text] of cases) it(`finds ${code}`, () => expect(labels(text, 'ro', NOON)).toContain(code));

  it('without diacritics', () => {
    expect(labels('Nu platim factura asta, uitati de ea.', 'ro', NOON)).toContain('payment');
    expect(labels('Esti un idiot si un incompetent.', 'ro', NOON)).toContain('abuse');
  });

  it('negation: "nu e urgent" is not urgency', () => {
    expect(labels('Nu e urgent, când poți.', 'ro', NOON)).toEqual([]);
  });
});

describe('detect: Lithuanian', () => {
  const cases: Array<[MessageRedFlagCode, string]> = [
    ['abuse', 'Tu esi kvailys ir tinginys.'],
    ['payment', 'Už šį mėnesį nemokėsim, pamirškite.'],
    ['price_pressure', 'Per brangu. Duokite nuolaidą arba ieškosim kito.'],
    ['urgency_pressure', 'Maketo reikia šiandien, skubiai, viską mesti.'],
    ['availability_demands', 'Kodėl neatsakai? Man reikia, kad būtum pasiekiama visą dieną.'],
    ['scope_creep', 'Kai jau darai svetainę, padaryk ir meniu nemokamai.'],
    ['disregard_expertise', 'Man nereikia tavo nuomonės, daryk kaip sakau.'],
    ['unlawful', 'Padarykite suklastotą sąskaitą, niekas netikrins.'],
    ['contract_breach', 'Prieigos neduosim, kaip sutarėm nebeišeina.'],
    ['reputation_threat', 'Jei nepataisysi, paliksiu vienos žvaigždutės atsiliepimą.'],
    ['negativity', 'Ir vėl ne tai, kaip visada.'],
  ];
  for (const [code, text] of cases) it(`finds ${code}`, () => expect(labels(text, 'lt', NOON)).toContain(code));

  it('without diacritics', () => {
    expect(labels('Uz si menesi nemokesim, pamirskite.', 'lt', NOON)).toContain('payment');
    expect(labels('Tu esi kvailys ir tinginys.', 'lt', NOON)).toContain('abuse');
  });

  it('negation: "neskubu" is not urgency', () => {
    expect(labels('Visai neskubu, rytoj ar vėliau.', 'lt', NOON)).toEqual([]);
  });
});

describe('mixed language', () => {
  it('finds English insults inside a Russian message', () => {
    const r = detect({ text: 'Слушайте, это полный fail. You are an idiot, переделайте всё.', sentAt: NOON });
    expect(r.lang).toBe('ru');
    expect(r.labels).toContain('abuse');
  });
  it('finds Russian phrases inside an English message', () => {
    const r = detect({ text: 'Hi, just to be clear: платить не будем until the launch is done, you know how it is.', sentAt: NOON });
    expect(r.labels).toContain('payment');
  });
});

describe('sending time', () => {
  it('reads local time and weekday from the ISO offset', () => {
    expect(parseSentAt('2026-02-08T23:50:00-05:00')).toMatchObject({ hour: 23, weekday: 0, night: true, weekend: true });
    expect(parseSentAt('2026-03-11T12:00:00+02:00')).toMatchObject({ night: false, weekend: false });
    expect(parseSentAt('nonsense')).toBeNull();
  });
  it('a 02:00 demand for an immediate answer is availability_demands', () => {
    const r = detect({
      text: 'Are you awake? Call me right away, we have to go over the slides.',
      lang: 'en',
      sentAt: '2026-03-11T02:00:00+01:00',
    });
    expect(r.labels).toContain('availability_demands');
    const f = r.findings.find((x) => x.code === 'availability_demands');
    expect(f?.rule).toMatch(/^time\./);
  });
  it('the same words at noon on a weekday are not', () => {
    expect(labels('Are you awake? Call me right away, we have to go over the slides.', 'en', NOON)).not.toContain('availability_demands');
  });
  it('a night message that waives the reply is not flagged', () => {
    expect(labels('Writing late, sorry. No need to answer tonight, reply Monday is fine.', 'en', '2026-03-13T23:50:00+00:00')).toEqual([]);
  });
  it('availability gets stronger at night', () => {
    const day = detect({ text: 'Why are you not answering? Pick up the phone.', lang: 'en', sentAt: NOON }).findings;
    const night = detect({
      text: 'Why are you not answering? Pick up the phone.',
      lang: 'en',
      sentAt: '2026-03-11T23:30:00+00:00',
    }).findings;
    const sev = (fs: typeof day) => Math.max(...fs.filter((f) => f.code === 'availability_demands').map((f) => f.severity));
    expect(sev(night)).toBeGreaterThan(sev(day));
  });
});

describe('findings explain themselves', () => {
  it('spans point at the right substring, also after emoji and astral characters', () => {
    const text = '😀🎉 𝒽𝑒𝓎 👋🏽 — honestly you are an idiot.';
    const r = detect({ text, lang: 'en' });
    const f = r.findings.find((x) => x.code === 'abuse');
    expect(f).toBeDefined();
    expect(text.slice(f?.start, f?.end)).toBe('idiot');
    expect(f?.rule).toBe('en.abuse.insult');
    expect(f?.severity).toBeGreaterThanOrEqual(1);
  });
  it('multi-part evidence carries spans inside [start, end)', () => {
    const text = "I'll make sure everyone in town knows how you treat clients, unless you fix it.";
    const r = detect({ text, lang: 'en' });
    const f = r.findings.find((x) => x.code === 'reputation_threat');
    expect(f).toBeDefined();
    for (const s of f?.spans ?? []) {
      expect(s.start).toBeGreaterThanOrEqual(f?.start ?? 0);
      expect(s.end).toBeLessThanOrEqual(f?.end ?? 0);
    }
    expect(text.slice(f?.start, f?.end)).toContain('make sure everyone');
  });
  it('rule ids are readable and stable', () => {
    const r = detect({ text: 'Вы идиот.', lang: 'ru' });
    expect(r.findings[0]?.rule).toBe('ru.abuse.insult');
  });
});

describe('language identification', () => {
  const cases: Array<[DetectLang, string]> = [
    ['en', 'Could you please send the updated invoice for the website by Friday?'],
    ['ru', 'Пришлите, пожалуйста, обновлённый счёт за сайт до пятницы.'],
    ['ro', 'Puteți să-mi trimiteți factura actualizată pentru site până vineri?'],
    ['ro', 'Puteti sa imi trimiteti factura actualizata pentru site pana vineri?'],
    ['lt', 'Ar galėtumėte atsiųsti atnaujintą sąskaitą už svetainę iki penktadienio?'],
    ['lt', 'Ar galetumete atsiusti atnaujinta saskaita uz svetaine iki penktadienio?'],
    ['ru', 'privet, mne nado srochno oplatit schet, kogda budet gotovo?'],
  ];
  for (const [lang, text] of cases) it(`${lang}: ${text.slice(0, 30)}`, () => expect(detect({ text }).lang).toBe(lang));
  it('a given language wins', () => {
    expect(detect({ text: 'hello there', lang: 'lt' }).lang).toBe('lt');
  });
});

describe('robustness', () => {
  it('empty text yields no findings', () => {
    expect(detect({ text: '' })).toMatchObject({ labels: [], findings: [] });
    expect(detect({ text: '   \n ' }).findings).toEqual([]);
  });
  it('never throws and every span lies within the text, for arbitrary unicode', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.constantFrom<DetectLang | undefined>(undefined, 'en', 'ru', 'ro', 'lt'),
        fc.option(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().replace('Z', '+03:00'))),
        (text, lang, sentAt) => {
          const r = detect({ text, ...(lang ? { lang } : {}), ...(sentAt ? { sentAt } : {}) });
          for (const f of r.findings) {
            expect(f.start).toBeGreaterThanOrEqual(0);
            expect(f.end).toBeLessThanOrEqual(text.length);
            expect(f.start).toBeLessThan(f.end);
            for (const s of f.spans ?? []) {
              expect(s.start).toBeGreaterThanOrEqual(0);
              expect(s.end).toBeLessThanOrEqual(text.length);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('survives adversarial mixes of lexicon words', () => {
    const words = ['not', 'pay', 'idiot', 'не', 'платить', 'nu', 'plătim', 'nemokėsim', '"', '«', "'", '.', 'now', 'срочно'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), (ws) => {
        const text = ws.join(' ');
        const r = detect({ text });
        for (const f of r.findings) expect(text.slice(f.start, f.end).length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('insult vocabulary', () => {
  it('knows common insults and swearing in their usual forms', () => {
    expect(labels('Вы просто мрази, все до одного.', 'ru', NOON)).toContain('abuse');
    expect(labels('Ну и твари же вы.', 'ru', NOON)).toContain('abuse');
    expect(labels('Sunteți niște javre, toți.', 'ro', NOON)).toContain('abuse');
    expect(labels('Ce naiba, kkt de treabă.', 'ro', NOON)).toContain('abuse');
    expect(labels('Stop whining, you skank.', 'en', NOON)).toContain('abuse');
    expect(labels('Jūs tikri avigalviai.', 'lt', NOON)).toContain('abuse');
  });

  it('does not take ordinary words that share their first letters for insults', () => {
    expect(labels('Мы творим чудеса, макет готов.', 'ru', NOON)).toEqual([]);
    expect(labels('Curățăm fișierele și trimitem curând.', 'ro', NOON)).toEqual([]);
    expect(labels('Daug darbo, maketą siunčiu rytoj.', 'lt', NOON)).toEqual([]);
  });
});
