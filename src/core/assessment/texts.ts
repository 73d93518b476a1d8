/**
 * The assessment's words for people, each under a stable key with its parameters (see ../text.ts),
 * so the web UI can say the reasons in the user's language while `redcard assess` and case files
 * keep the English, rendered from this one table.
 */
import { type KeyedText, keysOf, renderEnglish, type TextList, type TextParam } from '../text.js';
import type { RedFlagCode } from '../vocabulary.js';
import type { IncidentView, InvoiceView } from './case-view.js';
import type { DecisionRule, EvidenceRef, Reason } from './types.js';

export const ASSESSMENT_TEXTS = {
  reason: {
    fraud: 'The client broke the law against you: {{incidents}}. Let the client go at once, without a warning.',
    threats:
      'Grave abuse aimed at you or your team: {{incidents}}. Stop work and do not finish the project; the goal becomes recovering what is owed.',
    'refuses-to-pay':
      '{{amount}} has been overdue for more than {{days}} days ({{invoices}}) and the client refuses to pay: {{incidents}}. Stop work and do not finish the project; recover the money owed.',
    'warning-ignored':
      'A yellow card was given on {{date}} and it happened again after it: {{incidents}}. The warning was not heeded: end the relationship.',
    'stop-now': '{{incidents}} calls for stopping work now rather than finishing the project; the goal becomes recovering what is owed.',
    'stop-now-overdue':
      'With {{amount}} overdue, {{incidents}} calls for stopping work now rather than finishing the project; the goal becomes recovering what is owed.',
    'finish-then-exit':
      'Neither abuse nor unpaid money is behind it: finish the current work to its agreed checkpoints, and keep serving as the contract says until it ends.',
    'warning-heeded': 'A yellow card was given on {{date}} and no serious incident has followed it: if one does, end the relationship.',
    moved:
      'The client was moved to another manager on {{date}}, which answered {{incidents}}. Incidents after that date are judged against the new pairing.',
    'moved-to':
      'The client was moved to another manager on {{date}} ({{member}}), which answered {{incidents}}. Incidents after that date are judged against the new pairing.',
    'reassign-one':
      'The serious incident involves one team member, {{member}}: {{incidents}}. First move the client to another manager; if that fails too, end it.',
    'reassign-many_one':
      'All {{count}} serious incidents involve one team member, {{member}}: {{incidents}}. First move the client to another manager; if that fails too, end it.',
    'reassign-many_other':
      'All {{count}} serious incidents involve one team member, {{member}}: {{incidents}}. First move the client to another manager; if that fails too, end it.',
    warn_one:
      '{{count}} serious incident and no yellow card yet: {{incidents}}. Warn the client explicitly and say what happens if it repeats.',
    warn_other:
      '{{count}} serious incidents and no yellow card yet: {{incidents}}. Warn the client explicitly and say what happens if it repeats.',
    'moved-again':
      'The client was already moved to another manager on {{date}}, and it happened again with the new pairing: the next step is the warning, not another move.',
    'moved-already': 'The client was already moved to another manager, so the next step is the warning.',
    'no-member-one': 'The serious incident is not tied to a named team member, so moving the client to another manager would not solve it.',
    'no-member-many':
      'The serious incidents do not all involve one named team member, so moving the client to another manager would not solve it.',
    impact: 'Without this client, {{revenue}}; {{hours}}.',
    'impact-owed': 'Without this client, {{revenue}}; {{hours}}; {{owed}} is still owed.',
    reputation:
      'The client threatened your reputation: {{incidents}}. Keep the evidence, do not answer in public in anger, and weigh the consequences for the business before any public statement.',
    'not-public':
      'Do not make the exit public in anger: weigh the reasons, the consequences for the business and how clients and partners will read it before any public statement.',
    'red-on-record': 'A red card is already on record ({{dates}}); this assessment does not change it.',
    'refuse-unlawful': 'Refuse the unlawful request ({{incidents}}); a repeated or grave one ends the relationship.',
    pattern_one:
      '{{count}} incident in the last {{days}} days, none of them an unanswered serious one: {{incidents}}. Watch the client; decide when the pattern is clear, not after one bad conversation.',
    pattern_other:
      '{{count}} incidents in the last {{days}} days, none of them an unanswered serious one: {{incidents}}. Watch the client; decide when the pattern is clear, not after one bad conversation.',
    judgement: 'Recorded: {{incidents}}. Weigh what the client brings against what it costs you before deciding.',
    keep_one:
      'No unanswered serious incident, {{count}} incident in the last {{days}} days, and nothing recorded as unprofitable, misfit or wellbeing: keep the client.',
    keep_other:
      'No unanswered serious incident, {{count}} incidents in the last {{days}} days, and nothing recorded as unprofitable, misfit or wellbeing: keep the client.',
  },
  incident: {
    plain: '{{flag}} (severity {{severity}}) on {{date}}',
    member: '{{flag}} (severity {{severity}}) on {{date}}, about {{member}}',
  },
  invoice: {
    unpaid_one: 'invoice {{number}}: {{amount}} unpaid, {{count}} day past due',
    unpaid_other: 'invoice {{number}}: {{amount}} unpaid, {{count}} days past due',
    paid_one: 'invoice {{number}}: paid, {{count}} day past due',
    paid_other: 'invoice {{number}}: paid, {{count}} days past due',
  },
  dimension: {
    none: 'No {{flags}} recorded up to {{date}}.',
    incidents_one:
      '{{count}} incident: {{groups}}. Weighted by severity and recency (half-life {{halfLife}} days), it costs {{points}} points.',
    incidents_other:
      '{{count}} incidents: {{groups}}. Weighted by severity and recency (half-life {{halfLife}} days), together they cost {{points}} points.',
    'incidents-warned_one':
      '{{count}} incident: {{groups}}. Weighted by severity and recency (half-life {{halfLife}} days, doubled after the yellow card), it costs {{points}} points.',
    'incidents-warned_other':
      '{{count}} incidents: {{groups}}. Weighted by severity and recency (half-life {{halfLife}} days, doubled after the yellow card), together they cost {{points}} points.',
    'payment-incidents_one':
      '{{count}} payment incident: {{groups}}. Weighted by severity and recency (half-life {{halfLife}} days), it costs {{points}} points.',
    'payment-incidents_other':
      '{{count}} payment incidents: {{groups}}. Weighted by severity and recency (half-life {{halfLife}} days), together they cost {{points}} points.',
    'payment-incidents-warned_one':
      '{{count}} payment incident: {{groups}}. Weighted by severity and recency (half-life {{halfLife}} days, doubled after the yellow card), it costs {{points}} points.',
    'payment-incidents-warned_other':
      '{{count}} payment incidents: {{groups}}. Weighted by severity and recency (half-life {{halfLife}} days, doubled after the yellow card), together they cost {{points}} points.',
    'no-invoices': 'No invoices up to {{date}}.',
    'none-due': 'No invoice has reached its due date yet.',
    late_one:
      '{{count}} invoice past their due date, paid on average {{late}} late (money-weighted, recent ones weigh more): {{points}} points.',
    late_other:
      '{{count}} invoices past their due date, paid on average {{late}} late (money-weighted, recent ones weigh more): {{points}} points.',
    'nothing-overdue': 'Nothing is overdue.',
    overdue_one: '{{amount}} overdue on {{count}} invoice, the oldest {{oldest}} past due: {{points}} points.',
    overdue_other: '{{amount}} overdue on {{count}} invoices, the oldest {{oldest}} past due: {{points}} points.',
    trend: 'Trend: {{direction}} ({{recent}} late on invoices due in the last {{trendDays}} days, {{before}} before).',
    'no-time': 'No time recorded, so no hourly rate.',
    'no-hours': 'No hours logged in the last 12 months, so no hourly rate.',
    'rate-no-median': 'Effective hourly rate {{rate}} per hour over the last 12 months; no workspace median to compare it with.',
    'rate-at-median': 'Effective hourly rate {{rate}} per hour, at or above the workspace median of {{median}}.',
    'rate-below': 'Effective hourly rate {{rate}} per hour, {{share}} of the workspace median of {{median}}: {{points}} points.',
    'share-unknown': "The provider's revenue is not given, so the client's share of it is unknown.",
    share: "The client brought {{share}} of the provider's revenue over the last 12 months (reported, not scored).",
    sentences: '{{sentences}}',
  },
  group: {
    one: '{{flag}} on {{date}} (severity {{severity}})',
    many: '{{flag}} x{{times}} (latest {{date}}, up to severity {{severity}})',
  },
  trend: {
    steady: 'steady',
    later: 'paying later than before',
    sooner: 'paying sooner than before',
  },
  unit: {
    days_one: '{{count}} day',
    days_other: '{{count}} days',
  },
  impact: {
    invoiced: '{{amount}} invoiced to this client over the last 12 months',
    revenue: 'revenue over the last 12 months goes from {{from}} to {{to}} (this client: {{client}})',
    'revenue-share': 'revenue over the last 12 months goes from {{from}} to {{to}} (this client: {{client}}, {{share}})',
    'hours-unknown': 'hours freed unknown (no time recorded)',
    hours_one: '{{count}} hour freed',
    hours_other: '{{count}} hours freed',
  },
  list: {
    more: 'and {{count}} more',
    date: '{{date}}',
  },
  flag: {
    abuse: 'abuse',
    payment: 'payment problem',
    price_pressure: 'price pressure',
    urgency_pressure: 'urgency pressure',
    availability_demands: 'availability demands',
    scope_creep: 'scope creep',
    disregard_expertise: 'disregard of expertise',
    unlawful: 'unlawful act',
    contract_breach: 'contract breach',
    reputation_threat: 'reputation threat',
    negativity: 'negativity',
    unprofitable: 'unprofitable',
    misfit: 'misfit',
    wellbeing: 'wellbeing',
    staff_report: 'staff report',
  } satisfies Record<RedFlagCode, string>,
} as const;

type Texts = typeof ASSESSMENT_TEXTS;
type BaseKey<K> = K extends `${infer B}_${'one' | 'other'}` ? B : K;
/** "reason.fraud", "incident.member", ...: every key the assessment can produce (plural forms by their base). */
export type AssessmentTextKey = { [G in keyof Texts]: `${G & string}.${BaseKey<keyof Texts[G]> & string}` }[keyof Texts];

/** Every key, enumerated from ASSESSMENT_TEXTS (tests check each has a translation). */
export const ASSESSMENT_TEXT_KEYS = keysOf(ASSESSMENT_TEXTS) as readonly AssessmentTextKey[];

export type AssessmentText = KeyedText;

export function assessmentText(key: AssessmentTextKey, params: Record<string, TextParam | TextList> = {}): AssessmentText {
  return { key, params };
}

/** The English words of a text, as `redcard assess` and case files show them. */
export function assessmentEnglish(text: AssessmentText): string {
  return renderEnglish(ASSESSMENT_TEXTS, text);
}

/** A reason with its English words and its key, for the UI's languages. */
export function reason(rule: DecisionRule, text: AssessmentText, refs: EvidenceRef[]): Reason {
  return { rule, text: assessmentEnglish(text), text_i18n: text, refs };
}

/** Minor units and the currency, as a parameter each language formats. */
export function money(amount_minor: number, currency: string): TextParam {
  return { amount_minor, currency };
}

/** "abuse (severity 2) on 2026-09-03, about Maria" */
export function incidentText(i: IncidentView): AssessmentText {
  const params = { flag: { texts: [assessmentText(`flag.${i.code}`)] }, severity: i.severity, date: { date: i.date } };

  return i.member === null ? assessmentText('incident.plain', params) : assessmentText('incident.member', { ...params, member: i.member });
}

/** "invoice NS-2026-054: 2,520.00 EUR unpaid, 83 days past due" */
export function invoiceText(i: InvoiceView, currency: string): AssessmentText {
  return i.outstanding > 0
    ? assessmentText('invoice.unpaid', { number: i.number, amount: money(i.outstanding, currency), count: i.daysLate })
    : assessmentText('invoice.paid', { number: i.number, count: i.daysLate });
}

/** Up to `max` texts joined as a list, then how many more there are. */
export function listOfTexts(texts: AssessmentText[], max = 3): TextList {
  const shown = texts.slice(0, max);
  const more = texts.length > max ? [assessmentText('list.more', { count: texts.length - max })] : [];

  return { texts: [...shown, ...more], join: 'list' };
}

/** Incidents as a list parameter. */
export function incidentList(incidents: IncidentView[], max = 3): TextList {
  return listOfTexts(incidents.map(incidentText), max);
}

/** A number of days as a text with its unit: "1 day", "2.5 days" (one decimal). */
export function daysText(n: number): AssessmentText {
  return assessmentText('unit.days', { count: Math.round(n * 10) / 10 });
}

/** Sentences told one after the other, as a dimension's explanation. */
export function sentences(texts: AssessmentText[]): AssessmentText {
  return assessmentText('dimension.sentences', { sentences: { texts } });
}
