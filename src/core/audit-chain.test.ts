import { describe, expect, it } from 'vitest';
import { type AuditFields, auditEntryHash, GENESIS_HASH, type StoredAuditEntry, verifyAuditChain } from './audit-chain.js';

const WS = 'ws-1';

/** A valid chain of `n` entries, built the way the store appends them. */
function chainOf(n: number): StoredAuditEntry[] {
  const out: StoredAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields: AuditFields = {
      id: `e${seq}`,
      workspace_id: WS,
      at: `2026-11-22T10:00:0${seq}.000Z`,
      actor_id: 'local',
      actor_name: 'You',
      action: seq === 1 ? 'create' : 'update',
      entity: 'clients',
      entity_id: 'c1',
      client_id: 'c1',
      method: seq === 1 ? 'insertClient' : 'updateClient',
      before: seq === 1 ? null : JSON.stringify({ notes: `${seq - 1}` }),
      after: JSON.stringify({ notes: `${seq}` }),
      prev_hash: prev,
    };
    const { workspace_id: _ws, ...rest } = fields;
    const entry_hash = auditEntryHash(fields);
    out.push({ ...rest, seq, entry_hash });
    prev = entry_hash;
  }

  return out;
}

const headOf = (entries: StoredAuditEntry[]) => {
  const last = entries.at(-1) as StoredAuditEntry;

  return { seq: last.seq, entry_hash: last.entry_hash };
};

describe('audit chain', () => {
  it('verifies an intact chain in any stored order', () => {
    const entries = chainOf(5);
    expect(verifyAuditChain(WS, [...entries].reverse(), headOf(entries))).toEqual([]);
  });

  it('binds every field, including who, when and the workspace', () => {
    const [entry] = chainOf(1) as [StoredAuditEntry];
    const base = { ...entry, workspace_id: WS };
    for (const change of [
      { actor_name: 'Someone' },
      { at: '2026-11-23T10:00:00.000Z' },
      { before: '{}' },
      { after: null },
      { action: 'delete' as const },
      { workspace_id: 'ws-2' },
      { client_id: null },
    ]) {
      expect(auditEntryHash({ ...base, ...change }), JSON.stringify(change)).not.toBe(entry.entry_hash);
    }
  });

  it('names the first altered entry, a relinked one, and entries cut from the middle or the end', () => {
    const entries = chainOf(5);
    const head = headOf(entries);
    const altered = entries.map((e) => (e.seq === 3 ? { ...e, actor_name: 'Mallory' } : e));
    expect(verifyAuditChain(WS, altered, head)).toEqual([expect.objectContaining({ kind: 'altered_entry', seq: 3, entry_id: 'e3' })]);

    // Re-hashing the forged entry moves the break to the link of the next one.
    const forged = { ...(entries[2] as StoredAuditEntry), actor_name: 'Mallory' };
    forged.entry_hash = auditEntryHash({ ...forged, workspace_id: WS });
    const rehashed = entries.map((e) => (e.seq === 3 ? forged : e));
    expect(verifyAuditChain(WS, rehashed, head)[0]).toMatchObject({ kind: 'broken_link', seq: 4 });

    expect(
      verifyAuditChain(
        WS,
        entries.filter((e) => e.seq !== 2),
        head,
      )[0],
    ).toMatchObject({ kind: 'missing_entry', seq: 2 });
    expect(verifyAuditChain(WS, entries.slice(0, 3), head)).toEqual([expect.objectContaining({ kind: 'missing_entry', seq: 4 })]);
    expect(verifyAuditChain(WS, entries, { seq: 4, entry_hash: (entries[3] as StoredAuditEntry).entry_hash })[0]).toMatchObject({
      kind: 'broken_link',
      seq: 5,
    });
  });
});
