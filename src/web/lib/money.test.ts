import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits, minorToInput, parseMoney } from './money.js';

describe('parseMoney', () => {
  it.each([
    ['1500', 150000],
    ['1500.00', 150000],
    ['1500.5', 150050],
    ['1500,50', 150050],
    ['1 500,50', 150050],
    ['1\u00a0500.50', 150050],
    ['1,500.50', 150050],
    ['1.500,50', 150050],
    ['1,000,000', 100000000],
    ['0.01', 1],
    ['.5', 50],
    ['0.29', 29],
    ['1.13', 113],
    ['4.35', 435],
    ['100000000000.00', 10_000_000_000_000],
  ])('%s -> %i minor units', (input, minor) => {
    expect(parseMoney(input, 2)).toEqual({ ok: true, minor });
  });

  it('is exact where float multiplication is not', () => {
    // 1.13 * 100 = 112.99999999999999 and 4.35 * 100 = 434.99999999999994 in floats.
    for (let cents = 0; cents < 10000; cents++) {
      const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      expect(parseMoney(text, 2)).toEqual({ ok: true, minor: cents });
    }
  });

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['-5', 'format'],
    ['1e5', 'format'],
    ['abc', 'format'],
    ['1.2.3', 'format'],
    ['1,500', 'decimals'],
    ['10.999', 'decimals'],
    ['100000000000.01', 'too_large'],
    ['99999999999999999999', 'too_large'],
  ])('%j is refused (%s)', (input, reason) => {
    expect(parseMoney(input, 2)).toEqual({ ok: false, reason });
  });

  it('follows the currency digits', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(parseMoney('1500', 0)).toEqual({ ok: true, minor: 1500 });
    expect(parseMoney('1500.5', 0)).toEqual({ ok: false, reason: 'decimals' });
    expect(parseMoney('1.005', 3)).toEqual({ ok: true, minor: 1005 });
  });
});

describe('minorToInput', () => {
  it.each([
    [0, 2, '0.00'],
    [5, 2, '0.05'],
    [150050, 2, '1500.50'],
    [1500, 0, '1500'],
  ])('%i with %i digits -> %s', (minor, digits, text) => {
    expect(minorToInput(minor, digits)).toBe(text);
    expect(parseMoney(text, digits)).toEqual({ ok: true, minor });
  });
});

describe('formatMoney', () => {
  it('uses the UI language', () => {
    expect(formatMoney(150050, 'EUR', 'en')).toBe('€1,500.50');
    expect(formatMoney(150050, 'EUR', 'lt').replace(/\s/g, ' ')).toBe('1 500,50 €');
  });
});
