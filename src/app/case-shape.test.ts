import { describe, expect, expectTypeOf, it } from 'vitest';
import { CaseFile } from '../contracts/case-file.js';
import type { CaseRecord } from '../core/case.js';
import { loadDemoCases } from '../demo/load-demo-cases.js';

describe('the core reads validated case files', () => {
  it('accepts a parsed CaseFile as a CaseRecord', () => {
    expectTypeOf<CaseFile>().toExtend<CaseRecord>();
    const record: CaseRecord = CaseFile.parse(loadDemoCases()[0]);
    expect(record.client.name.length).toBeGreaterThan(0);
  });
});
