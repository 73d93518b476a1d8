/**
 * The escalation steps that record nothing but the move itself: put on watch (D6), end the
 * relationship, close it for contact (A1), reopen it (A2, with a written reason), or go back to
 * active (retracting a red card needs a written reason). Cards and reassignment have their own
 * use cases.
 */
import { type StatusChangeRequest as Request, StatusChangeRequest } from '../../contracts/events.js';
import { parseOrThrow } from '../../contracts/issues.js';
import { assertNever } from '../../core/errors.js';
import type { EscalationEvent } from '../../core/escalation/machine.js';
import type { Deps } from '../ports.js';
import { type StepResult, type StepTarget, takeStep } from './step.js';

export type ChangeStatusOptions = StepTarget & Request;

export async function changeStatus(deps: Pick<Deps, 'store' | 'clock' | 'ids'>, options: ChangeStatusOptions): Promise<StepResult> {
  const { workspaceId, clientId, ...input } = options;
  const data = parseOrThrow(StatusChangeRequest, input, 'VALIDATION_FAILED', 'status change');
  const reason = data.reason ?? null;
  let event: EscalationEvent;
  switch (data.event) {
    case 'watch':
    case 'end':
    case 'close':
      event = { type: data.event };
      break;
    case 'reopen':
      event = { type: 'reopen', reason: reason ?? '' };
      break;
    case 'back_to_active':
      event = { type: 'back_to_active', reason };
      break;
    default:
      return assertNever(data.event, 'status event');
  }

  return takeStep(deps, { workspaceId, clientId }, data, { event, assessment: null, reason });
}
