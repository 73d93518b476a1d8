/** The typed client of the letter drafts API (issue 6): the letter panel and the editor. */
import type {
  CreateLetterDraftRequest,
  GeneratedLetter,
  GenerateLetterRequest,
  LetterChoices,
  LetterDraft,
  LetterDraftSummary,
  LetterFileFormat,
  SaveLetterVersionRequest,
} from '../../contracts/letters.js';
import { request } from './client.js';

const enc = encodeURIComponent;
const lettersUrl = (w: string, clientId: string) => `/workspaces/${enc(w)}/clients/${enc(clientId)}/letters`;

export const lettersApi = {
  choices: (w: string, clientId: string) => request<LetterChoices>('GET', `${lettersUrl(w, clientId)}/choices`),
  generate: (w: string, clientId: string, body: GenerateLetterRequest) =>
    request<GeneratedLetter>('POST', `${lettersUrl(w, clientId)}/generate`, body),
  list: (w: string, clientId: string) => request<LetterDraftSummary[]>('GET', lettersUrl(w, clientId)),
  get: (w: string, clientId: string, draftId: string) => request<LetterDraft>('GET', `${lettersUrl(w, clientId)}/${enc(draftId)}`),
  create: (w: string, clientId: string, body: CreateLetterDraftRequest) => request<LetterDraft>('POST', lettersUrl(w, clientId), body),
  save: (w: string, clientId: string, draftId: string, body: SaveLetterVersionRequest) =>
    request<LetterDraft>('POST', `${lettersUrl(w, clientId)}/${enc(draftId)}/versions`, body),
  restore: (w: string, clientId: string, draftId: string, number: number) =>
    request<LetterDraft>('POST', `${lettersUrl(w, clientId)}/${enc(draftId)}/versions/${number}/restore`),
  remove: (w: string, clientId: string, draftId: string) => request<void>('DELETE', `${lettersUrl(w, clientId)}/${enc(draftId)}`),
  fileUrl: (w: string, clientId: string, draftId: string, format: LetterFileFormat, version?: number) =>
    `/api${lettersUrl(w, clientId)}/${enc(draftId)}/export/${format}${version ? `?version=${version}` : ''}`,
};

/** Query keys under the client's detail key, so the page's refresh after any write refetches them too. */
export const letterKeys = {
  choices: (w: string, clientId: string) => ['workspaces', w, 'clients', 'detail', clientId, 'letters', 'choices'] as const,
  list: (w: string, clientId: string) => ['workspaces', w, 'clients', 'detail', clientId, 'letters', 'list'] as const,
  draft: (w: string, clientId: string, draftId: string) =>
    ['workspaces', w, 'clients', 'detail', clientId, 'letters', 'draft', draftId] as const,
};
