import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { planExit } from '../../core/exit/plan.js';
import { EXIT_TEXT_KEYS, englishTemplate, exitText } from '../../core/exit/texts.js';
import { en, type Resource } from '../i18n/en.js';
import { lt } from '../i18n/lt.js';
import { ro } from '../i18n/ro.js';
import { ru } from '../i18n/ru.js';
import { translateExitText } from './exit-text.js';

const languages = { en, ru, ro, lt } as Record<string, Resource>;

function lookup(resource: Resource, path: string): unknown {
  const dot = path.indexOf('.');
  const group = (resource.exitText as Resource | undefined)?.[path.slice(0, dot)];

  return typeof group === 'object' ? group[path.slice(dot + 1)] : undefined;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

async function instance(lng: string) {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    fallbackLng: 'en',
    resources: Object.fromEntries(Object.entries(languages).map(([l, r]) => [l, { translation: r }])),
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });

  return i18n;
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
