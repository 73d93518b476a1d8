/**
 * Planning the exit (DOMAIN.md sections 3, 4 and 7): who is told what and when, when work ends,
 * whether a lawyer looks first, the dated steps, and the money. Pure: `today` is an argument.
 *
 * Dates, exactly as DOMAIN.md section 7:
 * - Lawyer first (C2) when the client is a large business, a penalty applies, or the right to
 *   terminate is false or unknown. While it is false or unknown the client is told nothing:
 *   `tell_client_on` and `work_ends_on` are null, the steps that depend on telling have no date,
 *   and `contract_check.to_find_out` says what to find out (C1, C3).
 * - immediate, stop_and_collect: told today, work ends today.
 * - finish_then_exit with a long_term engagement: told today; work ends on the later of the last
 *   open deliverable's due date and today + notice (the contract's, else 14 days, X1).
 * - finish_then_exit with recurring_small / one_off engagements only: told on the last open
 *   deliverable's due date (today if none is open, or if that date has passed); work ends then, or
 *   after the contract's notice counted from that day.
 * Refinements, each documented here:
 * - Mixed engagement kinds: the long_term rule wins when any engagement is long_term (the longest
 *   commitment sets the notice); open deliverables of every engagement count.
 * - Open deliverables without a due date are not counted in the dates; a warning names them.
 * - No written contract (`contract: null`): nothing written restricts ending, so RedCard treats the
 *   right to terminate as given and the notice as none, and asks to check emails and order
 *   confirmations for agreed terms.
 * - reassign (D5) ends nothing: the client is told about the new manager today, no end date is set,
 *   no lawyer check is needed (the contract continues), and a review is due in 30 days.
 * - The lawyer check is due a week from today, or on the day the client is told if that is sooner.
 * - Handover: on the finish path by the last working day; on the stop paths within 7 days of today.
 * - A tell date chosen by the user (`tell_on`, the exit wizard): it replaces the computed day to
 *   tell the client, and the rules' "today" for the end date is then that day (the notice runs
 *   from when the client is told). It must not be before today, and is refused while the right to
 *   terminate is false or unknown (C3: nothing may be scheduled then). On the finish path work
 *   still ends no earlier than the last open deliverable's due date (D3), and a warning says when
 *   the chosen day comes before open work is due.
 * - Lawyer first with a KNOWN right to terminate (section 7, read literally): the only rule that
 *   withholds telling the client is "right to terminate false or unknown". A large client or a
 *   penalty adds the lawyer check but does not move `tell_client_on`; the check is due on or
 *   before the day the client is told (a week from today at the latest), so the lawyer looks
 *   first on the same timeline. Where the lawyer needs longer, the user moves the tell date.
 */
import type { CaseRecord } from '../case.js';
import { addDays, isIsoDate } from '../dates.js';
import { DomainError } from '../errors.js';
import { type EngagementAtExit, formatMoney, moneyOwed, settle } from '../money/index.js';
import { moneyEnglish, moneyText } from '../money/texts.js';
import { collectionSchedule } from './collection.js';
import { addNotice, type Notice } from './notice.js';
import { type ExitText, type ExitTextKey, type ExitTextParam, type ExitTextWithDetails, english, exitText } from './texts.js';
import {
  ACCESS_KINDS,
  type ContractCheck,
  type ExitMoney,
  type ExitPath,
  type ExitPlan,
  type LawyerReason,
  type PlanStep,
  type RuleCode,
} from './types.js';

export interface PlanExitOptions {
  /** The day the plan is made (YYYY-MM-DD). */
  today: string;
  path: ExitPath;
  /** The day the user chose to tell the client (YYYY-MM-DD); the computed day when absent. */
  tell_on?: string | undefined;
}

/** X1: about two weeks' notice for a long-term engagement without a contractual notice. */
export const DEFAULT_LONG_TERM_NOTICE: Notice = { amount: 14, unit: 'days' };

export function planExit(record: CaseRecord, options: PlanExitOptions): ExitPlan {
  const { today, path } = options;
  if (!isIsoDate(today)) throw new DomainError('VALIDATION_FAILED', `today must be a calendar date written YYYY-MM-DD, got "${today}"`);
  const chosenTell = options.tell_on;
  if (chosenTell !== undefined) checkChosenTell(record, path, today, chosenTell);
  const warnings: ExitText[] = [];
  const warn = (key: ExitTextKey, params: Record<string, ExitTextParam>) => warnings.push(exitText(key, params));
  const contract = record.contract;
  const ending = path !== 'reassign';

  // C1: what the contract says.
  const mayTerminate = contract ? contract.provider_may_terminate : true;
  const notice = contract?.notice ?? null;
  const penalty = contract?.penalty ?? null;
  const toFindOut: ExitText[] = [];
  if (!contract) toFindOut.push(exitText('findOut.no-contract'));
  if (contract && contract.provider_may_terminate === null) toFindOut.push(exitText('findOut.right-unknown'));
  if (contract && contract.provider_may_terminate === false) {
    toFindOut.push(exitText('findOut.grounds'));
    if (contract.ends) toFindOut.push(exitText('findOut.run-to-end', { date: { date: contract.ends } }));
  }
  if (contract && !notice && mayTerminate !== false) toFindOut.push(exitText('findOut.notice'));
  if (penalty)
    toFindOut.push(
      exitText('findOut.penalty', {
        penalty: penalty.description || { amount_minor: penalty.amount_minor, currency: record.provider.currency },
      }),
    );

  // C2: lawyer first.
  const lawyer_reasons: LawyerReason[] = [];
  if (ending) {
    if (record.client.kind === 'business' && record.client.size === 'large') {
      lawyer_reasons.push({ code: 'large_business', rule: 'C2', text: 'The client is a large business.' });
    }
    if (penalty) {
      lawyer_reasons.push({
        code: 'penalty',
        rule: 'C2',
        text: `The contract has a penalty of ${formatMoney(penalty.amount_minor, record.provider.currency)}${penalty.description ? `: ${penalty.description}` : ''}.`,
      });
    }
    if (contract && contract.provider_may_terminate === false) {
      lawyer_reasons.push({ code: 'may_not_terminate', rule: 'C1', text: 'The contract does not let you end it on your own initiative.' });
    }
    if (contract && contract.provider_may_terminate === null) {
      lawyer_reasons.push({ code: 'right_unknown', rule: 'C1', text: 'It is not known whether the contract lets you end it.' });
    }
  }
  const lawyer_first = lawyer_reasons.length > 0;
  const blocked = ending && mayTerminate !== true;

  // Open deliverables across all engagements.
  const open = record.engagements.flatMap((e, ei) =>
    e.deliverables.flatMap((d, di) => (d.done ? [] : [{ engagement: e.name, ei, di, name: d.name, due: d.due ?? null }])),
  );
  for (const d of open) {
    if (!d.due) warn('warning.no-due', { deliverable: d.name, engagement: d.engagement });
    else if (d.due < today) warn('warning.past-due', { deliverable: d.name, engagement: d.engagement, date: { date: d.due } });
    if (d.due && contract?.signed && d.due < contract.signed)
      warn('warning.due-before-signed', { deliverable: d.name, date: { date: d.due }, signed: { date: contract.signed } });
  }
  const lastOpenDue = open.reduce<string | null>((m, d) => (d.due && (m === null || d.due > m) ? d.due : m), null);
  const hasLongTerm = record.engagements.some((e) => e.kind === 'long_term');

  // The dates.
  let tell: string | null = null;
  let end: string | null = null;
  let noticeUsed: Notice | null = null;
  switch (path) {
    case 'immediate':
    case 'stop_and_collect':
      tell = chosenTell ?? today;
      end = tell;
      if (notice) warn('warning.stops-without-notice', { notice: { notice } });
      break;
    case 'finish_then_exit':
      if (hasLongTerm) {
        noticeUsed = notice ?? DEFAULT_LONG_TERM_NOTICE;
        tell = chosenTell ?? today;
        const byNotice = addNotice(tell, noticeUsed);
        end = lastOpenDue && lastOpenDue > byNotice ? lastOpenDue : byNotice;
      } else {
        noticeUsed = notice;
        tell = chosenTell ?? (lastOpenDue && lastOpenDue > today ? lastOpenDue : today);
        end = notice ? addNotice(tell, notice) : tell;
        // D3: the current work is delivered first, whatever day the client is told.
        if (lastOpenDue && lastOpenDue > end) end = lastOpenDue;
      }
      if (chosenTell !== undefined && lastOpenDue && chosenTell < lastOpenDue)
        warn('warning.tell-before-due', { tell: { date: chosenTell }, lastDue: { date: lastOpenDue }, end: { date: end } });
      break;
    case 'reassign':
      tell = chosenTell ?? today;
      end = null;
      break;
  }
  if (blocked) {
    tell = null;
    end = null;
  }
  if (end && contract?.ends && end > contract.ends)
    warn('warning.end-after-contract', { end: { date: end }, contractEnds: { date: contract.ends } });

  if (!isKnownCurrency(record.provider.currency)) warn('warning.unknown-currency', { currency: record.provider.currency });

  const contract_check: ContractCheck = {
    written: contract !== null,
    may_terminate: contract ? contract.provider_may_terminate : null,
    notice,
    notice_used: noticeUsed,
    penalty,
    ends: contract?.ends ?? null,
    to_find_out: toFindOut.map(english),
    to_find_out_i18n: toFindOut,
  };

  // Money.
  const owed = moneyOwed(
    {
      currency: record.provider.currency,
      jurisdiction: record.provider.jurisdiction,
      client_kind: record.client.kind,
      invoices: record.invoices,
    },
    today,
  );
  const money = exitMoney(record, path, today, end, owed);

  // Referral (X8): a colleague only for a client who paid (nothing overdue) and was not abusive.
  const abusive = record.incidents.some((i) => i.code === 'abuse' && i.date <= today);
  const referralReasons: ExitText[] = [];
  if (owed.overdue_minor > 0)
    referralReasons.push(exitText('referral.overdue', { amount: { amount_minor: owed.overdue_minor, currency: owed.currency } }));
  if (abusive) referralReasons.push(exitText('referral.abusive'));
  const referralTexts = referralReasons.length === 0 ? [exitText('referral.paid')] : referralReasons;
  const referral = {
    mode: referralReasons.length === 0 ? ('colleague' as const) : ('resources_only' as const),
    reasons: referralTexts.map(english),
    reasons_i18n: referralTexts,
  };

  const worker = record.provider.kind === 'agency' && record.client.manager ? record.client.manager : 'you';
  const reassign_from = path === 'reassign' ? reassignFrom(record, today) : null;
  const steps =
    path === 'reassign'
      ? reassignSteps(today, reassign_from)
      : exitSteps({
          path,
          today,
          tell,
          end,
          blocked,
          lawyer_first,
          lawyer_reasons,
          open,
          worker,
          referral: referral.mode,
          money,
          toFindOut,
        });

  const collection =
    path === 'stop_and_collect' && owed.owed_minor > 0
      ? collectionSchedule({
          jurisdiction: record.provider.jurisdiction,
          client_kind: record.client.kind,
          today: tell ?? today,
          owed_minor: owed.owed_minor,
          currency: owed.currency,
        })
      : null;
  if (collection && blocked) warn('warning.collection-blocked', {});

  return {
    path,
    today,
    tell_client_on: tell,
    work_ends_on: end,
    lawyer_first,
    lawyer_reasons,
    contract_check,
    steps,
    handover: { access: ACCESS_KINDS.map((kind) => ({ kind, exists: null, state: 'to_check' as const })) },
    referral,
    reassign_from,
    money,
    collection,
    warnings: warnings.map(english),
    warnings_i18n: warnings,
  };
}

/**
 * Whether the code is an ISO 4217 currency. Intl's list is data of the runtime, not I/O; where a
 * runtime has no list, every well-formed code passes rather than warning about all of them.
 */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const supported = (Intl as { supportedValuesOf?: (key: 'currency') => string[] }).supportedValuesOf;

  return supported ? supported('currency').includes(code) : true;
}

/** The user's tell date: a calendar day, not in the past, and never while the client may not be told (C3). */
function checkChosenTell(record: CaseRecord, path: ExitPath, today: string, tellOn: string): void {
  const refuse = (message: string) =>
    new DomainError('VALIDATION_FAILED', `The day to tell the client ${message}.`, { issues: [{ path: 'tell_on', message }] });
  if (!isIsoDate(tellOn)) throw refuse(`must be a calendar date written YYYY-MM-DD, got "${tellOn}"`);
  if (tellOn < today) throw refuse(`must not be before today (${today})`);
  const mayTerminate = record.contract ? record.contract.provider_may_terminate : true;
  if (path !== 'reassign' && mayTerminate !== true)
    throw refuse(
      mayTerminate === false
        ? 'cannot be set: the contract does not let you end it on your own initiative; find out how it can end first (C1, C3)'
        : 'cannot be set while it is unknown whether the contract lets you end it; find that out first (C1, C3)',
    );
}

function exitMoney(record: CaseRecord, path: ExitPath, today: string, end: string | null, owed: ReturnType<typeof moneyOwed>): ExitMoney {
  const notes = [...owed.notes_i18n];
  let refund = 0;
  let finalInvoice = 0;
  let perEngagement: ExitMoney['per_engagement'] = [];
  if (path !== 'reassign' && end) {
    const finishing = path === 'finish_then_exit';
    const engagements: EngagementAtExit[] = record.engagements.map((e) => ({
      name: e.name,
      kind: e.kind,
      price_minor: e.price_minor,
      prepaid_minor: e.prepaid_minor,
      // On the finish path every dated open deliverable is finished by the last working day.
      deliverables: e.deliverables.map((d) =>
        finishing && !d.done && d.due && d.due <= end
          ? { name: d.name, done: true, percent_done: 100, open_now: true }
          : { name: d.name, done: d.done, percent_done: d.percent_done, open_now: !d.done },
      ),
    }));
    const settlement = settle({ currency: record.provider.currency, engagements, invoices: record.invoices, today, work_ends_on: end });
    refund = settlement.refund_minor;
    finalInvoice = settlement.final_invoice_minor;
    perEngagement = settlement.per_engagement;
    notes.push(...settlement.notes_i18n);
  } else if (path !== 'reassign') {
    notes.push(moneyText('settlement.not-yet'));
  }

  return {
    currency: owed.currency,
    owed_to_you_minor: owed.owed_minor,
    overdue_minor: owed.overdue_minor,
    interest_minor: owed.interest_minor,
    compensation_minor: owed.compensation_minor,
    refund_minor: refund,
    final_invoice_minor: finalInvoice,
    per_invoice: owed.per_invoice,
    per_engagement: perEngagement,
    interest_rule: owed.interest_rule,
    notes: notes.map(moneyEnglish),
    notes_i18n: notes,
  };
}

interface OpenDeliverable {
  engagement: string;
  ei: number;
  di: number;
  name: string;
  due: string | null;
}

interface StepsInput {
  path: Exclude<ExitPath, 'reassign'>;
  today: string;
  tell: string | null;
  end: string | null;
  blocked: boolean;
  lawyer_first: boolean;
  lawyer_reasons: LawyerReason[];
  open: OpenDeliverable[];
  worker: string;
  referral: 'colleague' | 'resources_only';
  money: ExitMoney;
  toFindOut: ExitText[];
}

function step(id: string, text: ExitTextWithDetails, due: string | null, owner: string, rule: RuleCode): PlanStep {
  return { id, title: english(text), title_i18n: text, due, owner, rule, done: false };
}

/** A step text without parameters. */
const say = (key: ExitTextKey): ExitTextWithDetails => ({ key, params: {} });

function exitSteps(s: StepsInput): PlanStep[] {
  const steps: PlanStep[] = [];
  const inAWeek = addDays(s.today, 7);
  const checkBy = s.tell && s.tell < inAWeek ? s.tell : inAWeek;
  const stopping = s.path === 'immediate' || s.path === 'stop_and_collect';
  const handoverBy = s.end === null ? null : stopping ? addDays(s.today, 7) : s.end;

  if (s.lawyer_first) {
    steps.push(step('lawyer-check', say('step.lawyer-check'), checkBy, 'lawyer', 'C2'));
  }
  if (s.blocked) {
    steps.push(
      step('contract-find-out', { key: 'step.contract-find-out', params: { details: { texts: s.toFindOut } } }, checkBy, 'you', 'C3'),
    );
  }
  steps.push(step('evidence', say('step.evidence'), s.today, 'you', 'X11'));

  if (stopping) {
    const names = s.open.map((d) => d.name);
    steps.push(
      step(
        'stop-work',
        names.length > 0 ? { key: 'step.stop-work-on', params: { deliverables: { names } } } : say('step.stop-work'),
        s.blocked ? null : s.tell,
        s.worker,
        s.path === 'immediate' ? 'D1' : 'D2',
      ),
    );
  } else {
    for (const d of s.open) {
      const title = { key: 'step.finish', params: { deliverable: d.name, engagement: d.engagement } };
      steps.push(step(`finish-${d.ei + 1}-${d.di + 1}`, title, d.due ?? s.end, s.worker, 'D3'));
    }
    steps.push(step('last-day', say('step.last-day'), s.end, s.worker, 'X1'));
  }

  steps.push(step('conversation', say('step.conversation'), s.tell, 'you', 'X2'));
  steps.push(step('written-confirmation', say('step.written-confirmation'), s.tell, 'you', 'X3'));
  steps.push(
    step('referral', say(s.referral === 'colleague' ? 'step.referral-colleague' : 'step.referral-resources'), s.tell, 'you', 'X8'),
  );
  steps.push(step('handover-files', say('step.handover-files'), handoverBy, s.worker, 'X9'));
  steps.push(step('access-inventory', say('step.access-inventory'), handoverBy, s.worker, 'X9'));
  steps.push(step('briefing', say('step.briefing'), handoverBy, s.worker, 'X9'));
  steps.push(step('interim-tools', say('step.interim-tools'), handoverBy, s.worker, 'X9'));

  const m = s.money;
  const finalTitle: ExitTextWithDetails =
    m.final_invoice_minor > 0
      ? { key: 'step.final-invoice', params: { amount: { amount_minor: m.final_invoice_minor, currency: m.currency } } }
      : say('step.final-invoice-none');
  steps.push(step('final-invoice', finalTitle, s.end, 'you', 'X10'));
  if (m.refund_minor > 0) {
    const refund = { key: 'step.refund', params: { amount: { amount_minor: m.refund_minor, currency: m.currency } } };
    steps.push(step('refund', refund, s.end, 'you', 'X10'));
  }

  const closeOn = handoverBy;
  steps.push(
    step('close-contact', say(s.path === 'stop_and_collect' ? 'step.close-contact-collect' : 'step.close-contact'), closeOn, 'you', 'A1'),
  );
  steps.push(step('reflection', say('step.reflection'), closeOn ? addDays(closeOn, 14) : null, 'you', 'A4'));

  return sortSteps(steps);
}

function reassignSteps(today: string, from: string | null): PlanStep[] {
  const choose: ExitTextWithDetails = from ? { key: 'step.choose-manager-not', params: { member: from } } : say('step.choose-manager');

  return sortSteps([
    step('evidence', say('step.evidence-reassign'), today, 'you', 'X11'),
    step('choose-manager', choose, today, 'you', 'D5'),
    step('brief-new-manager', say('step.brief-new-manager'), addDays(today, 2), 'you', 'X9'),
    step('conversation', say('step.conversation-reassign'), addDays(today, 2), 'you', 'X2'),
    step('written-confirmation', say('step.written-confirmation-reassign'), addDays(today, 2), 'you', 'X3'),
    step('review', say('step.review'), addDays(today, 30), 'you', 'D5'),
  ]);
}

/** Due steps first by date (stable within a date), undated steps last. */
function sortSteps(steps: PlanStep[]): PlanStep[] {
  return steps
    .map((st, i) => ({ st, i }))
    .sort((a, b) => {
      if (a.st.due === b.st.due) return a.i - b.i;
      if (a.st.due === null) return 1;
      if (b.st.due === null) return -1;

      return a.st.due < b.st.due ? -1 : 1;
    })
    .map((x) => x.st);
}

/** The team member most often involved in serious incidents up to today, else the client's manager. */
function reassignFrom(record: CaseRecord, today: string): string | null {
  const counts = new Map<string, number>();
  for (const i of record.incidents) {
    if (i.severity >= 2 && i.date <= today && i.about_member) counts.set(i.about_member, (counts.get(i.about_member) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [member, n] of counts) {
    if (n > bestCount) [best, bestCount] = [member, n];
  }

  return best ?? record.client.manager ?? null;
}
