/**
 * Money in the UI: people type major units ("1500.00", "1 500,50"), the API wants integer minor
 * units. The conversion works on the decimal string, digit by digit: no float is ever multiplied.
 */
import { LIMITS } from '../../core/limits.js';

/** How many minor digits a currency has (EUR 2, JPY 0, BHD 3), as Intl knows it. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export type MoneyParse = { ok: true; minor: number } | { ok: false; reason: 'empty' | 'format' | 'decimals' | 'too_large' };

/**
 * Parses an amount written in major units into minor units, exactly.
 * Accepts "1500", "1500.5", "1500.50", "1 500,50", "1,500.50" and "1.500,50"; rejects negatives,
 * exponents, and more decimals than the currency has (so an ambiguous "1,500" is refused).
 */
export function parseMoney(input: string, digits = 2): MoneyParse {
  let s = input.replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  if (!/^[0-9.,]+$/.test(s)) return { ok: false, reason: 'format' };

  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let intPart: string;
  let fracPart = '';
  if (lastDot >= 0 && lastComma >= 0) {
    // Both present: the later one is the decimal separator, the other groups thousands.
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const [i, f, ...rest] = s.split(decimal);
    if (rest.length > 0 || i === undefined || f === undefined) return { ok: false, reason: 'format' };
    if (!/^\d{1,3}([.,]\d{3})*$/.test(i) || i.includes(decimal)) return { ok: false, reason: 'format' };
    intPart = i.split(group).join('');
    fracPart = f;
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = s.split(sep);
    if (parts.length === 2) {
      intPart = parts[0] ?? '';
      fracPart = parts[1] ?? '';
    } else if (/^\d{1,3}([.,]\d{3})+$/.test(s)) {
      // "1,000,000" or "1.000.000": grouping only.
      intPart = parts.join('');
    } else {
      return { ok: false, reason: 'format' };
    }
  } else {
    intPart = s;
  }
  if (intPart === '') intPart = '0';
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(fracPart)) return { ok: false, reason: 'format' };
  // More decimals than the currency has is refused, not rounded: "1,500" is ambiguous (1.5 or
  // 1500?) and "10.999" would lose a cent.
  if (fracPart.length > digits) return { ok: false, reason: 'decimals' };
  s = (intPart + fracPart.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  if (s.length > 16) return { ok: false, reason: 'too_large' };
  const minor = Number(s);
  if (!Number.isSafeInteger(minor) || minor > LIMITS.moneyMaxMinor) return { ok: false, reason: 'too_large' };

  return { ok: true, minor };
}

/** Minor units back to a plain major-unit string for an input ("150000" -> "1500.00"). */
export function minorToInput(minor: number, digits = 2): string {
  const negative = minor < 0;
  const abs = String(Math.abs(Math.trunc(minor)));
  if (digits === 0) return (negative ? '-' : '') + abs;
  const padded = abs.padStart(digits + 1, '0');

  return `${negative ? '-' : ''}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** Formats minor units for display in the UI language, e.g. "1.500,00 €" in Lithuanian. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  // For display only: minor / 10^digits is exact enough below 2^53 and goes straight to Intl.
  const major = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(major);
  } catch {
    return `${minorToInput(minor, digits)} ${currency}`;
  }
}
