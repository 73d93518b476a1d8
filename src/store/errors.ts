/**
 * Recognising database failures without caring which driver raised them. better-sqlite3 puts
 * extended result codes in `code` (SQLITE_CONSTRAINT_UNIQUE); pg puts SQLSTATE there (23505).
 * The code walk and the unique-violation check live in src/app/unique.ts, shared with the use cases.
 */

import { errorCodes as codesOf, isUniqueViolation } from '../app/unique.js';

export { isUniqueViolation };

/** True when a foreign key refused the write, e.g. deleting an incident that has evidence. */
export function isForeignKeyViolation(error: unknown): boolean {
  if (codesOf(error).some((c) => c === 'SQLITE_CONSTRAINT_FOREIGNKEY' || c === '23503')) return true;
  // SQLite reports an ON DELETE RESTRICT refusal as a trigger constraint.
  return codesOf(error).includes('SQLITE_CONSTRAINT_TRIGGER') && error instanceof Error && error.message.includes('FOREIGN KEY');
}

/**
 * True when the database was locked by another connection for longer than the busy timeout
 * (SQLITE_BUSY and its extended codes; PostgreSQL's lock_not_available is the same situation).
 */
export function isBusy(error: unknown): boolean {
  return codesOf(error).some((c) => c === 'SQLITE_BUSY' || c.startsWith('SQLITE_BUSY_') || c === '55P03');
}
