/**
 * Issue a red card: the decision to end the relationship; the client moves to `exiting`.
 *
 * Without a prior yellow card this is allowed only where DOMAIN.md section 7 skips the warning
 * (rule 1, D1: theft or fraud; rule 2, D2: grave abuse, or refusal to pay long-overdue money), as
 * the assessment of the case on the card's date says, or when the user overrides and writes why;
 * the override is recorded in the log with what the assessment said.
 */
import { type ClientEventData, RedCardRequest, type RedCardRequest as Request } from '../../contracts/events.js';
import { parseOrThrow } from '../../contracts/issues.js';
import { assess } from '../../core/assessment/assess.js';
import { exportCase } from '../case-files.js';
import type { Deps } from '../ports.js';
import { type StepResult, type StepTarget, takeStep } from './step.js';

export type IssueRedCardOptions = StepTarget & Request;

export async function issueRedCard(deps: Pick<Deps, 'store' | 'clock' | 'ids'>, options: IssueRedCardOptions): Promise<StepResult> {
  const { workspaceId, clientId, ...input } = options;
  const data = parseOrThrow(RedCardRequest, input, 'VALIDATION_FAILED', 'red card');

  // The case is read (and judged) before the write transaction; the guard that depends on the
  // client's state runs again under the lock in takeStep. The exported case carries the dated
  // reassignments from the log, so D5 is judged as the assessment page shows it.
  const record = await exportCase(deps, workspaceId, clientId);
  const assessment = assess(record, { today: data.date ?? record.today ?? '' });

  return takeStep(deps, { workspaceId, clientId }, data, {
    event: { type: 'red_card', overrideReason: data.override_reason ?? null },
    assessment,
    reason: null,
    async write({ tx, date, grounds }) {
      const card = await tx.insertCard(
        workspaceId,
        clientId,
        { id: deps.ids.newId(), now: deps.clock.now().toISOString() },
        {
          date,
          color: 'red',
          note: data.said || data.note,
        },
      );
      const events: ClientEventData[] = [];
      if (grounds === 'override') {
        events.push({
          type: 'override',
          payload: {
            of: 'red_card_without_yellow_card',
            reason: data.override_reason ?? '',
            recommendation: assessment.recommendation,
            reference_rule: assessment.reference_rule,
          },
        });
      }
      events.push({
        type: 'card_issued',
        payload: { card_id: card.id, color: 'red', channel: data.channel ?? null, said: data.said, grounds },
      });

      return { card, events };
    },
  });
}
