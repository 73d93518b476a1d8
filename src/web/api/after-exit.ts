/** The typed client of the after-exit API (issue 8): contact after close, review dates, how early, the yearly review. */
import type { AfterExitOverview, AfterExitView, ClientReview, ReviewDateInput, YearReview } from '../../contracts/after-exit.js';
import { request } from './client.js';

const enc = encodeURIComponent;
const clientUrl = (w: string, clientId: string) => `/workspaces/${enc(w)}/clients/${enc(clientId)}`;

export const afterExitApi = {
  view: (w: string, clientId: string) => request<AfterExitView>('GET', `${clientUrl(w, clientId)}/after-exit`),
  setReview: (w: string, clientId: string, body: ReviewDateInput) =>
    request<ClientReview>('PUT', `${clientUrl(w, clientId)}/review-date`, body),
  clearReview: (w: string, clientId: string) => request<void>('DELETE', `${clientUrl(w, clientId)}/review-date`),
  overview: (w: string) => request<AfterExitOverview>('GET', `/workspaces/${enc(w)}/after-exit`),
  year: (w: string, year: number) => request<YearReview>('GET', `/workspaces/${enc(w)}/reviews/${year}`),
};

/** Under the client's detail key (and the clients' key), so every write's refresh refetches them too. */
export const afterExitKeys = {
  view: (w: string, clientId: string) => ['workspaces', w, 'clients', 'detail', clientId, 'after-exit'] as const,
  overview: (w: string) => ['workspaces', w, 'clients', 'after-exit-overview'] as const,
  year: (w: string, year: number) => ['workspaces', w, 'clients', 'year-review', year] as const,
};
