import { describe, expect, it } from 'vitest';
import { diffEntry, showValue } from './audit-diff.js';

describe('diffEntry', () => {
  it('lists only the fields a change touched', () => {
    expect(diffEntry({ id: 'c1', notes: '', status: 'active' }, { id: 'c1', notes: 'late', status: 'active' })).toEqual([
      { field: 'notes', before: '', after: 'late' },
    ]);
  });

  it('lists every field of a created or deleted row', () => {
    expect(diffEntry(null, { id: 'c1', name: 'Vortex' }).map((c) => c.field)).toEqual(['id', 'name']);
    expect(diffEntry({ id: 'c1', name: 'Vortex' }, null)).toEqual([
      { field: 'id', before: 'c1', after: undefined },
      { field: 'name', before: 'Vortex', after: undefined },
    ]);
  });

  it('compares nested values and sets of rows as a whole', () => {
    const d1 = [{ name: 'Design' }];
    expect(diffEntry({ deliverables: d1 }, { deliverables: [{ name: 'Build' }] })).toEqual([
      { field: 'deliverables', before: d1, after: [{ name: 'Build' }] },
    ]);
    expect(diffEntry([{ id: 'a' }], [{ id: 'a' }, { id: 'b' }])).toEqual([
      { field: '', before: [{ id: 'a' }], after: [{ id: 'a' }, { id: 'b' }] },
    ]);
    expect(diffEntry([{ id: 'a' }], [{ id: 'a' }])).toEqual([]);
  });

  it('shows values as one line', () => {
    expect(showValue(undefined)).toBe('');
    expect(showValue('text')).toBe('text');
    expect(showValue(3)).toBe('3');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });
});
