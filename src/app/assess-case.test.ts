import { describe, expect, it } from 'vitest';
import { CASE_FORMAT_V1 } from '../contracts/case-file.js';
import { isDomainError } from '../core/errors.js';
import { loadDemoCases } from '../demo/load-demo-cases.js';
import { assessCaseFile } from './assess-case.js';

const brightline = loadDemoCases()[11] as Record<string, unknown>;

function errorOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('assessCaseFile', () => {
  it("judges on the file's today when no date is given", () => {
    const result = assessCaseFile(brightline, { clockToday: '2030-01-01' });
    expect(result.today).toBe('2026-11-22');
    expect(result).toMatchObject({ recommendation: 'red_card', path: 'immediate' });
  });

  it('lets the option win over the file (a what-if on an earlier date)', () => {
    // The chargeback (unlawful, severity 3) is dated 2026-11-02: the day before, it has not happened.
    const result = assessCaseFile(brightline, { today: '2026-11-01', clockToday: '2030-01-01' });
    expect(result.today).toBe('2026-11-01');
    expect(result.recommendation).not.toBe('red_card');
  });

  it('falls back to the clock when neither names a date', () => {
    const { today: _omit, ...undated } = brightline;
    expect(assessCaseFile(undated, { clockToday: '2026-11-30' }).today).toBe('2026-11-30');
  });

  it('rejects an invalid case file with field-named issues', () => {
    const error = errorOf(() =>
      assessCaseFile({ format: CASE_FORMAT_V1, client: { name: 'X' }, surprise: 1 }, { clockToday: '2026-11-22' }),
    );
    expect(error.code).toBe('INVALID_CASE_FILE');
    expect(error.issues.map((i) => i.path)).toContain('surprise');
  });

  it('rejects a --today that is not a calendar date', () => {
    const error = errorOf(() => assessCaseFile(brightline, { today: '2026-13-01', clockToday: '2026-11-22' }));
    expect(error.code).toBe('VALIDATION_FAILED');
  });
});
