/**
 * The audit log as files (issue 7): JSON Lines (one entry per line, before/after as JSON values)
 * and CSV (RFC 4180; before/after as their JSON text). Pure: lines in, text out.
 */
import type { AuditEntry } from '../contracts/audit.js';

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'action',
  'entity',
  'entity_id',
  'client_id',
  'method',
  'before',
  'after',
  'prev_hash',
  'entry_hash',
] as const;

/** One entry as a line of JSON Lines (with its newline). */
export function auditJsonLine(entry: AuditEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

/**
 * One CSV field: quoted when it holds a quote, comma or line break. A text cell starting with
 * = + - @ or a tab is prefixed with an apostrophe, so a spreadsheet shows it instead of running it
 * as a formula (a hostile client name must not become a command on the reader's machine).
 */
export function csvField(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;

  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsvHeader(): string {
  return `${AUDIT_CSV_COLUMNS.join(',')}\r\n`;
}

/** One entry as a CSV record (with its CRLF); before/after keep their JSON text. */
export function auditCsvRow(entry: AuditEntry): string {
  return `${AUDIT_CSV_COLUMNS.map((column) => {
    const value = entry[column];
    if (column === 'before' || column === 'after') return csvField(value === null ? '' : JSON.stringify(value));

    return csvField(value);
  }).join(',')}\r\n`;
}
