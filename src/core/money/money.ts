/**
 * Money as RedCard computes it: integer minor units (cents) with an ISO 4217 currency, never a
 * float. Rates are integers too (basis points), and every computation that needs a fraction keeps
 * it exact (BigInt numerator and denominator) until one final rounding.
 *
 * The rounding rule, used everywhere in src/core/money: HALF-UP (a tie of exactly half a cent goes
 * up, i.e. away from zero; every amount rounded here is non-negative). It is applied ONCE, at the end
 * of each per-invoice or per-engagement computation, never per day or per period; totals are plain
 * sums of the rounded parts, so a total always equals the sum of the lines it shows.
 */

export interface Money {
  amount_minor: number;
  currency: string;
}

/** Throws unless `n` is a safe, non-negative integer amount of minor units. */
export function assertMinor(n: number, what = 'amount'): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative whole number of minor units, got ${n}`);

  return n;
}

export function money(amount_minor: number, currency: string): Money {
  return { amount_minor: assertMinor(amount_minor), currency };
}

/** Adds amounts of one currency; mixing currencies is a programming error. */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new RangeError(`cannot add ${a.currency} to ${b.currency}`);

  return money(a.amount_minor + b.amount_minor, a.currency);
}

export function sumMinor(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  if (!Number.isSafeInteger(total)) throw new RangeError('total exceeds the safe integer range');

  return total;
}

/** numerator / denominator rounded half-up; both non-negative, denominator positive. */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n || numerator < 0n) throw new RangeError('divRoundHalfUp takes a non-negative numerator and a positive denominator');

  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** amount × num / den, rounded once, half-up, as minor units. */
export function proportion(amount_minor: number, num: number | bigint, den: number | bigint): number {
  assertMinor(amount_minor);

  return Number(divRoundHalfUp(BigInt(amount_minor) * BigInt(num), BigInt(den)));
}

/** Minor units as a plain decimal string for text: 150000 -> "1,500.00 EUR" (no locale, deterministic). */
export function formatMoney(minor: number, currency: string): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const major = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

  return `${sign}${major}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}

/** Basis points as a percentage for text: 1015 -> "10.15%". */
export function formatRate(bp: number): string {
  return `${(bp / 100).toFixed(2)}%`;
}
