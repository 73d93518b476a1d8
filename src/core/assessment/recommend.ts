/**
 * The recommendation: DOMAIN.md section 7's reference decisions, first match wins, exactly as
 * written. Where the text leaves room, the reading chosen is stated next to the code and in
 * README.md.
 */
import type { CaseRecord } from '../case.js';
import type { RedFlagCode } from '../vocabulary.js';
import { type CaseView, cardRef, type IncidentView, incidentRef, invoiceRef, isSerious } from './case-view.js';
import { assessmentText, incidentList, invoiceText, listOfTexts, money, reason } from './texts.js';
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
  const describe = (list: IncidentView[]) => incidentList(list);
  const serious = incidents.filter(isSerious);

  // Rule 1 (D1, seed 002): an unlawful act of severity 3, theft or fraud against you:
  // red card, path immediate, no warning first.
  const frauds = incidents.filter((i) => i.code === 'unlawful' && i.severity === 3);
  if (frauds.length > 0) {
    return {
      verdict: { recommendation: 'red_card', path: 'immediate' },
      referenceRule: 1,
      reasons: [reason('D1', assessmentText('reason.fraud', { incidents: describe(frauds) }), frauds.map(incidentRef))],
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
      reasons.push(reason('D2', assessmentText('reason.threats', { incidents: describe(threats) }), threats.map(incidentRef)));
    }
    if (refusesToPay) {
      const owed = longOverdue.reduce((sum, i) => sum + i.outstanding, 0);
      const text = assessmentText('reason.refuses-to-pay', {
        amount: money(owed, currency),
        days: LONG_OVERDUE_DAYS,
        invoices: listOfTexts(longOverdue.map((i) => invoiceText(i, currency))),
        incidents: describe(refusals),
      });
      reasons.push(reason('D2', text, [...refusals.map(incidentRef), ...longOverdue.map(invoiceRef)]));
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
        reason('D4', assessmentText('reason.warning-ignored', { date: { date: firstYellow.date }, incidents: describe(repeats) }), [
          cardRef(firstYellow),
          ...repeats.map(incidentRef),
        ]),
      ];
      if (collectFor.length > 0) {
        const withMoney = collectFor.some((i) => i.code === 'payment');
        const owed = overdue.reduce((sum, i) => sum + i.outstanding, 0);
        const text = withMoney
          ? assessmentText('reason.stop-now-overdue', { amount: money(owed, currency), incidents: describe(collectFor) })
          : assessmentText('reason.stop-now', { incidents: describe(collectFor) });
        reasons.push(reason('D2', text, [...collectFor.map(incidentRef), ...(withMoney ? overdue.map(invoiceRef) : [])]));

        return { verdict: { recommendation: 'red_card', path: 'stop_and_collect' }, referenceRule: 3, reasons };
      }
      reasons.push(reason('D3', assessmentText('reason.finish-then-exit'), []));

      return { verdict: { recommendation: 'red_card', path: 'finish_then_exit' }, referenceRule: 3, reasons };
    }
  }

  // A yellow card answered every serious incident so far: rules 3 and 4 do not apply.
  const warnedReason: Reason[] =
    firstYellow === undefined
      ? []
      : [reason('D4', assessmentText('reason.warning-heeded', { date: { date: firstYellow.date } }), [cardRef(firstYellow)])];

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
        reason(
          'D5',
          moved.to
            ? assessmentText('reason.moved-to', { date: { date: moved.date! }, member: moved.to, incidents: describe(answeredByMove) })
            : assessmentText('reason.moved', { date: { date: moved.date! }, incidents: describe(answeredByMove) }),
          answeredByMove.map(incidentRef),
        ),
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
          reason(
            'D5',
            open.length === 1
              ? assessmentText('reason.reassign-one', { member, incidents: describe(open) })
              : assessmentText('reason.reassign-many', { count: open.length, member, incidents: describe(open) }),
            open.map(incidentRef),
          ),
        ],
      };
    }
    const reasons: Reason[] = [
      reason('D4', assessmentText('reason.warn', { count: open.length, incidents: describe(open) }), open.map(incidentRef)),
    ];
    if (moveAnswered) {
      reasons.push(reason('D5', assessmentText('reason.moved-again', { date: { date: moved.date! } }), answeredByMove.map(incidentRef)));
    } else if (moved.any && agency && oneMember) {
      reasons.push(reason('D5', assessmentText('reason.moved-already'), []));
    } else if (agency) {
      reasons.push(reason('D5', assessmentText(open.length === 1 ? 'reason.no-member-one' : 'reason.no-member-many'), []));
    }
    const unlawfulRequests = open.filter((i) => i.code === 'unlawful');
    if (unlawfulRequests.length > 0) {
      reasons.push(
        reason(
          'D1',
          assessmentText('reason.refuse-unlawful', { incidents: describe(unlawfulRequests) }),
          unlawfulRequests.map(incidentRef),
        ),
      );
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
      const text = assessmentText('reason.pattern', { count: recent.length, days: RECENT_WINDOW_DAYS, incidents: describe(recent) });
      reasons.push(reason('D6', text, recent.map(incidentRef)));
    }
    if (judgement.length > 0) {
      reasons.push(reason('D6', assessmentText('reason.judgement', { incidents: describe(judgement) }), judgement.map(incidentRef)));
    }

    return { verdict: { recommendation: 'watch', path: null }, referenceRule: 5, reasons: [...reasons, ...warnedReason, ...movedReason] };
  }

  // Rule 6: otherwise keep.
  return {
    verdict: { recommendation: 'keep', path: null },
    referenceRule: 6,
    reasons: [
      reason('D6', assessmentText('reason.keep', { count: recent.length, days: RECENT_WINDOW_DAYS }), recent.map(incidentRef)),
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
