import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_FORMAT_V1, CaseFile } from '../../contracts/case-file.js';
import { arbitraryCase } from './arbitrary-case.js';

describe('arbitraryCase', () => {
  it('generates valid case files', () => {
    fc.assert(
      fc.property(arbitraryCase(), (record) => {
        const parsed = CaseFile.safeParse({ format: CASE_FORMAT_V1, ...record });
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('puts records on both sides of today', () => {
    const samples = fc.sample(arbitraryCase(), { numRuns: 300, seed: 42 });
    const incidents = samples.flatMap((c) => c.incidents.map((i) => i.date > c.today));
    expect(incidents).toContain(true);
    expect(incidents).toContain(false);
    expect(samples.some((c) => c.invoices.some((inv) => inv.payments.length > 0))).toBe(true);
  });
});
