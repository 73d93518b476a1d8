import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, nextLink, type StoredEntry, verifyChain } from './evidence-chain.js';

const WS = '11111111-1111-4111-8111-111111111111';

/** Builds a valid chain of n entries the way the app appends them. */
function chain(n: number): StoredEntry[] {
  const out: StoredEntry[] = [];
  for (let i = 0; i < n; i++) {
    const link = nextLink(out.at(-1));
    const fields = {
      id: `e${i + 1}`,
      workspace_id: WS,
      incident_id: `inc-${i % 2}`,
      file_sha256: (i + 1).toString(16).padStart(64, '0'),
      file_name: `screenshot-${i + 1}.png`,
      media_type: 'image/png',
      size_bytes: 1000 + i,
      note: '',
      recorded_at: `2026-11-0${(i % 9) + 1}T10:00:00.000Z`,
      prev_hash: link.prev_hash,
    };
    out.push({ ...fields, seq: link.seq, entry_hash: entryHash(fields) });
  }

  return out;
}

describe('evidence hash chain', () => {
  it('starts at the genesis hash and links each entry to the previous one', () => {
    const c = chain(3);
    expect(c[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(c[1]!.prev_hash).toBe(c[0]!.entry_hash);
    expect(c.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('verifies an untouched chain clean, in any stored order', () => {
    const c = chain(5);
    expect(verifyChain(WS, c)).toEqual([]);
    expect(verifyChain(WS, [...c].reverse())).toEqual([]);
    expect(verifyChain(WS, [])).toEqual([]);
  });

  it('reports an entry whose content was changed', () => {
    const c = chain(4);
    c[2] = { ...c[2]!, note: 'edited later' };
    const problems = verifyChain(WS, c);
    expect(problems).toEqual([expect.objectContaining({ kind: 'altered_entry', seq: 3, evidence_id: 'e3' })]);
  });

  it('reports a changed file hash, incident or time as an altered entry', () => {
    for (const change of [{ file_sha256: 'f'.repeat(64) }, { incident_id: 'other' }, { recorded_at: '2020-01-01T00:00:00.000Z' }]) {
      const c = chain(3);
      c[1] = { ...c[1]!, ...change };
      expect(verifyChain(WS, c).map((p) => [p.kind, p.seq])).toEqual([['altered_entry', 2]]);
    }
  });

  it('reports a chain moved to another workspace as altered', () => {
    expect(verifyChain('22222222-2222-4222-8222-222222222222', chain(2)).map((p) => p.kind)).toEqual(['altered_entry', 'altered_entry']);
  });

  it('reports a removed entry in the middle precisely', () => {
    const c = chain(5);
    c.splice(2, 1);
    expect(verifyChain(WS, c)).toEqual([expect.objectContaining({ kind: 'missing_entry', seq: 3, evidence_id: null })]);
  });

  it('reports the first entry removed', () => {
    const c = chain(3).slice(1);
    expect(verifyChain(WS, c).map((p) => [p.kind, p.seq])).toEqual([['missing_entry', 1]]);
  });

  it('reports several consecutive removed entries as one range', () => {
    const c = chain(6);
    c.splice(1, 3);
    const problems = verifyChain(WS, c);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.detail).toContain('2..4');
  });

  it('reports two entries whose positions were swapped as reordered, not altered', () => {
    const c = chain(4);
    const [b, d] = [c[1]!, c[2]!];
    c[1] = { ...d, seq: 2 };
    c[2] = { ...b, seq: 3 };
    const problems = verifyChain(WS, c);
    expect(problems.map((p) => [p.kind, p.seq])).toEqual([
      ['reordered', 2],
      ['reordered', 3],
      ['reordered', 4],
    ]);
    expect(problems[2]!.detail).toContain('recorded after entry 2');
  });

  it('reports an entry replaced by a forged one as broken link', () => {
    const c = chain(3);
    const forgedFields = { ...c[1]!, workspace_id: WS, prev_hash: 'a'.repeat(64), note: 'forged' };
    c[1] = { ...c[1]!, prev_hash: forgedFields.prev_hash, note: 'forged', entry_hash: entryHash(forgedFields) };
    const kinds = verifyChain(WS, c).map((p) => [p.kind, p.seq]);
    expect(kinds).toEqual([
      ['broken_link', 2],
      ['broken_link', 3],
    ]);
  });

  it('reports missing and altered files', () => {
    const c = chain(3);
    const state = new Map<string, string | undefined>([
      [c[0]!.file_sha256, c[0]!.file_sha256],
      [c[1]!.file_sha256, undefined],
      [c[2]!.file_sha256, 'e'.repeat(64)],
    ]);
    expect(verifyChain(WS, c, state).map((p) => [p.kind, p.seq])).toEqual([
      ['missing_file', 2],
      ['altered_file', 3],
    ]);
  });

  it('hashes deterministically and differently for any changed field', () => {
    const base = chain(1)[0]!;
    const fields = { ...base, workspace_id: WS };
    expect(entryHash(fields)).toBe(base.entry_hash);
    expect(entryHash({ ...fields, size_bytes: fields.size_bytes + 1 })).not.toBe(base.entry_hash);
    expect(entryHash({ ...fields, file_name: 'other.png' })).not.toBe(base.entry_hash);
  });

  describe('against the head recorded at the last append', () => {
    const headOf = (c: StoredEntry[]) => ({ seq: c.at(-1)!.seq, entry_hash: c.at(-1)!.entry_hash });

    it('verifies an untouched chain and an empty one clean', () => {
      const c = chain(4);
      expect(verifyChain(WS, c, new Map(), headOf(c))).toEqual([]);
    });

    it('reports the last entries deleted, which the links alone cannot show', () => {
      const c = chain(5);
      const head = headOf(c);
      expect(verifyChain(WS, c.slice(0, 4))).toEqual([]);
      expect(verifyChain(WS, c.slice(0, 4), new Map(), head)).toEqual([expect.objectContaining({ kind: 'missing_entry', seq: 5 })]);
      expect(verifyChain(WS, c.slice(0, 2), new Map(), head)[0]!.detail).toContain('3..5');
      expect(verifyChain(WS, [], new Map(), head)).toEqual([expect.objectContaining({ kind: 'missing_entry', seq: 1 })]);
    });

    it('reports entries appended behind its back and a replaced last entry', () => {
      const c = chain(4);
      expect(verifyChain(WS, c, new Map(), headOf(c.slice(0, 3)))).toEqual([expect.objectContaining({ kind: 'broken_link', seq: 4 })]);
      const forged = { ...c[3]!, entry_hash: 'f'.repeat(64) };
      const kinds = verifyChain(WS, [...c.slice(0, 3), forged], new Map(), headOf(c)).map((p) => p.kind);
      expect(kinds).toContain('altered_entry');
    });
  });
});
