/**
 * Red-flag suggestions on imported messages, and what the person decides about them: confirm (it
 * becomes an incident with the message as evidence in the hash chain) or dismiss (this one, or the
 * whole pattern for this client, which adds a suppression so the rule is not suggested again).
 */
import {
  ConfirmSuggestionInput,
  type ConfirmSuggestionResult,
  DismissSuggestionInput,
  type DismissSuggestionResult,
  type Suggestion,
  SuggestionQuery,
  type Suppression,
} from '../contracts/imports.js';
import { parseOrThrow } from '../contracts/issues.js';
import type { Incident } from '../contracts/records.js';
import { DomainError } from '../core/errors.js';
import { markContactAfterClose } from './after-exit.js';
import { found, isId, requireClient, requireWorkspace } from './context.js';
import { SOLO_ACTOR } from './escalation/step.js';
import { appendEvidenceEntry, withChainRetry } from './evidence.js';
import { requireIncident } from './incidents.js';
import type { Deps, Repos } from './ports.js';

/** Most suggestions one list returns (newest messages first). */
export const SUGGESTION_LIST_LIMIT = 1000;

export interface DecideOptions {
  workspaceId: string;
  suggestionId: string;
  /** The request body: ConfirmSuggestionInput or DismissSuggestionInput. */
  input: unknown;
  /** Who decides (recorded on the suggestion); the solo user by default. */
  actor?: string | undefined;
}

async function requireSuggestion(repos: Repos, workspaceId: string, suggestionId: string): Promise<Suggestion> {
  return found(
    isId(suggestionId) ? await repos.imports.getSuggestion(workspaceId, suggestionId) : undefined,
    'SUGGESTION_NOT_FOUND',
    'suggestion',
    suggestionId,
  );
}

function alreadyDecided(s: Suggestion): DomainError {
  return new DomainError(
    'SUGGESTION_ALREADY_DECIDED',
    s.status === 'confirmed'
      ? `This suggestion was already confirmed${s.incidentId ? ` (incident ${s.incidentId})` : ''}.`
      : 'This suggestion was already dismissed.',
    { details: { suggestion_status: s.status, incident_id: s.incidentId } },
  );
}

/** Suggestions of one client or the whole workspace, by status (open by default), newest message first. */
export async function listSuggestions(deps: Pick<Deps, 'store'>, workspaceId: string, query: unknown): Promise<Suggestion[]> {
  const q = parseOrThrow(SuggestionQuery, query, 'VALIDATION_FAILED', 'query');
  await requireWorkspace(deps.store, workspaceId);
  if (q.client !== undefined) await requireClient(deps.store, workspaceId, q.client);

  const items = await deps.store.imports.listSuggestions(workspaceId, {
    status: q.status,
    limit: SUGGESTION_LIST_LIMIT,
    ...(q.client === undefined ? {} : { clientId: q.client }),
  });
  // after-exit (issue 8): suggestions from contact after close stay in the queue, labelled as such.
  const afterClose = await deps.store.afterExit.markedIds(
    workspaceId,
    'message',
    items.map((s) => s.message.id),
  );

  return items.map((s) => ({ ...s, afterClose: afterClose.has(s.message.id) }));
}

/** The message as an evidence file: plain text with who, when and what, exactly as stored. */
export function messageEvidenceText(s: Suggestion): string {
  const lines = [`From: ${s.message.sender}`, `Date: ${s.message.sentAt}`];
  if (s.message.subject !== null) lines.push(`Subject: ${s.message.subject}`);
  lines.push(`Client: ${s.clientName}`, `RedCard message: ${s.message.id}`, `Red flag: ${s.code} (rule ${s.rule})`, '', s.message.text);

  return `${lines.join('\n')}\n`;
}

/**
 * Confirms an open suggestion: creates the incident (its code, the chosen severity, the day of
 * the message, source `detected`, linked to the message) and attaches the message as evidence,
 * all in one transaction with the decision, so there is never an incident without its evidence or
 * a confirmed suggestion without its incident. Confirming twice fails with SUGGESTION_ALREADY_DECIDED.
 */
export async function confirmSuggestion(
  deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'files'>,
  options: DecideOptions,
): Promise<ConfirmSuggestionResult> {
  const input = parseOrThrow(ConfirmSuggestionInput, options.input ?? {}, 'VALIDATION_FAILED', 'confirmation');
  const { workspaceId, suggestionId } = options;
  const before = await requireSuggestion(deps.store, workspaceId, suggestionId);
  if (before.status !== 'open') throw alreadyDecided(before);
  // The bytes first (content-addressed, so a retry or a failed transaction only leaves a file
  // nobody references); the chain entry that names them commits with the incident.
  const file = await deps.files.put(new TextEncoder().encode(messageEvidenceText(before)));
  const incidentId = deps.ids.newId();
  const evidenceId = deps.ids.newId();

  const incident = await withChainRetry(() =>
    deps.store.transaction(async (tx): Promise<Incident> => {
      await tx.lockEvidenceChain(workspaceId);
      const now = deps.clock.now().toISOString();
      const s = await requireSuggestion(tx, workspaceId, suggestionId);
      if (s.status !== 'open') throw alreadyDecided(s);
      await tx.insertIncident(
        workspaceId,
        s.clientId,
        { id: incidentId, now },
        {
          date: s.message.sentAt.slice(0, 10),
          code: s.code,
          severity: input.severity ?? s.severity,
          source: 'detected',
          about_member: null,
          note: input.note ?? '',
          message_id: s.message.id,
        },
      );
      // after-exit (issue 8): an incident confirmed from contact after close is marked like its message.
      await markContactAfterClose(tx, deps, workspaceId, s.clientId, [
        { kind: 'incident', id: incidentId, at: s.message.sentAt.slice(0, 10) },
      ]);
      const decided = await tx.imports.decideSuggestion(workspaceId, suggestionId, {
        status: 'confirmed',
        incidentId,
        decidedAt: now,
        decidedBy: options.actor ?? SOLO_ACTOR,
        note: input.note ?? '',
      });
      if (!decided) throw alreadyDecided(await requireSuggestion(tx, workspaceId, suggestionId));
      await appendEvidenceEntry(tx, deps, {
        id: evidenceId,
        workspaceId,
        incidentId,
        fileName: `message-${s.message.sentAt.slice(0, 10)}-${s.message.id.slice(0, 8)}.txt`,
        mediaType: 'text/plain',
        note: `The message this red flag (${s.code}) was found in.`,
        file,
      });

      return requireIncident(tx, workspaceId, incidentId);
    }),
  );

  return { suggestion: await requireSuggestion(deps.store, workspaceId, suggestionId), incident };
}

/**
 * Dismisses an open suggestion. Scope `pattern` also suppresses its rule for the client (it is not
 * suggested again by later imports) and dismisses the client's other open suggestions of that rule.
 */
export async function dismissSuggestion(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  options: DecideOptions,
): Promise<DismissSuggestionResult> {
  const input = parseOrThrow(DismissSuggestionInput, options.input, 'VALIDATION_FAILED', 'dismissal');
  const { workspaceId, suggestionId } = options;

  const dismissedAlso = await deps.store.transaction(async (tx) => {
    const s = await requireSuggestion(tx, workspaceId, suggestionId);
    if (s.status !== 'open') throw alreadyDecided(s);
    const now = deps.clock.now().toISOString();
    const decision = {
      status: 'dismissed' as const,
      incidentId: null,
      decidedAt: now,
      decidedBy: options.actor ?? SOLO_ACTOR,
      note: input.note ?? '',
    };
    if (!(await tx.imports.decideSuggestion(workspaceId, suggestionId, decision))) throw alreadyDecided(s);
    if (input.scope === 'this') return 0;
    await tx.imports.putSuppression(workspaceId, s.clientId, {
      id: deps.ids.newId(),
      rule: s.rule,
      code: s.code,
      note: input.note ?? '',
      createdAt: now,
    });

    return tx.imports.dismissOpenByRule(workspaceId, s.clientId, s.rule, decision);
  });

  return { suggestion: await requireSuggestion(deps.store, workspaceId, suggestionId), dismissedAlso };
}

/** The rules no longer suggested for a client, newest first. */
export async function listSuppressions(deps: Pick<Deps, 'store'>, workspaceId: string, clientId: string): Promise<Suppression[]> {
  await requireClient(deps.store, workspaceId, clientId);

  return deps.store.imports.listSuppressions(workspaceId, clientId);
}

/** Lifts a suppression: later imports suggest the rule again (suggestions already dismissed stay so). */
export async function liftSuppression(deps: Pick<Deps, 'store'>, workspaceId: string, suppressionId: string): Promise<void> {
  await deps.store.transaction(async (tx) => {
    found(
      isId(suppressionId) && (await tx.imports.deleteSuppression(workspaceId, suppressionId)),
      'SUPPRESSION_NOT_FOUND',
      'suppression',
      suppressionId,
    );
  });
}
