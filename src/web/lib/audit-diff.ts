/**
 * What changed in one audit entry, field by field: for a change, the fields whose values differ;
 * for a creation or deletion, every field of the row. Set-valued entries (arrays of rows) are
 * compared as a whole, under the field name "".
 */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffEntry(before: unknown, after: unknown): FieldChange[] {
  if ((before === null || isRecord(before)) && (after === null || isRecord(after))) {
    const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];

    return fields
      .map((field) => ({
        field,
        before: before === null ? undefined : before[field],
        after: after === null ? undefined : after[field],
      }))
      .filter((change) => before === null || after === null || !same(change.before, change.after));
  }

  return same(before, after) ? [] : [{ field: '', before, after }];
}

/** A value as one line of text for the diff table. */
export function showValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;

  return JSON.stringify(value);
}
