/** Drafts on the real demo cases: the facts appear, in each locale's own formats and forms. */
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../contracts/case-file.js';
import { loadDemoCases } from '../../demo/load-demo-cases.js';
import { assess } from '../assessment/assess.js';
import type { CaseRecord } from '../case.js';
import { isDomainError } from '../errors.js';
import { type ExitPath, planExit } from '../exit/index.js';
import { LANGUAGES, type Language } from '../vocabulary.js';
import { type DraftInput, draftLetter, LETTER_KINDS, type LetterKind, reasonOptions } from './drafts.js';
import { NBSP } from './grammar.js';

const cases = loadDemoCases().map((raw) => CaseFile.parse(raw) as CaseRecord & { today: string });
const byName = (part: string): CaseRecord & { today: string } => {
  const found = cases.find((c) => c.client.name.includes(part));
  if (!found) throw new Error(`no demo case named like ${part}`);

  return found;
};

function input(
  record: CaseRecord & { today: string },
  kind: LetterKind,
  lang: Language,
  extra: Partial<DraftInput> & { path?: ExitPath } = {},
): DraftInput {
  const assessment = assess(record, { today: record.today });
  const path = extra.path ?? assessment.path ?? 'finish_then_exit';

  return { record, assessment, plan: planExit(record, { today: record.today, path }), today: record.today, lang, kind, ...extra };
}

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.userMessage };
    throw error;
  }
  throw new Error('expected a DomainError');
}

const lemnaria = byName('Lemnăria');
const transbalt = byName('TransBalt');
const zalias = byName('Žalias');
const artem = byName('Артём');
const brightline = byName('Brightline');
const medaus = byName('Medaus');
const okna = byName('Балтийские');

describe('termination letter (Lemnăria Carpați, finish then exit, business)', () => {
  const expected: Record<Language, { end: string; invoice: string; you: RegExp }> = {
    en: { end: '22 December 2026', invoice: '€1,348.39', you: /belongs to you/ },
    ru: { end: `22 декабря 2026${NBSP}г.`, invoice: `1${NBSP}348,39${NBSP}€`, you: / вам / },
    ro: { end: '22 decembrie 2026', invoice: `1.348,39${NBSP}EUR`, you: /dumneavoastră/ },
    lt: { end: `2026${NBSP}m. gruodžio 22${NBSP}d.`, invoice: `1${NBSP}348,39${NBSP}€`, you: / jums / },
  };

  it.each(LANGUAGES)('%s: the last day, the final invoice and the politeness form of the locale', (lang) => {
    const draft = draftLetter(input(lemnaria, 'termination', lang));
    expect(draft.body).toContain(expected[lang].end);
    expect(draft.body).toContain(expected[lang].invoice);
    expect(draft.body).toMatch(expected[lang].you);
    // A business is addressed as a group: lowercase вы / jūs, never the capitalised singular form.
    if (lang === 'ru') expect(draft.body).not.toMatch(/\bВам\b|\bВаш/u);
    if (lang === 'lt') expect(draft.body).not.toMatch(/Jums|Jūsų/u);
    expect(draft.body).toContain('Northlight Studio');
    expect(draft.body).toContain('Spring 2027 collection pages (12 products)');
  });

  it('cites the contract breach after the yellow card as the reason, with its id', () => {
    const draft = draftLetter(input(lemnaria, 'termination', 'en'));
    expect(draft.body).toContain('16 November 2026');
    expect(draft.body).toContain("in line with the 1 month's notice in our contract");
    expect(draft.facts.map((f) => f.id)).toContain('incident:3');
    expect(reasonOptions(lemnaria, { today: lemnaria.today })[0]?.key).toBe('terms');
  });

  it('offers no colleague to a client who was abusive (X8)', () => {
    for (const lang of LANGUAGES)
      expect(draftLetter(input(lemnaria, 'termination', lang)).sections.map((s) => s.key)).not.toContain('referral');
  });

  it('sections point at their text in the body', () => {
    const draft = draftLetter(input(lemnaria, 'termination', 'ro'));
    const keys = draft.sections.map((s) => s.key);
    expect(keys).toEqual(['greeting', 'decision', 'reason', 'timeline', 'handover', 'money', 'thanks', 'closing', 'signature']);
    const reason = draft.sections.find((s) => s.key === 'reason');
    expect(draft.body.slice(reason?.start, reason?.end)).toMatch(/^Începând cu 16 noiembrie 2026/);
    expect(draft.body.slice(draft.sections.at(-1)?.start)).toBe('Northlight Studio');
  });
});

describe('debt demand (TransBalt Logistika, stop and collect, business in LT)', () => {
  const totals: Record<Language, string> = {
    en: '€8,000.00',
    ru: `8${NBSP}000,00${NBSP}€`,
    ro: `8.000,00${NBSP}EUR`,
    lt: `8${NBSP}000,00${NBSP}€`,
  };
  const deadlines: Record<Language, string> = {
    en: '13 December 2026',
    ru: `13 декабря 2026${NBSP}г.`,
    ro: '13 decembrie 2026',
    lt: `2026${NBSP}m. gruodžio 13${NBSP}d.`,
  };

  it.each(LANGUAGES)('%s: every unpaid invoice, the total, statutory interest, the deadline and the next step', (lang) => {
    const draft = draftLetter(input(transbalt, 'debt_demand', lang));
    for (const n of ['NS-2026-061', 'NS-2026-071', 'NS-2026-080']) expect(draft.body).toContain(n);
    expect(draft.body).toContain(totals[lang]);
    expect(draft.body).toContain(deadlines[lang]);
    expect(draft.sections.map((s) => s.key)).toContain('interest');
    expect(draft.facts.map((f) => f.id)).toEqual(['invoice:NS-2026-061', 'invoice:NS-2026-071', 'invoice:NS-2026-080']);
  });

  it('Russian days agree with their numbers: 68 дней, 38 дней, 6 дней', () => {
    const body = draftLetter(input(transbalt, 'debt_demand', 'ru')).body;
    expect(body).toContain('просрочка 68 дней');
    expect(body).toContain('просрочка 6 дней');
  });

  it('an individual is owed no statutory B2B interest or EUR 40 compensation', () => {
    const individual = { ...zalias, client: { ...zalias.client, kind: 'individual' as const } };
    for (const lang of LANGUAGES) {
      const business = draftLetter(input(zalias, 'debt_demand', lang));
      const person = draftLetter(input(individual, 'debt_demand', lang));
      expect(business.sections.map((s) => s.key)).toContain('interest');
      expect(person.sections.map((s) => s.key)).not.toContain('interest');
      expect(person.body).not.toMatch(/40(\s|\u00a0)?(€|EUR)|€40/u);
    }
    expect(draftLetter(input(individual, 'debt_demand', 'lt')).body).toMatch(/sumokėti 3\u00a0700,00\u00a0€ /u);
  });

  it('is refused on the finish path and when nothing is owed', () => {
    expect(errorOf(() => draftLetter(input(lemnaria, 'debt_demand', 'en'))).message).toMatch(/stop paths/);
    expect(errorOf(() => draftLetter(input(artem, 'debt_demand', 'en', { path: 'stop_and_collect' }))).message).toMatch(/Nothing is owed/);
  });
});

describe('individual clients: the capitalised polite form', () => {
  it('ru writes Вы/Вам, lt writes Jums/Jūsų, and both offer a colleague to a client who paid', () => {
    const ru = draftLetter(input(artem, 'termination', 'ru'));
    expect(ru.body).toMatch(/Вам/u);
    expect(ru.body).toContain('Здравствуйте, Артём Белов!');
    expect(ru.sections.map((s) => s.key)).toContain('referral');
    const lt = draftLetter(input(artem, 'termination', 'lt'));
    expect(lt.body).toMatch(/Jums/u);
    expect(lt.sections.map((s) => s.key)).toContain('referral');
  });

  it('the re-engagement reply is short, thanks, and keeps the end date, in the past once it has passed', () => {
    const reply = draftLetter(input(artem, 're_engagement_reply', 'ro'));
    expect(reply.body).toContain('Vă mulțumesc pentru mesaj');
    expect(reply.body).toContain('se încheie pe 30 noiembrie 2026');
    expect(reply.body.split(/\s+/u).length).toBeLessThan(80);
    const later = draftLetter({ ...input(artem, 're_engagement_reply', 'ru'), today: '2027-01-15' });
    expect(later.body).toContain(`завершилось 30 ноября 2026${NBSP}г.`);
  });
});

describe('reasons come only from the record (X4)', () => {
  it('lists the framings the facts allow and refuses any other, naming the allowed ones', () => {
    expect(
      reasonOptions(artem, { today: artem.today })
        .map((o) => o.key)
        .sort(),
    ).toEqual(['capacity', 'scope']);
    const e = errorOf(() => draftLetter(input(artem, 'termination', 'en', { reason: 'payment' })));
    expect(e.message).toMatch(/Nothing recorded backs the reason "payment".*capacity, scope|scope, capacity/);
  });

  it('rejects unknown kinds, languages and reasons with the valid values', () => {
    expect(errorOf(() => draftLetter(input(artem, 'goodbye' as LetterKind, 'en'))).message).toContain(LETTER_KINDS.join(', '));
    expect(errorOf(() => draftLetter(input(artem, 'termination', 'de' as Language))).message).toContain('en, ru, ro, lt');
    expect(errorOf(() => draftLetter(input(artem, 'termination', 'en', { reason: 'vibes' as never }))).message).toMatch(/payment, scope/);
  });

  it('with nothing recorded there is no reason to give, so no letter', () => {
    const quiet = { ...artem, incidents: [], invoices: [] };
    expect(errorOf(() => draftLetter(input(quiet, 'termination', 'en'))).message).toMatch(/Nothing recorded/);
  });
});

describe('what the plan forbids', () => {
  it('says nothing while the contract must be checked (C3)', () => {
    expect(errorOf(() => draftLetter(input(okna, 'termination', 'ru', { path: 'finish_then_exit' }))).message).toMatch(/C1, C3/);
  });

  it('has no letter for a reassignment', () => {
    expect(errorOf(() => draftLetter(input(okna, 'termination', 'ru', { path: 'reassign' }))).message).toMatch(/reassignment/);
  });
});

describe('warning (Medaus kelias, yellow card)', () => {
  it.each(LANGUAGES)('%s: names the day and what crossed the line, and what happens if it repeats', (lang) => {
    const draft = draftLetter(input(medaus, 'warning', lang, { plan: null }));
    const keys = draft.sections.map((s) => s.key);
    expect(keys).toEqual(expect.arrayContaining(['crossing', 'expectation', 'consequence']));
    expect(draft.facts).toHaveLength(1);
    expect(draft.facts[0]).toMatchObject({ kind: 'incident', code: 'reputation_threat' });
  });
});

describe('every demo case, kind and language', () => {
  it('drafts text without placeholders, or refuses with a clear reason', () => {
    let drafted = 0;
    for (const record of cases)
      for (const kind of LETTER_KINDS)
        for (const lang of LANGUAGES) {
          try {
            const draft = draftLetter(input(record, kind, lang));
            drafted++;
            expect(`${draft.subject}\n${draft.body}`).not.toMatch(/undefined|null|NaN|\[object/);
            expect(draft.body.split(/\s+/u).length).toBeLessThanOrEqual(250);
          } catch (error) {
            if (!isDomainError(error)) throw error;
            expect(error.code).toBe('VALIDATION_FAILED');
          }
        }
    expect(drafted).toBeGreaterThan(100);
  });
});

it('Brightline (immediate): work ends today and no colleague is offered', () => {
  const draft = draftLetter(input(brightline, 'termination', 'en'));
  expect(draft.body).toContain('This takes effect today, 22 November 2026');
  expect(draft.sections.map((s) => s.key)).not.toContain('referral');
});
