/**
 * Use case: the assessment of a STORED client (issue 4: "the API and the UI show the same result
 * for a stored client"). The client's record is exported as a case file in one read transaction
 * (exportCase) and judged by the same pure `assess` the CLI runs on a file, so the two never differ.
 * `today` is the workspace's today by the clock (in its time zone), unless the caller names a day.
 */
import type { CaseFile } from '../contracts/case-file.js';
import { assess } from '../core/assessment/assess.js';
import type { Assessment } from '../core/assessment/types.js';
import { dateInZone, isIsoDate } from '../core/dates.js';
import { DomainError } from '../core/errors.js';
import { exportCase } from './case-files.js';
import type { Deps } from './ports.js';

export interface AssessClientOptions {
  /** Judge on this day (YYYY-MM-DD) instead of the workspace's today. */
  today?: string;
  /** The workspace's median effective hourly rate in minor units, when known. */
  workspaceMedianRateMinor?: number | null;
}

export interface AssessedClient {
  assessment: Assessment;
  /** The case file the assessment was made from (today set to the day judged on). */
  file: CaseFile;
}

export async function assessClient(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  clientId: string,
  options: AssessClientOptions = {},
): Promise<Assessment> {
  return (await assessStoredClient(deps, workspaceId, clientId, options)).assessment;
}

/** The assessment with the case file behind it, for use cases that go on to plan. */
export async function assessStoredClient(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  clientId: string,
  options: AssessClientOptions = {},
): Promise<AssessedClient> {
  requireDay(options.today);
  const exported = await exportCase(deps, workspaceId, clientId);
  // exportCase sets `today` to the workspace's today by the clock; the fallback only keeps the types honest.
  const today = options.today ?? exported.today ?? dateInZone(deps.clock.now(), exported.timezone);
  const file: CaseFile = { ...exported, today };
  const assessment = assess(file, { today, workspace_median_rate_minor: options.workspaceMedianRateMinor ?? null });

  return { assessment, file };
}

export function requireDay(today: string | undefined): void {
  if (today !== undefined && !isIsoDate(today)) {
    throw new DomainError('VALIDATION_FAILED', `Invalid date "${today}": write it as YYYY-MM-DD.`, {
      issues: [{ path: 'today', message: 'must be a calendar date written YYYY-MM-DD' }],
    });
  }
}
