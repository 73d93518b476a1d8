/**
 * Use case: plan the exit for a case file (a what-if on a portable case, no store). Validates the
 * file, chooses the day (--today, else the file's `today`, else the clock's date passed in) and the
 * path (given, else chosen by the caller, e.g. from the assessment), then runs the pure planner.
 */
import { CaseFile } from '../contracts/case-file.js';
import { parseOrThrow } from '../contracts/issues.js';
import type { CaseRecord } from '../core/case.js';
import { isIsoDate } from '../core/dates.js';
import { DomainError } from '../core/errors.js';
import { EXIT_PATHS, type ExitPath, type ExitPlan, isExitPath, planExit } from '../core/exit/index.js';

export interface PlanCaseFileOptions {
  /** Overrides the case file's own `today` (the CLI's --today). */
  today?: string;
  /** Today's date from the clock, used when neither `today` nor the file gives one. */
  clockToday: string;
  /** The path to plan; when absent, `choosePath` is asked. */
  path?: ExitPath;
  choosePath?: (record: CaseRecord, today: string) => ExitPath | null;
}

export function planCaseFile(input: unknown, options: PlanCaseFileOptions): ExitPlan {
  if (options.today !== undefined && !isIsoDate(options.today)) {
    throw new DomainError('VALIDATION_FAILED', `Invalid date "${options.today}": write it as YYYY-MM-DD.`, {
      issues: [{ path: 'today', message: 'must be a calendar date written YYYY-MM-DD' }],
    });
  }
  if (options.path !== undefined && !isExitPath(options.path)) {
    throw new DomainError('VALIDATION_FAILED', `Unknown exit path "${String(options.path)}": use one of ${EXIT_PATHS.join(', ')}.`, {
      issues: [{ path: 'path', message: `must be one of ${EXIT_PATHS.join(', ')}` }],
    });
  }
  const record: CaseRecord = parseOrThrow(CaseFile, input, 'INVALID_CASE_FILE', 'case file');
  const today = options.today ?? record.today ?? options.clockToday;
  const path = options.path ?? options.choosePath?.(record, today) ?? null;
  if (!path) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `No exit path was given and none could be chosen: say which path to plan (${EXIT_PATHS.join(', ')}).`,
    );
  }

  return planExit(record, { today, path });
}
