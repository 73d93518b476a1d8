/**
 * The relapse guard (issue 8; DOMAIN.md A1, A2): once a relationship is ended, anything new from
 * the client is "contact after close". RedCard marks it on arrival so the user sees it for what it
 * is (an attempt to re-engage they may ignore, A1) instead of reading it as ordinary work. Pure:
 * the client's status, the day it ended and the item's day come in as arguments.
 */
import type { ClientStatus } from '../vocabulary.js';
import type { StatusChange } from './replay.js';

/** The statuses in which the relationship is over (A1): ended, and closed for contact. */
export const AFTER_CLOSE_STATUSES: readonly ClientStatus[] = ['ended', 'closed'];

export interface RelapseInput {
  /** The client's status when the item arrives. */
  status: ClientStatus;
  /** The day the relationship ended (YYYY-MM-DD), or null when no `end` step is recorded. */
  endedOn: string | null;
  /** The item's own day (YYYY-MM-DD): a message's sending day, an incident's date. */
  itemDate: string;
}

/**
 * True when the item is contact after close: the client is ended or closed, and the item is dated
 * after the day it ended. An item of the end day itself is part of the exit (the client's answer
 * to it), and an older item (a mailbox imported late) is history, not a relapse. When no end day
 * is recorded (a client created as ended), every new item counts: the user said it is over.
 */
export function isContactAfterClose(input: RelapseInput): boolean {
  if (!AFTER_CLOSE_STATUSES.includes(input.status)) return false;
  if (input.endedOn === null) return true;

  return input.itemDate.slice(0, 10) > input.endedOn;
}

/** A status change with the day it happened, as the escalation log records it. */
export interface DatedStatusChange extends StatusChange {
  date: string;
}

/**
 * The day the relationship ended: the latest `end` step in the log (a relationship reopened and
 * ended again ended the second time). Null when the log holds none.
 */
export function endDateOf(changes: readonly DatedStatusChange[]): string | null {
  let ended: string | null = null;
  for (const c of changes) if (c.event === 'end' && c.to === 'ended' && (ended === null || c.date >= ended)) ended = c.date;

  return ended;
}
