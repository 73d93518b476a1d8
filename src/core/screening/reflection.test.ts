import { describe, expect, it } from 'vitest';
import { firstSignsOf, searchKey } from './reflection.js';

describe('reflection', () => {
  it('takes the earliest incident as the first sign, the more severe on the same day', () => {
    expect(firstSignsOf([])).toBeNull();
    expect(
      firstSignsOf([
        { date: '2026-05-02', code: 'payment', severity: 3 },
        { date: '2026-03-14', code: 'scope_creep', severity: 1 },
        { date: '2026-03-14', code: 'price_pressure', severity: 2 },
      ]),
    ).toEqual({ date: '2026-03-14', code: 'price_pressure' });
  });

  it('folds case in every script for searching', () => {
    expect(searchKey('ПРЕДОПЛАТА', null, 'ŽENKLAS', 'Șase')).toBe('предоплата\nženklas\nșase');
  });
});
