import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../contracts/audit.js';
import { auditCsvHeader, auditCsvRow, csvField } from './audit-export.js';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  seq: 1,
  id: 'e1',
  at: '2026-11-22T10:00:00.000Z',
  actor_id: 'local',
  actor_name: 'You',
  action: 'update',
  entity: 'clients',
  entity_id: 'c1',
  client_id: 'c1',
  method: 'updateClient',
  before: { notes: 'a "quoted", multi\nline note' },
  after: null,
  prev_hash: '0'.repeat(64),
  entry_hash: 'f'.repeat(64),
  ...over,
});

describe('audit CSV', () => {
  it('reads back through an independent parser, quotes, commas and line breaks included', () => {
    const rows = [entry({}), entry({ seq: 2, actor_name: 'Ana, "the boss"', after: { name: 'Ūkis ⚠ 🧨\r\n' } })];
    const text = auditCsvHeader() + rows.map(auditCsvRow).join('');
    const parsed = parseCsv(text, { columns: true }) as Record<string, string>[];
    expect(parsed).toHaveLength(2);
    expect(JSON.parse(parsed[0]?.before as string)).toEqual(rows[0]?.before);
    expect(parsed[0]?.after).toBe('');
    expect(parsed[1]?.actor_name).toBe('Ana, "the boss"');
    expect(JSON.parse(parsed[1]?.after as string)).toEqual({ name: 'Ūkis ⚠ 🧨\r\n' });
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
  });
});
