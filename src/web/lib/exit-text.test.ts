import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../core/case.js';
import { planExit } from '../../core/exit/plan.js';
import { EXIT_TEXT_KEYS, englishTemplate, exitText } from '../../core/exit/texts.js';
import { MONEY_TEXT_KEYS, MONEY_TEXTS } from '../../core/money/texts.js';
import type { Resource } from '../i18n/en.js';
import { i18nInstance as instance, LANGUAGES as languages, placeholdersOf as placeholders } from '../i18n/testing.js';
import { translateExitText, translateMoneyText } from './exit-text.js';

function lookup(resource: Resource, path: string): unknown {
  const dot = path.indexOf('.');
  const group = (resource.exitText as Resource | undefined)?.[path.slice(0, dot)];

  return typeof group === 'object' ? group[path.slice(dot + 1)] : undefined;
}

describe('exit plan texts in the UI languages', () => {
  it.each(Object.keys(languages))('%s has every key the core can write, with its placeholders', (lang) => {
    const resource = languages[lang] as Resource;
    for (const key of EXIT_TEXT_KEYS) {
      const text = lookup(resource, key);
      expect(typeof text, `${lang} ${key}`).toBe('string');
      expect(placeholders(text as string), `${lang} ${key}`).toEqual(placeholders(englishTemplate(key) ?? ''));
      if (lang !== 'en') expect(text, `${lang} ${key} is still English`).not.toBe(englishTemplate(key));
    }
  });

  it('formats dates, amounts, notices and names for the language', async () => {
    const ru = await instance('ru');
    const refund = exitText('step.refund', { amount: { amount_minor: 123456, currency: 'EUR' } });
    expect(translateExitText(refund, 'English', ru)).toMatch(/^Верните предоплату за невыполненную работу: 1\s234,56\s€$/);
    const demand = exitText('collection.formal-demand', { date: { date: '2026-12-07' } });
    expect(translateExitText(demand, 'English', ru)).toBe('Отправьте официальное требование оплатить до 7 декабря 2026 г.');
    const stop = exitText('warning.stops-without-notice', { notice: { notice: { amount: 2, unit: 'months' } } });
    expect(translateExitText(stop, 'English', ru)).toContain('(2 месяца)');
    const lt = await instance('lt');
    const names = { key: 'step.stop-work-on', params: { deliverables: { names: ['Logo', 'Site'] } } };
    expect(translateExitText(names, 'English', lt)).toBe('Sustabdykite darbus („Logo“, „Site“); projekto nebaikite');
  });

  it('translates the questions a step carries, and the whole of a real plan', async () => {
    const ro = await instance('ro');
    const plan = planExit(
      {
        today: '2026-11-22',
        timezone: 'Europe/Bucharest',
        provider: { name: 'Ana', kind: 'freelancer', currency: 'RON', jurisdiction: 'RO' },
        client: { name: 'Client', kind: 'business', size: 'small', language: 'ro' },
        contract: {
          signed: '2025-01-01',
          ends: '2026-12-31',
          provider_may_terminate: false,
          notice: null,
          penalty: null,
          refund_clause: false,
        },
        engagements: [],
        invoices: [],
        time: [],
        incidents: [],
        messages: [],
        cards: [],
        reassigned: false,
      },
      { today: '2026-11-22', path: 'immediate' },
    );
    const findOut = plan.steps.find((s) => s.id === 'contract-find-out');
    const words = translateExitText(findOut?.title_i18n, findOut?.title ?? '', ro);
    expect(words).toMatch(/^Aflați dacă și cum puteți înceta contractul; .* Pe ce temei .* să expire pe 31 decembrie 2026, /);
    for (const s of plan.steps) expect(translateExitText(s.title_i18n, s.title, ro), s.id).not.toBe(s.title);
  });

  it('shows the stored words when the key is unknown or missing', async () => {
    const ru = await instance('ru');
    expect(translateExitText({ key: 'step.retired', params: {} }, 'Old English words', ru)).toBe('Old English words');
    expect(translateExitText(undefined, 'Call the accountant', ru)).toBe('Call the accountant');
  });
});

/** The group of a money key ("owed.individual" -> resource.moneyText.owed) and the name in it. */
function moneyGroupOf(resource: Resource, key: string): [Record<string, unknown>, string] {
  const dot = key.indexOf('.');
  const group = (resource.moneyText as Resource | undefined)?.[key.slice(0, dot)];

  return [typeof group === 'object' ? group : {}, key.slice(dot + 1)];
}

/** A Russian provider's case with a business client: old and future-dated payments, one-off and monthly work. */
function russianCase(): CaseRecord {
  return {
    today: '2026-11-22',
    timezone: 'Europe/Moscow',
    provider: { name: 'Анна', kind: 'freelancer', currency: 'RUB', jurisdiction: 'RU' },
    client: { name: 'ООО «Ромашка»', kind: 'business', size: 'small', language: 'ru' },
    contract: { signed: '2022-01-10', ends: null, provider_may_terminate: true, notice: null, penalty: null, refund_clause: false },
    engagements: [
      {
        name: 'Сайт',
        kind: 'one_off',
        price_minor: 30_000_000,
        prepaid_minor: 0,
        deliverables: [
          { name: 'Макет', done: true, percent_done: 100, due: '2026-10-01' },
          { name: 'Вёрстка', done: false, percent_done: 40, due: null },
        ],
      },
      { name: 'Логотип', kind: 'one_off', price_minor: 5_000_000, prepaid_minor: 2_000_000, deliverables: [] },
      { name: 'Поддержка', kind: 'long_term', price_minor: 4_000_000, prepaid_minor: 0, deliverables: [] },
    ],
    invoices: [
      { number: '1', issued: '2022-05-01', due: '2022-06-01', amount_minor: 10_000_000, payments: [] },
      {
        number: '2',
        issued: '2026-09-01',
        due: '2026-10-01',
        amount_minor: 5_000_000,
        payments: [{ date: '2026-12-01', amount_minor: 5_000_000 }],
      },
    ],
    time: [],
    incidents: [],
    messages: [],
    cards: [],
    reassigned: false,
  };
}

describe('exit plan money texts in the UI languages', () => {
  it.each(Object.keys(languages))('%s has every money key the core can write, each plural form, with its placeholders', (lang) => {
    const resource = languages[lang] as Resource;
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const key of MONEY_TEXT_KEYS) {
      const [english, name] = moneyGroupOf({ moneyText: MONEY_TEXTS } as unknown as Resource, key);
      const [group] = moneyGroupOf(resource, key);
      const template = english[name] as string;
      // English says "payment(s)" with one template; a language with plural forms needs every one of them.
      const counted = lang !== 'en' && template.includes('{{count}}');
      const forms = counted ? categories.map((c) => `${name}_${c}`) : [name];
      for (const form of forms) {
        const text = group[form];
        expect(typeof text, `${lang} ${key} (${form})`).toBe('string');
        expect(placeholders(text as string), `${lang} ${form}`).toEqual(placeholders(template));
        if (lang !== 'en') expect(text, `${lang} ${form} is still English`).not.toBe(template);
      }
    }
  });

  it('says the money notes and the law line of a Russian plan in Russian, none left in English', async () => {
    const ru = await instance('ru');
    const { money } = planExit(russianCase(), { today: '2026-11-22', path: 'immediate' });
    const keys = money.notes_i18n?.map((n) => n.key);
    expect(keys).toEqual(
      expect.arrayContaining(['rule.ru-penalty', 'owed.future-payments', 'owed.before-table', 'settlement.prepaid-unknown-share']),
    );
    const words = money.notes.map((n, i) => translateMoneyText(money.notes_i18n?.[i], n, ru));
    words.push(translateMoneyText(money.interest_rule?.law_i18n, money.interest_rule?.law ?? '', ru));
    for (const w of words) {
      // Latin letters only in the product's name and the rule code; amounts and dates are Russian too.
      expect(w.replace(/RedCard|X10/g, ''), w).not.toMatch(/[A-Za-z]/);
    }
    expect(words).toContain('1 платёж с датой после 22 ноября 2026 г. не учитывается: на день оценки дела его ещё не было.');
    expect(words.at(-1)).toBe(
      'Россия: статья 395 Гражданского кодекса РФ: ключевая ставка Банка России, действовавшая в соответствующие периоды',
    );
  });

  it('chooses the plural form by the count in each language', async () => {
    const days = (count: number) => ({ key: 'owed.before-table', params: { count } });
    const [ru, ro, lt] = [await instance('ru'), await instance('ro'), await instance('lt')];
    expect(translateMoneyText(days(21), 'English', ru)).toMatch(/^21 день просрочки приходится /);
    expect(translateMoneyText(days(122), 'English', ru)).toMatch(/^122 дня просрочки приходятся /);
    expect(translateMoneyText(days(125), 'English', ru)).toMatch(/^125 дней просрочки /);
    expect(translateMoneyText(days(122), 'English', ro)).toMatch(/^122 de zile de întârziere sunt /);
    expect(translateMoneyText(days(12), 'English', ro)).toMatch(/^12 zile de întârziere sunt /);
    expect(translateMoneyText(days(12), 'English', lt)).toMatch(/^12 pavėluotų dienų tenka /);
    expect(translateMoneyText(days(22), 'English', lt)).toMatch(/^22 pavėluotos dienos tenka /);
  });
});
