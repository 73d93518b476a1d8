import { describe, expect, it } from 'vitest';
import { isDomainError } from '../core/errors.js';
import { loadDemoCases } from '../demo/load-demo-cases.js';
import { planCaseFile } from './plan-case.js';

const demo = loadDemoCases();
const lemnaria = demo[8] as { client: { name: string } };

describe('planCaseFile', () => {
  it('demo case 09: told today (2026-11-22), work ends 2026-12-22, after the last deliverable on 2026-12-18', () => {
    expect(lemnaria.client.name).toBe('Lemnăria Carpați SRL');
    const p = planCaseFile(lemnaria, { clockToday: '2030-01-01', path: 'finish_then_exit' });
    expect(p.today).toBe('2026-11-22');
    expect(p.tell_client_on).toBe('2026-11-22');
    expect(p.work_ends_on).toBe('2026-12-22');
    expect(p.lawyer_first).toBe(false);
    expect(p.contract_check.notice_used).toEqual({ amount: 1, unit: 'months' });
    expect(p.steps.find((s) => s.id === 'finish-1-2')).toMatchObject({ due: '2026-12-18', owner: 'Andrei' });
    // Abuse is recorded (2026-09-08): resources only, no colleague (X8).
    expect(p.referral.mode).toBe('resources_only');
    expect(p.money.owed_to_you_minor).toBe(0);
    // December's fee up to the 22nd: 190000 × 22/31 = 134838.71 -> 134839.
    expect(p.money.final_invoice_minor).toBe(134839);
    // Two invoices paid late (NS-2026-015 by 4 days, NS-2026-041 by 2 days) at 10.15%:
    //   190000 × 1015 × (4 + 2) / 3,650,000 = 317.01 -> 317 in total (211.34 -> 211 and 105.67 -> 106).
    expect(p.money.per_invoice.filter((i) => i.interest_minor > 0).map((i) => [i.number, i.interest_minor])).toEqual([
      ['NS-2026-015', 211],
      ['NS-2026-041', 106],
    ]);
    expect(p.money.interest_minor).toBe(317);
  });

  it('demo case 10: stop_and_collect with a lawyer first (large client, penalty) and a collection schedule', () => {
    const p = planCaseFile(demo[9], { clockToday: '2030-01-01', path: 'stop_and_collect' });
    expect([p.tell_client_on, p.work_ends_on]).toEqual(['2026-11-22', '2026-11-22']);
    expect(p.lawyer_reasons.map((r) => r.code)).toEqual(['large_business', 'penalty']);
    expect(p.money.owed_to_you_minor).toBe(800000);
    expect(p.collection?.map((c) => c.id)).toEqual(['reminder', 'formal_demand', 'legal_step']);
  });

  it('demo case 05: right to terminate unknown, so nothing is told yet', () => {
    const p = planCaseFile(demo[4], { clockToday: '2030-01-01', path: 'finish_then_exit' });
    expect([p.tell_client_on, p.work_ends_on]).toEqual([null, null]);
  });

  it('--today overrides the file; the clock is the last resort', () => {
    const p = planCaseFile(lemnaria, { today: '2026-11-30', clockToday: '2030-01-01', path: 'immediate' });
    expect(p.tell_client_on).toBe('2026-11-30');
    const { today: _ignored, ...noToday } = lemnaria as Record<string, unknown>;
    expect(planCaseFile(noToday, { clockToday: '2026-12-01', path: 'immediate' }).today).toBe('2026-12-01');
  });

  it('asks the chooser when no path is given, and fails clearly when there is none', () => {
    expect(planCaseFile(lemnaria, { clockToday: '2030-01-01', choosePath: () => 'immediate' }).path).toBe('immediate');
    expect(() => planCaseFile(lemnaria, { clockToday: '2030-01-01', choosePath: () => null })).toThrow(/No exit path/);
  });

  it('rejects an invalid case file with field-named issues', () => {
    try {
      planCaseFile({ format: 'redcard.case/1', client: {}, bogus: 1 }, { clockToday: '2026-11-22', path: 'immediate' });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('INVALID_CASE_FILE');
      expect(isDomainError(error) && error.issues.map((i) => i.path)).toContain('bogus');
    }
    expect(() => planCaseFile(lemnaria, { today: '2026-02-30', clockToday: '2026-11-22', path: 'immediate' })).toThrow(/YYYY-MM-DD/);
  });
});
