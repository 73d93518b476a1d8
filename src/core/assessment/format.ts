/** Plain-English fragments built from the case's data (the UI translates them later). */
import type { RedFlagCode } from '../vocabulary.js';
import type { IncidentView, InvoiceView } from './case-view.js';

const FLAG_LABELS: Record<RedFlagCode, string> = {
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
};

export function flagLabel(code: RedFlagCode): string {
  return FLAG_LABELS[code];
}

/** Minor units as "3,700.00 EUR", without locale rules (the same on every machine). */
export function formatMoney(minor: number, currency: string): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.round(minor));
  const major = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

  return `${sign}${major}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "abuse (severity 2) on 2026-09-03, about Maria" */
export function describeIncident(i: IncidentView): string {
  const member = i.member === null ? '' : `, about ${i.member}`;

  return `${flagLabel(i.code)} (severity ${i.severity}) on ${i.date}${member}`;
}

/** "invoice NS-2026-054: 2,520.00 EUR unpaid, 83 days past due" */
export function describeInvoice(i: InvoiceView, currency: string): string {
  const state = i.outstanding > 0 ? `${formatMoney(i.outstanding, currency)} unpaid` : 'paid';

  return `invoice ${i.number}: ${state}, ${plural(i.daysLate, 'day')} past due`;
}

/** Joins up to `max` items and says how many more there are. */
export function listOf(items: string[], max = 3): string {
  if (items.length <= max) return items.join('; ');

  return `${items.slice(0, max).join('; ')}; and ${items.length - max} more`;
}

/** A share 0..1 as "17%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Rounds for display: 12.345 -> "12.3". */
export function oneDecimal(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** "1 day", "2.5 days" */
export function days(n: number): string {
  const shown = oneDecimal(n);

  return `${shown} ${shown === '1' ? 'day' : 'days'}`;
}
