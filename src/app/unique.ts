/**
 * Recognises a unique-constraint violation from either database driver without importing the
 * store (app must not depend on it): SQLite reports SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY,
 * PostgreSQL SQLSTATE 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;

  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
