import { describe, expect, it } from 'vitest';
import { loadDemoCases } from '../demo/load-demo-cases.js';
import { CaseFile } from './case-file.js';
import { issuesOf } from './issues.js';

/** The example of ../shared/CASE_FORMAT.md. */
const example = {
  format: 'redcard.case/1',
  today: '2026-11-22',
  timezone: 'Europe/Bucharest',
  provider: {
    name: 'Ana Pop Design',
    kind: 'freelancer',
    language: 'ro',
    currency: 'EUR',
    jurisdiction: 'RO',
    revenue_last_12m_minor: 4800000,
  },
  client: { name: 'Vortex Media SRL', kind: 'business', size: 'large', language: 'ro', since: '2024-02-01', manager: 'Ioana' },
  contract: {
    signed: '2024-02-01',
    ends: null,
    provider_may_terminate: true,
    notice: { amount: 30, unit: 'days' },
    penalty: { amount_minor: 200000, description: 'two monthly fees if terminated without notice' },
    refund_clause: false,
  },
  engagements: [
    {
      name: 'Monthly social media',
      kind: 'long_term',
      price_minor: 150000,
      prepaid_minor: 0,
      deliverables: [{ name: 'December content plan', due: '2026-11-28', done: false, percent_done: 40 }],
    },
  ],
  invoices: [
    {
      number: '2026-031',
      issued: '2026-09-01',
      due: '2026-09-15',
      amount_minor: 150000,
      payments: [{ date: '2026-10-30', amount_minor: 150000 }],
    },
  ],
  time: [{ month: '2026-10', hours: 46 }],
  incidents: [
    { date: '2026-10-12', code: 'abuse', severity: 2, source: 'staff_report', about_member: 'Ioana', note: 'Shouted at Ioana on a call' },
  ],
  messages: [{ sent_at: '2026-10-12T22:41:00+03:00', from: 'client', channel: 'email', text: '...' }],
  cards: [{ date: '2026-10-13', color: 'yellow', note: 'Told them on a call that insults end the cooperation' }],
  reassigned: false,
};

function problems(value: unknown) {
  const result = CaseFile.safeParse(value);

  return result.success ? [] : issuesOf(result.error);
}

describe('case file schema (redcard.case/1)', () => {
  it('accepts the documented example unchanged', () => {
    expect(problems(example)).toEqual([]);
  });

  it('applies the documented defaults to a minimal file', () => {
    const file = CaseFile.parse({
      format: 'redcard.case/1',
      client: { name: 'Solo Client' },
      incidents: [{ date: '2026-01-02', code: 'payment' }],
    });
    expect(file.provider).toMatchObject({ kind: 'freelancer', currency: 'EUR' });
    expect(file.client).toMatchObject({ kind: 'business', size: 'small' });
    expect(file.contract).toBeNull();
    expect(file.incidents[0]).toMatchObject({ severity: 2, source: 'manual' });
    expect(file.messages).toEqual([]);
    expect(file.reassigned).toBe(false);
  });

  it('defaults an unknown right to terminate to null (C1: find out first)', () => {
    const file = CaseFile.parse({ ...example, contract: { signed: '2024-01-01' } });
    expect(file.contract?.provider_may_terminate).toBeNull();
  });

  it('rejects unknown fields, naming each one', () => {
    const bad = { ...example, extra: 1, client: { ...example.client, vat: 'RO123' } };
    const found = problems(bad).map((p) => p.path);
    expect(found).toContain('extra');
    expect(found).toContain('client.vat');
  });

  it('names the field and the reason for each invalid value', () => {
    const bad = structuredClone(example) as Record<string, any>;
    bad.format = 'redcard.case/2';
    bad.incidents[0].code = 'rude';
    bad.incidents[0].severity = 4;
    bad.invoices[0].amount_minor = 12.5;
    bad.invoices[0].due = '2026-02-30';
    bad.messages[0].sent_at = '2026-10-12 22:41';
    bad.time[0].month = '2026-13';
    const byPath = new Map(problems(bad).map((p) => [p.path, p.message]));
    expect([...byPath.keys()].sort()).toEqual(
      [
        'format',
        'incidents[0].code',
        'incidents[0].severity',
        'invoices[0].amount_minor',
        'invoices[0].due',
        'messages[0].sent_at',
        'time[0].month',
      ].sort(),
    );
    expect(byPath.get('invoices[0].amount_minor')).toMatch(/whole number/);
    expect(byPath.get('invoices[0].due')).toMatch(/calendar date/);
  });

  it('rejects payments adding up to more than the invoice, and duplicate invoice numbers', () => {
    const bad = structuredClone(example) as Record<string, any>;
    bad.invoices[0].payments.push({ date: '2026-11-01', amount_minor: 1 });
    bad.invoices.push({ ...example.invoices[0], payments: [] });
    const paths = problems(bad).map((p) => p.path);
    expect(paths).toEqual(['invoices[0].payments', 'invoices[1].number']);
  });

  it('rejects a due date before the issue date and a negative amount', () => {
    const bad = structuredClone(example) as Record<string, any>;
    bad.invoices[0].due = '2026-08-01';
    bad.engagements[0].price_minor = -5;
    expect(
      problems(bad)
        .map((p) => p.path)
        .sort(),
    ).toEqual(['engagements[0].price_minor', 'invoices[0].due']);
  });

  it('validates every demo case file shipped with RedCard', () => {
    const cases = loadDemoCases();
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const file of cases) expect(problems(file)).toEqual([]);
    const languages = new Set(cases.map((c) => (c as { client: { language: string } }).client.language));
    expect([...languages].sort()).toEqual(['en', 'lt', 'ro', 'ru']);
  });
});
