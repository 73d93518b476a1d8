/**
 * The team a workspace knows (D5). RedCard has no member accounts: the team is the people its
 * records name, as the managers of its clients and as the members the client's incidents involved. Names are compared
 * like everywhere else (ignoring case and spacing), so "Ana" and " ana " are one person.
 */
import { nameKey } from '../names.js';

/** How many names a workspace's team is read up to; a small agency has 2 to 50 people. */
export const TEAM_NAMES_LIMIT = 500;

/** The distinct members among `names`, each in its first spelling (trimmed), sorted by name. */
export function teamOf(names: Iterable<string | null | undefined>): string[] {
  const byKey = new Map<string, string>();
  for (const name of names) {
    if (name === null || name === undefined) continue;
    const key = nameKey(name);
    if (key !== '' && !byKey.has(key)) byKey.set(key, name.trim().replace(/\s+/g, ' '));
  }

  return [...byKey.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
