import { describe, expect, it } from 'vitest';
import { enCount, formatAmount, formatDate, ltPlural, NBSP, roCount, ruPlural } from './grammar.js';

const NUMBERS = [1, 2, 5, 11, 21, 22, 25, 101] as const;

describe('numerals with nouns', () => {
  it('Russian: день / дня / дней', () => {
    expect(NUMBERS.map((n) => `${n} ${ruPlural(n, 'день', 'дня', 'дней')}`)).toEqual([
      '1 день',
      '2 дня',
      '5 дней',
      '11 дней',
      '21 день',
      '22 дня',
      '25 дней',
      '101 день',
    ]);
    expect(ruPlural(12, 'счёт', 'счёта', 'счетов')).toBe('счетов');
    expect(ruPlural(114, 'счёт', 'счёта', 'счетов')).toBe('счетов');
    expect(ruPlural(0, 'день', 'дня', 'дней')).toBe('дней');
  });

  it('Lithuanian: diena / dienos / dienų', () => {
    expect(NUMBERS.map((n) => `${n} ${ltPlural(n, 'diena', 'dienos', 'dienų')}`)).toEqual([
      '1 diena',
      '2 dienos',
      '5 dienos',
      '11 dienų',
      '21 diena',
      '22 dienos',
      '25 dienos',
      '101 diena',
    ]);
    expect(ltPlural(10, 'diena', 'dienos', 'dienų')).toBe('dienų');
    expect(ltPlural(30, 'diena', 'dienos', 'dienų')).toBe('dienų');
    expect(ltPlural(19, 'diena', 'dienos', 'dienų')).toBe('dienų');
  });

  it('Romanian: "de" from 20 on, and again after each hundred', () => {
    expect(NUMBERS.map((n) => roCount(n, 'zi', 'zile'))).toEqual([
      '1 zi',
      '2 zile',
      '5 zile',
      '11 zile',
      '21 de zile',
      '22 de zile',
      '25 de zile',
      '101 zile',
    ]);
    expect(roCount(19, 'zi', 'zile')).toBe('19 zile');
    expect(roCount(20, 'zi', 'zile')).toBe('20 de zile');
    expect(roCount(100, 'zi', 'zile')).toBe('100 de zile');
    expect(roCount(120, 'zi', 'zile')).toBe('120 de zile');
  });

  it('English: singular only for 1', () => {
    expect(NUMBERS.map((n) => enCount(n, 'day', 'days'))).toEqual([
      '1 day',
      '2 days',
      '5 days',
      '11 days',
      '21 days',
      '22 days',
      '25 days',
      '101 days',
    ]);
  });
});

describe('dates', () => {
  it('writes each locale its own way', () => {
    expect(formatDate('2026-04-30', 'en')).toBe('30 April 2026');
    expect(formatDate('2026-04-30', 'ru')).toBe(`30 апреля 2026${NBSP}г.`);
    expect(formatDate('2026-04-30', 'ro')).toBe('30 aprilie 2026');
    expect(formatDate('2026-04-30', 'lt')).toBe(`2026${NBSP}m. balandžio 30${NBSP}d.`);
    expect(formatDate('2026-01-05', 'ru')).toBe(`5 января 2026${NBSP}г.`);
    expect(formatDate('2026-12-01', 'lt')).toBe(`2026${NBSP}m. gruodžio 1${NBSP}d.`);
  });

  it('rejects what is not a date', () => {
    expect(() => formatDate('30.04.2026', 'en')).toThrow(/YYYY-MM-DD/);
    expect(() => formatDate('2026-13-01', 'en')).toThrow(/month 13/);
  });
});

describe('money', () => {
  it('groups and separates as each locale does', () => {
    expect(formatAmount(150000, 'EUR', 'en')).toBe('€1,500.00');
    expect(formatAmount(150000, 'CAD', 'en')).toBe(`CAD${NBSP}1,500.00`);
    expect(formatAmount(150000, 'EUR', 'ru')).toBe(`1${NBSP}500,00${NBSP}€`);
    expect(formatAmount(150000, 'EUR', 'ro')).toBe(`1.500,00${NBSP}EUR`);
    expect(formatAmount(150000, 'RON', 'ro')).toBe(`1.500,00${NBSP}lei`);
    expect(formatAmount(150000, 'EUR', 'lt')).toBe(`1${NBSP}500,00${NBSP}€`);
    expect(formatAmount(123456789, 'EUR', 'en')).toBe('€1,234,567.89');
    expect(formatAmount(5, 'EUR', 'lt')).toBe(`0,05${NBSP}€`);
  });

  it('refuses fractions and negatives of minor units', () => {
    expect(() => formatAmount(1.5, 'EUR', 'en')).toThrow(RangeError);
    expect(() => formatAmount(-100, 'EUR', 'en')).toThrow(RangeError);
  });
});
