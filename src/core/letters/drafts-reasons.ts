/**
 * The honest reasons a letter may give (X4): each framing is offered only when recorded facts back
 * it (an invoice paid late, an incident of the matching code), and it carries those facts so the
 * letter can cite them. Nothing here guesses a motive: with no recorded fact there is no option.
 */
import type { Assessment } from '../assessment/types.js';
import type { CaseRecord } from '../case.js';
import { daysBetween } from '../dates.js';
import type { RedFlagCode } from '../vocabulary.js';
import type { ReasonKey, ReasonOption, RecordedFact } from './drafts-types.js';

/** Which recorded red flags back which framing. Payment also rests on invoices paid late. */
const CODES_BY_REASON: Readonly<Record<ReasonKey, readonly RedFlagCode[]>> = {
  lawful: ['unlawful'],
  conduct: ['abuse', 'reputation_threat', 'staff_report', 'negativity'],
  payment: ['payment'],
  terms: ['contract_breach'],
  scope: ['scope_creep', 'price_pressure'],
  expertise: ['disregard_expertise'],
  capacity: ['availability_demands', 'urgency_pressure', 'unprofitable', 'wellbeing'],
  misfit: ['misfit'],
};

/** How late an invoice was paid, or is, on `today`: days from its due date until paid in full (or today). */
export function daysLate(invoice: CaseRecord['invoices'][number], today: string): { days: number; owed_minor: number } {
  let paid = 0;
  let paidInFullOn: string | null = null;
  for (const p of [...invoice.payments].filter((p) => p.date <= today).sort((a, b) => a.date.localeCompare(b.date))) {
    paid += p.amount_minor;
    if (paidInFullOn === null && paid >= invoice.amount_minor) paidInFullOn = p.date;
  }
  const until = paidInFullOn ?? today;

  return { days: Math.max(0, daysBetween(invoice.due, until)), owed_minor: Math.max(0, invoice.amount_minor - paid) };
}

/** The invoices paid late or overdue on `today`, as facts (the paid-late ones count: X4 allows the pattern). */
export function lateInvoiceFacts(record: CaseRecord, today: string): RecordedFact[] {
  return record.invoices
    .filter((inv) => inv.due < today)
    .map((inv) => ({ inv, late: daysLate(inv, today) }))
    .filter(({ late }) => late.days > 0)
    .map(({ inv, late }) => ({
      id: `invoice:${inv.number}` as const,
      kind: 'invoice' as const,
      date: inv.due,
      number: inv.number,
      amount_minor: inv.amount_minor,
      owed_minor: late.owed_minor,
      days_late: late.days,
    }));
}

/** The incidents recorded up to `today` (later ones have not happened on the day the case is judged). */
export function incidentFacts(record: CaseRecord, today: string, codes: readonly RedFlagCode[]): RecordedFact[] {
  return record.incidents
    .map((incident, index) => ({ incident, index }))
    .filter(({ incident }) => incident.date <= today && codes.includes(incident.code))
    .map(({ incident, index }) => ({
      id: `incident:${index}` as const,
      kind: 'incident' as const,
      date: incident.date,
      code: incident.code,
      severity: incident.severity,
      about_member: incident.about_member ?? null,
    }));
}

function factSeverity(f: RecordedFact): number {
  return f.kind === 'incident' ? f.severity : f.kind === 'invoice' ? (f.owed_minor > 0 ? 3 : 2) : 1;
}

/** Graver first, then more recent: the first fact is the one a letter names. */
function byRelevance(a: RecordedFact, b: RecordedFact): number {
  return factSeverity(b) - factSeverity(a) || b.date.localeCompare(a.date);
}

/** The date a letter names for a framing: its most relevant fact's. */
export function keyDate(facts: readonly RecordedFact[]): string {
  const first = facts[0];
  if (!first) throw new RangeError('a reason option always has at least one fact');

  return first.date;
}

/**
 * The framings the facts of this case allow, the likeliest first. The assessment gives the date
 * the case is judged on, so the options match what it weighed.
 */
export function reasonOptions(record: CaseRecord, assessment: Pick<Assessment, 'today'>): ReasonOption[] {
  const today = assessment.today;
  const options: ReasonOption[] = [];
  for (const key of Object.keys(CODES_BY_REASON) as ReasonKey[]) {
    const facts = incidentFacts(record, today, CODES_BY_REASON[key]);
    if (key === 'payment') facts.push(...lateInvoiceFacts(record, today));
    if (facts.length > 0) options.push({ key, facts: facts.sort(byRelevance) });
  }

  // The option whose key fact is gravest and most recent comes first (for a red card after a
  // warning that is the incident that decided it); then the one with more facts behind it.
  return options.sort((a, b) => byRelevance(a.facts[0] as RecordedFact, b.facts[0] as RecordedFact) || b.facts.length - a.facts.length);
}

/** The invoices a payment reason cites: the two latest in days, so the sentence stays short and shows the pattern. */
export function citedInvoices(facts: readonly RecordedFact[]): Array<Extract<RecordedFact, { kind: 'invoice' }>> {
  return facts
    .flatMap((f) => (f.kind === 'invoice' ? [f] : []))
    .sort((a, b) => b.days_late - a.days_late)
    .slice(0, 2);
}
