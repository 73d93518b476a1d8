/**
 * The key client names are unique by and searched with: NFC, trimmed, inner white space as one
 * space, lower-cased without locale rules (so the key is the same on every machine).
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
