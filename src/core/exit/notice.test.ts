import { describe, expect, it } from 'vitest';
import { addBusinessDays, addMonths, addNotice } from './notice.js';

describe('notice on the calendar', () => {
  it('days are calendar days', () => {
    expect(addNotice('2026-11-22', { amount: 30, unit: 'days' })).toBe('2026-12-22');
    expect(addNotice('2026-12-20', { amount: 14, unit: 'days' })).toBe('2027-01-03');
  });

  it('business days skip Saturdays and Sundays', () => {
    expect(addBusinessDays('2026-11-20', 1)).toBe('2026-11-23'); // Friday -> Monday
    expect(addBusinessDays('2026-11-21', 1)).toBe('2026-11-23'); // Saturday -> Monday
    expect(addBusinessDays('2026-11-22', 5)).toBe('2026-11-27'); // Sunday + 5 -> Friday
    expect(addBusinessDays('2026-11-23', 5)).toBe('2026-11-30'); // Monday + 5 -> next Monday
    expect(addNotice('2026-11-22', { amount: 20, unit: 'business_days' })).toBe('2026-12-18'); // four working weeks
    expect(addNotice('2026-12-24', { amount: 3, unit: 'business_days' })).toBe('2026-12-29'); // holidays are not skipped
  });

  it('months land on the same day, or the last day of a shorter month', () => {
    expect(addMonths('2026-11-22', 1)).toBe('2026-12-22');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29'); // leap year
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 2)).toBe('2027-02-15');
    expect(addNotice('2026-10-31', { amount: 12, unit: 'months' })).toBe('2027-10-31');
  });
});
