/**
 * Recognising database failures without caring which driver raised them. better-sqlite3 puts
 * extended result codes in `code` (SQLITE_CONSTRAINT_UNIQUE); pg puts SQLSTATE there (23505).
 * Kysely rethrows driver errors as they are, but callers may wrap them, so `cause` is followed.
 */

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  // A bounded walk: a cause cycle must not hang the error path.
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }

  return codes;
}

/** True when a unique or primary key constraint refused the write (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  return codesOf(error).some((c) => c === 'SQLITE_CONSTRAINT_UNIQUE' || c === 'SQLITE_CONSTRAINT_PRIMARYKEY' || c === '23505');
}

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
