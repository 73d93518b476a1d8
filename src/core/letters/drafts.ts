/**
 * Letter drafts (issue 6): the yellow-card warning (D4), the termination letter (X3–X8), the call
 * script that comes before it (X2), the debt demand (D2) and the reply to a re-engagement attempt
 * (A1, A2), in en, ru, ro and lt. Pure: the case, its assessment and exit plan, and `today` are
 * arguments.
 *
 * This module decides *what* a draft says (which facts, which dates, whether a referral is allowed,
 * which reason framing); each language's phrase bank (phrases/*.ts) decides *how* to say it, with
 * its own grammar and politeness forms, so no language is a translation of another's template.
 */
import type { Assessment } from '../assessment/types.js';
import type { CaseRecord } from '../case.js';
import { addDays, isIsoDate } from '../dates.js';
import { DomainError } from '../errors.js';
import type { ExitPlan } from '../exit/types.js';
import { LANGUAGES, type Language, type RedFlagCode } from '../vocabulary.js';
import { daysLate, incidentFacts, reasonOptions } from './drafts-reasons.js';
import {
  CHANNELS,
  type Channel,
  type Draft,
  type DraftSection,
  LETTER_KINDS,
  type LetterFacts,
  type LetterKind,
  type PhraseBank,
  REASON_KEYS,
  type ReasonKey,
  type ReasonOption,
  type RecordedFact,
} from './drafts-types.js';
import { en } from './phrases/en.js';
import { lt } from './phrases/lt.js';
import { ro } from './phrases/ro.js';
import { ru } from './phrases/ru.js';

export * from './drafts-reasons.js';
export * from './drafts-types.js';

const BANKS: Readonly<Record<Language, PhraseBank>> = { en, ru, ro, lt };

/** Conduct that ends the cooperation at once if it repeats after a warning (D1, D2); the rest ends with notice. */
const ENDS_AT_ONCE: readonly RedFlagCode[] = ['abuse', 'unlawful', 'reputation_threat'];

const MAX_OPEN_ITEMS_NAMED = 3;

export interface DraftInput {
  record: CaseRecord;
  assessment: Assessment;
  /** The exit plan; every kind but the warning needs one. */
  plan: ExitPlan | null;
  /** The day the draft is written (YYYY-MM-DD). */
  today: string;
  lang: Language;
  kind: LetterKind;
  /** The reason framing the user picked; by default the first of `reasonOptions`. */
  reason?: ReasonKey | null;
  /** Who signs; by default the provider's name in the case. */
  sender?: string | null;
  /** Whom the letter addresses; by default the client's name. */
  recipient?: string | null;
  channel?: Channel;
}

/** The message says it all; the field is kept in `details` for the API to point at. */
function invalid(field: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { details: { field } });
}

function oneOf<T extends string>(field: string, value: unknown, valid: readonly T[]): T {
  if (typeof value === 'string' && (valid as readonly string[]).includes(value)) return value as T;

  throw new DomainError('VALIDATION_FAILED', `Unknown ${field} "${String(value)}": use one of ${valid.join(', ')}.`, {
    issues: [{ path: field, message: `must be one of ${valid.join(', ')}` }],
  });
}

/** The reason to give: the user's pick if the facts allow it, else the likeliest honest option. */
function chooseReason(input: DraftInput): ReasonOption {
  const options = reasonOptions(input.record, input.assessment);
  if (options.length === 0) {
    throw invalid(
      'reason',
      'Nothing recorded in this case gives a reason to state (X4): record the incidents or the late invoices first, so the letter rests on facts.',
    );
  }
  if (input.reason === undefined || input.reason === null) return options[0] as ReasonOption;
  const key = oneOf('reason', input.reason, REASON_KEYS);
  const picked = options.find((o) => o.key === key);
  if (!picked) {
    throw invalid('reason', `Nothing recorded backs the reason "${key}" (X4); the facts allow: ${options.map((o) => o.key).join(', ')}.`);
  }

  return picked;
}

/** The serious incident that crossed the line (D4): the latest one up to today, after any earlier warning. */
function crossing(record: CaseRecord, today: string): { fact: RecordedFact; code: RedFlagCode; date: string; about: string | null } {
  const lastCard = record.cards
    .filter((c) => c.color === 'yellow' && c.date <= today)
    .reduce<string | null>((a, c) => (a === null || c.date > a ? c.date : a), null);
  const serious = incidentFacts(record, today, [...new Set(record.incidents.map((i) => i.code))]).filter(
    (f) => f.kind === 'incident' && f.severity >= 2 && (lastCard === null || f.date >= lastCard),
  );
  const latest = serious.reduce<RecordedFact | null>((a, f) => (a === null || f.date >= a.date ? f : a), null);
  if (latest?.kind !== 'incident') {
    throw invalid('kind', 'A warning names what crossed the line (D4), and no serious incident (severity 2 or 3) is recorded to name.');
  }

  return { fact: latest, code: latest.code, date: latest.date, about: latest.about_member };
}

function requirePlan(input: DraftInput): ExitPlan & { tell_client_on: string; work_ends_on: string } {
  const plan = input.plan;
  if (!plan) throw invalid('plan', `A ${input.kind.replaceAll('_', ' ')} needs the exit plan.`);
  if (plan.path === 'reassign')
    throw invalid('path', 'A reassignment (D5) ends nothing: there is no letter ending the cooperation to draft.');
  if (plan.tell_client_on === null || plan.work_ends_on === null) {
    throw invalid(
      'plan',
      'The contract must be checked first (C1, C3): while it is not known that you may end it, tell the client nothing, so no letter is drafted.',
    );
  }

  return plan as ExitPlan & { tell_client_on: string; work_ends_on: string };
}

/** The facts a phrase bank words, from the case, its plan and the user's choices. */
function letterFacts(input: DraftInput, kind: LetterKind, lang: Language, channel: Channel): { facts: LetterFacts; used: RecordedFact[] } {
  const { record, today } = input;
  const sender = (input.sender ?? record.provider.name ?? '').trim();
  if (!sender) throw invalid('sender', "Say who signs the letter: the case has no provider name (the CLI's --from).");
  const recipient = (input.recipient ?? record.client.name).trim();
  if (!recipient) throw invalid('recipient', "Say whom the letter addresses (the CLI's --to).");

  const used: RecordedFact[] = [];
  const needsPlan = kind !== 'warning';
  const plan = needsPlan ? requirePlan(input) : null;
  const path = plan ? (plan.path as LetterFacts['path']) : 'finish_then_exit';
  const end = plan?.work_ends_on ?? today;
  const tell = plan?.tell_client_on ?? today;

  const openEngagement = record.engagements.find((e) => e.deliverables.some((d) => !d.done));
  const engagement = openEngagement ?? record.engagements[0] ?? null;
  // On the finish path only what is due by the last day is finished; on the stop paths all open work stops.
  const allOpen = record.engagements
    .flatMap((e) => e.deliverables.filter((d) => !d.done).map((d) => ({ name: d.name, due: d.due ?? null })))
    .filter((d) => path !== 'finish_then_exit' || d.due === null || d.due <= end)
    .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  // A letter names the three soonest items; the rest are counted, so it stays under 250 words.
  const open_work = allOpen.slice(0, MAX_OPEN_ITEMS_NAMED);

  let reason: ReasonOption = { key: 'capacity', facts: [] };
  if (kind === 'termination' || kind === 'call_script') {
    reason = chooseReason(input);
    used.push(...reason.facts);
  }

  let crossingFacts: LetterFacts['crossing'] = null;
  let if_repeated: LetterFacts['if_repeated'] = 'end_with_notice';
  if (kind === 'warning') {
    const c = crossing(record, today);
    crossingFacts = { date: c.date, code: c.code, about_member: c.about };
    if_repeated = ENDS_AT_ONCE.includes(c.code) ? 'end_at_once' : 'end_with_notice';
    used.push(c.fact);
  }

  const money = plan?.money;
  const unpaid = (money?.per_invoice ?? [])
    .filter((i) => i.owed_minor > 0)
    .map((i) => ({
      number: i.number,
      issued: i.issued,
      due: i.due,
      amount_minor: i.amount_minor,
      owed_minor: i.owed_minor,
      days_overdue: i.days_overdue,
      interest_minor: i.interest_minor,
      compensation_minor: i.compensation_minor,
    }));
  if (kind === 'debt_demand') {
    if (path === 'finish_then_exit')
      throw invalid('kind', 'A debt demand belongs to the stop paths (D2): on the finish path the final invoice settles the money.');
    if (unpaid.length === 0) throw invalid('kind', 'Nothing is owed on this case: there is no debt to demand.');
    for (const inv of record.invoices.filter((i) => unpaid.some((u) => u.number === i.number))) {
      const late = daysLate(inv, today);
      used.push({
        id: `invoice:${inv.number}`,
        kind: 'invoice',
        date: inv.due,
        number: inv.number,
        amount_minor: inv.amount_minor,
        owed_minor: late.owed_minor,
        days_late: late.days,
      });
    }
  }
  const formal = plan?.collection?.find((s) => s.id === 'formal_demand');
  const handover = plan?.steps.find((s) => s.id === 'handover-files')?.due ?? end;
  const noticeUsed = plan?.contract_check.notice_used ?? null;

  const facts: LetterFacts = {
    kind,
    lang,
    channel,
    today,
    sender,
    recipient,
    client: { name: record.client.name, kind: record.client.kind, since: record.client.since ?? null },
    engagement: engagement ? { name: engagement.name, kind: engagement.kind } : null,
    path,
    tell_on: tell,
    end_on: end,
    handover_by: handover < end && path === 'finish_then_exit' ? end : handover,
    notice: noticeUsed ? { ...noticeUsed, from_contract: plan?.contract_check.notice !== null } : null,
    open_work,
    open_more: allOpen.length - open_work.length,
    referral: plan?.referral.mode ?? 'resources_only',
    reason,
    money: {
      currency: money?.currency ?? record.provider.currency,
      owed_minor: money?.owed_to_you_minor ?? 0,
      overdue_minor: money?.overdue_minor ?? 0,
      interest_minor: money?.interest_minor ?? 0,
      compensation_minor: money?.compensation_minor ?? 0,
      refund_minor: money?.refund_minor ?? 0,
      final_invoice_minor: money?.final_invoice_minor ?? 0,
      unpaid,
      interest_regime: money?.interest_rule ? (money.interest_rule.regime as LetterFacts['money']['interest_regime']) : null,
    },
    demand:
      kind === 'debt_demand'
        ? { deadline: formal?.deadline ?? addDays(today, 14), jurisdiction: record.provider.jurisdiction ?? null }
        : null,
    crossing: crossingFacts,
    if_repeated,
  };

  return { facts, used };
}

/**
 * Drafts one letter (or call script) for a case. Throws a DomainError (VALIDATION_FAILED, naming
 * the valid values) for an unknown kind, language, reason or channel, and when the case does not
 * allow the letter: no recorded reason (X4), the contract still to check (C3), nothing owed.
 */
export function draftLetter(input: DraftInput): Draft {
  const kind = oneOf('kind', input.kind, LETTER_KINDS);
  const lang = oneOf('lang', input.lang, LANGUAGES);
  const channel = oneOf('channel', input.channel ?? 'email', CHANNELS);
  if (!isIsoDate(input.today)) throw invalid('today', `today must be a calendar date written YYYY-MM-DD, got "${input.today}".`);

  const { facts, used } = letterFacts(input, kind, lang, channel);
  const bank = BANKS[lang];
  const texts = bank[kind](facts);
  const sections: DraftSection[] = [];
  let body = '';
  for (const s of texts) {
    if (body) body += s.tight ? '\n' : '\n\n';
    sections.push({ key: s.key, start: body.length, end: body.length + s.text.length });
    body += s.text;
  }

  return { kind, lang, subject: bank.subject(facts), body, sections, facts: dedupe(used) };
}

function dedupe(facts: readonly RecordedFact[]): RecordedFact[] {
  const seen = new Set<string>();

  return facts.filter((f) => {
    if (seen.has(f.id)) return false;
    seen.add(f.id);

    return true;
  });
}
