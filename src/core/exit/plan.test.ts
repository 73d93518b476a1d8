/** Scenario tests for every date rule of DOMAIN.md section 7, and the plan's steps and money. */
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../case.js';
import { planExit } from './plan.js';
import type { ExitPlan } from './types.js';

type Engagement = CaseRecord['engagements'][number];
type Contract = NonNullable<CaseRecord['contract']>;

function record(over: Partial<CaseRecord> = {}): CaseRecord {
  return {
    today: '2026-11-22',
    timezone: 'Europe/Vilnius',
    provider: { name: 'Ana', kind: 'freelancer', currency: 'EUR', jurisdiction: 'LT' },
    client: { name: 'Client', kind: 'business', size: 'small', language: 'en' },
    contract: contract(),
    engagements: [],
    invoices: [],
    time: [],
    incidents: [],
    messages: [],
    cards: [],
    reassigned: false,
    ...over,
  };
}

function contract(over: Partial<Contract> = {}): Contract {
  return { signed: '2025-01-01', ends: null, provider_may_terminate: true, notice: null, penalty: null, refund_clause: false, ...over };
}

function engagement(kind: Engagement['kind'], dues: Array<string | null>, over: Partial<Engagement> = {}): Engagement {
  return {
    name: `${kind} work`,
    kind,
    price_minor: 100000,
    prepaid_minor: 0,
    deliverables: dues.map((due, i) => ({ name: `D${i + 1}`, due, done: false, percent_done: 50 })),
    ...over,
  };
}

const TODAY = '2026-11-22'; // a Sunday
const plan = (r: CaseRecord, path: ExitPlan['path']) => planExit(r, { today: TODAY, path });
const dates = (p: ExitPlan) => [p.tell_client_on, p.work_ends_on];

describe('dates: immediate and stop_and_collect', () => {
  it('tell today, work ends today, whatever the notice', () => {
    const r = record({
      contract: contract({ notice: { amount: 60, unit: 'days' } }),
      engagements: [engagement('long_term', ['2026-12-18'])],
    });
    expect(dates(plan(r, 'immediate'))).toEqual([TODAY, TODAY]);
    expect(dates(plan(r, 'stop_and_collect'))).toEqual([TODAY, TODAY]);
    expect(plan(r, 'immediate').warnings.join(' ')).toMatch(/without the contract's notice of 60 days/);
  });
});

describe('dates: finish_then_exit with a long-term engagement', () => {
  it('the notice wins when it ends later than the last open deliverable (days)', () => {
    const r = record({
      contract: contract({ notice: { amount: 30, unit: 'days' } }),
      engagements: [engagement('long_term', ['2026-12-04'])],
    });
    expect(dates(plan(r, 'finish_then_exit'))).toEqual([TODAY, '2026-12-22']);
  });

  it('the last open deliverable wins when it is later than the notice', () => {
    const r = record({
      contract: contract({ notice: { amount: 10, unit: 'days' } }),
      engagements: [engagement('long_term', ['2026-12-04', '2027-01-15'])],
    });
    expect(dates(plan(r, 'finish_then_exit'))).toEqual([TODAY, '2027-01-15']);
  });

  it('14 days without a contractual notice (X1)', () => {
    const r = record({ engagements: [engagement('long_term', ['2026-11-30'])] });
    const p = plan(r, 'finish_then_exit');
    expect(dates(p)).toEqual([TODAY, '2026-12-06']);
    expect(p.contract_check.notice_used).toEqual({ amount: 14, unit: 'days' });
  });

  it('business days and months', () => {
    const bd = record({
      contract: contract({ notice: { amount: 20, unit: 'business_days' } }),
      engagements: [engagement('long_term', [])],
    });
    expect(dates(plan(bd, 'finish_then_exit'))).toEqual([TODAY, '2026-12-18']);
    const jan31 = planExit(
      record({ contract: contract({ notice: { amount: 1, unit: 'months' } }), engagements: [engagement('long_term', [])] }),
      {
        today: '2026-01-31',
        path: 'finish_then_exit',
      },
    );
    expect(dates(jan31)).toEqual(['2026-01-31', '2026-02-28']);
  });

  it('a long-term engagement sets the rule for a mix of kinds', () => {
    const r = record({ engagements: [engagement('one_off', ['2026-12-01']), engagement('long_term', [])] });
    expect(dates(plan(r, 'finish_then_exit'))).toEqual([TODAY, '2026-12-06']);
  });
});

describe('dates: finish_then_exit with recurring_small / one_off engagements', () => {
  it("told on the last open deliverable's due date; work ends then without a notice", () => {
    const r = record({ engagements: [engagement('recurring_small', ['2026-11-26', '2026-12-02'])] });
    expect(dates(plan(r, 'finish_then_exit'))).toEqual(['2026-12-02', '2026-12-02']);
  });

  it("work ends after the contract's notice from that day", () => {
    const r = record({
      contract: contract({ notice: { amount: 14, unit: 'days' } }),
      engagements: [engagement('recurring_small', ['2026-11-26', '2026-12-02'])],
    });
    expect(dates(plan(r, 'finish_then_exit'))).toEqual(['2026-12-02', '2026-12-16']);
    const months = record({
      contract: contract({ notice: { amount: 1, unit: 'months' } }),
      engagements: [engagement('one_off', ['2026-12-31'])],
    });
    expect(dates(plan(months, 'finish_then_exit'))).toEqual(['2026-12-31', '2027-01-31']);
    const bd = record({
      contract: contract({ notice: { amount: 3, unit: 'business_days' } }),
      engagements: [engagement('one_off', ['2026-12-04'])],
    }); // a Friday
    expect(dates(plan(bd, 'finish_then_exit'))).toEqual(['2026-12-04', '2026-12-09']);
  });

  it('told today when nothing is open (or no engagement at all)', () => {
    const done = engagement('one_off', ['2026-10-01']);
    done.deliverables[0]!.done = true;
    expect(dates(plan(record({ engagements: [done] }), 'finish_then_exit'))).toEqual([TODAY, TODAY]);
    expect(dates(plan(record({ contract: contract({ notice: { amount: 5, unit: 'days' } }) }), 'finish_then_exit'))).toEqual([
      TODAY,
      '2026-11-27',
    ]);
  });

  it('told today when the last open deliverable is already overdue, with a warning', () => {
    const p = plan(record({ engagements: [engagement('one_off', ['2026-11-01'])] }), 'finish_then_exit');
    expect(dates(p)).toEqual([TODAY, TODAY]);
    expect(p.warnings.join(' ')).toMatch(/was due on 2026-11-01 and is still open/);
  });

  it('undated open deliverables do not move the dates, and are named in a warning', () => {
    const p = plan(record({ engagements: [engagement('one_off', [null, '2026-12-01'])] }), 'finish_then_exit');
    expect(dates(p)).toEqual(['2026-12-01', '2026-12-01']);
    expect(p.warnings.join(' ')).toMatch(/has no due date/);
  });
});

describe('the contract check and the lawyer (C1-C3)', () => {
  it('right to terminate unknown or false: the client is told nothing, and the plan says what to find out', () => {
    for (const may of [null, false]) {
      for (const path of ['immediate', 'stop_and_collect', 'finish_then_exit'] as const) {
        const p = plan(
          record({
            contract: contract({ provider_may_terminate: may, ends: '2026-12-31' }),
            engagements: [engagement('long_term', ['2026-12-04'])],
          }),
          path,
        );
        expect(dates(p)).toEqual([null, null]);
        expect(p.lawyer_first).toBe(true);
        expect(p.contract_check.to_find_out.length).toBeGreaterThan(0);
        expect(p.steps.find((s) => s.id === 'conversation')?.due).toBeNull();
        expect(p.steps.find((s) => s.id === 'contract-find-out')?.due).toBe('2026-11-29');
      }
    }
    const unknown = plan(record({ contract: contract({ provider_may_terminate: null }) }), 'finish_then_exit');
    expect(unknown.lawyer_reasons.map((r) => r.code)).toEqual(['right_unknown']);
  });

  it('a large business client or a penalty means lawyer first, but the dates stand', () => {
    const large = plan(record({ client: { name: 'Big', kind: 'business', size: 'large', language: 'en' } }), 'stop_and_collect');
    expect(large.lawyer_first).toBe(true);
    expect(large.lawyer_reasons.map((r) => r.code)).toEqual(['large_business']);
    expect(dates(large)).toEqual([TODAY, TODAY]);
    // The lawyer looks before the client is told: due the same day here.
    expect(large.steps.find((s) => s.id === 'lawyer-check')).toMatchObject({ due: TODAY, owner: 'lawyer', rule: 'C2' });
    const penalty = plan(
      record({ contract: contract({ penalty: { amount_minor: 900000, description: 'three monthly fees' } }) }),
      'finish_then_exit',
    );
    expect(penalty.lawyer_reasons.map((r) => r.code)).toEqual(['penalty']);
  });

  it('a small client with a clear contract needs no lawyer', () => {
    const p = plan(record(), 'finish_then_exit');
    expect(p.lawyer_first).toBe(false);
    expect(p.steps.some((s) => s.id === 'lawyer-check')).toBe(false);
  });

  it('no written contract: nothing written restricts ending; asks to check emails', () => {
    const p = plan(record({ contract: null }), 'stop_and_collect');
    expect(dates(p)).toEqual([TODAY, TODAY]);
    expect(p.lawyer_first).toBe(false);
    expect(p.contract_check.written).toBe(false);
    expect(p.contract_check.to_find_out.join(' ')).toMatch(/no written contract/);
  });

  it("warns when the notice runs past the contract's end", () => {
    const p = plan(
      record({
        contract: contract({ ends: '2026-12-31', notice: { amount: 2, unit: 'months' } }),
        engagements: [engagement('long_term', [])],
      }),
      'finish_then_exit',
    );
    expect(p.work_ends_on).toBe('2027-01-22');
    expect(p.warnings.join(' ')).toMatch(/after the contract itself ends on 2026-12-31/);
  });
});

describe('steps', () => {
  const full = record({
    provider: { name: 'Studio', kind: 'agency', currency: 'EUR', jurisdiction: 'LT' },
    client: { name: 'Client', kind: 'business', size: 'small', language: 'en', manager: 'Ieva' },
    contract: contract({ notice: { amount: 30, unit: 'days' } }),
    engagements: [engagement('long_term', ['2026-12-04'])],
  });

  it('finish_then_exit: every step dated, owned, ruled and not done, in date order', () => {
    const p = plan(full, 'finish_then_exit');
    const ids = p.steps.map((s) => s.id);
    for (const id of [
      'evidence',
      'conversation',
      'written-confirmation',
      'referral',
      'finish-1-1',
      'last-day',
      'handover-files',
      'access-inventory',
      'briefing',
      'interim-tools',
      'final-invoice',
      'close-contact',
      'reflection',
    ]) {
      expect(ids).toContain(id);
    }
    expect(p.steps.every((s) => s.done === false && s.due !== null)).toBe(true);
    expect(p.steps.map((s) => s.due)).toEqual([...p.steps.map((s) => s.due)].sort());
    expect(p.steps.find((s) => s.id === 'finish-1-1')).toMatchObject({ due: '2026-12-04', owner: 'Ieva', rule: 'D3' });
    expect(p.steps.find((s) => s.id === 'conversation')).toMatchObject({ due: TODAY, owner: 'you', rule: 'X2' });
    expect(p.steps.find((s) => s.id === 'written-confirmation')?.rule).toBe('X3');
    expect(p.steps.find((s) => s.id === 'handover-files')).toMatchObject({ due: '2026-12-22', rule: 'X9' });
    expect(p.steps.find((s) => s.id === 'access-inventory')?.title).toMatch(/never a password/);
    expect(p.steps.find((s) => s.id === 'close-contact')).toMatchObject({ due: '2026-12-22', rule: 'A1' });
    expect(p.steps.find((s) => s.id === 'reflection')).toMatchObject({ due: '2027-01-05', rule: 'A4' });
    expect(p.handover.access.map((a) => a.kind)).toEqual(['hosting', 'domains', 'ad_accounts', 'repositories', 'analytics']);
    expect(p.collection).toBeNull();
  });

  it('stop paths stop work today and hand over within a week', () => {
    const p = plan(full, 'immediate');
    expect(p.steps.find((s) => s.id === 'stop-work')).toMatchObject({ due: TODAY, rule: 'D1' });
    expect(plan(full, 'stop_and_collect').steps.find((s) => s.id === 'stop-work')?.rule).toBe('D2');
    expect(p.steps.find((s) => s.id === 'handover-files')?.due).toBe('2026-11-29');
    expect(p.steps.some((s) => s.id.startsWith('finish-'))).toBe(false);
  });

  it('referral: a colleague only for a client who paid and was not abusive (X8)', () => {
    expect(plan(full, 'finish_then_exit').referral.mode).toBe('colleague');
    const overdue = { ...full, invoices: [{ number: 'A', issued: '2026-10-01', due: '2026-10-15', amount_minor: 1000, payments: [] }] };
    expect(plan(overdue, 'finish_then_exit').referral).toMatchObject({ mode: 'resources_only' });
    const abusive = {
      ...full,
      incidents: [{ date: '2026-10-01', code: 'abuse' as const, severity: 1 as const, source: 'manual' as const, note: '' }],
    };
    expect(plan(abusive, 'finish_then_exit').referral.mode).toBe('resources_only');
    const later = {
      ...full,
      incidents: [{ date: '2026-12-01', code: 'abuse' as const, severity: 3 as const, source: 'manual' as const, note: '' }],
    };
    expect(plan(later, 'finish_then_exit').referral.mode).toBe('colleague'); // after today: not read
  });

  it('reassign: nothing ends; a new manager, the client told today, a review in 30 days', () => {
    const r = {
      ...full,
      incidents: [
        {
          date: '2026-10-01',
          code: 'abuse' as const,
          severity: 2 as const,
          source: 'staff_report' as const,
          about_member: 'Maria',
          note: '',
        },
        {
          date: '2026-10-05',
          code: 'abuse' as const,
          severity: 2 as const,
          source: 'staff_report' as const,
          about_member: 'Maria',
          note: '',
        },
      ],
    };
    const p = plan(r, 'reassign');
    expect(dates(p)).toEqual([TODAY, null]);
    expect(p.lawyer_first).toBe(false);
    expect(p.reassign_from).toBe('Maria');
    expect(p.steps.find((s) => s.id === 'choose-manager')?.title).toMatch(/other than Maria/);
    expect(p.steps.find((s) => s.id === 'review')).toMatchObject({ due: '2026-12-22', rule: 'D5' });
    expect(p.money.refund_minor).toBe(0);
  });
});

describe('money in the plan', () => {
  it('refunds prepaid work left unfinished on a stop path, and nothing once finished', () => {
    const e = engagement('one_off', ['2026-12-10', '2026-12-20'], { price_minor: 400000, prepaid_minor: 120000 });
    e.deliverables[0]!.percent_done = 100;
    e.deliverables[0]!.done = true;
    e.deliverables[1]!.percent_done = 20;
    // Share done (100 + 20) / 200 = 60%: refund 120000 × 80/200 = 48000, kept 72000.
    const stop = plan(record({ engagements: [e] }), 'immediate');
    expect(stop.money.refund_minor).toBe(48000);
    expect(stop.steps.find((s) => s.id === 'refund')?.title).toMatch(/480\.00 EUR/);
    const finish = plan(record({ engagements: [e] }), 'finish_then_exit');
    expect(finish.money.refund_minor).toBe(0);
    // All done by the exit: earned 400000, nothing invoiced -> final invoice 400000.
    expect(finish.money.final_invoice_minor).toBe(400000);
  });

  it('a collection schedule on stop_and_collect when money is owed, per jurisdiction', () => {
    const owed = { invoices: [{ number: 'A', issued: '2026-08-01', due: '2026-08-15', amount_minor: 370000, payments: [] }] };
    const lt = plan(record(owed), 'stop_and_collect');
    expect(lt.collection?.map((c) => [c.id, c.due, c.deadline])).toEqual([
      ['reminder', TODAY, null],
      ['formal_demand', '2026-11-29', '2026-12-13'],
      ['legal_step', '2026-12-14', null],
    ]);
    expect(lt.collection?.[2]?.title).toMatch(/teismo įsakymas/);
    expect(lt.collection?.[2]?.about).toMatch(/not legal advice/);
    const ro = plan(record({ ...owed, provider: { kind: 'freelancer', currency: 'EUR', jurisdiction: 'RO' } }), 'stop_and_collect');
    expect(ro.collection?.[1]?.deadline).toBe('2026-12-14');
    expect(ro.collection?.[2]?.title).toMatch(/ordonanța de plată/);
    const ru = plan(record({ ...owed, provider: { kind: 'freelancer', currency: 'RUB', jurisdiction: 'RU' } }), 'stop_and_collect');
    expect(ru.collection?.[1]?.deadline).toBe('2026-12-29');
    expect(ru.collection?.[2]?.title).toMatch(/арбитражный суд/);
    const fr = plan(record({ ...owed, provider: { kind: 'freelancer', currency: 'EUR', jurisdiction: 'FR' } }), 'stop_and_collect');
    expect(fr.collection?.[2]?.about).toMatch(/European Payment Order/);
    expect(plan(record(), 'stop_and_collect').collection).toBeNull();
    expect(plan(record(owed), 'immediate').collection).toBeNull();
  });
});
