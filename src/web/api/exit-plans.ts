/** The typed client of the saved exit plan's API (issue 5): the wizard, the checklist and the overdue list. */
import type {
  ExitPlanPreview,
  HandoverItem,
  HandoverItemInput,
  HandoverItemPatch,
  OverdueSteps,
  SavedExitPlan,
  SaveExitPlanRequest,
  StepDoneRequest,
} from '../../contracts/exit-plan.js';
import { request } from './client.js';

const enc = encodeURIComponent;
const planUrl = (w: string, clientId: string) => `/workspaces/${enc(w)}/clients/${enc(clientId)}/exit-plan`;

export const exitPlanApi = {
  /** The saved plan; rejects with a 404 ApiError (EXIT_PLAN_NOT_FOUND) when none is saved. */
  get: (w: string, clientId: string) => request<SavedExitPlan>('GET', planUrl(w, clientId)),
  preview: (w: string, clientId: string, body: SaveExitPlanRequest) =>
    request<ExitPlanPreview>('POST', `${planUrl(w, clientId)}/preview`, body),
  save: (w: string, clientId: string, body: SaveExitPlanRequest) => request<SavedExitPlan>('PUT', planUrl(w, clientId), body),
  setDone: (w: string, clientId: string, stepId: string, body: StepDoneRequest) =>
    request<SavedExitPlan>('PATCH', `${planUrl(w, clientId)}/steps/${enc(stepId)}`, body),
  addItem: (w: string, clientId: string, body: HandoverItemInput) =>
    request<HandoverItem>('POST', `${planUrl(w, clientId)}/handover`, body),
  updateItem: (w: string, clientId: string, itemId: string, body: HandoverItemPatch) =>
    request<HandoverItem>('PATCH', `${planUrl(w, clientId)}/handover/${enc(itemId)}`, body),
  removeItem: (w: string, clientId: string, itemId: string) => request<void>('DELETE', `${planUrl(w, clientId)}/handover/${enc(itemId)}`),
  fileUrl: (w: string, clientId: string, format: 'ics' | 'pdf') => `/api${planUrl(w, clientId)}.${format}`,
  overdue: (w: string) => request<OverdueSteps>('GET', `/workspaces/${enc(w)}/exit-steps/overdue`),
};

/** Query keys under the client's detail key, so the page's refresh after any write refetches them too. */
export const exitPlanKeys = {
  saved: (w: string, clientId: string) => ['workspaces', w, 'clients', 'detail', clientId, 'exit-plan'] as const,
  preview: (w: string, clientId: string, body: unknown) =>
    ['workspaces', w, 'clients', 'detail', clientId, 'exit-plan-preview', body] as const,
  overdue: (w: string) => ['workspaces', w, 'exit-steps', 'overdue'] as const,
};
