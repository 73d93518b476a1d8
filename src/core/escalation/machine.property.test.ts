import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIENT_STATUSES, type ClientStatus, PROVIDER_KINDS } from '../vocabulary.js';
import {
  availableSteps,
  type EscalationEvent,
  type EscalationState,
  nextStatus,
  REASON_MIN_CHARS,
  TERMINAL_STATUSES,
  type TransitionContext,
} from './machine.js';
import { replayStatus, type StatusChange } from './replay.js';

const LONG_REASON = 'A reason written out in full.';
const members = fc.constantFrom('Ana', 'ana ', 'Bogdan', 'Ieva', '');
const reason = fc.oneof(fc.constant(''), fc.constant('short'), fc.string({ minLength: REASON_MIN_CHARS, maxLength: 40 }));
const event: fc.Arbitrary<EscalationEvent> = fc.oneof(
  fc.constant({ type: 'watch' as const }),
  fc.constant({ type: 'yellow_card' as const }),
  members.map((toMember) => ({ type: 'reassign' as const, toMember })),
  fc.option(reason).map((overrideReason) => ({ type: 'red_card' as const, overrideReason })),
  fc.constant({ type: 'end' as const }),
  fc.constant({ type: 'close' as const }),
  reason.map((r) => ({ type: 'reopen' as const, reason: r })),
  fc.option(reason).map((r) => ({ type: 'back_to_active' as const, reason: r })),
);
const assessment = fc.option(
  fc.record({
    recommendation: fc.constantFrom('keep', 'watch', 'yellow_card', 'reassign', 'red_card' as const),
    reference_rule: fc.integer({ min: 1, max: 6 }),
    reasons: fc.array(fc.record({ rule: fc.constantFrom('D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7') }), { maxLength: 3 }),
  }),
);
const context: fc.Arbitrary<TransitionContext> = fc.record({
  providerKind: fc.constantFrom(...PROVIDER_KINDS),
  teamSize: fc.integer({ min: 0, max: 5 }),
  currentMember: fc.option(members),
  assessment,
});
const status = fc.constantFrom(...CLIENT_STATUSES);
/** A valid starting point: a warned client has had a yellow card. */
const state: fc.Arbitrary<EscalationState> = fc
  .record({ status, yellowCardGiven: fc.boolean() })
  .map((s) => (s.status === 'warned' ? { ...s, yellowCardGiven: true } : s));

/** Runs a sequence the way the use cases do: a refused step changes nothing and logs nothing. */
function run(start: EscalationState, steps: Array<[EscalationEvent, TransitionContext]>) {
  let current = start;
  const log: StatusChange[] = [];
  for (const [e, ctx] of steps) {
    const result = nextStatus(current, e, ctx);
    if (result.ok) {
      log.push({ event: e.type, from: current.status, to: result.status });
      current = result.state;
    }
  }

  return { final: current, log };
}

describe('escalation state machine (properties)', () => {
  it('leaves a terminal state only by reopen, with a written reason', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TERMINAL_STATUSES), fc.boolean(), event, context, (s, yellow, e, ctx) => {
        const result = nextStatus({ status: s, yellowCardGiven: yellow }, e, ctx);
        if (result.ok) {
          expect(e.type).toBe('reopen');
          expect(e.type === 'reopen' && e.reason.trim().length >= REASON_MIN_CHARS).toBe(true);
          expect(result.status).toBe('active');
        }
      }),
    );
  });

  it('ends every event sequence in a valid state, warned only after a yellow card', () => {
    fc.assert(
      fc.property(state, fc.array(fc.tuple(event, context), { maxLength: 30 }), (start, steps) => {
        const { final, log } = run(start, steps);
        expect(CLIENT_STATUSES).toContain(final.status);
        if (final.status === 'warned') expect(final.yellowCardGiven).toBe(true);
        // A warning once given is never forgotten.
        if (start.yellowCardGiven) expect(final.yellowCardGiven).toBe(true);
        for (const change of log) expect(CLIENT_STATUSES).toContain(change.to);
      }),
    );
  });

  it('replaying the log of accepted steps gives the final status', () => {
    fc.assert(
      fc.property(state, fc.array(fc.tuple(event, context), { maxLength: 30 }), (start, steps) => {
        const { final, log } = run(start, steps);
        const replayed = replayStatus(log);
        expect(replayed).toEqual({ ok: true, status: log.length === 0 ? null : final.status });
      }),
    );
  });

  it('never gives a red card without a prior yellow card except by rules 1 and 2 or a written override', () => {
    fc.assert(
      fc.property(status, event, context, (s, e, ctx) => {
        const result = nextStatus({ status: s, yellowCardGiven: false }, e, ctx);
        if (result.ok && e.type === 'red_card') {
          const byRules = ctx.assessment?.recommendation === 'red_card' && [1, 2].includes(ctx.assessment.reference_rule);
          const byOverride = (e.overrideReason ?? '').trim().length >= REASON_MIN_CHARS;
          expect(byRules || byOverride).toBe(true);
          expect(result.grounds).not.toBe('after_yellow_card');
        }
      }),
    );
  });

  it('reassigns only within a team (an agency, or two or more known members), to another member', () => {
    fc.assert(
      fc.property(state, members, context, (s, to, ctx) => {
        const result = nextStatus(s, { type: 'reassign', toMember: to }, ctx);
        if (result.ok) {
          expect(ctx.providerKind === 'agency' || ctx.teamSize >= 2).toBe(true);
          expect(to.trim()).not.toBe('');
          expect(to.trim().toLowerCase()).not.toBe((ctx.currentMember ?? '').trim().toLowerCase());
        }
      }),
    );
  });

  it('offers a step exactly when the machine would take it with what the step asks for', () => {
    fc.assert(
      fc.property(state, context, (s, ctx) => {
        for (const option of availableSteps(s, ctx)) {
          const needs = new Set(option.needs);
          const probe: EscalationEvent =
            option.event === 'reassign'
              ? { type: 'reassign', toMember: 'Zed Newcomer' }
              : option.event === 'red_card'
                ? { type: 'red_card', overrideReason: needs.has('override_reason') ? LONG_REASON : null }
                : option.event === 'reopen' || option.event === 'back_to_active'
                  ? { type: option.event, reason: needs.has('reason') ? LONG_REASON : '' }
                  : { type: option.event };
          const result = nextStatus(s, probe, ctx);
          expect(result.ok, option.event).toBe(option.allowed);
          // Reassignment without a team is refused as such whatever the status; the rest give the machine's reason.
          if (!result.ok) expect([result.reason, ...(option.event === 'reassign' ? ['no_team'] : [])]).toContain(option.refusal);
        }
      }),
    );
  });

  it('detects a log whose links do not meet', () => {
    fc.assert(
      fc.property(state, fc.array(fc.tuple(event, context), { minLength: 2, maxLength: 20 }), (start, steps) => {
        const { log } = run(start, steps);
        fc.pre(log.length >= 2);
        const broken = log.map((c) => ({ ...c }));
        const other: ClientStatus = broken[1]!.from === 'active' ? 'ended' : 'active';
        broken[1]!.from = other;
        expect(replayStatus(broken).ok).toBe(false);
      }),
    );
  });
});
