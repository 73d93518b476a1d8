/**
 * The typed HTTP client of the web UI. Every call goes to /api on the same origin; failures throw
 * an ApiError carrying the problem+json body (RFC 9457) so forms can show `detail` and put each
 * `errors[].path` on its field.
 */

import type { Assessment } from '../../contracts/assessment.js';
import type { Dashboard, ScoreHistory } from '../../contracts/dashboard.js';
import type {
  ClientEvent,
  ClientSteps,
  EscalationResult,
  ReassignRequest,
  RedCardRequest,
  StatusChangeRequest,
  YellowCardRequest,
} from '../../contracts/events.js';
import type { ExitPlan } from '../../contracts/plan.js';
import type {
  Card,
  CardPatch,
  ChainReport,
  Client,
  ClientDetail,
  ClientInput,
  ClientPatch,
  ClientSummary,
  Contract,
  ContractInput,
  Engagement,
  EngagementInput,
  EngagementPatch,
  EvidenceEntry,
  Incident,
  IncidentInput,
  IncidentPatch,
  Invoice,
  InvoiceInput,
  InvoicePatch,
  Message,
  MessageInput,
  MessagePatch,
  PaymentInput,
  TimeEntry,
  Workspace,
  WorkspaceInput,
  WorkspacePatch,
} from '../../contracts/records.js';
import type { ExitPath } from '../../core/exit/types.js';
import type { ClientStatus } from '../../core/vocabulary.js';

export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code ?? (problem.status === 0 ? 'NETWORK' : 'HTTP_ERROR');
    this.problem = problem;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

export interface AppConfig {
  default_workspace_id: string;
  demo_workspace_id: string | null;
  version: string;
}

export interface Health {
  status: 'ok';
  store: 'sqlite' | 'postgres';
}

/** Inputs as the UI sends them: fields with server defaults may be left out. */
type In<T> = Partial<T> & Record<string, unknown>;

async function readProblem(res: Response): Promise<Problem> {
  const text = await res.text().catch(() => '');
  if (text) {
    try {
      const body = JSON.parse(text) as Partial<Problem>;
      if (body && typeof body === 'object') return { ...body, status: typeof body.status === 'number' ? body.status : res.status };
    } catch {
      // Not JSON (a proxy's HTML page, for instance): fall through.
    }
  }

  return { status: res.status, title: res.statusText || `HTTP ${res.status}`, detail: text.slice(0, 300) || undefined };
}

export async function request<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json, application/problem+json');
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers.set('content-type', 'application/json');
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { ...init, method, headers, body: payload });
  } catch (cause) {
    throw new ApiError({
      status: 0,
      title: 'Network error',
      detail: cause instanceof Error ? cause.message : String(cause),
      code: 'NETWORK',
    });
  }
  if (!res.ok) throw new ApiError(await readProblem(res));
  if (res.status === 204) return undefined as T;
  const text = await res.text();

  return (text ? JSON.parse(text) : undefined) as T;
}

const enc = encodeURIComponent;
const ws = (workspaceId: string) => `/workspaces/${enc(workspaceId)}`;

export const api = {
  health: () => request<Health>('GET', '/health'),
  config: () => request<AppConfig>('GET', '/config'),
  /** Creates the demo workspace once (idempotent) and answers it. */
  openDemo: () => request<Workspace>('POST', '/demo'),

  workspaces: {
    list: () => request<Workspace[]>('GET', '/workspaces'),
    get: (w: string) => request<Workspace>('GET', ws(w)),
    create: (input: In<WorkspaceInput>) => request<Workspace>('POST', '/workspaces', input),
    update: (w: string, patch: WorkspacePatch) => request<Workspace>('PATCH', ws(w), patch),
  },

  clients: {
    list: (w: string, query: { q?: string; status?: ClientStatus | '' } = {}) => {
      const params = new URLSearchParams();
      if (query.q) params.set('q', query.q);
      if (query.status) params.set('status', query.status);
      const qs = params.toString();

      return request<ClientSummary[]>('GET', `${ws(w)}/clients${qs ? `?${qs}` : ''}`);
    },
    get: (w: string, id: string) => request<ClientDetail>('GET', `${ws(w)}/clients/${enc(id)}`),
    create: (w: string, input: In<ClientInput>) => request<Client>('POST', `${ws(w)}/clients`, input),
    update: (w: string, id: string, patch: ClientPatch) => request<Client>('PATCH', `${ws(w)}/clients/${enc(id)}`, patch),
    remove: (w: string, id: string) => request<void>('DELETE', `${ws(w)}/clients/${enc(id)}`),
    caseFileUrl: (w: string, id: string) => `/api${ws(w)}/clients/${enc(id)}/case`,
    exportCase: (w: string, id: string) => request<unknown>('GET', `${ws(w)}/clients/${enc(id)}/case`),
  },

  cases: {
    import: (w: string, caseFile: unknown) => request<{ client: Client }>('POST', `${ws(w)}/cases`, caseFile),
  },

  contract: {
    put: (w: string, clientId: string, input: In<ContractInput>) =>
      request<Contract>('PUT', `${ws(w)}/clients/${enc(clientId)}/contract`, input),
    remove: (w: string, clientId: string) => request<void>('DELETE', `${ws(w)}/clients/${enc(clientId)}/contract`),
  },

  engagements: {
    create: (w: string, clientId: string, input: In<EngagementInput>) =>
      request<Engagement>('POST', `${ws(w)}/clients/${enc(clientId)}/engagements`, input),
    update: (w: string, id: string, patch: EngagementPatch) => request<Engagement>('PATCH', `${ws(w)}/engagements/${enc(id)}`, patch),
    remove: (w: string, id: string) => request<void>('DELETE', `${ws(w)}/engagements/${enc(id)}`),
  },

  invoices: {
    create: (w: string, clientId: string, input: In<InvoiceInput>) =>
      request<Invoice>('POST', `${ws(w)}/clients/${enc(clientId)}/invoices`, input),
    update: (w: string, id: string, patch: InvoicePatch) => request<Invoice>('PATCH', `${ws(w)}/invoices/${enc(id)}`, patch),
    remove: (w: string, id: string) => request<void>('DELETE', `${ws(w)}/invoices/${enc(id)}`),
    addPayment: (w: string, invoiceId: string, input: PaymentInput) =>
      request<Invoice>('POST', `${ws(w)}/invoices/${enc(invoiceId)}/payments`, input),
    removePayment: (w: string, paymentId: string) => request<void>('DELETE', `${ws(w)}/payments/${enc(paymentId)}`),
  },

  time: {
    put: (w: string, clientId: string, month: string, hours: number) =>
      request<TimeEntry>('PUT', `${ws(w)}/clients/${enc(clientId)}/time/${enc(month)}`, { hours }),
    remove: (w: string, clientId: string, month: string) => request<void>('DELETE', `${ws(w)}/clients/${enc(clientId)}/time/${enc(month)}`),
  },

  incidents: {
    create: (w: string, clientId: string, input: In<IncidentInput>) =>
      request<Incident>('POST', `${ws(w)}/clients/${enc(clientId)}/incidents`, input),
    update: (w: string, id: string, patch: IncidentPatch) => request<Incident>('PATCH', `${ws(w)}/incidents/${enc(id)}`, patch),
    remove: (w: string, id: string) => request<void>('DELETE', `${ws(w)}/incidents/${enc(id)}`),
  },

  evidence: {
    upload: (w: string, incidentId: string, file: File, note?: string) => {
      const form = new FormData();
      if (note) form.append('note', note);
      form.append('file', file, file.name);

      return request<EvidenceEntry>('POST', `${ws(w)}/incidents/${enc(incidentId)}/evidence`, form);
    },
    fileUrl: (w: string, evidenceId: string) => `/api${ws(w)}/evidence/${enc(evidenceId)}/file`,
    verify: (w: string) => request<ChainReport>('GET', `${ws(w)}/evidence/verify`),
  },

  cards: {
    /** Only the note: a card's colour and date change through escalation steps. */
    update: (w: string, id: string, patch: Pick<CardPatch, 'note'>) => request<Card>('PATCH', `${ws(w)}/cards/${enc(id)}`, patch),
  },

  assessment: {
    get: (w: string, clientId: string) => request<Assessment>('GET', `${ws(w)}/clients/${enc(clientId)}/assessment`),
  },

  dashboard: {
    get: (w: string) => request<Dashboard>('GET', `${ws(w)}/dashboard`),
    scoreHistory: (w: string, clientId: string) => request<ScoreHistory>('GET', `${ws(w)}/clients/${enc(clientId)}/score-history`),
  },

  plan: {
    get: (w: string, clientId: string, path?: ExitPath) =>
      request<ExitPlan>('GET', `${ws(w)}/clients/${enc(clientId)}/plan${path ? `?path=${enc(path)}` : ''}`),
    /** The download links: .ics (calendar) and .pdf (printable plan). */
    fileUrl: (w: string, clientId: string, format: 'ics' | 'pdf', path?: ExitPath) =>
      `/api${ws(w)}/clients/${enc(clientId)}/plan.${format}${path ? `?path=${enc(path)}` : ''}`,
  },

  escalation: {
    yellowCard: (w: string, clientId: string, input: YellowCardRequest) =>
      request<EscalationResult>('POST', `${ws(w)}/clients/${enc(clientId)}/cards/yellow`, input),
    redCard: (w: string, clientId: string, input: RedCardRequest) =>
      request<EscalationResult>('POST', `${ws(w)}/clients/${enc(clientId)}/cards/red`, input),
    reassign: (w: string, clientId: string, input: ReassignRequest) =>
      request<EscalationResult>('POST', `${ws(w)}/clients/${enc(clientId)}/reassign`, input),
    status: (w: string, clientId: string, input: StatusChangeRequest) =>
      request<EscalationResult>('POST', `${ws(w)}/clients/${enc(clientId)}/status`, input),
    events: (w: string, clientId: string) => request<ClientEvent[]>('GET', `${ws(w)}/clients/${enc(clientId)}/events`),
    /** Every step judged now: allowed or refused (and why), and what it asks for. */
    steps: (w: string, clientId: string) => request<ClientSteps>('GET', `${ws(w)}/clients/${enc(clientId)}/steps`),
  },

  messages: {
    create: (w: string, clientId: string, input: In<MessageInput>) =>
      request<Message>('POST', `${ws(w)}/clients/${enc(clientId)}/messages`, input),
    update: (w: string, id: string, patch: MessagePatch) => request<Message>('PATCH', `${ws(w)}/messages/${enc(id)}`, patch),
    remove: (w: string, id: string) => request<void>('DELETE', `${ws(w)}/messages/${enc(id)}`),
  },
};

/** Query keys, in one place so mutations invalidate exactly what they change. */
export const keys = {
  config: ['config'] as const,
  workspaces: ['workspaces'] as const,
  clients: (w: string) => ['workspaces', w, 'clients'] as const,
  clientList: (w: string, q: string, status: string) => ['workspaces', w, 'clients', 'list', q, status] as const,
  client: (w: string, id: string) => ['workspaces', w, 'clients', 'detail', id] as const,
  /** Under the client's key, so invalidating the client refreshes them too. */
  assessment: (w: string, id: string) => ['workspaces', w, 'clients', 'detail', id, 'assessment'] as const,
  plan: (w: string, id: string) => ['workspaces', w, 'clients', 'detail', id, 'plan'] as const,
  events: (w: string, id: string) => ['workspaces', w, 'clients', 'detail', id, 'events'] as const,
  steps: (w: string, id: string) => ['workspaces', w, 'clients', 'detail', id, 'steps'] as const,
  /** Under the clients' key, so any change to a client refreshes the portfolio. */
  dashboard: (w: string) => ['workspaces', w, 'clients', 'dashboard'] as const,
  scoreHistory: (w: string, id: string) => ['workspaces', w, 'clients', 'detail', id, 'score-history'] as const,
  chain: (w: string) => ['workspaces', w, 'evidence', 'verify'] as const,
};
