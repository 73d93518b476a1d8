/**
 * The .ics export read back with an independent parser (ical.js): every date, stable UIDs across
 * exports, escaping of commas, semicolons, backslashes and newlines, Cyrillic and Lithuanian text,
 * and line folding at 75 octets.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../contracts/case-file.js';
import { addDays } from '../core/dates.js';
import { type ExitPath, type ExitPlan, planExit } from '../core/exit/index.js';
import { loadDemoCases } from '../demo/load-demo-cases.js';
import { escapeText, fold, planToIcs, planUid } from './ics.js';

const WS = '0b9e6d8a-2a7e-4b0e-9a55-0d5c7f3e1a01';
const CLIENT = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const NOW = new Date('2026-11-22T20:49:47.123Z');
const cases = loadDemoCases().map((raw) => CaseFile.parse(raw));

function demo(prefix: string): CaseFile {
  const found = cases.find((_c, i) => String(i + 1).padStart(2, '0') === prefix);
  if (!found) throw new Error(`no demo case ${prefix}`);

  return found;
}

function planOf(prefix: string, path: ExitPath, today = '2026-11-22'): { plan: ExitPlan; name: string } {
  const file = demo(prefix);

  return { plan: planExit(file, { today, path }), name: file.client.name };
}

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  expect(cal.name).toBe('vcalendar');

  return cal;
}

const text = (c: ICAL.Component, name: string) => c.getFirstPropertyValue(name) as string | null;
const time = (c: ICAL.Component, name: string) => c.getFirstPropertyValue(name) as ICAL.Time | null;

function byUid(cal: ICAL.Component, kind: 'vtodo' | 'vevent'): Map<string, ICAL.Component> {
  return new Map(cal.getAllSubcomponents(kind).map((c) => [text(c, 'uid') ?? '', c]));
}

/** Checks every date of the plan against the parsed calendar. */
function expectPlanDates(ics: string, plan: ExitPlan, name: string) {
  const cal = parse(ics);
  const todos = byUid(cal, 'vtodo');
  const events = byUid(cal, 'vevent');

  // Each step: one VTODO with its UID, summary and all-day DUE (or none while it cannot be dated).
  for (const s of plan.steps) {
    const todo = todos.get(planUid(WS, CLIENT, `step-${s.id}`));
    expect(todo, s.id).toBeDefined();
    expect(text(todo!, 'summary')).toBe(`${name}: ${s.title}`);
    expect(text(todo!, 'status')).toBe('NEEDS-ACTION');
    const due = time(todo!, 'due');
    if (s.due === null) expect(due).toBeNull();
    else {
      expect(due?.isDate).toBe(true);
      expect(due?.toString()).toBe(s.due);
    }
    expect(text(todo!, 'description')).toContain(`Owner: ${s.owner}`);
  }
  for (const s of plan.collection ?? []) {
    const todo = todos.get(planUid(WS, CLIENT, `collection-${s.id}`));
    expect(time(todo!, 'due')?.toString()).toBe(s.due);
    expect(text(todo!, 'summary')).toBe(`${name}: ${s.title}`);
  }
  expect(todos.size).toBe(plan.steps.length + (plan.collection?.length ?? 0));

  // The two dates as all-day events: DTSTART on the day, DTEND the next day (exclusive).
  const expectDay = (entry: string, date: string | null) => {
    const event = events.get(planUid(WS, CLIENT, entry));
    if (date === null) {
      expect(event, entry).toBeUndefined();
      return;
    }
    expect(event, entry).toBeDefined();
    const start = time(event!, 'dtstart');
    const end = time(event!, 'dtend');
    expect(start?.isDate).toBe(true);
    expect(start?.toString()).toBe(date);
    expect(end?.toString()).toBe(addDays(date, 1));
    expect(text(event!, 'transp')).toBe('TRANSPARENT');
  };
  expectDay('date-tell-client', plan.tell_client_on);
  expectDay('date-work-ends', plan.work_ends_on);
  const demand = plan.collection?.find((s) => s.deadline);
  expectDay('collection-formal_demand-deadline', demand?.deadline ?? null);

  // DTSTAMP is the `now` passed in, in UTC.
  for (const c of [...todos.values(), ...events.values()]) {
    expect(time(c, 'dtstamp')?.toJSDate().toISOString()).toBe('2026-11-22T20:49:47.000Z');
  }

  return { todos, events };
}

describe('planToIcs', () => {
  it.each([
    ['12', 'immediate'],
    ['10', 'stop_and_collect'],
    ['11', 'stop_and_collect'],
    ['09', 'finish_then_exit'],
    ['08', 'reassign'],
    ['08', 'finish_then_exit'], // may not terminate: no dates, the steps after the check have no DUE
    ['04', 'immediate'],
  ] as const)('demo case %s on the %s path: every date reads back', (prefix, path) => {
    const { plan, name } = planOf(prefix, path);
    const ics = planToIcs({ plan, workspaceId: WS, clientId: CLIENT, clientName: name, now: NOW });
    expectPlanDates(ics, plan, name);
  });

  it('reads back the worked dates of demo case 09: told today, work ends on 2026-12-22', () => {
    const { plan, name } = planOf('09', 'finish_then_exit');
    const { events, todos } = expectPlanDates(
      planToIcs({ plan, workspaceId: WS, clientId: CLIENT, clientName: name, now: NOW }),
      plan,
      name,
    );
    expect(time(events.get(planUid(WS, CLIENT, 'date-tell-client'))!, 'dtstart')?.toString()).toBe('2026-11-22');
    expect(time(events.get(planUid(WS, CLIENT, 'date-work-ends'))!, 'dtstart')?.toString()).toBe('2026-12-22');
    expect(time(todos.get(planUid(WS, CLIENT, 'step-last-day'))!, 'due')?.toString()).toBe('2026-12-22');
  });

  it('keeps UIDs stable across exports, so a re-export updates rather than duplicates', () => {
    const first = planOf('11', 'stop_and_collect', '2026-11-22');
    const later = planOf('11', 'stop_and_collect', '2026-11-25');
    const a = parse(planToIcs({ plan: first.plan, workspaceId: WS, clientId: CLIENT, clientName: first.name, now: NOW }));
    const b = parse(
      planToIcs({ plan: later.plan, workspaceId: WS, clientId: CLIENT, clientName: later.name, now: new Date('2026-11-25T09:00:00Z') }),
    );
    const uids = (cal: ICAL.Component) => cal.getAllSubcomponents().map((c) => text(c, 'uid'));
    expect(new Set(uids(a)).size).toBe(uids(a).length);
    expect(uids(b)).toEqual(uids(a));
    // The dates moved, the entries did not multiply, and the later export is a later revision.
    const conversation = planUid(WS, CLIENT, 'step-conversation');
    expect(time(byUid(b, 'vtodo').get(conversation)!, 'due')?.toString()).toBe('2026-11-25');
    const seq = (cal: ICAL.Component) => Number(cal.getFirstSubcomponent('vtodo')?.getFirstPropertyValue('sequence'));
    expect(seq(b)).toBeGreaterThan(seq(a));

    // Another client or workspace never shares a UID.
    const other = parse(planToIcs({ plan: first.plan, workspaceId: WS, clientId: `${CLIENT}x`, clientName: first.name, now: NOW }));
    expect(uids(other).filter((u) => uids(a).includes(u))).toEqual([]);
  });

  it('gives the same steps the same UIDs when the path changes', () => {
    const a = planOf('09', 'finish_then_exit');
    const b = planOf('09', 'stop_and_collect');
    const uidsOf = (p: ExitPlan, name: string) =>
      new Set(byUid(parse(planToIcs({ plan: p, workspaceId: WS, clientId: CLIENT, clientName: name, now: NOW })), 'vtodo').keys());
    const shared = [...uidsOf(a.plan, a.name)].filter((u) => uidsOf(b.plan, b.name).has(u));
    expect(shared).toContain(planUid(WS, CLIENT, 'step-conversation'));
    expect(shared).toContain(planUid(WS, CLIENT, 'step-evidence'));
  });

  it.each([
    ['commas, semicolons, backslashes and newlines', 'Smith, Jones; Partners \\ Co\nsecond line'],
    ['Cyrillic', 'ООО «Рога и копыта», Москва; отдел продаж'],
    ['Lithuanian', 'UAB „Žalias kiemas“: ąčęėįšųūž ĄČĘĖĮŠŲŪŽ, Klaipėda; 2 skyrius'],
    ['a long name with emoji', `${'Ąžuolų ūkis '.repeat(12)}🌳🌳 end`],
  ])('escapes and folds %s, and reads them back exactly', (_what, clientName) => {
    const { plan } = planOf('11', 'stop_and_collect');
    const title = `${clientName}: check, then act; really\nnow`;
    const first = plan.steps[0]!;
    const edited: ExitPlan = { ...plan, steps: [{ ...first, title, owner: 'Ieva; Andrei, Maria' }, ...plan.steps.slice(1)] };
    const ics = planToIcs({ plan: edited, workspaceId: WS, clientId: CLIENT, clientName, now: NOW });

    // Raw form: CRLF line ends, lines of at most 75 octets, no UTF-8 sequence split by a fold.
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const encoder = new TextEncoder();
    for (const line of ics.slice(0, -2).split('\r\n')) {
      const bytes = encoder.encode(line);
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(bytes)).not.toThrow();
    }
    expect(ics).toContain('\\;');
    expect(ics).toContain('\\,');
    expect(ics).toContain('\\n');

    const cal = parse(ics);
    // ical.js leaves an X- property's value as written (its type is unknown to it): the TEXT escapes show.
    expect(text(cal, 'x-wr-calname')).toBe(`RedCard: ${escapeText(clientName)}`);
    const todo = byUid(cal, 'vtodo').get(planUid(WS, CLIENT, `step-${first.id}`))!;
    expect(text(todo, 'summary')).toBe(`${clientName}: ${title}`);
    expect(text(todo, 'description')).toContain('Owner: Ieva; Andrei, Maria');
    expect(time(todo, 'due')?.toString()).toBe(first.due);
  });

  it('folds at 75 octets without splitting characters, and escapes TEXT per RFC 5545', () => {
    expect(fold('a'.repeat(75))).toBe('a'.repeat(75));
    expect(fold('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
    // 'ž' is two octets: 37 of them are 74 octets, the 38th would make 76.
    expect(fold('ž'.repeat(38))).toBe(`${'ž'.repeat(37)}\r\n ž`);
    expect(escapeText('a,b;c\\d\r\ne\nf\tg\u0001h')).toBe('a\\,b\\;c\\\\d\\ne\\nf\tg h');
  });

  it('is pure: the same input gives the same text', () => {
    const { plan, name } = planOf('10', 'stop_and_collect');
    const input = { plan, workspaceId: WS, clientId: CLIENT, clientName: name, now: NOW };
    expect(planToIcs(input)).toBe(planToIcs(input));
  });
});
