/**
 * Use cases: the exit plan of a STORED client (issue 5), and its calendar (.ics) and printable
 * (PDF) exports. The client's record is exported as a case file (exportCase, one read transaction)
 * and planned by the same pure `planExit` the CLI runs on a file.
 *
 * - today: the workspace's today by the clock (in its time zone), unless the caller names a day.
 * - path: the one given; else the assessment's red-card path; else `reassign` when the assessment
 *   recommends a reassignment (D5); else VALIDATION_FAILED asking for a path (the assessment does
 *   not recommend ending the relationship, so RedCard will not pick a way to end it).
 */
import type { CaseFile } from '../contracts/case-file.js';
import type { Assessment } from '../core/assessment/types.js';
import { DomainError } from '../core/errors.js';
import { EXIT_PATHS, type ExitPath, type ExitPlan, isExitPath, planExit } from '../core/exit/index.js';
import { ICS_MEDIA_TYPE, planToIcs } from '../exports/ics.js';
import { PDF_MEDIA_TYPE, planToPdf } from '../exports/plan-pdf.js';
import { assessStoredClient, requireDay } from './assess-client.js';
import type { Deps } from './ports.js';

export interface PlanClientOptions {
  /** Plan on this day (YYYY-MM-DD) instead of the workspace's today. */
  today?: string;
  /** The path to plan; when absent, the assessment's. */
  path?: string;
}

export interface PlannedClient {
  plan: ExitPlan;
  /** Where the path came from. */
  path_from: 'given' | 'assessment';
  assessment: Assessment;
  file: CaseFile;
}

export async function planClient(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  clientId: string,
  options: PlanClientOptions = {},
): Promise<ExitPlan> {
  return (await planStoredClient(deps, workspaceId, clientId, options)).plan;
}

/** The plan with what it was made from: the assessment and the case file. */
export async function planStoredClient(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  clientId: string,
  options: PlanClientOptions = {},
): Promise<PlannedClient> {
  requireDay(options.today);
  if (options.path !== undefined && !isExitPath(options.path)) {
    throw new DomainError('VALIDATION_FAILED', `Unknown exit path "${options.path}": use one of ${EXIT_PATHS.join(', ')}.`, {
      issues: [{ path: 'path', message: `must be one of ${EXIT_PATHS.join(', ')}` }],
    });
  }
  const { assessment, file } = await assessStoredClient(deps, workspaceId, clientId, options.today ? { today: options.today } : {});
  const path = options.path ?? pathFromAssessment(assessment);
  const plan = planExit(file, { today: assessment.today, path });

  return { plan, path_from: options.path === undefined ? 'assessment' : 'given', assessment, file };
}

/** The red card's path, or a reassignment attempt; anything else needs the user to choose. */
export function pathFromAssessment(assessment: Assessment): ExitPath {
  if (assessment.recommendation === 'red_card') return assessment.path;
  if (assessment.recommendation === 'reassign') return 'reassign';
  const said = assessment.recommendation.replaceAll('_', ' ');
  throw new DomainError(
    'VALIDATION_FAILED',
    `The assessment recommends "${said}", not ending the relationship: say which path to plan (${EXIT_PATHS.join(', ')}).`,
    {
      issues: [{ path: 'path', message: `is required: the assessment recommends ${said}; choose one of ${EXIT_PATHS.join(', ')}` }],
      details: { recommendation: assessment.recommendation },
    },
  );
}

/** A file to download: its name (ASCII-safe and the original), media type and content. */
export interface PlanDownload {
  fileName: string;
  mediaType: string;
  content: string | Uint8Array;
}

export async function planClientCalendar(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  clientId: string,
  options: PlanClientOptions = {},
): Promise<PlanDownload> {
  const { plan, file } = await planStoredClient(deps, workspaceId, clientId, options);
  const content = planToIcs({ plan, workspaceId, clientId, clientName: file.client.name, now: deps.clock.now() });

  return { fileName: `${fileStem(file.client.name)}-exit-plan.ics`, mediaType: ICS_MEDIA_TYPE, content };
}

export async function planClientPdf(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  clientId: string,
  options: PlanClientOptions = {},
): Promise<PlanDownload> {
  const { plan, file } = await planStoredClient(deps, workspaceId, clientId, options);
  const content = await planToPdf({ plan, clientName: file.client.name, providerName: file.provider.name ?? null, now: deps.clock.now() });

  return { fileName: `${fileStem(file.client.name)}-exit-plan.pdf`, mediaType: PDF_MEDIA_TYPE, content };
}

/** The client's name as a file name: letters of any script and digits, joined by dashes. */
export function fileStem(name: string): string {
  const stem = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80);

  return stem || 'client';
}
