/**
 * The printable plan read back with pdf.js: the client's name (Cyrillic and Lithuanian), the
 * dates, the amounts and the "not legal advice" footer are in the text layer.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../contracts/case-file.js';
import { type ExitPath, type ExitPlan, planExit } from '../core/exit/index.js';
import { formatMoney } from '../core/money/index.js';
import { loadDemoCases } from '../demo/load-demo-cases.js';
import { planToPdf } from './plan-pdf.js';

const NOW = new Date('2026-11-22T20:49:47Z');
const cases = loadDemoCases().map((raw) => CaseFile.parse(raw));

function planOf(index: number, path: ExitPath, over: Partial<CaseFile['client']> = {}): { plan: ExitPlan; name: string } {
  const file = cases[index - 1]!;
  const client = { ...file.client, ...over };

  return { plan: planExit({ ...file, client }, { today: '2026-11-22', path }), name: client.name };
}

/** The text of every page, lines joined with spaces (pdf.js splits words into separate items). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? `${i.str}${i.hasEOL ? '\n' : ''}` : '')).join(''));
  }
  await doc.destroy();

  return pages.join('\n').replace(/\s+/g, ' ');
}

function expectPlanInText(text: string, plan: ExitPlan, name: string) {
  const m = (minor: number) => formatMoney(minor, plan.money.currency);
  expect(text).toContain(`Exit plan: ${name}`);
  expect(text).toContain(`Plan made on ${plan.today}`);
  if (plan.tell_client_on) expect(text).toContain(`Tell the client ${plan.tell_client_on}`);
  if (plan.work_ends_on) expect(text).toContain(`Work ends ${plan.work_ends_on}`);
  for (const s of plan.steps) {
    expect(text).toContain(s.due ?? 'after the check');
    expect(text).toContain(s.title.split(' ').slice(0, 4).join(' '));
  }
  for (const r of plan.lawyer_reasons) expect(text).toContain(`(${r.rule})`);
  expect(text).toContain(`Owed to you ${m(plan.money.owed_to_you_minor)}`);
  expect(text).toContain(`Late-payment interest ${m(plan.money.interest_minor)}`);
  expect(text).toContain(`Recovery compensation ${m(plan.money.compensation_minor)}`);
  expect(text).toContain(`Refund to the client ${m(plan.money.refund_minor)}`);
  expect(text).toContain(`Final invoice ${m(plan.money.final_invoice_minor)}`);
  for (const i of plan.money.per_invoice.filter((x) => x.owed_minor > 0)) {
    expect(text).toContain(`${i.number} ${i.due} ${m(i.owed_minor)} ${i.days_overdue} ${m(i.interest_minor)}`);
  }
  for (const s of plan.collection ?? []) {
    expect(text).toContain(`${s.due} ${s.title}`);
    if (s.deadline) expect(text).toContain(`Payment deadline: ${s.deadline}`);
  }
  for (const w of plan.warnings) expect(text).toContain(w.slice(0, 30));
  expect(text).toContain('a template, not legal advice');
}

describe('planToPdf', () => {
  it('renders a Cyrillic client name, the dates and the amounts (stop and collect, demo case 10 under a Russian name)', async () => {
    const { plan, name } = planOf(10, 'stop_and_collect', { name: 'ООО «ТрансБалт Логистика» — Ёлкин Щ.Ю.' });
    const before = structuredClone(plan);
    const bytes = await planToPdf({ plan, clientName: name, providerName: 'Northlight Studio', now: NOW });
    expect(plan).toEqual(before); // the renderer leaves its input as it was
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = await pdfText(bytes);
    expectPlanInText(text, plan, name);
    expect(text).toContain('Why a lawyer looks first');
    expect(text).toContain('8,000.00 EUR');
  });

  it('renders Lithuanian diacritics (demo case 11, MB „Žalias kiemas“)', async () => {
    const { plan, name } = planOf(11, 'stop_and_collect');
    expect(name).toBe('MB „Žalias kiemas“');
    const text = await pdfText(await planToPdf({ plan, clientName: name, now: NOW }));
    expectPlanInText(text, plan, name);
    expect(text).toContain('teismo įsakymas');
    expect(text).toContain('3,700.00 EUR');
  });

  it.each([
    [12, 'immediate'],
    [9, 'finish_then_exit'],
    [8, 'reassign'],
    [8, 'finish_then_exit'],
  ] as const)('renders demo case %i on the %s path', async (index, path) => {
    const { plan, name } = planOf(index, path);
    const text = await pdfText(await planToPdf({ plan, clientName: name, providerName: 'Northlight Studio', now: NOW }));
    expectPlanInText(text, plan, name);
    if (plan.contract_check.to_find_out.length > 0) expect(text).toContain('To find out first');
  });

  it('writes the given instant as the creation date', async () => {
    const { plan, name } = planOf(12, 'immediate');
    const doc = await getDocument({ data: await planToPdf({ plan, clientName: name, now: NOW }), verbosity: 0 }).promise;
    const { info } = (await doc.getMetadata()) as { info: { CreationDate?: string; Title?: string } };
    expect(info.CreationDate).toMatch(/^D:20261122204947/);
    expect(info.Title).toBe(`Exit plan: ${name}`);
    await doc.destroy();
  });
});
