/**
 * Use cases of the saved exit plan (issue 5, "in the product"): the exit wizard previews and saves
 * it, the client page works through it as a checklist and keeps its handover inventory, the
 * dashboard lists overdue steps, and the calendar and PDF exports read it.
 *
 * - The plan is computed by the pure `planExit` on the client's case file (as GET /plan), with
 *   the path and tell date the user chose; the pure rules of core/exit/saved.ts merge the user's
 *   changes and keep the done state of every step that still exists when it is saved again.
 * - Enforced here, not only in the UI: a path other than the assessment's needs a written reason;
 *   the referral follows X8; the tell date cannot be set while the right to terminate is false or
 *   unknown (C3); no handover text may look like a secret (X9, contracts/exit-plan.ts).
 * - Every write runs in one transaction and appends an `exit_plan` event to the client's log.
 */

import type { CaseFile } from '../contracts/case-file.js';
import {
  type ExitPlanEventPayload,
  type HandoverItem,
  type HandoverItemInput,
  HandoverItemPatch,
  HandoverItemInput as HandoverItemSchema,
  type OverdueSteps,
  type SavedExitPlan,
  type SavedStep,
  SaveExitPlanRequest,
  StepDoneRequest,
} from '../contracts/exit-plan.js';
import { parseOrThrow } from '../contracts/issues.js';
import type { Assessment } from '../core/assessment/types.js';
import { dateInZone } from '../core/dates.js';
import { DomainError } from '../core/errors.js';
import {
  checkReferral,
  daysOverdue,
  type ExitPath,
  type ExitPlan,
  initialState,
  type MergedStep,
  mergeSteps,
  pathNeedsReason,
  planExit,
  type ReferralMode,
} from '../core/exit/index.js';
import { ICS_MEDIA_TYPE, planToIcs } from '../exports/ics.js';
import { PDF_MEDIA_TYPE, planToPdf } from '../exports/plan-pdf.js';
import { assessStoredClient, requireDay } from './assess-client.js';
import { isId, requireClient, requireWorkspace } from './context.js';
import { SOLO_ACTOR } from './escalation/step.js';
import type { ExitPlanFields, StoredExitPlan, StoredExitStep } from './exit-plans-port.js';
import { fileStem, type PlanDownload } from './plan-client.js';
import type { Deps, Repos } from './ports.js';

/** The path the assessment recommends: the red card's, or a reassignment; null when it recommends no exit. */
export function recommendedPath(assessment: Assessment): ExitPath | null {
  if (assessment.recommendation === 'red_card') return assessment.path;
  if (assessment.recommendation === 'reassign') return 'reassign';

  return null;
}

/** What the wizard shows before saving: the computed plan and the steps as they would be saved. */
export interface ExitPlanPreview {
  plan: ExitPlan;
  recommended_path: ExitPath | null;
  path_reason_required: boolean;
  steps: Omit<SavedStep, 'id'>[];
  /** True when a saved plan exists: saving replaces it and keeps done states of steps that remain. */
  replaces: boolean;
}

interface Composed {
  request: ReturnType<typeof SaveExitPlanRequest.parse>;
  assessment: Assessment;
  file: CaseFile;
  plan: ExitPlan;
  recommended: ExitPath | null;
  steps: MergedStep[];
  referral: { mode: ReferralMode; checked_first: boolean; note: string };
}

const RESOURCES_ONLY_TITLE = 'Offer resources only (directories, templates, guides), not a colleague';

/** Computes the plan for a request; `strict` also enforces what saving needs (reason, X8). */
async function compose(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  clientId: string,
  input: unknown,
  strict: boolean,
): Promise<Composed> {
  const request = parseOrThrow(SaveExitPlanRequest, input);
  requireDay(request.today);
  const { assessment, file } = await assessStoredClient(deps, workspaceId, clientId, request.today ? { today: request.today } : {});
  const recommended = recommendedPath(assessment);
  if (strict && pathNeedsReason(request.path, recommended) && !request.path_reason) {
    const why = recommended
      ? `the assessment recommends ${recommended.replaceAll('_', ' ')}`
      : `the assessment recommends "${assessment.recommendation.replaceAll('_', ' ')}", not an exit`;
    throw new DomainError('VALIDATION_FAILED', `Say why you chose this path: ${why}.`, {
      issues: [{ path: 'path_reason', message: `is required: ${why}` }],
    });
  }
  const plan = planExit(file, { today: assessment.today, path: request.path, tell_on: request.tell_on });
  const saved = await deps.store.exitPlans.getExitPlan(workspaceId, clientId);
  const previous = saved ? await deps.store.exitPlans.listExitSteps(workspaceId, saved.id) : [];
  const referral = request.referral ?? { mode: plan.referral.mode, checked_first: false, note: '' };
  if (strict && request.referral) checkReferral(plan.referral.mode, plan.referral.reasons, request.referral);
  const steps = mergeSteps(plan.steps, request.steps, previous).map((s) =>
    s.key === 'referral' && referral.mode === 'resources_only' ? { ...s, title: RESOURCES_ONLY_TITLE } : s,
  );

  return { request, assessment, file, plan, recommended, steps, referral };
}

function presentStep(s: Omit<StoredExitStep, 'plan_id'>, today: string): SavedStep {
  return {
    id: s.id,
    key: s.key,
    title: s.title,
    due: s.due,
    owner: s.owner,
    rule: s.rule,
    adjusted: s.adjusted,
    done: s.done_at !== null,
    done_at: s.done_at,
    done_by: s.done_by,
    done_note: s.done_note,
    days_overdue: daysOverdue(s, today),
  };
}

/** The wizard's review: what saving this request would store, without storing it. */
export async function previewExitPlan(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  clientId: string,
  input: unknown,
): Promise<ExitPlanPreview> {
  const c = await compose(deps, workspaceId, clientId, input, false);
  const replaces = (await deps.store.exitPlans.getExitPlan(workspaceId, clientId)) !== undefined;

  return {
    plan: c.plan,
    recommended_path: c.recommended,
    path_reason_required: pathNeedsReason(c.request.path, c.recommended),
    steps: c.steps.map((s) => {
      const { id: _id, ...rest } = presentStep({ ...s, id: '' }, c.plan.today);

      return rest;
    }),
    replaces,
  };
}

/** Creates the client's saved plan, or replaces it keeping the done state of steps that remain. */
export async function saveExitPlan(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  input: unknown,
): Promise<SavedExitPlan> {
  const c = await compose(deps, workspaceId, clientId, input, true);
  const actor = c.request.actor ?? SOLO_ACTOR;
  const now = deps.clock.now().toISOString();

  return deps.store.transaction(async (tx) => {
    const workspace = await requireWorkspace(tx, workspaceId);
    await lockClient(tx, workspaceId, clientId);
    const existing = await tx.exitPlans.getExitPlan(workspaceId, clientId);
    const fields: ExitPlanFields = {
      path: c.request.path,
      recommended_path: c.recommended,
      path_reason: c.request.path_reason ?? null,
      tell_on: c.request.tell_on ?? null,
      planned_on: c.plan.today,
      referral_mode: c.referral.mode,
      referral_checked: c.referral.checked_first,
      referral_note: c.referral.note,
      inputs: { ...c.request, handover: undefined },
      plan: c.plan,
      updated_at: now,
      updated_by: actor,
    };
    const saved = existing
      ? await tx.exitPlans.updateExitPlan(workspaceId, existing.id, fields)
      : await tx.exitPlans.insertExitPlan(workspaceId, clientId, { id: deps.ids.newId(), now }, fields);
    if (!saved) throw new DomainError('EXIT_PLAN_NOT_FOUND', 'The exit plan changed while it was saved: try again.');
    await tx.exitPlans.replaceExitSteps(
      workspaceId,
      saved.id,
      c.steps.map((s) => ({ ...s, id: deps.ids.newId() })),
      now,
    );
    await tx.exitPlans.insertHandoverItems(
      workspaceId,
      saved.id,
      c.request.handover.map((item) => ({ id: deps.ids.newId(), now, item: { ...item, state: item.state ?? initialState(item.kind) } })),
    );
    await appendEvent(deps, tx, workspaceId, clientId, actor, today(deps, workspace.timezone), c.request.path_reason ?? '', {
      action: existing ? 'replanned' : 'saved',
      path: c.request.path,
    });

    return readSaved(tx, workspaceId, clientId, today(deps, workspace.timezone));
  });
}

/** The client's saved plan with the overdue days counted on `today` (default: the workspace's today). */
export async function getSavedExitPlan(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  clientId: string,
  options: { today?: string | undefined } = {},
): Promise<SavedExitPlan> {
  requireDay(options.today);
  const workspace = await requireWorkspace(deps.store, workspaceId);
  await requireClient(deps.store, workspaceId, clientId);

  return readSaved(deps.store, workspaceId, clientId, options.today ?? today(deps, workspace.timezone));
}

/** Ticks or unticks one step; unticking needs a reason. Both are recorded on the client's log. */
export async function setExitStepDone(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  stepId: string,
  input: unknown,
): Promise<SavedExitPlan> {
  const request = parseOrThrow(StepDoneRequest, input);
  const actor = request.actor ?? SOLO_ACTOR;
  const now = deps.clock.now().toISOString();

  return deps.store.transaction(async (tx) => {
    const workspace = await requireWorkspace(tx, workspaceId);
    const day = today(deps, workspace.timezone);
    await lockClient(tx, workspaceId, clientId);
    const plan = await requirePlan(tx, workspaceId, clientId);
    const step = isId(stepId) ? await tx.exitPlans.getExitStep(workspaceId, stepId) : undefined;
    if (!step || step.plan_id !== plan.id) throw new DomainError('EXIT_STEP_NOT_FOUND', `No step with id ${stepId} in this exit plan.`);
    const isDone = step.done_at !== null;
    if (isDone !== request.done) {
      await tx.exitPlans.setExitStepDone(
        workspaceId,
        step.id,
        request.done ? { done_at: now, done_by: actor, done_note: request.note } : null,
        now,
      );
      await appendEvent(deps, tx, workspaceId, clientId, actor, day, request.done ? request.note : (request.reason ?? ''), {
        action: request.done ? 'step_done' : 'step_undone',
        step_key: step.key,
        step_title: step.title,
      });
    }

    return readSaved(tx, workspaceId, clientId, day);
  });
}

/** Adds a line to the handover inventory (X9). */
export async function addHandoverItem(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  input: unknown,
): Promise<HandoverItem> {
  const item: HandoverItemInput & { note: string } = parseOrThrow(HandoverItemSchema, input);
  const now = deps.clock.now().toISOString();

  return deps.store.transaction(async (tx) => {
    const workspace = await requireWorkspace(tx, workspaceId);
    await lockClient(tx, workspaceId, clientId);
    const plan = await requirePlan(tx, workspaceId, clientId);
    const state = item.state ?? initialState(item.kind);
    const [added] = await tx.exitPlans.insertHandoverItems(workspaceId, plan.id, [
      { id: deps.ids.newId(), now, item: { kind: item.kind, label: item.label, state, note: item.note } },
    ]);
    if (!added) throw new Error('insertHandoverItems returned nothing');
    await appendEvent(deps, tx, workspaceId, clientId, SOLO_ACTOR, today(deps, workspace.timezone), '', {
      action: 'handover_added',
      item_label: added.label,
      item_state: added.state,
    });

    return added;
  });
}

/** Changes a line of the handover inventory; the state must fit the kind. */
export async function updateHandoverItem(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  itemId: string,
  input: unknown,
): Promise<HandoverItem> {
  const patch = parseOrThrow(HandoverItemPatch, input);
  const now = deps.clock.now().toISOString();

  return deps.store.transaction(async (tx) => {
    const workspace = await requireWorkspace(tx, workspaceId);
    await lockClient(tx, workspaceId, clientId);
    const item = await requireItem(tx, workspaceId, clientId, itemId);
    // The kind and the state are checked together, also when only one of them changes.
    const merged = { kind: patch.kind ?? item.kind, state: patch.state ?? item.state };
    parseOrThrow(HandoverItemPatch, merged);
    const updated = await tx.exitPlans.updateHandoverItem(workspaceId, item.id, patch, now);
    if (!updated) throw new DomainError('HANDOVER_ITEM_NOT_FOUND', `No handover item with id ${itemId} in this exit plan.`);
    await appendEvent(deps, tx, workspaceId, clientId, SOLO_ACTOR, today(deps, workspace.timezone), '', {
      action: 'handover_changed',
      item_label: updated.label,
      item_state: updated.state,
    });

    return updated;
  });
}

/** Removes a line of the handover inventory. */
export async function deleteHandoverItem(
  deps: Pick<Deps, 'store' | 'clock' | 'ids'>,
  workspaceId: string,
  clientId: string,
  itemId: string,
): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const workspace = await requireWorkspace(tx, workspaceId);
    await lockClient(tx, workspaceId, clientId);
    const item = await requireItem(tx, workspaceId, clientId, itemId);
    await tx.exitPlans.deleteHandoverItem(workspaceId, item.id);
    await appendEvent(deps, tx, workspaceId, clientId, SOLO_ACTOR, today(deps, workspace.timezone), '', {
      action: 'handover_removed',
      item_label: item.label,
    });
  });
}

/** Open steps past their due date across the workspace's saved plans, oldest first. */
export async function listOverdueExitSteps(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  options: { today?: string | undefined } = {},
): Promise<OverdueSteps> {
  requireDay(options.today);
  const workspace = await requireWorkspace(deps.store, workspaceId);
  const day = options.today ?? today(deps, workspace.timezone);
  const rows = await deps.store.exitPlans.listOverdueExitSteps(workspaceId, day);

  return { today: day, items: rows.map((r) => ({ ...r, days_overdue: daysOverdue({ due: r.due, done_at: null }, day) ?? 0 })) };
}

/** The saved plan as a calendar: each step a to-do with its UID stable per step key, done steps COMPLETED. */
export async function savedPlanCalendar(deps: Pick<Deps, 'store' | 'clock'>, workspaceId: string, clientId: string): Promise<PlanDownload> {
  const { plan, name } = await exportable(deps, workspaceId, clientId);

  return {
    fileName: `${fileStem(name)}-exit-plan.ics`,
    mediaType: ICS_MEDIA_TYPE,
    content: planToIcs({ plan, workspaceId, clientId, clientName: name, now: deps.clock.now() }),
  };
}

/** The saved plan as a printable PDF. */
export async function savedPlanPdf(deps: Pick<Deps, 'store' | 'clock'>, workspaceId: string, clientId: string): Promise<PlanDownload> {
  const { plan, name, provider } = await exportable(deps, workspaceId, clientId);

  return {
    fileName: `${fileStem(name)}-exit-plan.pdf`,
    mediaType: PDF_MEDIA_TYPE,
    content: await planToPdf({ plan, clientName: name, providerName: provider, now: deps.clock.now() }),
  };
}

// ---------------------------------------------------------------- helpers

function today(deps: Pick<Deps, 'clock'>, timezone: string): string {
  return dateInZone(deps.clock.now(), timezone);
}

async function lockClient(tx: Repos, workspaceId: string, clientId: string): Promise<void> {
  const client = isId(clientId) ? await tx.lockClient(workspaceId, clientId) : undefined;
  if (!client) throw new DomainError('CLIENT_NOT_FOUND', `No client with id ${clientId} in this workspace.`);
}

async function requirePlan(repos: Repos, workspaceId: string, clientId: string): Promise<StoredExitPlan> {
  const plan = await repos.exitPlans.getExitPlan(workspaceId, clientId);
  if (!plan) throw new DomainError('EXIT_PLAN_NOT_FOUND', 'This client has no saved exit plan yet: plan the exit first.');

  return plan;
}

async function requireItem(tx: Repos, workspaceId: string, clientId: string, itemId: string): Promise<HandoverItem> {
  const plan = await requirePlan(tx, workspaceId, clientId);
  const item = isId(itemId) ? await tx.exitPlans.getHandoverItem(workspaceId, itemId) : undefined;
  if (!item || item.plan_id !== plan.id)
    throw new DomainError('HANDOVER_ITEM_NOT_FOUND', `No handover item with id ${itemId} in this exit plan.`);

  return item;
}

async function readSaved(repos: Repos, workspaceId: string, clientId: string, day: string): Promise<SavedExitPlan> {
  const plan = await requirePlan(repos, workspaceId, clientId);
  const [steps, handover] = await Promise.all([
    repos.exitPlans.listExitSteps(workspaceId, plan.id),
    repos.exitPlans.listHandoverItems(workspaceId, plan.id),
  ]);

  return {
    id: plan.id,
    client_id: plan.client_id,
    path: plan.path,
    recommended_path: plan.recommended_path,
    path_reason: plan.path_reason,
    tell_on: plan.tell_on,
    planned_on: plan.planned_on,
    today: day,
    referral: {
      mode: plan.referral_mode,
      allowed: plan.plan.referral.mode,
      reasons: plan.plan.referral.reasons,
      checked_first: plan.referral_checked,
      note: plan.referral_note,
    },
    steps: steps.map((s) => presentStep(s, day)),
    handover,
    plan: plan.plan,
    created_at: plan.created_at,
    updated_at: plan.updated_at,
    updated_by: plan.updated_by,
  };
}

async function appendEvent(
  deps: Pick<Deps, 'clock' | 'ids'>,
  tx: Repos,
  workspaceId: string,
  clientId: string,
  actor: string,
  date: string,
  note: string,
  payload: Partial<ExitPlanEventPayload> & Pick<ExitPlanEventPayload, 'action'>,
): Promise<void> {
  await tx.appendClientEvents(workspaceId, clientId, [
    {
      id: deps.ids.newId(),
      type: 'exit_plan',
      payload: {
        action: payload.action,
        path: payload.path ?? null,
        step_key: payload.step_key ?? null,
        step_title: payload.step_title ?? null,
        item_label: payload.item_label ?? null,
        item_state: payload.item_state ?? null,
      },
      actor,
      at: deps.clock.now().toISOString(),
      date,
      note,
    },
  ]);
}

/** The saved plan in the shape the exporters read: its steps as saved (due, owner, done). */
async function exportable(deps: Pick<Deps, 'store' | 'clock'>, workspaceId: string, clientId: string) {
  const saved = await getSavedExitPlan(deps, workspaceId, clientId);
  const workspace = await requireWorkspace(deps.store, workspaceId);
  const client = await requireClient(deps.store, workspaceId, clientId);
  const plan: ExitPlan = {
    ...saved.plan,
    steps: saved.steps.map((s) => ({ id: s.key, title: s.title, due: s.due, owner: s.owner, rule: s.rule, done: s.done })),
  };

  return { plan, name: client.name, provider: workspace.provider_name };
}
