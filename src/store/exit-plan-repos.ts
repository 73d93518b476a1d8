/**
 * The ExitPlanRepos port (app/exit-plans-port.ts) over Kysely, for SQLite and PostgreSQL alike.
 * Every query filters by workspace_id. JSON columns (`inputs`, `plan`) are written from validated
 * values and read back through the plan's zod schema, so a row that no longer fits fails loudly.
 */
import type { Kysely, Selectable } from 'kysely';
import type {
  ExitPlanFields,
  ExitPlanRepos,
  NewHandoverItem,
  OverdueStepRow,
  StoredExitPlan,
  StoredExitStep,
} from '../app/exit-plans-port.js';
import type { HandoverItem } from '../contracts/exit-plan.js';
import { ExitPlan } from '../contracts/plan.js';
import type { MergedStep } from '../core/exit/saved.js';
import type { ExitPath, RuleCode } from '../core/exit/types.js';
import { toFlag, toInt } from './presenters.js';
import type { Database, ExitHandoverItemsTable, ExitPlanStepsTable, ExitPlansTable } from './schema.js';

function presentPlan(row: Selectable<ExitPlansTable>): StoredExitPlan {
  return {
    id: row.id,
    client_id: row.client_id,
    path: row.path as ExitPath,
    recommended_path: row.recommended_path as ExitPath | null,
    path_reason: row.path_reason,
    tell_on: row.tell_on,
    planned_on: row.planned_on,
    referral_mode: row.referral_mode as StoredExitPlan['referral_mode'],
    referral_checked: toInt(row.referral_checked) === 1,
    referral_note: row.referral_note,
    inputs: JSON.parse(row.inputs) as unknown,
    plan: ExitPlan.parse(JSON.parse(row.plan)),
    created_at: row.created_at,
    updated_at: row.updated_at,
    updated_by: row.updated_by,
  };
}

function presentStep(row: Selectable<ExitPlanStepsTable>): StoredExitStep {
  return {
    id: row.id,
    plan_id: row.plan_id,
    key: row.key,
    ord: toInt(row.ord),
    title: row.title,
    due: row.due,
    owner: row.owner,
    rule: row.rule as RuleCode,
    adjusted: toInt(row.adjusted) === 1,
    done_at: row.done_at,
    done_by: row.done_by,
    done_note: row.done_note,
  };
}

function presentItem(row: Selectable<ExitHandoverItemsTable>): HandoverItem {
  return {
    id: row.id,
    plan_id: row.plan_id,
    kind: row.kind as HandoverItem['kind'],
    label: row.label,
    state: row.state as HandoverItem['state'],
    note: row.note,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function planColumns(fields: ExitPlanFields) {
  return {
    path: fields.path,
    recommended_path: fields.recommended_path,
    path_reason: fields.path_reason,
    tell_on: fields.tell_on,
    planned_on: fields.planned_on,
    referral_mode: fields.referral_mode,
    referral_checked: toFlag(fields.referral_checked),
    referral_note: fields.referral_note,
    inputs: JSON.stringify(fields.inputs),
    plan: JSON.stringify(fields.plan),
    updated_at: fields.updated_at,
    updated_by: fields.updated_by,
  };
}

/** Saved exit plans over a Kysely instance or transaction. */
export class SqlExitPlanRepos implements ExitPlanRepos {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  async getExitPlan(workspaceId: string, clientId: string): Promise<StoredExitPlan | undefined> {
    const row = await this.#db
      .selectFrom('exit_plans')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('client_id', '=', clientId)
      .executeTakeFirst();

    return row && presentPlan(row);
  }

  async insertExitPlan(
    workspaceId: string,
    clientId: string,
    row: { id: string; now: string },
    fields: ExitPlanFields,
  ): Promise<StoredExitPlan> {
    const inserted = await this.#db
      .insertInto('exit_plans')
      .values({ id: row.id, workspace_id: workspaceId, client_id: clientId, created_at: row.now, ...planColumns(fields) })
      .returningAll()
      .executeTakeFirstOrThrow();

    return presentPlan(inserted);
  }

  async updateExitPlan(workspaceId: string, planId: string, fields: ExitPlanFields): Promise<StoredExitPlan | undefined> {
    const row = await this.#db
      .updateTable('exit_plans')
      .set(planColumns(fields))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', planId)
      .returningAll()
      .executeTakeFirst();

    return row && presentPlan(row);
  }

  async listExitSteps(workspaceId: string, planId: string): Promise<StoredExitStep[]> {
    const rows = await this.#db
      .selectFrom('exit_plan_steps')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('plan_id', '=', planId)
      .orderBy('ord')
      .execute();

    return rows.map(presentStep);
  }

  async getExitStep(workspaceId: string, stepId: string): Promise<StoredExitStep | undefined> {
    const row = await this.#db
      .selectFrom('exit_plan_steps')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', stepId)
      .executeTakeFirst();

    return row && presentStep(row);
  }

  async replaceExitSteps(
    workspaceId: string,
    planId: string,
    steps: ReadonlyArray<MergedStep & { id: string }>,
    now: string,
  ): Promise<StoredExitStep[]> {
    const existing = new Map((await this.listExitSteps(workspaceId, planId)).map((s) => [s.key, s]));
    const keep = new Set(steps.map((s) => s.key));
    const gone = [...existing.values()].filter((s) => !keep.has(s.key)).map((s) => s.id);
    if (gone.length > 0)
      await this.#db.deleteFrom('exit_plan_steps').where('workspace_id', '=', workspaceId).where('id', 'in', gone).execute();
    for (const s of steps) {
      const columns = {
        ord: s.ord,
        title: s.title,
        due: s.due,
        owner: s.owner,
        rule: s.rule,
        adjusted: toFlag(s.adjusted),
        done_at: s.done_at,
        done_by: s.done_by,
        done_note: s.done_note,
        updated_at: now,
      };
      const before = existing.get(s.key);
      if (before) {
        await this.#db
          .updateTable('exit_plan_steps')
          .set(columns)
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', before.id)
          .execute();
      } else {
        await this.#db
          .insertInto('exit_plan_steps')
          .values({ id: s.id, workspace_id: workspaceId, plan_id: planId, key: s.key, created_at: now, ...columns })
          .execute();
      }
    }

    return this.listExitSteps(workspaceId, planId);
  }

  async setExitStepDone(
    workspaceId: string,
    stepId: string,
    done: { done_at: string; done_by: string; done_note: string } | null,
    now: string,
  ): Promise<StoredExitStep | undefined> {
    const row = await this.#db
      .updateTable('exit_plan_steps')
      .set({
        done_at: done?.done_at ?? null,
        done_by: done?.done_by ?? null,
        done_note: done ? done.done_note : null,
        updated_at: now,
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', stepId)
      .returningAll()
      .executeTakeFirst();

    return row && presentStep(row);
  }

  async listOverdueExitSteps(workspaceId: string, today: string): Promise<OverdueStepRow[]> {
    const rows = await this.#db
      .selectFrom('exit_plan_steps as s')
      .innerJoin('exit_plans as p', (j) => j.onRef('p.id', '=', 's.plan_id').onRef('p.workspace_id', '=', 's.workspace_id'))
      .innerJoin('clients as c', (j) => j.onRef('c.id', '=', 'p.client_id').onRef('c.workspace_id', '=', 'p.workspace_id'))
      .select([
        'c.id as client_id',
        'c.name as client_name',
        'p.id as plan_id',
        's.id as step_id',
        's.key as key',
        's.title as title',
        's.due as due',
        's.owner as owner',
        's.rule as rule',
        's.ord as ord',
      ])
      .where('s.workspace_id', '=', workspaceId)
      .where('s.done_at', 'is', null)
      .where('s.due', 'is not', null)
      .where('s.due', '<', today)
      .orderBy('s.due')
      .orderBy('c.name_key')
      .orderBy('s.ord')
      .execute();

    return rows.map((r) => ({
      client_id: r.client_id,
      client_name: r.client_name,
      plan_id: r.plan_id,
      step_id: r.step_id,
      key: r.key,
      title: r.title,
      due: r.due as string,
      owner: r.owner,
      rule: r.rule as RuleCode,
    }));
  }

  async listHandoverItems(workspaceId: string, planId: string): Promise<HandoverItem[]> {
    const rows = await this.#db
      .selectFrom('exit_handover_items')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('plan_id', '=', planId)
      .orderBy('ord')
      .orderBy('id')
      .execute();

    return rows.map(presentItem);
  }

  async getHandoverItem(workspaceId: string, itemId: string): Promise<HandoverItem | undefined> {
    const row = await this.#db
      .selectFrom('exit_handover_items')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', itemId)
      .executeTakeFirst();

    return row && presentItem(row);
  }

  async insertHandoverItems(
    workspaceId: string,
    planId: string,
    rows: ReadonlyArray<{ id: string; now: string; item: NewHandoverItem }>,
  ): Promise<HandoverItem[]> {
    if (rows.length === 0) return [];
    const last = await this.#db
      .selectFrom('exit_handover_items')
      .select((eb) => eb.fn.max('ord').as('ord'))
      .where('workspace_id', '=', workspaceId)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    const base = toInt(last?.ord);
    const inserted = await this.#db
      .insertInto('exit_handover_items')
      .values(
        rows.map((r, i) => ({
          id: r.id,
          workspace_id: workspaceId,
          plan_id: planId,
          ord: base + i + 1,
          kind: r.item.kind,
          label: r.item.label,
          state: r.item.state,
          note: r.item.note,
          created_at: r.now,
          updated_at: r.now,
        })),
      )
      .returningAll()
      .execute();

    return inserted.sort((a, b) => toInt(a.ord) - toInt(b.ord)).map(presentItem);
  }

  async updateHandoverItem(
    workspaceId: string,
    itemId: string,
    patch: Partial<NewHandoverItem>,
    now: string,
  ): Promise<HandoverItem | undefined> {
    const set: Partial<Omit<ExitHandoverItemsTable, 'id'>> = { updated_at: now };
    if (patch.kind !== undefined) set.kind = patch.kind;
    if (patch.label !== undefined) set.label = patch.label;
    if (patch.state !== undefined) set.state = patch.state;
    if (patch.note !== undefined) set.note = patch.note;
    const row = await this.#db
      .updateTable('exit_handover_items')
      .set(set)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', itemId)
      .returningAll()
      .executeTakeFirst();

    return row && presentItem(row);
  }

  async deleteHandoverItem(workspaceId: string, itemId: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom('exit_handover_items')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', itemId)
      .executeTakeFirst();

    return toInt(result.numDeletedRows) > 0;
  }
}
