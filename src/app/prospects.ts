/**
 * Screening new clients (issue 8, DOMAIN.md A4): prospects with their first messages, the
 * questionnaire (fixed questions from the red-flag codes plus reminders from the workspace's
 * lessons), the fit score with reasons, and the public link a prospect fills in without logging in.
 *
 * The public link: 128 random bits (base64url), shown once; only its SHA-256 is stored, with an
 * expiry. It opens the fixed questions in the prospect's language and nothing else of the
 * workspace, and takes one submission (the store marks it used only if it is still unused).
 */
import { createHash, randomBytes } from 'node:crypto';
import { parseOrThrow } from '../contracts/issues.js';
import {
  AcceptProspectRequest,
  type Prospect,
  ProspectInput,
  type ProspectLink,
  ProspectPatch,
  type ProspectSummary,
  type PublicForm,
  PublicSubmit,
} from '../contracts/screening.js';
import { DomainError } from '../core/errors.js';
import {
  type Answers,
  answerProblems,
  type BuiltQuestion,
  buildQuestionnaire,
  detectEarlySigns,
  type EarlySign,
  type FitResult,
  scoreProspect,
} from '../core/screening/screening.js';
import type { Language } from '../core/vocabulary.js';
import { actAs } from './acting.js';
import { insertNewClient, namingDuplicates, parseNewClient } from './clients.js';
import { isId, newRow, requireWorkspace } from './context.js';
import type { Deps, Repos } from './ports.js';
import type { ProspectFields, StoredProspect } from './screening-port.js';

/** How long a public link stays open. */
export const LINK_TTL_DAYS = 14;
/** 16 bytes = 128 bits of randomness. */
const TOKEN_BYTES = 16;
const PROSPECTS_LIST_MAX = 500;
const LESSONS_READ_MAX = 200;

interface StoredResult {
  band: FitResult['band'];
  reasons: FitResult['reasons'];
  signs: EarlySign[];
  answered: number;
  total: number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

async function lessonsFor(tx: Repos, workspaceId: string) {
  return tx.screening.listLessons(workspaceId, { limit: LESSONS_READ_MAX });
}

async function questionnaire(tx: Repos, workspaceId: string, lang: Language): Promise<BuiltQuestion[]> {
  return buildQuestionnaire({ lang, lessons: await lessonsFor(tx, workspaceId), audience: 'user' });
}

/** Score and signs for these answers and messages, as stored with the prospect. */
function evaluate(questions: BuiltQuestion[], answers: Answers, firstMessages: string): { score: number | null; result: StoredResult } {
  const signs = detectEarlySigns(firstMessages);
  const fit = scoreProspect(questions, answers, signs);

  return { score: fit.score, result: { band: fit.band, reasons: fit.reasons, signs, answered: fit.answered, total: fit.total } };
}

function refuseBadAnswers(questions: BuiltQuestion[], answers: Answers, path = 'answers'): void {
  const problems = answerProblems(questions, answers);
  if (problems.length === 0) return;
  throw new DomainError('VALIDATION_FAILED', `Invalid answers: ${problems.map((p) => `${p.question} ${p.problem}`).join('; ')}`, {
    issues: problems.map((p) => ({ path: `${path}.${p.question}`, message: p.problem })),
  });
}

function resultOf(p: StoredProspect): StoredResult {
  const r = (p.result ?? {}) as Partial<StoredResult>;

  return { band: r.band ?? null, reasons: r.reasons ?? [], signs: r.signs ?? [], answered: r.answered ?? 0, total: r.total ?? 0 };
}

function summarize(p: StoredProspect): ProspectSummary {
  const r = resultOf(p);

  return {
    id: p.id,
    name: p.name,
    contact: p.contact,
    language: p.language,
    status: p.status,
    score: p.score,
    band: r.band,
    answered_by: p.answered_by,
    sign_kinds: [...new Set(r.signs.map((s) => s.kind))],
    created_at: p.created_at,
    updated_at: p.updated_at,
  };
}

function linkState(p: StoredProspect, now: Date) {
  const active = p.token_hash !== null && p.token_used_at === null && p.token_expires_at !== null && p.token_expires_at > now.toISOString();

  return { active, expires_at: p.token_hash ? p.token_expires_at : null, used_at: p.token_used_at };
}

/** The full view, recomputed with the workspace's current lessons so a new lesson shows at once. */
async function present(tx: Repos, workspaceId: string, p: StoredProspect, now: Date): Promise<Prospect> {
  const questions = await questionnaire(tx, workspaceId, p.language);
  // Answers to reminders of lessons since deleted no longer count.
  const known = new Set(questions.map((q) => q.id));
  const answers = Object.fromEntries(Object.entries(p.answers).filter(([q]) => known.has(q)));
  const { score, result } = evaluate(questions, answers, p.first_messages);

  return {
    ...summarize({ ...p, score, result }),
    notes: p.notes,
    first_messages: p.first_messages,
    answers,
    client_id: p.client_id,
    reasons: result.reasons,
    signs: result.signs,
    answered: result.answered,
    total: result.total,
    questions,
    link: linkState(p, now),
  };
}

async function requireProspect(tx: Repos, workspaceId: string, prospectId: string): Promise<StoredProspect> {
  const p = isId(prospectId) ? await tx.screening.getProspect(workspaceId, prospectId) : undefined;
  if (!p) throw new DomainError('PROSPECT_NOT_FOUND', `No prospect with id ${prospectId} in this workspace.`);

  return p;
}

export async function addProspect(deps: Pick<Deps, 'store' | 'clock' | 'ids'>, workspaceId: string, input: unknown): Promise<Prospect> {
  const data = parseOrThrow(ProspectInput, input, 'VALIDATION_FAILED', 'prospect');

  return deps.store.transaction(async (tx) => {
    await requireWorkspace(tx, workspaceId);
    const row = newRow(deps);
    const { score, result } = evaluate(await questionnaire(tx, workspaceId, data.language), {}, data.first_messages);
    const fields: ProspectFields = {
      name: data.name,
      contact: data.contact,
      language: data.language,
      notes: data.notes,
      first_messages: data.first_messages,
      answers: {},
      answered_by: null,
      score,
      result,
      status: 'screening',
      client_id: null,
      token_hash: null,
      token_expires_at: null,
      token_used_at: null,
      updated_at: row.now,
    };
    const saved = await tx.screening.insertProspect(workspaceId, row, fields);

    return present(tx, workspaceId, saved, deps.clock.now());
  });
}

export async function listProspects(deps: Pick<Deps, 'store'>, workspaceId: string): Promise<ProspectSummary[]> {
  await requireWorkspace(deps.store, workspaceId);

  return (await deps.store.screening.listProspects(workspaceId, PROSPECTS_LIST_MAX)).map(summarize);
}

export async function getProspect(deps: Pick<Deps, 'store' | 'clock'>, workspaceId: string, prospectId: string): Promise<Prospect> {
  const p = await requireProspect(deps.store, workspaceId, prospectId);

  return present(deps.store, workspaceId, p, deps.clock.now());
}

/** Changes the prospect's details, answers (the user's, after a call) or status; the score follows. */
export async function updateProspect(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  prospectId: string,
  input: unknown,
): Promise<Prospect> {
  const data = parseOrThrow(ProspectPatch, input, 'VALIDATION_FAILED', 'prospect');

  return deps.store.transaction(async (tx) => {
    const before = await requireProspect(tx, workspaceId, prospectId);
    const language = data.language ?? before.language;
    const questions = await questionnaire(tx, workspaceId, language);
    if (data.answers) refuseBadAnswers(questions, data.answers);
    const answers = data.answers ?? before.answers;
    const { score, result } = evaluate(questions, answers, data.first_messages ?? before.first_messages);
    const { answers: _a, ...rest } = data;
    const updated = await tx.screening.updateProspect(workspaceId, prospectId, {
      ...rest,
      answers,
      ...(data.answers ? { answered_by: 'user' as const } : {}),
      score,
      result,
      updated_at: deps.clock.now().toISOString(),
    });
    if (!updated) throw new DomainError('PROSPECT_NOT_FOUND', `No prospect with id ${prospectId} in this workspace.`);

    return present(tx, workspaceId, updated, deps.clock.now());
  });
}

/** A new public link (any earlier one stops working); the token is returned once and stored only hashed. */
export async function createProspectLink(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  prospectId: string,
): Promise<ProspectLink> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const now = deps.clock.now();
  const expires = new Date(now.getTime() + LINK_TTL_DAYS * 24 * 60 * 60 * 1000).toISOString();
  await deps.store.transaction(async (tx) => {
    await requireProspect(tx, workspaceId, prospectId);
    await tx.screening.updateProspect(workspaceId, prospectId, {
      token_hash: hashToken(token),
      token_expires_at: expires,
      token_used_at: null,
      updated_at: now.toISOString(),
    });
  });

  return { token, path: `/p/${token}`, expires_at: expires };
}

/** Accepts or declines; accepting can create a client from the prospect (name, language, contact and notes). */
export async function decideProspect(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  prospectId: string,
  decision: 'accepted' | 'declined',
  input: unknown = {},
): Promise<Prospect> {
  const data = parseOrThrow(AcceptProspectRequest, input ?? {}, 'VALIDATION_FAILED', 'request');
  const decide = (tx: Repos) => decideIn(tx, deps, workspaceId, prospectId, decision, data.create_client);
  if (decision !== 'accepted' || !data.create_client) return deps.store.transaction(decide);
  // The client is created with the decision, in one transaction: never an accepted prospect
  // without its client, nor a client for a prospect whose acceptance failed.
  const name = (await requireProspect(deps.store, workspaceId, prospectId)).name;

  return namingDuplicates(name, () => deps.store.transaction(decide));
}

async function decideIn(
  tx: Repos,
  deps: Pick<Deps, 'clock' | 'ids'>,
  workspaceId: string,
  prospectId: string,
  decision: 'accepted' | 'declined',
  createClient: boolean,
): Promise<Prospect> {
  const before = await requireProspect(tx, workspaceId, prospectId);
  let clientId = before.client_id;
  if (decision === 'accepted' && createClient && !clientId) {
    const notes = [before.contact, before.notes].filter((s) => s.trim() !== '').join('\n\n');
    clientId = (await insertNewClient(tx, deps, workspaceId, parseNewClient({ name: before.name, language: before.language, notes }))).id;
  }
  const updated = await tx.screening.updateProspect(workspaceId, prospectId, {
    status: decision,
    client_id: clientId,
    updated_at: deps.clock.now().toISOString(),
  });
  if (!updated) throw new DomainError('PROSPECT_NOT_FOUND', `No prospect with id ${prospectId} in this workspace.`);

  return present(tx, workspaceId, updated, deps.clock.now());
}

// ------------------------------------------------------------------ the public form

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,100}$/;

async function openForm(tx: Repos, token: string, now: Date): Promise<StoredProspect> {
  const p = TOKEN_SHAPE.test(token) ? await tx.screening.findProspectByTokenHash(hashToken(token)) : undefined;
  if (!p) throw new DomainError('PROSPECT_FORM_NOT_FOUND', 'This link is not valid.');
  if (p.token_used_at !== null) throw new DomainError('PROSPECT_FORM_USED', 'The answers were already sent with this link. Thank you.');
  if (p.token_expires_at === null || p.token_expires_at <= now.toISOString())
    throw new DomainError('PROSPECT_FORM_EXPIRED', 'This link has expired; ask for a new one.');

  return p;
}

/** What the prospect sees: the fixed questions in their language, no weights, no lessons, no names. */
export async function getPublicForm(deps: Pick<Deps, 'store' | 'clock'>, token: string): Promise<PublicForm> {
  const p = await openForm(deps.store, token, deps.clock.now());
  const questions = buildQuestionnaire({ lang: p.language, lessons: [], audience: 'prospect' });

  return {
    language: p.language,
    expires_at: p.token_expires_at as string,
    questions: questions.map((q) => ({ id: q.id, text: q.text, options: q.options.map((o) => ({ id: o.id, text: o.text })) })),
  };
}

/** The prospect's answers: checked against the public questions, stored once, then the link is spent. */
export async function submitPublicForm(
  deps: Pick<Deps, 'store' | 'clock'>,
  token: string,
  input: unknown,
): Promise<{ received: true; answered: number }> {
  const data = parseOrThrow(PublicSubmit, input, 'VALIDATION_FAILED', 'answers');
  const now = deps.clock.now();

  return deps.store.transaction(async (tx) => {
    const p = await openForm(tx, token, now);
    refuseBadAnswers(buildQuestionnaire({ lang: p.language, lessons: [], audience: 'prospect' }), data.answers);
    // The prospect's answers join what the user already noted (the user's reminders stay theirs).
    const answers = { ...p.answers, ...data.answers };
    const { score, result } = evaluate(await questionnaire(tx, p.workspace_id, p.language), answers, p.first_messages);
    // The audit log's "who" is the prospect answering through the link, not the workspace's user.
    const prospect = { userId: `prospect:${p.id}`, displayName: p.name, role: 'member' as const };
    const stored = await actAs(prospect, () =>
      tx.screening.submitProspectForm(p.workspace_id, p.id, {
        answers,
        answered_by: 'prospect',
        score,
        result,
        token_used_at: now.toISOString(),
        updated_at: now.toISOString(),
      }),
    );
    if (!stored) throw new DomainError('PROSPECT_FORM_USED', 'The answers were already sent with this link. Thank you.');

    return { received: true as const, answered: Object.keys(data.answers).length };
  });
}
