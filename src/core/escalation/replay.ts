/**
 * Replaying the escalation log. The client's `status` column is a projection of its status
 * changes: folding them in order must give it back. Each change records where it started, the
 * step and where it led, so the fold checks every link: a change that does not start where the
 * previous one ended, or leads somewhere its step never leads, is reported rather than trusted.
 */
import type { ClientStatus } from '../vocabulary.js';
import { type EscalationEventType, SOURCES, targetOf } from './machine.js';

/** One recorded status change, in log order. */
export interface StatusChange {
  event: EscalationEventType;
  from: ClientStatus;
  to: ClientStatus;
}

export type ReplayResult =
  | {
      ok: true;
      /** The status the log leads to; null when the log holds no status change (the status was set directly). */
      status: ClientStatus | null;
    }
  | { ok: false; index: number; problem: string };

/** Folds the status changes in log order. */
export function replayStatus(changes: readonly StatusChange[]): ReplayResult {
  let status: ClientStatus | null = null;
  for (const [index, change] of changes.entries()) {
    if (status !== null && change.from !== status) {
      return { ok: false, index, problem: `starts from ${change.from}, but the previous change ended at ${status}` };
    }
    if (!SOURCES[change.event].includes(change.from)) {
      return { ok: false, index, problem: `${change.event} is not a step out of ${change.from}` };
    }
    if (targetOf(change.event) !== change.to) {
      return { ok: false, index, problem: `${change.event} leads to ${targetOf(change.event)}, not ${change.to}` };
    }
    status = change.to;
  }

  return { ok: true, status };
}
