/**
 * The exit plan as an iCalendar file (RFC 5545), for the user's own calendar. A pure renderer:
 * it takes the plan and returns the text; the instant for DTSTAMP is passed in, nothing is read
 * from a clock, the disk or the network.
 *
 * What goes in
 * - Each step is a VTODO with an all-day DUE (VALUE=DATE). A step is a thing to do by a date with
 *   a done state, which is exactly what a to-do is (STATUS NEEDS-ACTION / COMPLETED); as an event
 *   it would occupy a day in the calendar and could not be ticked off. A step without a date (the
 *   contract check comes first, C3) is a VTODO without DUE. Calendars that ignore to-dos (Google
 *   Calendar's import) still show the two dates below.
 * - The day to tell the client and the last working day are all-day VEVENTs (DTSTART VALUE=DATE,
 *   DTEND the next day, exclusive, TRANSP TRANSPARENT so they do not block time), and so is the
 *   payment deadline of the formal demand on the stop_and_collect path. The collection steps are
 *   VTODOs like the plan's steps.
 *
 * Stable UIDs: every component's UID is derived from (workspace id, client id, what it is): a step's
 * id, a collection step's id, or the name of the date. Exporting the plan again (after a change of
 * dates or even of path) gives the same UIDs, so a calendar updates the entries rather than adding
 * copies. SEQUENCE grows with `now` (minutes since 2024-01-01), so a later export is a later revision.
 *
 * Text is escaped as TEXT values (backslash, semicolon, comma, newline; other control characters
 * become spaces), lines end in CRLF and are folded at 75 octets without splitting a UTF-8 sequence.
 * No METHOD property: this is a plain calendar to import, not an iTIP message.
 */
import { addDays, isIsoDate } from '../core/dates.js';
import type { CollectionStep, ExitPath, ExitPlan, PlanStep } from '../core/exit/index.js';

export interface PlanCalendarInput {
  plan: ExitPlan;
  workspaceId: string;
  clientId: string;
  clientName: string;
  /** The instant of the export: DTSTAMP, LAST-MODIFIED and SEQUENCE. */
  now: Date;
}

export const ICS_MEDIA_TYPE = 'text/calendar; charset=utf-8';

const PATH_WORDS: Record<ExitPath, string> = {
  immediate: 'immediate exit',
  stop_and_collect: 'stop and collect',
  finish_then_exit: 'finish, then exit',
  reassign: 'reassignment',
};

/** The UID of one entry: the same for the same workspace, client and entry, whatever else changed. */
export function planUid(workspaceId: string, clientId: string, entry: string): string {
  return `${entry}.${clientId}.${workspaceId}@redcard`;
}

export function planToIcs(input: PlanCalendarInput): string {
  const { plan, workspaceId, clientId, clientName, now } = input;
  if (Number.isNaN(now.getTime())) throw new RangeError('now must be a valid instant');
  const stamp = utcStamp(now);
  const sequence = Math.max(0, Math.floor((now.getTime() - Date.UTC(2024, 0, 1)) / 60_000));
  const about = `Exit plan (${PATH_WORDS[plan.path]}) for ${clientName}, made on ${plan.today} by RedCard.`;
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//RedCard//Exit plan//EN',
    'CALSCALE:GREGORIAN',
    prop('X-WR-CALNAME', `RedCard: ${clientName}`),
    prop('X-WR-CALDESC', about),
  ];
  const common = (entry: string) => [
    prop('UID', planUid(workspaceId, clientId, entry)),
    `DTSTAMP:${stamp}`,
    `LAST-MODIFIED:${stamp}`,
    `SEQUENCE:${sequence}`,
  ];

  const event = (entry: string, date: string, summary: string, description: string) => {
    lines.push(
      'BEGIN:VEVENT',
      ...common(entry),
      `DTSTART;VALUE=DATE:${icsDate(date)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(date, 1))}`,
      prop('SUMMARY', `${clientName}: ${summary}`),
      prop('DESCRIPTION', `${description}\n\n${about}`),
      'TRANSP:TRANSPARENT',
      'CATEGORIES:RedCard',
      'END:VEVENT',
    );
  };
  const todo = (entry: string, due: string | null, summary: string, description: string, done: boolean) => {
    lines.push(
      'BEGIN:VTODO',
      ...common(entry),
      ...(due === null ? [] : [`DUE;VALUE=DATE:${icsDate(due)}`]),
      prop('SUMMARY', `${clientName}: ${summary}`),
      prop('DESCRIPTION', `${description}\n\n${about}`),
      `STATUS:${done ? 'COMPLETED' : 'NEEDS-ACTION'}`,
      'CATEGORIES:RedCard',
      'END:VTODO',
    );
  };

  if (plan.tell_client_on) {
    const what = plan.path === 'reassign' ? 'tell the client about the new manager' : 'tell the client';
    event('date-tell-client', plan.tell_client_on, what, 'By call or meeting, then confirmed in writing the same day (X2, X3).');
  }
  if (plan.work_ends_on) event('date-work-ends', plan.work_ends_on, 'last working day', 'The last day of work for this client (X1).');
  for (const s of plan.collection ?? []) {
    if (s.deadline) event(`collection-${s.id}-deadline`, s.deadline, 'payment deadline of the formal demand', s.title);
  }

  for (const s of plan.steps) todo(`step-${s.id}`, s.due, s.title, stepDescription(s), s.done);
  for (const s of plan.collection ?? []) todo(`collection-${s.id}`, s.due, s.title, collectionDescription(s), false);

  lines.push('END:VCALENDAR');

  return `${lines.map(fold).join('\r\n')}\r\n`;
}

function stepDescription(s: PlanStep): string {
  const when = s.due === null ? '\nNo date yet: the contract check comes first (C1, C3).' : '';

  return `Owner: ${s.owner}\nRule: ${s.rule} (DOMAIN.md)${when}`;
}

function collectionDescription(s: CollectionStep): string {
  return `${s.about}${s.deadline ? `\nPayment deadline: ${s.deadline}` : ''}\nRule: ${s.rule} (DOMAIN.md)`;
}

/** YYYY-MM-DD -> YYYYMMDD (a DATE value). */
function icsDate(date: string): string {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date: ${date}`);

  return date.replaceAll('-', '');
}

/** An instant as a UTC DATE-TIME: 20261122T204947Z. */
function utcStamp(now: Date): string {
  return `${now.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** A property with a TEXT value. */
function prop(name: string, text: string): string {
  return `${name}:${escapeText(text)}`;
}

/** RFC 5545 section 3.3.11: backslash, semicolon, comma and newlines are escaped; other controls are not allowed. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n|\r/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** RFC 5545 section 3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 sequence. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const cp = ch.codePointAt(0) ?? 0;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);

  return parts.join('\r\n ');
}
