/**
 * Reassign a client (D5): for an agency whose conflict is between the client and one team
 * member, move the client to another manager first; if that fails too, end it. Records the date
 * and both members (from then on, incidents are judged against the new pairing), sets the
 * client's manager and moves it to `reassigned`, in one transaction.
 */
import { ReassignRequest, type ReassignRequest as Request } from '../../contracts/events.js';
import { parseOrThrow } from '../../contracts/issues.js';
import type { Deps } from '../ports.js';
import { type StepResult, type StepTarget, takeStep } from './step.js';

export type ReassignClientOptions = StepTarget & Request;

export async function reassignClient(deps: Pick<Deps, 'store' | 'clock' | 'ids'>, options: ReassignClientOptions): Promise<StepResult> {
  const { workspaceId, clientId, ...input } = options;
  const data = parseOrThrow(ReassignRequest, input, 'VALIDATION_FAILED', 'reassignment');

  return takeStep(deps, { workspaceId, clientId }, data, {
    event: { type: 'reassign', toMember: data.to_member },
    assessment: null,
    reason: null,
    async write({ client, date }) {
      return {
        events: [{ type: 'reassigned', payload: { from_member: client.manager, to_member: data.to_member, on: date } }],
        patch: { manager: data.to_member },
      };
    },
  });
}
