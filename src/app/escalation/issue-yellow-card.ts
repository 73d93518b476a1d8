/**
 * Issue a yellow card (D4): the explicit warning at the first serious crossing of a boundary,
 * saying what happens if it repeats. Records what was said and by which channel (X2), adds the
 * card to the record and moves the client to `warned`, in one transaction.
 */
import { type YellowCardRequest as Request, YellowCardRequest } from '../../contracts/events.js';
import { parseOrThrow } from '../../contracts/issues.js';
import type { Deps } from '../ports.js';
import { type StepResult, type StepTarget, takeStep } from './step.js';

export type IssueYellowCardOptions = StepTarget & Request;

export async function issueYellowCard(deps: Pick<Deps, 'store' | 'clock' | 'ids'>, options: IssueYellowCardOptions): Promise<StepResult> {
  const { workspaceId, clientId, ...input } = options;
  const data = parseOrThrow(YellowCardRequest, input, 'VALIDATION_FAILED', 'yellow card');

  return takeStep(deps, { workspaceId, clientId }, data, {
    event: { type: 'yellow_card' },
    assessment: null,
    reason: null,
    async write({ tx, date }) {
      const card = await tx.insertCard(
        workspaceId,
        clientId,
        { id: deps.ids.newId(), now: deps.clock.now().toISOString() },
        {
          date,
          color: 'yellow',
          note: data.said,
        },
      );

      return {
        card,
        events: [
          { type: 'card_issued', payload: { card_id: card.id, color: 'yellow', channel: data.channel, said: data.said, grounds: null } },
        ],
      };
    },
  });
}
