import { describe, expect, it } from 'vitest';
import { CLIENT_STATUSES, type ClientStatus } from '../vocabulary.js';
import {
  allowedEvents,
  ESCALATION_EVENTS,
  type EscalationEvent,
  explainRefusal,
  type GuardAssessment,
  nextStatus,
  REFUSALS,
  type TransitionContext,
} from './machine.js';
import { replayStatus } from './replay.js';

const REASON = 'The client apologised in writing and paid.';
const freelancer: TransitionContext = { providerKind: 'freelancer', teamSize: 0, currentMember: null, assessment: null };
const agency: TransitionContext = { providerKind: 'agency', teamSize: 1, currentMember: 'Ana Popescu', assessment: null };
const at = (status: ClientStatus, yellowCardGiven = false) => ({ status, yellowCardGiven });
const rule = (reference_rule: number, d: string): GuardAssessment => ({
  recommendation: 'red_card',
  reference_rule,
  reasons: [{ rule: d }, { rule: 'D7' }],
});

const simple: Record<(typeof ESCALATION_EVENTS)[number], EscalationEvent> = {
  watch: { type: 'watch' },
  yellow_card: { type: 'yellow_card' },
  reassign: { type: 'reassign', toMember: 'Bogdan' },
  red_card: { type: 'red_card', overrideReason: REASON },
  end: { type: 'end' },
  close: { type: 'close' },
  reopen: { type: 'reopen', reason: REASON },
  back_to_active: { type: 'back_to_active', reason: REASON },
};

describe('escalation state machine', () => {
  it('has this transition table (with every guard satisfied)', () => {
    const table: Record<string, Record<string, string>> = {};
    for (const s of CLIENT_STATUSES) {
      table[s] = {};
      for (const e of ESCALATION_EVENTS) {
        const r = nextStatus(at(s, true), simple[e], agency);
        if (r.ok) table[s]![e] = r.status;
      }
    }
    expect(table).toEqual({
      active: { watch: 'watch', yellow_card: 'warned', reassign: 'reassigned', red_card: 'exiting' },
      watch: { yellow_card: 'warned', reassign: 'reassigned', red_card: 'exiting', back_to_active: 'active' },
      warned: { reassign: 'reassigned', red_card: 'exiting', back_to_active: 'active' },
      reassigned: { yellow_card: 'warned', red_card: 'exiting', back_to_active: 'active' },
      exiting: { end: 'ended', back_to_active: 'active' },
      ended: { close: 'closed', reopen: 'active' },
      closed: { reopen: 'active' },
    });
    for (const s of CLIENT_STATUSES) expect(allowedEvents(s)).toEqual(Object.keys(table[s]!));
  });

  it('refuses a red card without a prior yellow card unless rule 1 or 2 applies or the user overrides with a reason', () => {
    expect(nextStatus(at('active'), { type: 'red_card' }, freelancer)).toEqual({ ok: false, reason: 'yellow_card_first' });
    expect(nextStatus(at('active'), { type: 'red_card', overrideReason: 'because' }, freelancer)).toEqual({
      ok: false,
      reason: 'override_reason_too_short',
    });
    // Rule 3 (after a yellow card) and rule 4 do not skip the warning, even when they cite D2.
    const rule4: GuardAssessment = { recommendation: 'yellow_card', reference_rule: 4, reasons: [{ rule: 'D4' }] };
    expect(nextStatus(at('active'), { type: 'red_card' }, { ...freelancer, assessment: rule4 }).ok).toBe(false);
    expect(nextStatus(at('active'), { type: 'red_card' }, { ...freelancer, assessment: rule(3, 'D2') }).ok).toBe(false);

    expect(nextStatus(at('active'), { type: 'red_card' }, { ...freelancer, assessment: rule(1, 'D1') })).toMatchObject({
      ok: true,
      status: 'exiting',
      grounds: 'rule_1',
    });
    expect(nextStatus(at('watch'), { type: 'red_card' }, { ...freelancer, assessment: rule(2, 'D2') })).toMatchObject({
      grounds: 'rule_2',
    });
    expect(nextStatus(at('active'), { type: 'red_card', overrideReason: REASON }, freelancer)).toMatchObject({ grounds: 'override' });
    expect(nextStatus(at('warned', true), { type: 'red_card' }, freelancer)).toMatchObject({ grounds: 'after_yellow_card' });
    // A warning given before a reassignment still counts.
    expect(nextStatus(at('reassigned', true), { type: 'red_card' }, agency)).toMatchObject({ ok: true, status: 'exiting' });
  });

  it('reassigns only for agencies, to another named member', () => {
    expect(nextStatus(at('active'), { type: 'reassign', toMember: 'Bogdan' }, freelancer)).toEqual({ ok: false, reason: 'no_team' });
    expect(nextStatus(at('active'), { type: 'reassign', toMember: '  ana   POPESCU ' }, agency)).toEqual({
      ok: false,
      reason: 'same_member',
    });
    expect(nextStatus(at('active'), { type: 'reassign', toMember: '  ' }, agency)).toEqual({ ok: false, reason: 'member_required' });
    expect(nextStatus(at('warned', true), { type: 'reassign', toMember: 'Bogdan' }, agency)).toMatchObject({
      ok: true,
      state: { status: 'reassigned', yellowCardGiven: true },
    });
    // D5: if the reassignment fails too, end it; a second reassignment is not the next step.
    expect(nextStatus(at('reassigned'), { type: 'reassign', toMember: 'Ieva' }, agency)).toEqual({
      ok: false,
      reason: 'not_allowed_from_status',
    });
  });

  it('keeps a closed client closed except for a reopen with a written reason', () => {
    for (const e of ESCALATION_EVENTS.filter((x) => x !== 'reopen')) {
      expect(nextStatus(at('closed', true), simple[e], agency)).toEqual({ ok: false, reason: 'closed_for_contact' });
    }
    expect(nextStatus(at('closed'), { type: 'reopen', reason: 'ok' }, agency)).toEqual({ ok: false, reason: 'reason_required' });
    expect(nextStatus(at('closed'), { type: 'reopen', reason: REASON }, agency)).toMatchObject({ ok: true, status: 'active' });
  });

  it('needs a reason to retract a red card, not to stop watching', () => {
    expect(nextStatus(at('exiting'), { type: 'back_to_active' }, agency)).toEqual({ ok: false, reason: 'reason_required' });
    expect(nextStatus(at('watch'), { type: 'back_to_active' }, agency)).toMatchObject({ ok: true, status: 'active' });
  });

  it('explains every refusal with what is allowed instead', () => {
    for (const reason of REFUSALS) expect(explainRefusal(reason, at('warned'), 'watch').length).toBeGreaterThan(20);
    expect(explainRefusal('not_allowed_from_status', at('warned'), 'watch')).toBe(
      'The client is warned (yellow card); "watch" is not possible from there. Allowed from here: reassign, red_card, back_to_active.',
    );
  });

  it('replays a log and reports a change that does not follow the table', () => {
    expect(
      replayStatus([
        { event: 'yellow_card', from: 'active', to: 'warned' },
        { event: 'red_card', from: 'warned', to: 'exiting' },
      ]),
    ).toEqual({ ok: true, status: 'exiting' });
    expect(replayStatus([])).toEqual({ ok: true, status: null });
    expect(replayStatus([{ event: 'end', from: 'active', to: 'ended' }])).toMatchObject({ ok: false, index: 0 });
    expect(replayStatus([{ event: 'watch', from: 'active', to: 'warned' }])).toMatchObject({ ok: false, index: 0 });
  });
});
