/** Dates for people: calendar dates and instants shown in the UI language. */

/**
 * "2026-11-22" -> "November 22, 2026" (en), "22 ноября 2026 г." (ru), "22 noiembrie 2026" (ro),
 * "2026 m. lapkričio 22 d." (lt). A calendar date has no zone: it is formatted in UTC.
 */
export function formatDate(isoDate: string | null | undefined, locale: string): string {
  if (!isoDate) return '';
  const t = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(t)) return isoDate;

  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(t);
}

/** An instant in the browser's zone, with the time. */
export function formatInstant(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;

  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(t);
}

/** "2026-10" -> "October 2026" in the UI language. */
export function formatMonth(isoMonth: string, locale: string): string {
  const t = Date.parse(`${isoMonth}-01T00:00:00Z`);
  if (Number.isNaN(t)) return isoMonth;

  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(t);
}

export function formatNumber(n: number, locale: string, maxFractionDigits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(n);
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }

  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[i],
    unitDisplay: i === 0 ? 'long' : 'short',
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(value);
}

/** Today as YYYY-MM-DD in the browser's zone. */
export function todayIso(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');

  return `${y}-${m}-${d}`;
}

export function thisMonthIso(now = new Date()): string {
  return todayIso(now).slice(0, 7);
}

/** A datetime-local value ("2026-10-12T22:41") to an ISO instant with the browser's offset. */
export function localToInstant(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  if (Number.isNaN(date.getTime())) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');

  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${pad(Number(m[6] ?? 0))}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An ISO instant to a datetime-local value in the browser's zone. */
export function instantToLocal(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');

  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
