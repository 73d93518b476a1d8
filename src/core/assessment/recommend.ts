/**
 * The recommendation: DOMAIN.md section 7's reference decisions, first match wins, exactly as
 * written. Where the text leaves room, the reading chosen is stated next to the code and in
 * README.md.
 */
import type { CaseRecord } from '../case.js';
import type { RedFlagCode } from '../vocabulary.js';
import { type CaseView, cardRef, type IncidentView, incidentRef, invoiceRef, isSerious } from './case-view.js';
import { describeIncident, describeInvoice, formatMoney, listOf, plural } from './format.js';
import type { Reason, ReferenceRule, Verdict } from './types.js';
import { LONG_OVERDUE_DAYS, RECENT_WINDOW_DAYS } from './weighting.js';

export interface Decision {
  verdict: Verdict;
  referenceRule: ReferenceRule;
  /** The reasons behind the verdict, the deciding one first. */
  reasons: Reason[];
}

const JUDGEMENT_CODES: ReadonlySet<RedFlagCode> = new Set(['unprofitable', 'misfit', 'wellbeing']);

export function decide(view: CaseView): Decision {
  const { incidents, invoices, cards, record } = view;
  const currency = record.provider.currency;
  const describe = (list: IncidentView[]) => listOf(list.map(describeIncident));
  const serious = incidents.filter(isSerious);

  // Rule 1 (D1, seed 002): an unlawful act of severity 3, theft or fraud against you:
  // red card, path immediate, no warning first.
  const frauds = incidents.filter((i) => i.code === 'unlawful' && i.severity === 3);
  if (frauds.length > 0) {
    return {
      verdict: { recommendation: 'red_card', path: 'immediate' },
      referenceRule: 1,
      reasons: [
        {
          rule: 'D1',
          text: `The client broke the law against you: ${describe(frauds)}. Let the client go at once, without a warning.`,
          refs: frauds.map(incidentRef),
        },
      ],
    };
  }

  // Rule 2 (D2, seed 000): abuse of severity 3 (threats, harassment), or money overdue more than
  // 60 days together with a payment incident of severity 3 (refuses to pay): red card, stop and collect.
  // "Overdue more than 60 days" = an invoice with money outstanding on today whose due date is
  // more than 60 days before today (61 days or more).
  const threats = incidents.filter((i) => i.code === 'abuse' && i.severity === 3);
  const longOverdue = invoices.filter((i) => i.overdue && i.dueAgeDays > LONG_OVERDUE_DAYS);
  const refusals = incidents.filter((i) => i.code === 'payment' && i.severity === 3);
  const refusesToPay = longOverdue.length > 0 && refusals.length > 0;
  if (threats.length > 0 || refusesToPay) {
    const reasons: Reason[] = [];
    if (threats.length > 0) {
      reasons.push({
        rule: 'D2',
        text: `Grave abuse aimed at you or your team: ${describe(threats)}. Stop work and do not finish the project; the goal becomes recovering what is owed.`,
        refs: threats.map(incidentRef),
      });
    }
    if (refusesToPay) {
      const owed = longOverdue.reduce((sum, i) => sum + i.outstanding, 0);
      reasons.push({
        rule: 'D2',
        text: `${formatMoney(owed, currency)} has been overdue for more than ${LONG_OVERDUE_DAYS} days (${listOf(longOverdue.map((i) => describeInvoice(i, currency)))}) and the client refuses to pay: ${describe(refusals)}. Stop work and do not finish the project; recover the money owed.`,
        refs: [...refusals.map(incidentRef), ...longOverdue.map(invoiceRef)],
      });
    }

    return { verdict: { recommendation: 'red_card', path: 'stop_and_collect' }, referenceRule: 2, reasons };
  }

  // Rule 3 (D4, seed 002): a yellow card was given and a serious incident happened after it.
  // "After it" = on a later date than the first yellow card (a card given the same day answers
  // that day's incident). Path (D2, D3): stop_and_collect if any such incident is abuse, or is a
  // payment incident while money is overdue (any outstanding amount past its due date);
  // otherwise finish_then_exit.
  const firstYellow = cards.find((c) => c.color === 'yellow');
  if (firstYellow !== undefined) {
    const repeats = serious.filter((i) => i.date > firstYellow.date);
    if (repeats.length > 0) {
      const overdue = invoices.filter((i) => i.overdue);
      const collectFor = repeats.filter((i) => i.code === 'abuse' || (i.code === 'payment' && overdue.length > 0));
      const reasons: Reason[] = [
        {
          rule: 'D4',
          text: `A yellow card was given on ${firstYellow.date} and it happened again after it: ${describe(repeats)}. The warning was not heeded: end the relationship.`,
          refs: [cardRef(firstYellow), ...repeats.map(incidentRef)],
        },
      ];
      if (collectFor.length > 0) {
        const withMoney = collectFor.some((i) => i.code === 'payment');
        const owed = overdue.reduce((sum, i) => sum + i.outstanding, 0);
        reasons.push({
          rule: 'D2',
          text: `${withMoney ? `With ${formatMoney(owed, currency)} overdue, ` : ''}${describe(collectFor)} calls for stopping work now rather than finishing the project; the goal becomes recovering what is owed.`,
          refs: [...collectFor.map(incidentRef), ...(withMoney ? overdue.map(invoiceRef) : [])],
        });

        return { verdict: { recommendation: 'red_card', path: 'stop_and_collect' }, referenceRule: 3, reasons };
      }
      reasons.push({
        rule: 'D3',
        text: 'Neither abuse nor unpaid money is behind it: finish the current work to its agreed checkpoints, and keep serving as the contract says until it ends.',
        refs: [],
      });

      return { verdict: { recommendation: 'red_card', path: 'finish_then_exit' }, referenceRule: 3, reasons };
    }
  }

  // A yellow card answered every serious incident so far: rules 3 and 4 do not apply.
  const warnedReason: Reason[] =
    firstYellow === undefined
      ? []
      : [
          {
            rule: 'D4',
            text: `A yellow card was given on ${firstYellow.date} and no serious incident has followed it: if one does, end the relationship.`,
            refs: [cardRef(firstYellow)],
          },
        ];

  // Rule 4 (D4, D5): a serious incident and no yellow card yet. For an agency whose serious
  // incidents all involve the same team member (compared by name, ignoring case and spacing;
  // an incident without a member does not count as "the same"), and no reassignment yet:
  // reassign. Otherwise: yellow card.
  //
  // D5 refined with the reassignment's date ("incidents after it are judged against the new
  // pairing"): a dated reassignment answers the one-member conflict it was made for, the serious
  // incidents up to its date, as a yellow card answers those before it. Only serious incidents
  // after the last reassignment are still open, and they lead to the warning, never to another
  // move (D5: "if that fails too, end it", through D4's yellow card first). A reassignment
  // without a date (an older case file's `reassigned: true`) answers nothing: every serious
  // incident may have come after it.
  const moved = reassignmentOf(record, view.today);
  const answeredByMove = moved.date === null ? [] : serious.filter((i) => i.date <= moved.date!);
  const moveAnswered = answeredByMove.length > 0 && isOneMember(answeredByMove);
  const open = moveAnswered ? serious.filter((i) => i.date > moved.date!) : serious;
  const movedReason: Reason[] = moveAnswered
    ? [
        {
          rule: 'D5',
          text: `The client was moved to another manager on ${moved.date}${moved.to ? ` (${moved.to})` : ''}, which answered ${describe(answeredByMove)}. Incidents after that date are judged against the new pairing.`,
          refs: answeredByMove.map(incidentRef),
        },
      ]
    : [];
  if (open.length > 0 && firstYellow === undefined) {
    const oneMember = isOneMember(open);
    const agency = record.provider.kind === 'agency';
    const member = open[0]?.member ?? '';
    if (agency && oneMember && !moved.any) {
      return {
        verdict: { recommendation: 'reassign', path: null },
        referenceRule: 4,
        reasons: [
          {
            rule: 'D5',
            text: `${open.length === 1 ? 'The serious incident involves' : `All ${open.length} serious incidents involve`} one team member, ${member}: ${describe(open)}. First move the client to another manager; if that fails too, end it.`,
            refs: open.map(incidentRef),
          },
        ],
      };
    }
    const reasons: Reason[] = [
      {
        rule: 'D4',
        text: `${plural(open.length, 'serious incident')} and no yellow card yet: ${describe(open)}. Warn the client explicitly and say what happens if it repeats.`,
        refs: open.map(incidentRef),
      },
    ];
    if (moveAnswered) {
      reasons.push({
        rule: 'D5',
        text: `The client was already moved to another manager on ${moved.date}, and it happened again with the new pairing: the next step is the warning, not another move.`,
        refs: answeredByMove.map(incidentRef),
      });
    } else if (moved.any && agency && oneMember) {
      reasons.push({
        rule: 'D5',
        text: 'The client was already moved to another manager, so the next step is the warning.',
        refs: [],
      });
    } else if (agency) {
      reasons.push({
        rule: 'D5',
        text: `${open.length === 1 ? 'The serious incident is not tied to a named team member' : 'The serious incidents do not all involve one named team member'}, so moving the client to another manager would not solve it.`,
        refs: [],
      });
    }
    const unlawfulRequests = open.filter((i) => i.code === 'unlawful');
    if (unlawfulRequests.length > 0) {
      reasons.push({
        rule: 'D1',
        text: `Refuse the unlawful request (${describe(unlawfulRequests)}); a repeated or grave one ends the relationship.`,
        refs: unlawfulRequests.map(incidentRef),
      });
    }

    return { verdict: { recommendation: 'yellow_card', path: null }, referenceRule: 4, reasons };
  }

  // Rule 5 (D6, seed 001): "only minor incidents, three or more in the last 90 days; or
  // unprofitable, misfit or wellbeing recorded": watch. Reaching this point means no serious
  // incident is unanswered (none at all, or all of them answered by a yellow card), so every
  // incident of the last 90 days counts, whatever its severity. "Recorded" means at any date up
  // to today.
  const recent = incidents.filter((i) => i.ageDays < RECENT_WINDOW_DAYS);
  const judgement = incidents.filter((i) => JUDGEMENT_CODES.has(i.code));
  if (recent.length >= 3 || judgement.length > 0) {
    const reasons: Reason[] = [];
    if (recent.length >= 3) {
      reasons.push({
        rule: 'D6',
        text: `${plural(recent.length, 'incident')} in the last ${RECENT_WINDOW_DAYS} days, none of them an unanswered serious one: ${describe(recent)}. Watch the client; decide when the pattern is clear, not after one bad conversation.`,
        refs: recent.map(incidentRef),
      });
    }
    if (judgement.length > 0) {
      reasons.push({
        rule: 'D6',
        text: `Recorded: ${describe(judgement)}. Weigh what the client brings against what it costs you before deciding.`,
        refs: judgement.map(incidentRef),
      });
    }

    return { verdict: { recommendation: 'watch', path: null }, referenceRule: 5, reasons: [...reasons, ...warnedReason, ...movedReason] };
  }

  // Rule 6: otherwise keep.
  return {
    verdict: { recommendation: 'keep', path: null },
    referenceRule: 6,
    reasons: [
      {
        rule: 'D6',
        text: `No unanswered serious incident, ${plural(recent.length, 'incident')} in the last ${RECENT_WINDOW_DAYS} days, and nothing recorded as unprofitable, misfit or wellbeing: keep the client.`,
        refs: recent.map(incidentRef),
      },
      ...warnedReason,
      ...movedReason,
    ],
  };
}

/** All of them involve one named team member (D5). */
function isOneMember(incidents: readonly IncidentView[]): boolean {
  const members = new Set(incidents.map((i) => i.memberKey));

  return members.size === 1 && !members.has(null);
}

/**
 * The client's reassignment as known on `today`: whether there was any, and the date and new
 * member of the last dated one up to `today` (later ones have not happened yet).
 */
export function reassignmentOf(record: CaseRecord, today: string): { any: boolean; date: string | null; to: string | null } {
  const dated = (record.reassignments ?? []).filter((r) => r.date <= today);
  // The latest date wins; on one day, the later new member's name (by code units) keeps it order-independent.
  const last = dated.reduce<(typeof dated)[number] | null>(
    (best, r) => (best === null || r.date > best.date || (r.date === best.date && (r.to_member ?? '') > (best.to_member ?? '')) ? r : best),
    null,
  );
  const undated = record.reassigned && (record.reassignments ?? []).length === 0;

  return { any: last !== null || undated, date: last?.date ?? null, to: last?.to_member ?? null };
}
