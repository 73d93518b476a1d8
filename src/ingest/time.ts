/**
 * Timestamps for imported messages: ISO 8601 with the sender's UTC offset, because the detector
 * reads the sender's wall-clock time from it (a 02:00 demand is not a 14:00 one). Sources without
 * an offset (WhatsApp, Slack, CSV) are placed in a time zone the user names (Intl's tz database).
 */

const pad = (n: number, w = 2) => String(Math.trunc(Math.abs(n))).padStart(w, '0');

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** `2024-12-31T23:59:00+02:00` for an instant shown with a fixed offset in minutes. */
export function isoWithOffset(epochMs: number, offsetMinutes: number): string {
  const d = new Date(epochMs + offsetMinutes * 60_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${offsetText(offsetMinutes)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError for an unknown zone name. */
export function checkTimeZone(zone: string): void {
  formatterFor(zone);
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's UTC offset in minutes at an instant. */
export function offsetAt(epochMs: number, zone: string): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(new Date(epochMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/** An instant in a zone, as ISO with that zone's offset then. */
export function isoInZone(epochMs: number, zone = 'UTC'): string {
  return isoWithOffset(epochMs, offsetAt(epochMs, zone));
}

/** A wall-clock time in a zone (no offset given) to ISO with the zone's offset; DST gaps resolve forward. */
export function wallToIso(y: number, mo: number, d: number, h: number, mi: number, s: number, zone = 'UTC'): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCDate() !== d) return undefined;
  let guess = wall - offsetAt(wall, zone) * 60_000;
  guess = wall - offsetAt(guess, zone) * 60_000;
  return isoInZone(guess, zone);
}

/** English month abbreviations (RFC 5322 dates, mbox From_ lines) to month numbers. */
export const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const ZONES: Record<string, number> = {
  UT: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

/**
 * An RFC 5322 Date header (`Tue, 31 Dec 2024 23:59:00 +0200`) to ISO keeping the sender's offset.
 * Falls back to Date.parse (as UTC) for other shapes; undefined when it is not a date.
 */
export function rfc5322ToIso(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?/.exec(value);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    let year = Number(m[3]);
    if (year < 50) year += 2000;
    else if (year < 100) year += 1900;
    if (month) {
      const zone = m[7];
      let off = 0;
      if (zone && /^[+-]\d{4}$/.test(zone)) {
        const sign = zone[0] === '-' ? -1 : 1;
        off = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
      } else if (zone) off = ZONES[zone.toUpperCase()] ?? 0;
      const wall = Date.UTC(year, month - 1, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
      if (!Number.isNaN(wall) && Math.abs(off) <= 14 * 60) return isoWithOffset(wall - off * 60_000, off);
    }
  }
  return isoFromLoose(value);
}

/**
 * A date from a CSV cell or similar: ISO with offset is kept as written; ISO without an offset, or
 * `YYYY-MM-DD HH:MM[:SS]`, is read as wall time in `zone`; digits alone are Unix seconds or milliseconds;
 * anything else goes through Date.parse.
 */
export function isoFromLoose(value: string | undefined, zone = 'UTC'): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{9,13}(\.\d+)?$/.test(v)) {
    const n = Number(v);
    return isoInZone(n < 1e11 ? n * 1000 : n, zone);
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(v);
  if (iso) {
    const [y, mo, d, h, mi, s] = [iso[1], iso[2], iso[3], iso[4] ?? '0', iso[5] ?? '0', iso[6] ?? '0'].map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const z = iso[7];
    if (!z) return wallToIso(y, mo, d, h, mi, s, zone);
    const off =
      z.toUpperCase() === 'Z' ? 0 : (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.replace(':', '').slice(3, 5)));
    return isoWithOffset(Date.UTC(y, mo - 1, d, h, mi, s) - off * 60_000, off);
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : isoInZone(t, zone);
}
