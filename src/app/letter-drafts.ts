/**
 * Use cases of letter drafts of a STORED client (issue 6, "in the UI"): generate a draft from the
 * client's record, save it with history, read it, restore an earlier version, delete it, and
 * export it as PDF, DOCX or .eml.
 *
 * - Generating reads the record as a case file (exportCase, as the assessment and the plan do)
 *   and runs the same pure `draftLetter` the CLI runs on a file, so both write the same letter.
 *   Nothing is stored until the user saves.
 * - A save never changes what was saved before: it appends version N+1 (restoring copies an old
 *   version into a new one). Each version keeps the tone checker's codes as they were then.
 * - Writes run in one transaction holding the client's lock, so two saves get 2 and 3, never 2 twice.
 */
import type { CaseFile } from '../contracts/case-file.js';
import { parseOrThrow } from '../contracts/issues.js';
import {
  CreateLetterDraftRequest,
  type GeneratedLetter,
  GenerateLetterRequest,
  LETTER_PATHS,
  type LetterChoices,
  type LetterDraft,
  type LetterDraftSummary,
  type LetterDraftVersion,
  type LetterFileFormat,
  LetterOptions,
  SaveLetterVersionRequest,
  type ToneContext,
  versionNumber,
} from '../contracts/letters.js';
import type { Assessment } from '../core/assessment/types.js';
import type { CaseRecord } from '../core/case.js';
import { DomainError, isDomainError } from '../core/errors.js';
import { type ExitPlan, planExit } from '../core/exit/index.js';
import {
  type Draft,
  daysLate,
  draftLetter,
  LETTER_KINDS,
  type LetterKind,
  type LetterPath,
  reasonOptions,
} from '../core/letters/drafts.js';
import { checkTone } from '../core/letters/tone.js';
import type { Language } from '../core/vocabulary.js';
import { DOCX_MEDIA_TYPE, letterToDocx } from '../exports/letter-docx.js';
import { EML_MEDIA_TYPE, letterToEml } from '../exports/letter-eml.js';
import { letterToPdf } from '../exports/letter-pdf.js';
import { PDF_MEDIA_TYPE } from '../exports/plan-pdf.js';
import { assessStoredClient, requireDay } from './assess-client.js';
import { isId, requireClient, requireWorkspace } from './context.js';
import type { StoredLetterDraft, StoredLetterVersion } from './letter-drafts-port.js';
import { fileStem, type PlanDownload } from './plan-client.js';
import type { Deps, Repos } from './ports.js';

/** X8 needs to know whether the client paid and was not abusive; read from the record, not the planner. */
export function toneContextOf(record: CaseRecord, today: string): ToneContext {
  const overdue = record.invoices.some((inv) => inv.due < today && daysLate(inv, today).owed_minor > 0);

  return { client_paid: !overdue, abusive: record.incidents.some((i) => i.code === 'abuse' && i.date <= today) };
}

interface Prepared {
  file: CaseFile;
  assessment: Assessment;
  today: string;
  /** The saved exit plan's path and tell date, when one is saved on a path a letter can announce. */
  saved: { path: LetterPath; tell_on: string | null } | null;
}

async function prepare(deps: Pick<Deps, 'store' | 'clock'>, workspaceId: string, clientId: string, today?: string): Promise<Prepared> {
  requireDay(today);
  const { assessment, file } = await assessStoredClient(deps, workspaceId, clientId, today ? { today } : {});
  const stored = await deps.store.exitPlans.getExitPlan(workspaceId, clientId);
  const saved =
    stored && (LETTER_PATHS as readonly string[]).includes(stored.path)
      ? { path: stored.path as LetterPath, tell_on: stored.tell_on }
      : null;

  return { file, assessment, today: assessment.today, saved };
}

/** The path a letter announces: the one asked for, the saved plan's, the red card's, else finish first (D3). */
function pathFor(p: Prepared, asked: LetterPath | undefined): LetterPath {
  return asked ?? p.saved?.path ?? p.assessment.path ?? 'finish_then_exit';
}

function planFor(p: Prepared, kind: LetterKind, path: LetterPath): ExitPlan | null {
  if (kind === 'warning') return null;
  // The saved plan's tell date applies only to the path it was chosen for.
  const tell = p.saved && p.saved.path === path && p.saved.tell_on ? p.saved.tell_on : undefined;
  try {
    return planExit(p.file, { today: p.today, path, ...(tell && tell >= p.today ? { tell_on: tell } : {}) });
  } catch (error) {
    if (isDomainError(error) && tell) return planExit(p.file, { today: p.today, path });
    throw error;
  }
}

function requireSender(file: CaseFile, sender: string | undefined): void {
  if (sender === undefined && !file.provider.name?.trim()) {
    throw new DomainError('VALIDATION_FAILED', 'Say who signs the letter: set your name in the workspace settings, or give the sender.', {
      issues: [{ path: 'sender', message: 'is required: the workspace has no provider name' }],
    });
  }
}

/** Drafts a letter from the client's record. Stores nothing. */
export async function generateLetter(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  clientId: string,
  input: unknown,
): Promise<GeneratedLetter> {
  const request = parseOrThrow(GenerateLetterRequest, input);
  const p = await prepare(deps, workspaceId, clientId, request.today);
  requireSender(p.file, request.sender);
  const lang: Language = request.lang ?? p.file.client.language;
  const path = pathFor(p, request.path);
  const plan = planFor(p, request.kind, path);
  const draft = draftLetter({
    record: p.file,
    assessment: p.assessment,
    plan,
    today: p.today,
    lang,
    kind: request.kind,
    reason: request.reason ?? null,
    sender: request.sender ?? null,
    recipient: request.recipient ?? null,
    channel: request.channel,
  });
  const usesReason = request.kind === 'termination' || request.kind === 'call_script';

  return {
    kind: draft.kind,
    lang: draft.lang,
    subject: draft.subject,
    body: draft.body,
    options: {
      reason: usesReason ? (request.reason ?? reasonOptions(p.file, p.assessment)[0]?.key ?? null) : null,
      path: plan ? path : null,
      channel: request.channel,
      today: p.today,
    },
    facts: draft.facts.map((f) => f.id),
    tone_context: toneContextOf(p.file, p.today),
  };
}

/** What the letter panel can offer for this client: the honest reason framings and which kinds can be drafted now. */
export async function letterChoices(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  clientId: string,
  options: { today?: string | undefined } = {},
): Promise<LetterChoices> {
  const p = await prepare(deps, workspaceId, clientId, options.today);
  const path = pathFor(p, undefined);
  const lang = p.file.client.language;
  const kinds = LETTER_KINDS.map((kind) => {
    try {
      // A placeholder signature: a missing provider name is reported when generating, not as "unavailable".
      draftLetter({ record: p.file, assessment: p.assessment, plan: planFor(p, kind, path), today: p.today, lang, kind, sender: 'x' });

      return { kind, available: true, problem: null };
    } catch (error) {
      if (!isDomainError(error)) throw error;

      return { kind, available: false, problem: error.userMessage };
    }
  });

  const client = await requireClient(deps.store, workspaceId, clientId);
  const suggested = suggestedKind(client.status, p.assessment);

  return {
    client_language: lang,
    today: p.today,
    reasons: reasonOptions(p.file, p.assessment).map((o) => o.key),
    default_path: path,
    suggested_kind: kinds.some((k) => k.kind === suggested && k.available) ? suggested : null,
    kinds,
    tone_context: toneContextOf(p.file, p.today),
  };
}

/** After the end a reply to a re-engagement (A1); a red card ends it; a yellow card warns (D4). */
function suggestedKind(status: string, assessment: Assessment): LetterKind | null {
  if (status === 'ended' || status === 'closed') return 're_engagement_reply';
  if (status === 'exiting' || assessment.recommendation === 'red_card') return 'termination';
  if (assessment.recommendation === 'yellow_card') return 'warning';

  return null;
}

export async function listLetterDrafts(deps: Pick<Deps, 'store'>, workspaceId: string, clientId: string): Promise<LetterDraftSummary[]> {
  await requireWorkspace(deps.store, workspaceId);
  await requireClient(deps.store, workspaceId, clientId);
  const rows = await deps.store.letterDrafts.listLetterDrafts(workspaceId, clientId);

  return rows.map((r) => presentSummary(r, r.latest));
}

export async function getLetterDraft(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  clientId: string,
  draftId: string,
): Promise<LetterDraft> {
  await requireWorkspace(deps.store, workspaceId);
  await requireClient(deps.store, workspaceId, clientId);
  const draft = await requireDraft(deps.store, workspaceId, clientId, draftId);

  return readDraft(deps, deps.store, workspaceId, draft);
}

/** Saves a new draft as version 1. */
export async function createLetterDraft(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  input: unknown,
): Promise<LetterDraft> {
  const request = parseOrThrow(CreateLetterDraftRequest, input);
  const now = deps.clock.now().toISOString();
  const context = await contextNow(deps, workspaceId, clientId);

  return deps.store.transaction(async (tx) => {
    await requireWorkspace(tx, workspaceId);
    await lockClient(tx, workspaceId, clientId);
    const draft = await tx.letterDrafts.insertLetterDraft(
      workspaceId,
      clientId,
      { id: deps.ids.newId(), now },
      { kind: request.kind, lang: request.lang, options: request.options },
    );
    await tx.letterDrafts.appendLetterVersion(
      workspaceId,
      draft.id,
      { id: deps.ids.newId(), now },
      {
        number: 1,
        subject: request.subject,
        body: request.body,
        origin: 'created',
        restored_from: null,
        ...judge(request.body, draft, context),
      },
    );

    return readDraft(deps, tx, workspaceId, { ...draft, latest_version: 1 }, context);
  });
}

/** Saves the editor's text as the draft's next version. */
export async function saveLetterVersion(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  draftId: string,
  input: unknown,
): Promise<LetterDraft> {
  const request = parseOrThrow(SaveLetterVersionRequest, input);

  return appendVersion(deps, workspaceId, clientId, draftId, () => ({
    subject: request.subject,
    body: request.body,
    origin: 'edited',
    restored_from: null,
  }));
}

/** Makes an earlier version the latest again, as a new version copying it (the history keeps everything). */
export async function restoreLetterVersion(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  draftId: string,
  number: string,
): Promise<LetterDraft> {
  const n = parseVersion(number);

  return appendVersion(deps, workspaceId, clientId, draftId, async (tx, draft) => {
    const old = await requireVersion(tx, workspaceId, draft, n);

    return { subject: old.subject, body: old.body, origin: 'restored', restored_from: old.number };
  });
}

export async function deleteLetterDraft(deps: Pick<Deps, 'store'>, workspaceId: string, clientId: string, draftId: string): Promise<void> {
  await deps.store.transaction(async (tx) => {
    await requireWorkspace(tx, workspaceId);
    await lockClient(tx, workspaceId, clientId);
    const draft = await requireDraft(tx, workspaceId, clientId, draftId);
    await tx.letterDrafts.deleteLetterDraft(workspaceId, draft.id);
  });
}

/** A version of the draft (default: the latest) as a PDF, DOCX or .eml file. */
export async function letterDraftFile(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  draftId: string,
  format: LetterFileFormat,
  options: { version?: string | undefined } = {},
): Promise<PlanDownload> {
  const workspace = await requireWorkspace(deps.store, workspaceId);
  const client = await requireClient(deps.store, workspaceId, clientId);
  const stored = await requireDraft(deps.store, workspaceId, clientId, draftId);
  const n = options.version === undefined ? stored.latest_version : parseVersion(options.version);
  const version = await requireVersion(deps.store, workspaceId, stored, n);
  // The exporters read only the kind, language, subject and body of a draft.
  const draft: Draft = { kind: stored.kind, lang: stored.lang, subject: version.subject, body: version.body, sections: [], facts: [] };
  const sender = workspace.provider_name ?? '';
  const now = deps.clock.now();
  const fileName = `${fileStem(client.name)}-${stored.kind.replaceAll('_', '-')}-v${version.number}.${format}`;
  switch (format) {
    case 'pdf':
      return { fileName, mediaType: PDF_MEDIA_TYPE, content: await letterToPdf({ draft, author: sender, now }) };
    case 'docx':
      return { fileName, mediaType: DOCX_MEDIA_TYPE, content: letterToDocx(draft, now) };
    case 'eml':
      return {
        fileName,
        mediaType: EML_MEDIA_TYPE,
        content: letterToEml({
          draft,
          from: { name: sender, address: null },
          to: { name: client.name, address: client.email },
          date: now,
          messageId: `${deps.ids.newId()}@redcard.local`,
        }),
      };
  }
}

// ---------------------------------------------------------------- helpers

type NextVersion = Pick<StoredLetterVersion, 'subject' | 'body' | 'origin' | 'restored_from'>;

async function appendVersion(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  draftId: string,
  next: (tx: Repos, draft: StoredLetterDraft) => NextVersion | Promise<NextVersion>,
): Promise<LetterDraft> {
  const now = deps.clock.now().toISOString();
  const context = await contextNow(deps, workspaceId, clientId);

  return deps.store.transaction(async (tx) => {
    await requireWorkspace(tx, workspaceId);
    await lockClient(tx, workspaceId, clientId);
    const draft = await requireDraft(tx, workspaceId, clientId, draftId);
    const v = await next(tx, draft);
    const number = draft.latest_version + 1;
    await tx.letterDrafts.appendLetterVersion(
      workspaceId,
      draft.id,
      { id: deps.ids.newId(), now },
      {
        ...v,
        number,
        ...judge(v.body, draft, context),
      },
    );

    return readDraft(deps, tx, workspaceId, { ...draft, latest_version: number, updated_at: now }, context);
  });
}

/** The checker's verdict kept with a version, so the history shows which wording had which problems. */
function judge(body: string, draft: Pick<StoredLetterDraft, 'kind' | 'lang'>, context: ToneContext) {
  const result = checkTone(body, { lang: draft.lang, kind: draft.kind, context });

  return { violations: result.violations, words: result.words };
}

/** The tone context on the workspace's today; read before a write transaction, which must not read through the store. */
async function contextNow(deps: Pick<Deps, 'store' | 'clock'>, workspaceId: string, clientId: string): Promise<ToneContext> {
  const { file } = await assessStoredClient(deps, workspaceId, clientId);

  return toneContextOf(file, file.today ?? deps.clock.now().toISOString().slice(0, 10));
}

function parseVersion(value: string): number {
  const parsed = versionNumber.safeParse(value);
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', `"${value}" is not a version number: use 1, 2, 3 ...`, {
      issues: [{ path: 'version', message: 'must be a version number: 1, 2, 3 ...' }],
    });
  }

  return Number(parsed.data);
}

async function lockClient(tx: Repos, workspaceId: string, clientId: string): Promise<void> {
  const client = isId(clientId) ? await tx.lockClient(workspaceId, clientId) : undefined;
  if (!client) throw new DomainError('CLIENT_NOT_FOUND', `No client with id ${clientId} in this workspace.`);
}

async function requireDraft(repos: Repos, workspaceId: string, clientId: string, draftId: string): Promise<StoredLetterDraft> {
  const draft = isId(draftId) ? await repos.letterDrafts.getLetterDraft(workspaceId, draftId) : undefined;
  // A draft of another client is as absent as one that does not exist.
  if (!draft || draft.client_id !== clientId)
    throw new DomainError('LETTER_DRAFT_NOT_FOUND', `No letter draft with id ${draftId} for this client.`);

  return draft;
}

async function requireVersion(repos: Repos, workspaceId: string, draft: StoredLetterDraft, n: number): Promise<StoredLetterVersion> {
  const version = await repos.letterDrafts.getLetterVersion(workspaceId, draft.id, n);
  if (!version)
    throw new DomainError('LETTER_VERSION_NOT_FOUND', `This draft has no version ${n}: it has versions 1 to ${draft.latest_version}.`, {
      details: { latest_version: draft.latest_version },
    });

  return version;
}

function presentVersion(v: StoredLetterVersion): LetterDraftVersion {
  return {
    number: v.number,
    subject: v.subject,
    body: v.body,
    origin: v.origin,
    restored_from: v.restored_from,
    violations: v.violations,
    words: v.words,
    created_at: v.created_at,
  };
}

function presentSummary(draft: StoredLetterDraft, latest: StoredLetterVersion): LetterDraftSummary {
  return {
    id: draft.id,
    client_id: draft.client_id,
    kind: draft.kind,
    lang: draft.lang,
    subject: latest.subject,
    latest_version: draft.latest_version,
    violations: latest.violations,
    words: latest.words,
    created_at: draft.created_at,
    updated_at: draft.updated_at,
  };
}

async function readDraft(
  deps: Pick<Deps, 'store' | 'clock'>,
  repos: Repos,
  workspaceId: string,
  draft: StoredLetterDraft,
  context?: ToneContext,
): Promise<LetterDraft> {
  const versions = await repos.letterDrafts.listLetterVersions(workspaceId, draft.id);
  const latest = versions.at(-1);
  if (!latest) throw new Error(`letter draft ${draft.id} has no version`);
  // Options saved by an older build that no longer fit are shown as unknown rather than failing the read.
  const options = LetterOptions.nullable().safeParse(draft.options);

  return {
    ...presentSummary({ ...draft, latest_version: latest.number }, latest),
    options: options.success ? options.data : null,
    tone_context: context ?? (await contextNow(deps, workspaceId, draft.client_id)),
    versions: versions.map(presentVersion),
  };
}
