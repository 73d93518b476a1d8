/**
 * The store's part for saved exit plans (issue 5): the plan row, its steps and its handover
 * inventory. Like every port method, each takes the workspace id and treats another workspace's
 * row as absent. Reached as `repos.exitPlans` (ports.ts).
 */
import type { HandoverItem } from '../contracts/exit-plan.js';
import type { HandoverKind, HandoverState, MergedStep, ReferralMode } from '../core/exit/saved.js';
import type { ExitPath, ExitPlan, RuleCode } from '../core/exit/types.js';

/** The plan row as the use cases read it (JSON columns parsed). */
export interface StoredExitPlan {
  id: string;
  client_id: string;
  path: ExitPath;
  recommended_path: ExitPath | null;
  path_reason: string | null;
  tell_on: string | null;
  planned_on: string;
  referral_mode: ReferralMode;
  referral_checked: boolean;
  referral_note: string;
  inputs: unknown;
  plan: ExitPlan;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

/** What a use case writes for the plan row (id, client and created_at are set on insert). */
export type ExitPlanFields = Omit<StoredExitPlan, 'id' | 'client_id' | 'created_at'>;

export interface StoredExitStep {
  id: string;
  plan_id: string;
  key: string;
  ord: number;
  title: string;
  due: string | null;
  owner: string;
  rule: RuleCode;
  adjusted: boolean;
  done_at: string | null;
  done_by: string | null;
  done_note: string | null;
}

export interface NewHandoverItem {
  kind: HandoverKind;
  label: string;
  state: HandoverState;
  note: string;
}

/** One open step past its due date, with the client it belongs to. */
export interface OverdueStepRow {
  client_id: string;
  client_name: string;
  plan_id: string;
  step_id: string;
  key: string;
  title: string;
  due: string;
  owner: string;
  rule: RuleCode;
}

export interface ExitPlanRepos {
  getExitPlan(workspaceId: string, clientId: string): Promise<StoredExitPlan | undefined>;
  insertExitPlan(workspaceId: string, clientId: string, row: { id: string; now: string }, fields: ExitPlanFields): Promise<StoredExitPlan>;
  updateExitPlan(workspaceId: string, planId: string, fields: ExitPlanFields): Promise<StoredExitPlan | undefined>;

  listExitSteps(workspaceId: string, planId: string): Promise<StoredExitStep[]>;
  getExitStep(workspaceId: string, stepId: string): Promise<StoredExitStep | undefined>;
  /** Makes the plan's steps exactly `steps`: updates rows with a known key (done state included), inserts new keys, deletes the rest. */
  replaceExitSteps(
    workspaceId: string,
    planId: string,
    steps: ReadonlyArray<MergedStep & { id: string }>,
    now: string,
  ): Promise<StoredExitStep[]>;
  setExitStepDone(
    workspaceId: string,
    stepId: string,
    done: { done_at: string; done_by: string; done_note: string } | null,
    now: string,
  ): Promise<StoredExitStep | undefined>;
  /** Open, dated steps due before `today`, oldest due first, across the workspace's plans. */
  listOverdueExitSteps(workspaceId: string, today: string): Promise<OverdueStepRow[]>;

  listHandoverItems(workspaceId: string, planId: string): Promise<HandoverItem[]>;
  getHandoverItem(workspaceId: string, itemId: string): Promise<HandoverItem | undefined>;
  insertHandoverItems(
    workspaceId: string,
    planId: string,
    rows: ReadonlyArray<{ id: string; now: string; item: NewHandoverItem }>,
  ): Promise<HandoverItem[]>;
  updateHandoverItem(workspaceId: string, itemId: string, patch: Partial<NewHandoverItem>, now: string): Promise<HandoverItem | undefined>;
  deleteHandoverItem(workspaceId: string, itemId: string): Promise<boolean>;
}
