/**
 * The saved exit plan's use cases called directly, on each backend: re-planning keeps done states
 * of steps that remain and the inventory; a refused save stores nothing; tenant isolation holds
 * at the store (another workspace's ids read as absent); deleting the client removes the plan.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeBackends } from '../../test/stores.js';
import { DomainError } from '../core/errors.js';
import { loadDemoCases } from '../demo/load-demo-cases.js';
import { randomIds } from './adapters/system.js';
import { importCase } from './case-files.js';
import { deleteClient } from './clients.js';
import { addHandoverItem, getSavedExitPlan, listOverdueExitSteps, saveExitPlan, setExitStepDone } from './exit-plans.js';
import type { Deps, Store } from './ports.js';
import { createWorkspace } from './workspaces.js';

const TODAY = '2026-11-22';
// The demo's day at noon in Vilnius: the workspace's today is TODAY.
const clock = { now: () => new Date('2026-11-22T10:00:00Z') };

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }

  return 'no error';
}

describe.each(storeBackends())('saved exit plan use cases on $name', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let deps: Pick<Deps, 'store' | 'clock' | 'ids' | 'files'>;
  let ws: string;
  let clientId: string;

  beforeEach(async () => {
    const opened = await backend.open();
    store = opened.store;
    dispose = opened.dispose;
    deps = { store, clock, ids: randomIds, files: undefined as never };
    const workspace = await createWorkspace(deps, {
      name: 'Northlight',
      provider_kind: 'agency',
      currency: 'EUR',
      jurisdiction: 'LT',
      timezone: 'Europe/Vilnius',
      language: 'en',
    });
    ws = workspace.id;
    const imported = await importCase(deps, ws, loadDemoCases()[9] as object);
    clientId = imported.id;
  });
  afterEach(async () => {
    await dispose();
  });

  it('keeps done states and the inventory across a re-plan, and a refused save changes nothing', async () => {
    const first = await saveExitPlan(deps, ws, clientId, {
      path: 'stop_and_collect',
      handover: [{ kind: 'domains', label: 'transbalt.lt at the registrar' }],
    });
    const evidence = first.steps.find((s) => s.key === 'evidence');
    const stop = first.steps.find((s) => s.key === 'stop-work');
    if (!evidence || !stop) throw new Error('expected the evidence and stop-work steps');
    await setExitStepDone(deps, ws, clientId, evidence.id, { done: true, actor: 'Ieva' });
    await setExitStepDone(deps, ws, clientId, stop.id, { done: true });

    const refused = await codeOf(
      saveExitPlan(deps, ws, clientId, {
        path: 'finish_then_exit',
        path_reason: 'The lawyer advised finishing the milestone first.',
        handover: [{ kind: 'hosting', label: 'root password: Tr0ub4dor&3' }],
      }),
    );
    expect(refused).toBe('VALIDATION_FAILED');
    const unchanged = await getSavedExitPlan(deps, ws, clientId);
    expect(unchanged.path).toBe('stop_and_collect');
    expect(unchanged.handover).toHaveLength(1);

    const replanned = await saveExitPlan(deps, ws, clientId, {
      path: 'finish_then_exit',
      path_reason: 'The lawyer advised finishing the milestone first.',
    });
    expect(replanned.id).toBe(first.id);
    const kept = replanned.steps.find((s) => s.key === 'evidence');
    expect(kept).toMatchObject({ id: evidence.id, done: true, done_by: 'Ieva' });
    // stop-work is not a step of the finish path: it is gone, with its done state.
    expect(replanned.steps.some((s) => s.key === 'stop-work')).toBe(false);
    expect(replanned.handover.map((h) => h.label)).toEqual(['transbalt.lt at the registrar']);
    const events = (await store.listClientEvents(ws, clientId)).filter((e) => e.type === 'exit_plan');
    expect(events.map((e) => (e.type === 'exit_plan' ? e.payload.action : ''))).toEqual(['saved', 'step_done', 'step_done', 'replanned']);
  });

  it('isolates workspaces and forgets the plan with its client', async () => {
    const saved = await saveExitPlan(deps, ws, clientId, { path: 'stop_and_collect' });
    const other = await createWorkspace(deps, {
      name: 'Other',
      provider_kind: 'freelancer',
      currency: 'EUR',
      timezone: 'UTC',
      language: 'en',
    });
    expect(await store.exitPlans.getExitPlan(other.id, clientId)).toBeUndefined();
    expect(await store.exitPlans.getExitStep(other.id, saved.steps[0]?.id as string)).toBeUndefined();
    expect(await codeOf(getSavedExitPlan(deps, other.id, clientId))).toBe('CLIENT_NOT_FOUND');
    expect(await codeOf(addHandoverItem(deps, other.id, clientId, { kind: 'files', label: 'Designs' }))).toBe('CLIENT_NOT_FOUND');
    expect((await listOverdueExitSteps(deps, other.id, { today: '2027-01-01' })).items).toEqual([]);
    expect((await listOverdueExitSteps(deps, ws, { today: '2027-01-01' })).items.length).toBe(saved.steps.filter((s) => s.due).length);

    await deleteClient(deps, ws, clientId);
    expect(await store.exitPlans.getExitPlan(ws, clientId)).toBeUndefined();
    expect((await listOverdueExitSteps(deps, ws, { today: '2027-01-01' })).items).toEqual([]);
    expect(TODAY).toBe(saved.planned_on);
  });
});
