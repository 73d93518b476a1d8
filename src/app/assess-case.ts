/**
 * Assess a case file (issue 4): validate it, choose the date to judge it on, and run the pure
 * assessment. The CLI's `redcard assess` calls this; nothing is read from or written to the store.
 */
import { CaseFile } from '../contracts/case-file.js';
import { parseOrThrow } from '../contracts/issues.js';
import { assess } from '../core/assessment/assess.js';
import type { Assessment } from '../core/assessment/types.js';
import { isIsoDate } from '../core/dates.js';
import { DomainError } from '../core/errors.js';

export interface AssessCaseFileOptions {
  /** Judge on this date (the CLI's --today); wins over the file's own `today`. */
  today?: string;
  /** Today by the clock, in the case's time zone: used when neither option nor file names a date. */
  clockToday: string;
  /** The workspace's median effective hourly rate in minor units, when known. */
  workspaceMedianRateMinor?: number | null;
}

export function assessCaseFile(input: unknown, options: AssessCaseFileOptions): Assessment {
  if (options.today !== undefined && !isIsoDate(options.today)) {
    throw new DomainError('VALIDATION_FAILED', `Invalid date to assess on: ${options.today}`, {
      issues: [{ path: 'today', message: 'must be a calendar date written YYYY-MM-DD' }],
    });
  }
  const file = parseOrThrow(CaseFile, input, 'INVALID_CASE_FILE', 'case file');
  const today = options.today ?? file.today ?? options.clockToday;

  return assess(file, { today, workspace_median_rate_minor: options.workspaceMedianRateMinor ?? null });
}
