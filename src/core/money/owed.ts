/**
 * What the client owes, invoice by invoice and in total, as of `today`: the unpaid amount, days
 * overdue, statutory late-payment interest (interest.ts) and the fixed compensation for recovery
 * costs.
 *
 * - Payments dated after `today` have not happened yet on the day the case is judged: they are
 *   ignored (and a note says so), as incidents and cards after `today` are.
 * - Owed = amount − payments (never negative; the case file already rejects overpayment).
 * - Interest: only for business clients (DOMAIN.md section 7) and a jurisdiction with a rule
 *   (rates.ts). Interest already accrued on an invoice paid late is still claimable and is included.
 * - Compensation (Directive 2011/7/EU art. 6; LT and RO laws as transposed): EUR 40 per invoice paid
 *   late or still overdue, for business clients under an EU regime. It is added to the sum only when
 *   the currency is EUR; in any other currency it is due as the equivalent in that currency, which
 *   RedCard does not convert: the invoice says so and the amount stays out of the totals.
 */
import { daysBetween } from '../dates.js';
import type { ClientKind } from '../vocabulary.js';
import { type InterestSegment, lateInterest } from './interest.js';
import { sumMinor } from './money.js';
import { interestRuleFor, RATES_KNOWN_UNTIL } from './rates.js';
import { type MoneyText, moneyEnglish, moneyText } from './texts.js';

/** EUR 40.00 in cents (Directive 2011/7/EU art. 6(1)). */
export const EU_COMPENSATION_EUR_MINOR = 4000;

export interface InvoiceIn {
  number: string;
  issued: string;
  due: string;
  amount_minor: number;
  payments: ReadonlyArray<{ date: string; amount_minor: number }>;
}

export interface InvoiceMoney {
  number: string;
  issued: string;
  due: string;
  amount_minor: number;
  paid_minor: number;
  owed_minor: number;
  /** Days from the due date to today while something is unpaid; 0 when paid or not yet due. */
  days_overdue: number;
  /** Days any amount was unpaid after the due date (paid-late invoices included). */
  late_days: number;
  interest_minor: number;
  interest_segments: InterestSegment[];
  compensation_minor: number;
  compensation_note: string | null;
}

export interface InterestRuleSummary {
  jurisdiction: string;
  regime: string;
  law: string;
  /** `law` as a key and parameters, for the UI's languages. */
  law_i18n: MoneyText;
  rate_source: string;
  day_count: string;
  rates_known_until: string;
}

export interface MoneyOwed {
  currency: string;
  per_invoice: InvoiceMoney[];
  owed_minor: number;
  /** The part of `owed_minor` already past its due date. */
  overdue_minor: number;
  interest_minor: number;
  compensation_minor: number;
  interest_rule: InterestRuleSummary | null;
  notes: string[];
  /** `notes` as keys and parameters, in the same order. */
  notes_i18n: MoneyText[];
}

export interface MoneyOwedInput {
  currency: string;
  jurisdiction?: string | null;
  client_kind: ClientKind;
  invoices: readonly InvoiceIn[];
}

export function moneyOwed(input: MoneyOwedInput, today: string): MoneyOwed {
  const notes: MoneyText[] = [];
  const jurisdictionRule = interestRuleFor(input.jurisdiction);
  const rule = input.client_kind === 'business' ? jurisdictionRule : null;
  if (!input.jurisdiction) notes.push(moneyText('owed.no-jurisdiction'));
  else if (!jurisdictionRule) notes.push(moneyText('owed.no-rule', { jurisdiction: input.jurisdiction }));
  else if (input.client_kind !== 'business') notes.push(moneyText('owed.individual'));
  if (rule) notes.push(...rule.caveats_i18n);

  let future = 0;
  let carried = false;
  let uncovered = 0;
  const per_invoice = input.invoices.map((inv): InvoiceMoney => {
    const payments = inv.payments.filter((p) => p.date <= today);
    future += inv.payments.length - payments.length;
    const paid = sumMinor(payments.map((p) => p.amount_minor));
    const owed = Math.max(0, inv.amount_minor - paid);
    const days_overdue = owed > 0 && today > inv.due ? daysBetween(inv.due, today) : 0;
    const interest = rule ? lateInterest({ amount_minor: inv.amount_minor, due: inv.due, payments }, rule, today) : null;
    const late_days = interest ? interest.late_days : days_overdue;
    if (interest?.segments.some((s) => s.carried_forward)) carried = true;
    uncovered += interest?.uncovered_days ?? 0;
    let compensation_minor = 0;
    let compensation_note: string | null = null;
    if (rule?.eu_compensation && late_days > 0) {
      if (input.currency === 'EUR') compensation_minor = EU_COMPENSATION_EUR_MINOR;
      else
        compensation_note = `EUR 40 recovery-cost compensation is due as its equivalent in ${input.currency}; not converted, so not in the totals.`;
    }

    return {
      number: inv.number,
      issued: inv.issued,
      due: inv.due,
      amount_minor: inv.amount_minor,
      paid_minor: paid,
      owed_minor: owed,
      days_overdue,
      late_days,
      interest_minor: interest?.interest_minor ?? 0,
      interest_segments: interest?.segments ?? [],
      compensation_minor,
      compensation_note,
    };
  });
  if (future > 0) notes.push(moneyText('owed.future-payments', { count: future, date: { date: today } }));
  if (carried) notes.push(moneyText('owed.carried-forward', { date: { date: RATES_KNOWN_UNTIL } }));
  if (uncovered > 0) notes.push(moneyText('owed.before-table', { count: uncovered }));

  return {
    currency: input.currency,
    per_invoice,
    owed_minor: sumMinor(per_invoice.map((i) => i.owed_minor)),
    overdue_minor: sumMinor(per_invoice.filter((i) => i.days_overdue > 0).map((i) => i.owed_minor)),
    interest_minor: sumMinor(per_invoice.map((i) => i.interest_minor)),
    compensation_minor: sumMinor(per_invoice.map((i) => i.compensation_minor)),
    interest_rule: rule
      ? {
          jurisdiction: rule.jurisdiction,
          regime: rule.regime,
          law: rule.law,
          law_i18n: rule.law_i18n,
          rate_source: rule.rate_source,
          day_count: rule.day_count,
          rates_known_until: RATES_KNOWN_UNTIL,
        }
      : null,
    notes: notes.map(moneyEnglish),
    notes_i18n: notes,
  };
}
