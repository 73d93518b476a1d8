/** The 12 demo case files come out as src/demo/cases/README.md says. */
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../contracts/case-file.js';
import { loadDemoCases } from '../../demo/load-demo-cases.js';
import { assess } from './assess.js';
import type { ExitPath, Recommendation, ReferenceRule } from './types.js';

const EXPECTED: Array<[string, Recommendation, ExitPath | null, ReferenceRule]> = [
  ['UAB „Duonos namai“', 'keep', null, 6],
  ['Maple Commons Food Network', 'keep', null, 6],
  ['Someș Software SRL', 'keep', null, 6],
  ['Артём Белов', 'keep', null, 6],
  ['Casa Verde Imobiliare SRL', 'watch', null, 5],
  ['Oliver Grant', 'watch', null, 5],
  ['UAB „Medaus kelias“', 'yellow_card', null, 4],
  ['SIA «Балтийские окна»', 'reassign', null, 4],
  ['Lemnăria Carpați SRL', 'red_card', 'finish_then_exit', 3],
  ['UAB „TransBalt Logistika“', 'red_card', 'stop_and_collect', 2],
  ['MB „Žalias kiemas“', 'red_card', 'stop_and_collect', 2],
  ['Brightline Fitness Ltd', 'red_card', 'immediate', 1],
];

describe('demo cases', () => {
  const files = loadDemoCases().map((raw) => CaseFile.parse(raw));

  it('are the twelve of the README, in order', () => {
    expect(files.map((f) => f.client.name)).toEqual(EXPECTED.map(([name]) => name));
  });

  it.each(EXPECTED.map((e, i) => [i + 1, ...e] as const))('%i %s -> %s %s (rule %i)', (n, _name, recommendation, path, rule) => {
    const file = files[n - 1]!;
    const result = assess(file, { today: file.today! });
    expect({ recommendation: result.recommendation, path: result.path, rule: result.reference_rule }).toEqual({
      recommendation,
      path,
      rule,
    });
  });

  it('score healthier clients higher: every kept client above every red-carded one', () => {
    const results = files.map((f) => assess(f, { today: f.today! }));
    const kept = results.filter((r) => r.recommendation === 'keep').map((r) => r.score);
    const red = results.filter((r) => r.recommendation === 'red_card').map((r) => r.score);
    expect(Math.min(...kept)).toBeGreaterThan(Math.max(...red));
  });

  it('computes the D6 impact from the records (TransBalt: 12 invoices of 3,000 EUR, 352 hours)', () => {
    const file = files[9]!;
    const { impact } = assess(file, { today: file.today! });
    expect(impact).toMatchObject({
      window: { from_month: '2025-12', to_month: '2026-11' },
      client_revenue_minor: 3_600_000,
      provider_revenue_minor: 18_000_000,
      revenue_without_client_minor: 14_400_000,
      client_share: 0.2,
      hours_freed: 352,
      client_hourly_rate_minor: 10_227,
      outstanding_minor: 800_000,
      overdue_minor: 800_000,
    });
  });
});
