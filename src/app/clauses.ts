/**
 * Compose the contract clauses for a new contract (issue 8, C4): the request's answers, with the
 * workspace's settings (language, jurisdiction, provider name) filling what was left out.
 */
import { ClauseRequest, type ClauseResponse } from '../contracts/clauses.js';
import { parseOrThrow } from '../contracts/issues.js';
import type { Workspace } from '../contracts/records.js';
import { clauseText, generateClauses } from '../core/clauses/generate.js';
import type { ClauseDocument, ClauseInput, ClauseJurisdiction } from '../core/clauses/types.js';
import { dateInZone } from '../core/dates.js';
import { EU_MEMBERS } from '../core/money/rates.js';
import { clauseToDocx } from '../exports/clause-docx.js';
import { DOCX_MEDIA_TYPE } from '../exports/docx.js';
import { requireWorkspace } from './context.js';
import type { PlanDownload } from './plan-client.js';
import type { Deps } from './ports.js';

/** The clause jurisdiction a workspace's country maps to: its own wording, the EU generic one, or other. */
export function clauseJurisdictionOf(country: string | null): ClauseJurisdiction {
  if (country === 'LT' || country === 'RO' || country === 'RU') return country;
  if (country && EU_MEMBERS.has(country)) return 'EU';

  return 'other';
}

/** The generator's input from a validated request and the workspace's defaults. */
export function clauseInputOf(
  request: ClauseRequest,
  workspace: Pick<Workspace, 'language' | 'jurisdiction' | 'provider_name'>,
): ClauseInput {
  return {
    lang: request.lang ?? workspace.language,
    notice: request.notice,
    jurisdiction: request.jurisdiction ?? clauseJurisdictionOf(workspace.jurisdiction),
    place: request.place,
    provider_name: request.provider_name ?? workspace.provider_name ?? null,
    client_name: request.client_name,
    client_kind: request.client_kind,
    payment_days: request.payment_days,
    deposit_percent: request.deposit_percent,
    interest:
      request.interest.kind === 'contractual'
        ? { kind: 'contractual', rate_bp: Math.round(request.interest.rate_percent * 100) }
        : { kind: 'statutory' },
  };
}

export function presentClause(input: ClauseInput, doc: ClauseDocument): ClauseResponse {
  return { ...doc, jurisdiction: input.jurisdiction, text: clauseText(doc) };
}

/** Validates the answers and writes the clauses; nothing is stored. */
export async function composeClause(deps: Pick<Deps, 'store' | 'clock'>, workspaceId: string, raw: unknown): Promise<ClauseResponse> {
  const request = parseOrThrow(ClauseRequest, raw, 'VALIDATION_FAILED', 'clause request');
  const workspace = await requireWorkspace(deps.store, workspaceId);
  const input = clauseInputOf(request, workspace);
  const doc = generateClauses(input, { today: dateInZone(deps.clock.now(), workspace.timezone) });

  return presentClause(input, doc);
}

/** The clauses as a .docx download, named by language ("contract-clauses-lt.docx"). */
export async function composeClauseDocx(deps: Pick<Deps, 'store' | 'clock'>, workspaceId: string, raw: unknown): Promise<PlanDownload> {
  const clause = await composeClause(deps, workspaceId, raw);

  return {
    fileName: `contract-clauses-${clause.lang}.docx`,
    mediaType: DOCX_MEDIA_TYPE,
    content: clauseToDocx(clause, deps.clock.now()),
  };
}
