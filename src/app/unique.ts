/**
 * Recognises database failures from either driver without importing the store (app must not
 * depend on it): better-sqlite3 puts extended result codes in `code` (SQLITE_CONSTRAINT_UNIQUE),
 * pg puts SQLSTATE there (23505). Callers may wrap driver errors, so `cause` is followed. The
 * store's own recognisers (src/store/errors.ts) build on `errorCodes`.
 */

/** The `code` of an error and of its causes, outermost first. */
export function errorCodes(error: unknown): string[] {
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
  return errorCodes(error).some((c) => c === 'SQLITE_CONSTRAINT_UNIQUE' || c === 'SQLITE_CONSTRAINT_PRIMARYKEY' || c === '23505');
}
