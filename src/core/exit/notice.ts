/**
 * Notice periods on the calendar (DOMAIN.md section 7, "Notice units"). Pure date arithmetic on
 * YYYY-MM-DD strings; no clock, no time zone (the dates are already calendar dates in the case's zone).
 *
 * - days: calendar days.
 * - business_days: Monday to Friday; Saturdays and Sundays are skipped. Public holidays are NOT
 *   skipped (they differ by country and year); a plan whose notice ends near one should check it.
 *   Counting starts the day after the start: Friday + 1 business day = Monday; Saturday + 1 = Monday.
 * - months: the same day of the month N months later, or that month's last day when it is shorter
 *   (Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year).
 */
import { addDays, daysInMonth } from '../dates.js';
import type { NoticeUnit } from '../vocabulary.js';

export interface Notice {
  amount: number;
  unit: NoticeUnit;
}

/** 0 = Sunday .. 6 = Saturday, for a calendar date. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function addBusinessDays(date: string, n: number): string {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6) left -= 1;
  }

  return d;
}

export function addMonths(date: string, n: number): string {
  const [y, m, day] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const d = Math.min(day, daysInMonth(year, month));

  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The day a notice given on `date` runs out. */
export function addNotice(date: string, notice: Notice): string {
  switch (notice.unit) {
    case 'days':
      return addDays(date, notice.amount);
    case 'business_days':
      return addBusinessDays(date, notice.amount);
    case 'months':
      return addMonths(date, notice.amount);
  }
}

/** Human text for a notice: "1 month", "20 business days". */
export function describeNotice(notice: Notice): string {
  const one = notice.amount === 1;
  switch (notice.unit) {
    case 'days':
      return `${notice.amount} ${one ? 'day' : 'days'}`;
    case 'business_days':
      return `${notice.amount} business ${one ? 'day' : 'days'}`;
    case 'months':
      return `${notice.amount} ${one ? 'month' : 'months'}`;
  }
}
