/**
 * Issue 6: every draft RedCard generates passes its own tone checker, in every language, for every
 * combination of kind, path and context. The inputs are generated cases (arbitraryCase, with
 * deliverables, jurisdictions and client histories added), the kind, the language, the path, the
 * reason framing among the honest options, and the channel. A draft is either produced and clean,
 * or refused for one of the reasons the domain gives (C3, X4, D2, D4), never anything else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../assessment/assess.js';
import type { CaseRecord } from '../case.js';
import { addDays } from '../dates.js';
import { isDomainError } from '../errors.js';
import { planExit } from '../exit/index.js';
import { arbitraryCase, arbitraryDate } from '../testing/arbitrary-case.js';
import { LANGUAGES } from '../vocabulary.js';
import { CHANNELS, type Draft, draftLetter, LETTER_KINDS, type LetterPath, reasonOptions } from './drafts.js';
import { daysLate } from './drafts-reasons.js';
import { checkTone } from './tone.js';

const PATHS: readonly LetterPath[] = ['immediate', 'stop_and_collect', 'finish_then_exit'];

const arbitraryDeliverable = fc.record({
  name: fc.constantFrom('Homepage redesign', 'Q1 content plan', 'Logo files', 'Newsletter #12', 'Product pages (12)'),
  due: fc.option(arbitraryDate(), { nil: null }),
  done: fc.boolean(),
  percent_done: fc.integer({ min: 0, max: 100 }),
});

/** A generated case with what arbitraryCase leaves out: names, a jurisdiction, a history, deliverables, prepayment. */
const arbitraryLetterCase = fc
  .record({
    base: arbitraryCase(),
    provider: fc.constantFrom('Northlight Studio', 'Ana Pop Design', 'Ирина Кравец', 'Gabija Žukauskaitė'),
    client: fc.constantFrom('Vortex Media SRL', 'Артём Белов', 'UAB „Medaus kelias“', 'Oliver Grant'),
    jurisdiction: fc.constantFrom(null, 'LT', 'RO', 'RU', 'DE'),
    since: fc.option(arbitraryDate(), { nil: null }),
    deliverables: fc.array(arbitraryDeliverable, { maxLength: 6 }),
    prepaid: fc.constantFrom(0, 50_000),
  })
  .map(({ base, provider, client, jurisdiction, since, deliverables, prepaid }): CaseRecord & { today: string } => ({
    ...base,
    provider: { ...base.provider, name: provider, jurisdiction },
    client: { ...base.client, name: client, since },
    engagements: base.engagements.map((e) => ({ ...e, prepaid_minor: prepaid, deliverables })),
  }));

const arbitraryRequest = fc.record({
  record: arbitraryLetterCase,
  kind: fc.constantFrom(...LETTER_KINDS),
  lang: fc.constantFrom(...LANGUAGES),
  path: fc.constantFrom(...PATHS),
  reasonPick: fc.nat({ max: 7 }),
  channel: fc.constantFrom(...CHANNELS),
});

/** What the case says about the client, computed here from the record, not from the planner. */
function context(record: CaseRecord, today: string): { client_paid: boolean; abusive: boolean } {
  const overdue = record.invoices.some((inv) => inv.due < today && daysLate(inv, today).owed_minor > 0);

  return { client_paid: !overdue, abusive: record.incidents.some((i) => i.code === 'abuse' && i.date <= today) };
}

describe('every generated draft passes the tone checker', () => {
  it('in every language, kind, path, context and reason framing (or is refused for a domain reason)', () => {
    let drafted = 0;
    const kindsDrafted = new Set<string>();
    fc.assert(
      fc.property(arbitraryRequest, ({ record, kind, lang, path, reasonPick, channel }) => {
        const today = record.today;
        const assessment = assess(record, { today });
        const plan = kind === 'warning' ? null : planExit(record, { today, path });
        const options = reasonOptions(record, assessment);
        const reason = options.length > 0 ? options[reasonPick % options.length]?.key : undefined;

        let draft: Draft;
        try {
          draft = draftLetter({ record, assessment, plan, today, lang, kind, reason: reason ?? null, channel });
        } catch (error) {
          if (!isDomainError(error) || error.code !== 'VALIDATION_FAILED') throw error;
          // Refused: it must be one of the refusals the domain calls for.
          const warnedOn = record.cards
            .filter((c) => c.color === 'yellow' && c.date <= today)
            .map((c) => c.date)
            .sort();
          const lastWarning = warnedOn.at(-1) ?? '';
          const nothingToWarnAbout = !record.incidents.some((i) => i.severity >= 2 && i.date <= today && i.date >= lastWarning);
          const allowed =
            (kind === 'warning' && nothingToWarnAbout) ||
            (plan !== null && plan.tell_client_on === null) ||
            ((kind === 'termination' || kind === 'call_script') && options.length === 0) ||
            (kind === 'debt_demand' && (path === 'finish_then_exit' || plan?.money.owed_to_you_minor === 0));
          expect(allowed, error.userMessage).toBe(true);

          return;
        }
        drafted++;
        kindsDrafted.add(kind);

        const ctx = context(record, today);
        const tone = checkTone(draft.body, { lang, kind, context: ctx });
        expect(
          tone.findings.map((f) => `${f.rule}: ${draft.body.slice(f.start, f.end).slice(0, 80)}`),
          draft.body,
        ).toEqual([]);

        // X8, checked on the draft's structure too: a colleague only for a client who paid and was not abusive.
        const offersColleague = draft.sections.some((s) => s.key === 'referral');
        if (offersColleague) expect(ctx).toEqual({ client_paid: true, abusive: false });
        if (kind === 'termination' && ctx.client_paid && !ctx.abusive) expect(offersColleague).toBe(true);

        // X4: every fact the draft relies on is in the record, dated no later than today.
        for (const fact of draft.facts) {
          if (fact.kind === 'incident') {
            const incident = record.incidents[Number(fact.id.split(':')[1])];
            expect(incident?.code).toBe(fact.code);
            expect(fact.date <= today).toBe(true);
          } else if (fact.kind === 'invoice') {
            expect(record.invoices.map((i) => i.number)).toContain(fact.number);
          }
        }

        // The sections tile the body: in order, inside it, and never overlapping.
        let previousEnd = 0;
        for (const s of draft.sections) {
          expect(s.start).toBeGreaterThanOrEqual(previousEnd);
          expect(s.end).toBeLessThanOrEqual(draft.body.length);
          previousEnd = s.end;
        }
        expect(`${draft.subject}${draft.body}`).not.toMatch(/undefined|NaN|\[object|null/);
      }),
      { numRuns: 300, seed: 20261122 },
    );
    // The property must have had something to check: most requests produce a draft of every kind.
    expect(drafted).toBeGreaterThan(100);
    expect([...kindsDrafted].sort()).toEqual([...LETTER_KINDS].sort());
  }, 120_000);

  it('a draft dated on the day it is told keeps to the plan when today moves (dates are arguments, not the clock)', () => {
    fc.assert(
      fc.property(arbitraryLetterCase, fc.integer({ min: 0, max: 30 }), fc.constantFrom(...LANGUAGES), (record, shift, lang) => {
        const today = addDays(record.today, shift);
        const moved = { ...record, today };
        const assessment = assess(moved, { today });
        const plan = planExit(moved, { today, path: 'stop_and_collect' });
        if (plan.tell_client_on === null || reasonOptions(moved, assessment).length === 0) return;
        const a = draftLetter({ record: moved, assessment, plan, today, lang, kind: 'termination' });
        const b = draftLetter({ record: moved, assessment, plan, today, lang, kind: 'termination' });
        expect(a).toEqual(b);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
