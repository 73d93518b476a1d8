/** The saved plan's rules: the user's tell date, merging steps on re-planning, overdue days, X8, and the secret guard of X9. */
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../case.js';
import { DomainError } from '../errors.js';
import { planExit } from './plan.js';
import { checkReferral, daysOverdue, mergeSteps, pathNeedsReason, secretLikeReason, statesFor } from './saved.js';

type Contract = NonNullable<CaseRecord['contract']>;

const TODAY = '2026-11-22'; // a Sunday

function record(over: Partial<CaseRecord> = {}, contractOver: Partial<Contract> | null = {}): CaseRecord {
  return {
    today: TODAY,
    timezone: 'Europe/Vilnius',
    provider: { name: 'Ana', kind: 'freelancer', currency: 'EUR', jurisdiction: 'LT' },
    client: { name: 'Client', kind: 'business', size: 'small', language: 'en' },
    contract:
      contractOver === null
        ? null
        : {
            signed: '2025-01-01',
            ends: null,
            provider_may_terminate: true,
            notice: null,
            penalty: null,
            refund_clause: false,
            ...contractOver,
          },
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

function issuesOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.issues;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('the day to tell the client, chosen by the user', () => {
  it('moves the tell date and counts the notice from it (long-term engagement)', () => {
    const r = record(
      {
        engagements: [{ name: 'Retainer', kind: 'long_term', price_minor: 0, prepaid_minor: 0, deliverables: [] }],
      },
      { notice: { amount: 30, unit: 'days' } },
    );
    const p = planExit(r, { today: TODAY, path: 'finish_then_exit', tell_on: '2026-12-01' });
    expect(p.tell_client_on).toBe('2026-12-01');
    expect(p.work_ends_on).toBe('2026-12-31');
    expect(p.steps.find((s) => s.id === 'conversation')?.due).toBe('2026-12-01');
  });

  it('stop paths: told and stopped on the chosen day', () => {
    const p = planExit(record(), { today: TODAY, path: 'stop_and_collect', tell_on: '2026-11-25' });
    expect([p.tell_client_on, p.work_ends_on]).toEqual(['2026-11-25', '2026-11-25']);
    expect(p.steps.find((s) => s.id === 'stop-work')?.due).toBe('2026-11-25');
  });

  it('one-off work is still delivered first when the user tells the client earlier, with a warning', () => {
    const r = record({
      engagements: [
        {
          name: 'Site',
          kind: 'one_off',
          price_minor: 0,
          prepaid_minor: 0,
          deliverables: [{ name: 'Launch', due: '2026-12-10', done: false, percent_done: 40 }],
        },
      ],
    });
    const p = planExit(r, { today: TODAY, path: 'finish_then_exit', tell_on: '2026-11-24' });
    expect(p.tell_client_on).toBe('2026-11-24');
    expect(p.work_ends_on).toBe('2026-12-10');
    expect(p.warnings.join(' ')).toMatch(/before open work is due \(last on 2026-12-10\)/);
  });

  it('is refused in the past and while the right to terminate is unknown or false (C3)', () => {
    expect(issuesOf(() => planExit(record(), { today: TODAY, path: 'immediate', tell_on: '2026-11-21' }))[0]?.path).toBe('tell_on');
    const unknown = issuesOf(() =>
      planExit(record({}, { provider_may_terminate: null }), { today: TODAY, path: 'immediate', tell_on: TODAY }),
    );
    expect(unknown[0]?.message).toMatch(/unknown whether the contract lets you end it/);
    const refused = issuesOf(() =>
      planExit(record({}, { provider_may_terminate: false }), { today: TODAY, path: 'immediate', tell_on: TODAY }),
    );
    expect(refused[0]?.message).toMatch(/does not let you end it/);
  });
});

describe('lawyer first with a known right to terminate (section 7 read literally)', () => {
  it('a large client adds the lawyer check but does not withhold telling: the check is due by the tell date', () => {
    const r = record({ client: { name: 'Big', kind: 'business', size: 'large', language: 'en' } });
    const p = planExit(r, { today: TODAY, path: 'stop_and_collect' });
    expect(p.lawyer_first).toBe(true);
    expect(p.tell_client_on).toBe(TODAY);
    expect(p.steps.find((s) => s.id === 'lawyer-check')?.due).toBe(TODAY);
    const later = planExit(r, { today: TODAY, path: 'stop_and_collect', tell_on: '2026-12-15' });
    // A week from today at the latest, even when the client is told later.
    expect(later.steps.find((s) => s.id === 'lawyer-check')?.due).toBe('2026-11-29');
  });
});

describe('an unknown currency is named, not silently used', () => {
  it('warns for a well-formed code that is not ISO 4217', () => {
    const r = record({ provider: { name: 'Ana', kind: 'freelancer', currency: 'XYZ', jurisdiction: 'LT' } });
    expect(planExit(r, { today: TODAY, path: 'immediate' }).warnings.join(' ')).toMatch(/"XYZ" is not an ISO 4217 currency/);
    expect(planExit(record(), { today: TODAY, path: 'immediate' }).warnings.join(' ')).not.toMatch(/ISO 4217/);
  });
});

describe('mergeSteps', () => {
  const generated = planExit(record(), { today: TODAY, path: 'stop_and_collect' }).steps;

  it('keeps the done state of steps that still exist and drops the rest', () => {
    const merged = mergeSteps(
      generated,
      [],
      [
        { key: 'evidence', done_at: '2026-11-22T10:00:00.000Z', done_by: 'you', done_note: 'saved the mails' },
        { key: 'finish-1-1', done_at: '2026-11-20T10:00:00.000Z', done_by: 'you', done_note: null },
      ],
    );
    expect(merged.find((s) => s.key === 'evidence')).toMatchObject({ done_by: 'you', done_note: 'saved the mails' });
    expect(merged.some((s) => s.key === 'finish-1-1')).toBe(false);
    expect(merged.filter((s) => s.done_at !== null)).toHaveLength(1);
    expect(merged.map((s) => s.ord)).toEqual(generated.map((_, i) => i));
  });

  it("applies the user's due date and owner and marks the step adjusted", () => {
    const merged = mergeSteps(generated, [{ key: 'handover-files', due: '2026-11-30', owner: 'Rūta' }], []);
    expect(merged.find((s) => s.key === 'handover-files')).toMatchObject({ due: '2026-11-30', owner: 'Rūta', adjusted: true });
    expect(merged.find((s) => s.key === 'evidence')?.adjusted).toBe(false);
  });

  it('refuses an unknown key, a twice-adjusted step and a date on a step the contract check keeps undated', () => {
    expect(issuesOf(() => mergeSteps(generated, [{ key: 'nope' }], []))[0]).toMatchObject({ path: 'steps[0].key' });
    expect(issuesOf(() => mergeSteps(generated, [{ key: 'evidence' }, { key: 'evidence' }], []))[0]).toMatchObject({
      path: 'steps[1].key',
    });
    const blocked = planExit(record({}, { provider_may_terminate: null }), { today: TODAY, path: 'immediate' }).steps;
    expect(blocked.find((s) => s.id === 'conversation')?.due).toBeNull();
    const issue = issuesOf(() => mergeSteps(blocked, [{ key: 'conversation', due: '2026-11-30' }], []))[0];
    expect(issue?.path).toBe('steps[0].due');
    expect(issue?.message).toMatch(/waits for the contract check/);
  });
});

describe('daysOverdue', () => {
  it('counts days after the due date for open steps only', () => {
    expect(daysOverdue({ due: '2026-11-20', done_at: null }, TODAY)).toBe(2);
    expect(daysOverdue({ due: TODAY, done_at: null }, TODAY)).toBeNull();
    expect(daysOverdue({ due: '2026-11-20', done_at: '2026-11-21T09:00:00Z' }, TODAY)).toBeNull();
    expect(daysOverdue({ due: null, done_at: null }, TODAY)).toBeNull();
  });
});

describe('checkReferral (X8)', () => {
  it('refuses a colleague for a client who did not pay or was abusive, and an unchecked colleague', () => {
    expect(() => checkReferral('resources_only', ['EUR 10.00 is overdue.'], { mode: 'colleague', checked_first: true })).toThrow(
      /resources only/,
    );
    expect(() => checkReferral('colleague', [], { mode: 'colleague', checked_first: false })).toThrow(/Check the colleague/);
    expect(() => checkReferral('colleague', [], { mode: 'colleague', checked_first: true })).not.toThrow();
    expect(() => checkReferral('colleague', [], { mode: 'resources_only', checked_first: false })).not.toThrow();
  });
});

describe('pathNeedsReason', () => {
  it('asks for a reason only when the path differs from the recommendation', () => {
    expect(pathNeedsReason('stop_and_collect', 'stop_and_collect')).toBe(false);
    expect(pathNeedsReason('finish_then_exit', 'stop_and_collect')).toBe(true);
    expect(pathNeedsReason('immediate', null)).toBe(true);
  });
});

describe('secretLikeReason: the handover inventory never holds a secret', () => {
  it.each([
    ['password: hunter2', 'credential_label'],
    ['Parolă = abc', 'credential_label'],
    ['пароль: qwerty', 'credential_label'],
    ['slaptažodis: labas', 'credential_label'],
    ['API key=12345', 'credential_label'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----', 'private_key'],
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123', 'known_token'],
    ['AKIAABCDEFGHIJKLMNOP', 'known_token'],
    ['ftp://admin:secret@example.com', 'url_credentials'],
    ['login admin / Pa55w0rd!', 'password_like'],
    ['key 9f8a7b6c5d4e3f2a1b0c9d8e7f6a', 'password_like'],
  ])('%s → %s', (text, reason) => {
    expect(secretLikeReason(text)).toBe(reason);
  });

  it.each([
    'Admin access to the Hetzner project',
    'Domain redcard-client-example.com at Namecheap',
    'GitHub organisation acme-web, owner role',
    'Google Analytics 4 property, admin',
    'Password manager vault shared with the client', // the word alone is not a secret
    'Передать доступ к хостингу',
    'Prieiga prie Google Ads paskyros',
    'https://example.com/brand-assets/2026',
    'invoice 2026-014',
  ])('accepts "%s"', (text) => {
    expect(secretLikeReason(text)).toBeNull();
  });
});

describe('statesFor', () => {
  it('files are sent, access is transferred, revoked or kept', () => {
    expect(statesFor('files')).toEqual(['to_send', 'sent']);
    expect(statesFor('hosting')).toContain('revoked');
    expect(statesFor('hosting')).not.toContain('sent');
  });
});
