import { describe, expect, it } from 'vitest';
import { ClauseRequest } from '../../contracts/clauses.js';
import { ECB_MRO, NBR_REFERENCE, rateOn } from '../money/rates.js';
import type { Language } from '../vocabulary.js';
import { clauseText, generateClauses, parseNotice } from './generate.js';
import { enWords, ltForm, ltWords, roNeedsDe, roWords, ruForm, ruWords } from './number-words.js';
import type { ClauseInput, ClauseJurisdiction } from './types.js';

const TODAY = '2025-09-01';

function input(over: Partial<ClauseInput> = {}): ClauseInput {
  return {
    lang: 'en',
    notice: { amount: 30, unit: 'days' },
    jurisdiction: 'LT',
    place: null,
    provider_name: 'Northlight Studio',
    client_name: 'UAB Medaus kelias',
    client_kind: 'business',
    payment_days: 14,
    deposit_percent: null,
    interest: { kind: 'statutory' },
    ...over,
  };
}

const textOf = (over: Partial<ClauseInput>) => clauseText(generateClauses(input(over), { today: TODAY }));

describe('numbers in words', () => {
  it('writes them as each language does, with gender where it agrees', () => {
    expect(enWords(30)).toBe('thirty');
    expect(enWords(21)).toBe('twenty-one');
    expect(enWords(365)).toBe('three hundred and sixty-five');
    expect(ruWords(21, 'm')).toBe('двадцать один');
    expect(ruWords(2, 'f')).toBe('две');
    expect(ruWords(260)).toBe('двести шестьдесят');
    expect(roWords(2, 'f')).toBe('două');
    expect(roWords(12, 'f')).toBe('douăsprezece');
    expect(roWords(21, 'f')).toBe('douăzeci și una');
    expect(roWords(200, 'f')).toBe('două sute');
    expect(ltWords(2, 'f')).toBe('dvi');
    expect(ltWords(2, 'm')).toBe('du');
    expect(ltWords(31, 'f')).toBe('trisdešimt viena');
    expect(ltWords(365, 'f')).toBe('trys šimtai šešiasdešimt penkios');
  });

  it('picks the noun form the number governs', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 111].map(ruForm)).toEqual(['one', 'few', 'many', 'many', 'one', 'few', 'many', 'many']);
    expect([1, 2, 9, 10, 11, 20, 21, 22, 30].map(ltForm)).toEqual(['one', 'few', 'few', 'many', 'many', 'many', 'one', 'few', 'many']);
    expect([1, 19, 20, 101, 120, 200].map(roNeedsDe)).toEqual([false, false, true, false, true, true]);
  });
});

describe('the notice period, filled in', () => {
  const cases: Array<[Language, ClauseInput['notice'], string]> = [
    ['en', { amount: 30, unit: 'days' }, 'thirty (30) calendar days'],
    ['en', { amount: 1, unit: 'months' }, 'one (1) month'],
    ['ru', { amount: 30, unit: 'days' }, '30 (тридцать) календарных дней'],
    ['ru', { amount: 2, unit: 'months' }, '2 (два) месяца'],
    ['ru', { amount: 21, unit: 'business_days' }, '21 (двадцать один) рабочий день'],
    ['ro', { amount: 30, unit: 'days' }, '30 (treizeci) de zile calendaristice'],
    ['ro', { amount: 10, unit: 'business_days' }, '10 (zece) zile lucrătoare'],
    ['ro', { amount: 1, unit: 'months' }, '1 (una) lună'],
    ['lt', { amount: 30, unit: 'days' }, '30 (trisdešimt) kalendorinių dienų'],
    ['lt', { amount: 2, unit: 'months' }, '2 (du) mėnesiai'],
    ['lt', { amount: 21, unit: 'business_days' }, '21 (dvidešimt viena) darbo diena'],
  ];
  it.each(cases)('%s %j → %s', (lang, notice, expected) => {
    const doc = generateClauses(input({ lang, notice }), { today: TODAY });
    expect(doc.sections[0]?.paragraphs[0]).toContain(expected);
  });
});

describe('the jurisdiction and the late-interest wording', () => {
  const law: Record<Language, Record<Exclude<ClauseJurisdiction, 'EU' | 'other'>, string>> = {
    en: { LT: 'law of the Republic of Lithuania', RO: 'law of Romania', RU: 'law of the Russian Federation' },
    ru: { LT: 'правом Литовской Республики', RO: 'правом Румынии', RU: 'правом Российской Федерации' },
    ro: { LT: 'legislația Republicii Lituania', RO: 'legislația României', RU: 'legislația Federației Ruse' },
    lt: { LT: 'taikoma Lietuvos Respublikos teisė', RO: 'taikoma Rumunijos teisė', RU: 'taikoma Rusijos Federacijos teisė' },
  };
  const interest: Record<Language, Record<Exclude<ClauseJurisdiction, 'other'>, RegExp>> = {
    en: {
      LT: /European Central Bank.*plus eight \(8\) percentage points/,
      RO: /Law No\. 72\/2013.*National Bank of Romania plus eight/,
      RU: /Article 395.*key rate of the Bank of Russia/,
      EU: /Directive 2011\/7\/EU.*plus eight \(8\)/,
    },
    ru: {
      LT: /Европейского центрального банка.*плюс 8 \(восемь\)/,
      RO: /№ 72\/2013.*Национального банка Румынии плюс 8/,
      RU: /статьёй 395.*ключевой ставки Банка России/,
      EU: /Директиве 2011\/7\/ЕС.*плюс 8/,
    },
    ro: {
      LT: /Băncii Centrale Europene.*plus 8 \(opt\)/,
      RO: /Legea nr\. 72\/2013.*Băncii Naționale a României plus 8/,
      RU: /articolului 395.*ratei-cheie a Băncii Rusiei/,
      EU: /Directivei 2011\/7\/UE.*plus 8/,
    },
    lt: {
      LT: /Europos Centrinio Banko.*pridėjus 8 \(aštuonis\)/,
      RO: /Nr\. 72\/2013.*Rumunijos nacionalinio banko.*pridėjus 8/,
      RU: /395 straipsnį.*Rusijos banko/,
      EU: /Direktyvą 2011\/7\/ES.*pridėjus 8/,
    },
  };

  for (const lang of ['en', 'ru', 'ro', 'lt'] as const) {
    for (const j of ['LT', 'RO', 'RU'] as const) {
      it(`${lang}/${j}: governing law and statutory interest of ${j}`, () => {
        const doc = generateClauses(input({ lang, jurisdiction: j }), { today: TODAY });
        const text = clauseText(doc);
        expect(doc.sections[5]?.paragraphs[0]).toContain(law[lang][j]);
        expect(doc.sections[4]?.paragraphs[0]).toMatch(interest[lang][j]);
        // EUR 40 is 2011/7/EU: never under Russian law.
        expect(/\b40\b/.test(doc.sections[4]?.paragraphs.join(' ') ?? '')).toBe(j !== 'RU');
        expect(text).toContain(doc.disclaimer);
      });
    }
    it(`${lang}/EU: the directive's wording and the named state`, () => {
      const doc = generateClauses(input({ lang, jurisdiction: 'EU', place: 'Latvija' }), { today: TODAY });
      expect(doc.sections[4]?.paragraphs[0]).toMatch(interest[lang].EU);
      expect(doc.sections[5]?.paragraphs[0]).toContain('Latvija');
    });
  }

  it('an individual client gets no +8 pp rule and no EUR 40, but the Civil Code', () => {
    const doc = generateClauses(input({ client_kind: 'individual' }), { today: TODAY });
    const late = doc.sections[4]?.paragraphs.join(' ') ?? '';
    expect(late).toContain('Article 6.210 of the Civil Code of the Republic of Lithuania');
    expect(late).not.toContain('EUR 40');
    expect(doc.notes).toEqual([]);
  });

  it('a contractual rate replaces the statutory wording; under Russian law it excludes art. 395 interest', () => {
    expect(textOf({ interest: { kind: 'contractual', rate_bp: 1250 } })).toContain('at the rate of 12.5% per year');
    const ru = textOf({ lang: 'ru', jurisdiction: 'RU', interest: { kind: 'contractual', rate_bp: 1250 } });
    expect(ru).toContain('12,5 % годовых');
    expect(ru).toContain('проценты по статье 395');
    expect(textOf({ lang: 'lt', interest: { kind: 'contractual', rate_bp: 800 } })).toContain('8 proc. metinių palūkanų');
  });

  it('Romanian law names the EUR 40 in lei', () => {
    expect(textOf({ lang: 'ro', jurisdiction: 'RO' })).toContain('echivalentul în lei al sumei de 40 de euro');
  });

  it('"other" leaves a blank for the country unless one is given', () => {
    expect(textOf({ jurisdiction: 'other' })).toContain('law of [country]');
    expect(textOf({ jurisdiction: 'other', place: 'Norway' })).toContain('law of Norway');
  });
});

describe('notes: the statutory rate today, from the dated tables', () => {
  it('LT: ECB rate in force on the half-year start + 8 pp, in the locale format', () => {
    const doc = generateClauses(input({ lang: 'lt' }), { today: TODAY });
    const ecb = rateOn(ECB_MRO, '2025-07-01')?.rate_bp as number;
    expect(doc.notes[0]).toContain(`${String((ecb + 800) / 100).replace('.', ',')} proc.`);
    expect(doc.notes[0]).toContain('2025-09-01');
  });

  it('RO: NBR reference + 8 pp, dated as Romanians write dates', () => {
    const doc = generateClauses(input({ lang: 'ro', jurisdiction: 'RO' }), { today: TODAY });
    const nbr = rateOn(NBR_REFERENCE, TODAY)?.rate_bp as number;
    expect(doc.notes[0]).toContain(`${String((nbr + 800) / 100).replace('.', ',')}%`);
    expect(doc.notes[0]).toContain('01.09.2025');
  });

  it('a long B2B payment term gets the 60-day warning', () => {
    expect(generateClauses(input({ payment_days: 90 }), { today: TODAY }).notes.some((n) => n.includes('60 days'))).toBe(true);
    expect(generateClauses(input({ payment_days: 30 }), { today: TODAY }).notes.some((n) => n.includes('60 days'))).toBe(false);
  });
});

describe('deposit and payment days', () => {
  it('states the payment term and the deposit in every language', () => {
    expect(textOf({ payment_days: 14, deposit_percent: 30 })).toMatch(/fourteen \(14\) calendar days[\s\S]*deposit of 30%/);
    expect(textOf({ lang: 'ru', payment_days: 14, deposit_percent: 30 })).toMatch(/14 \(четырнадцать\) календарных дней[\s\S]*30 %/);
    expect(textOf({ lang: 'ro', payment_days: 14, deposit_percent: 30 })).toMatch(
      /14 \(paisprezece\) zile calendaristice[\s\S]*avans de 30%/,
    );
    expect(textOf({ lang: 'lt', payment_days: 14, deposit_percent: 30 })).toMatch(/14 \(keturiolika\) kalendorinių dienų[\s\S]*30 proc\./);
    expect(textOf({ deposit_percent: null })).not.toContain('deposit');
  });
});

describe('reading and validating the notice period', () => {
  it('reads the ways people write it', () => {
    expect(parseNotice('30 days')).toEqual({ amount: 30, unit: 'days' });
    expect(parseNotice('10 business days')).toEqual({ amount: 10, unit: 'business_days' });
    expect(parseNotice('2 months')).toEqual({ amount: 2, unit: 'months' });
    expect(parseNotice('30 дней')).toEqual({ amount: 30, unit: 'days' });
    expect(parseNotice('5 рабочих дней')).toEqual({ amount: 5, unit: 'business_days' });
    expect(parseNotice('1 lună')).toEqual({ amount: 1, unit: 'months' });
    expect(parseNotice('14 dienų')).toEqual({ amount: 14, unit: 'days' });
    expect(parseNotice('thirty days')).toBeNull();
    expect(parseNotice('30 weeks')).toBeNull();
    expect(parseNotice('')).toBeNull();
  });

  it.each([
    [{ amount: 0, unit: 'days' }, 'notice.amount', 'at least 1'],
    [{ amount: 366, unit: 'days' }, 'notice.amount', 'at most 365'],
    [{ amount: 13, unit: 'months' }, 'notice.amount', 'at most 12'],
    [{ amount: 2.5, unit: 'days' }, 'notice.amount', 'whole number'],
    [{ amount: 30, unit: 'weeks' }, 'notice.unit', ''],
    [{ amount: 30 }, 'notice.unit', ''],
  ])('refuses %j at %s', (notice, path, message) => {
    const result = ClauseRequest.safeParse({ notice });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === path);
    expect(issue?.message).toContain(message);
  });

  it('accepts a valid request and fills its defaults', () => {
    const parsed = ClauseRequest.parse({ notice: { amount: 12, unit: 'months' } });
    expect(parsed).toMatchObject({ payment_days: 14, client_kind: 'business', deposit_percent: null, interest: { kind: 'statutory' } });
    expect(
      ClauseRequest.safeParse({ notice: { amount: 30, unit: 'days' }, interest: { kind: 'contractual', rate_percent: 12.345 } }).success,
    ).toBe(false);
    expect(ClauseRequest.safeParse({ notice: { amount: 30, unit: 'days' }, surprise: 1 }).success).toBe(false);
  });
});
