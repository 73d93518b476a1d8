import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../contracts/case-file.js';
import { assess } from '../../core/assessment/assess.js';
import { SECTION7_FIXTURES } from '../../core/assessment/fixtures/section7.js';
import { ASSESSMENT_TEXT_KEYS, ASSESSMENT_TEXTS, assessmentText } from '../../core/assessment/texts.js';
import type { KeyedText } from '../../core/text.js';
import { loadDemoCases } from '../../demo/load-demo-cases.js';
import type { Resource } from '../i18n/en.js';
import { i18nInstance as instance, LANGUAGES as languages, placeholdersOf as placeholders } from '../i18n/testing.js';
import { translateAssessmentText } from './exit-text.js';

/** The translation's group of a key ("reason.warn" -> resource.assessmentText.reason) and the name in it. */
function groupOf(resource: Resource, key: string): [Record<string, unknown>, string] {
  const dot = key.indexOf('.');
  const group = (resource.assessmentText as Resource | undefined)?.[key.slice(0, dot)];

  return [typeof group === 'object' ? group : {}, key.slice(dot + 1)];
}

/** Every reason and dimension explanation of the demo cases and the section 7 fixtures, on two dates. */
function allReasons(): Array<{ text: string; text_i18n?: KeyedText }> {
  const demo = loadDemoCases().map((raw) => CaseFile.parse(raw));
  const judged = [
    ...demo.flatMap((f) => ['2026-11-22', '2027-03-01'].map((today) => assess(f as never, { today }))),
    ...SECTION7_FIXTURES.map((f) => assess(f.record, { today: f.today })),
  ];

  const explanations = judged.flatMap((a) =>
    Object.values(a.dimensions).map((d) => ({ text: d.explanation, text_i18n: d.explanation_i18n })),
  );

  return [...judged.flatMap((a) => a.reasons), ...explanations];
}

function keysIn(text: KeyedText): string[] {
  const nested = Object.values(text.params).flatMap((p) => (typeof p === 'object' && 'texts' in p ? p.texts.flatMap(keysIn) : []));

  return [text.key, ...nested];
}

describe('assessment texts in the UI languages', () => {
  it.each(Object.keys(languages))('%s has every key the core can write, each plural form, with its placeholders', (lang) => {
    const resource = languages[lang] as Resource;
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const key of ASSESSMENT_TEXT_KEYS) {
      const [english, name] = groupOf({ assessmentText: ASSESSMENT_TEXTS } as unknown as Resource, key);
      const [group] = groupOf(resource, key);
      // A key with plural forms in English needs every form the language has.
      const forms = Object.hasOwn(english, name) ? [name] : categories.map((c) => `${name}_${c}`);
      const template = (english[name] ?? english[`${name}_other`]) as string;
      for (const form of forms) {
        const text = group[form];
        expect(typeof text, `${lang} ${key} (${form})`).toBe('string');
        expect(placeholders(text as string), `${lang} ${form}`).toEqual(placeholders(template));
        // A template of placeholders only ("{{date}}") has no words to translate.
        const hasWords = template.replace(/\{\{\w+\}\}/g, '').trim() !== '';
        if (lang !== 'en' && hasWords) expect(text, `${lang} ${form} is still English`).not.toBe(template);
      }
    }
  });

  it('every reason and explanation of the demo cases and fixtures comes with keys the table has', () => {
    const reasons = allReasons();
    expect(reasons.length).toBeGreaterThan(300);
    for (const r of reasons) {
      expect(r.text_i18n, r.text).toBeDefined();
      for (const key of keysIn(r.text_i18n as KeyedText)) expect(ASSESSMENT_TEXT_KEYS, r.text).toContain(key);
    }
  });

  it('says every such text in Russian, Romanian and Lithuanian, and in English as the core does', async () => {
    const reasons = allReasons();
    for (const lang of ['ru', 'ro', 'lt']) {
      const i18n = await instance(lang);
      for (const r of reasons) {
        const words = translateAssessmentText(r.text_i18n, r.text, i18n);
        expect(words, `${lang}: ${r.text}`).not.toBe(r.text);
        expect(words, `${lang}: ${r.text}`).not.toMatch(/\{\{|\(severity | on \d{4}-|\bthe\b/);
      }
    }
    // The UI's English is the core's, but for dates and amounts, which it formats for display.
    const english = await instance('en');
    const plain = reasons.filter((r) => !/\d{4}-\d{2}-\d{2}|\d\.\d{2} [A-Z]{3}/.test(r.text));
    expect(plain.length).toBeGreaterThan(5);
    for (const r of plain) expect(translateAssessmentText(r.text_i18n, r.text, english)).toBe(r.text);
  });

  it('formats dates, amounts, counts and nested fragments for the language', async () => {
    const ru = await instance('ru');
    const incident = assessmentText('incident.member', {
      flag: { texts: [assessmentText('flag.abuse')] },
      severity: 3,
      date: { date: '2026-11-12' },
      member: 'Ирина',
    });
    const more = assessmentText('list.more', { count: 2 });
    const warn = assessmentText('reason.warn', { count: 5, incidents: { texts: [incident, more], join: 'list' } });
    expect(translateAssessmentText(warn, 'English', ru)).toBe(
      '5 серьёзных инцидентов, а жёлтой карточки ещё не было: оскорбления (тяжесть 3), 12 ноября 2026 г., сотрудник: Ирина; и ещё 2. ' +
        'Прямо предупредите клиента и скажите, что будет, если это повторится.',
    );
    const ignored = assessmentText('reason.warning-ignored', {
      date: { date: '2026-09-11' },
      incidents: { texts: [incident], join: 'list' },
    });
    expect(translateAssessmentText(ignored, 'English', ru)).toContain('сотрудник: Ирина. Предупреждение не подействовало');
    const lastDate = assessmentText('reason.warning-ignored', {
      date: { date: '2026-09-11' },
      incidents: { texts: [{ ...incident, key: 'incident.plain' }], join: 'list' },
    });
    expect(translateAssessmentText(lastDate, 'English', ru)).toContain('12 ноября 2026 г. Предупреждение');
    const invoice = assessmentText('invoice.unpaid', { number: 'A-7', amount: { amount_minor: 252000, currency: 'EUR' }, count: 22 });
    expect(translateAssessmentText(invoice, 'English', ru)).toMatch(/^счёт A-7: не оплачено 2\s520,00\s€, просрочка 22 дня$/);
    const late = assessmentText('dimension.late', {
      count: 3,
      late: { texts: [assessmentText('unit.days', { count: 0.3 })] },
      points: { number: 0.4 },
    });
    expect(translateAssessmentText(late, 'English', ru)).toContain(
      '3 счёта, срок оплаты которых наступил, в среднем оплачены с опозданием на 0,3 дня',
    );
    const lt = await instance('lt');
    const share = assessmentText('impact.revenue-share', {
      from: { amount_minor: 1_000_000, currency: 'EUR' },
      to: { amount_minor: 800_000, currency: 'EUR' },
      client: { amount_minor: 200_000, currency: 'EUR' },
      share: { percent: 0.2 },
    });
    expect(translateAssessmentText(share, 'English', lt)).toMatch(/\(šis klientas: 2\s000,00\s€, 20\s%\)$/);
  });

  it('shows the stored English when the key is unknown or missing', async () => {
    const ro = await instance('ro');
    expect(translateAssessmentText({ key: 'reason.retired', params: {} }, 'Old words', ro)).toBe('Old words');
    expect(translateAssessmentText(undefined, 'Stored before keys', ro)).toBe('Stored before keys');
  });
});
