/**
 * Imports of mail and chat exports, the red-flag suggestions the detector makes on them, and the
 * per-client suppressions of dismissed patterns (issue 3). The upload goes through XMLHttpRequest
 * because fetch reports no upload progress; everything else uses the shared `request`.
 */

import type {
  ConfirmSuggestionInput,
  ConfirmSuggestionResult,
  DismissSuggestionInput,
  DismissSuggestionResult,
  Import,
  ImportFileFormat,
  Suggestion,
  SuggestionStatus,
  Suppression,
} from '../../contracts/imports.js';
import { ApiError, type Problem, request } from './client.js';

// The shapes are the server's contract (contracts/imports.ts); the web names them here once.
export type {
  Import,
  ImportCounts,
  ImportProblemEntry,
  ImportStatus,
  Suggestion,
  SuggestionSpan,
  SuggestionStatus,
  Suppression,
} from '../../contracts/imports.js';

export type ImportFormat = ImportFileFormat;
export type DismissScope = DismissSuggestionInput['scope'];

/**
 * The formats, in the order the page offers them. Kept here rather than imported from the
 * contract so the browser bundle does not pull in zod; the check below fails the typecheck if
 * the server ever accepts a format this list lacks.
 */
export const IMPORT_FORMATS = ['mbox', 'eml', 'csv', 'telegram', 'whatsapp', 'slack'] as const satisfies readonly ImportFormat[];
const everyFormatOffered: Exclude<ImportFormat, (typeof IMPORT_FORMATS)[number]> extends never ? true : false = true;
void everyFormatOffered;

export interface UploadImportInput {
  clientId: string;
  file: File;
  /** Left out: the server recognises the format. */
  format?: ImportFormat;
  /** Called with bytes sent and the total as the browser sends the body. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

const enc = encodeURIComponent;
const ws = (workspaceId: string) => `/workspaces/${enc(workspaceId)}`;

function problemFromXhr(xhr: XMLHttpRequest): Problem {
  const text = typeof xhr.responseText === 'string' ? xhr.responseText : '';
  if (text) {
    try {
      const body = JSON.parse(text) as Partial<Problem> & { issues?: Problem['errors'] };
      if (body && typeof body === 'object') {
        // The contract names field problems `issues`; the rest of the API says `errors`. Accept both.
        return { ...body, errors: body.errors ?? body.issues, status: typeof body.status === 'number' ? body.status : xhr.status };
      }
    } catch {
      // A proxy's HTML page: fall through to the status line.
    }
  }
  // A body-limit cut by a proxy arrives without problem+json; keep the code the UI knows.
  if (xhr.status === 413) return { status: 413, code: 'FILE_TOO_LARGE', title: xhr.statusText || 'Payload Too Large' };

  return { status: xhr.status, title: xhr.statusText || `HTTP ${xhr.status}`, detail: text.slice(0, 300) || undefined };
}

/** Sends the file as multipart/form-data and resolves with the (running) import the server answers 202 with. */
export function uploadImport(workspaceId: string, input: UploadImportInput): Promise<Import> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('client', input.clientId);
    if (input.format) form.append('format', input.format);
    // The file goes last: the server reads the fields before it streams the file.
    form.append('file', input.file, input.file.name);

    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${ws(workspaceId)}/imports`);
    xhr.setRequestHeader('accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (event) => {
      input.onProgress?.(event.loaded, event.lengthComputable ? event.total : input.file.size);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as Import);
        } catch {
          reject(new ApiError({ status: xhr.status, title: 'Unreadable answer', code: 'HTTP_ERROR' }));
        }

        return;
      }
      reject(new ApiError(problemFromXhr(xhr)));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, title: 'Network error', code: 'NETWORK' }));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    if (input.signal) {
      if (input.signal.aborted) {
        reject(new DOMException('The upload was cancelled', 'AbortError'));

        return;
      }
      input.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(form);
  });
}

export const importsApi = {
  upload: uploadImport,
  get: (w: string, id: string) => request<Import>('GET', `${ws(w)}/imports/${enc(id)}`),
  /** Newest first. */
  list: (w: string, clientId: string) => request<{ items: Import[] }>('GET', `${ws(w)}/imports?client=${enc(clientId)}`),
};

export const suggestionsApi = {
  /** Open suggestions by default; without a client, the whole workspace's. */
  list: (w: string, query: { clientId?: string; status?: SuggestionStatus } = {}) => {
    const params = new URLSearchParams();
    if (query.clientId) params.set('client', query.clientId);
    params.set('status', query.status ?? 'open');

    return request<{ items: Suggestion[] }>('GET', `${ws(w)}/suggestions?${params.toString()}`);
  },
  confirm: (w: string, id: string, input: ConfirmSuggestionInput) =>
    request<ConfirmSuggestionResult>('POST', `${ws(w)}/suggestions/${enc(id)}/confirm`, input),
  dismiss: (w: string, id: string, input: DismissSuggestionInput) =>
    request<DismissSuggestionResult>('POST', `${ws(w)}/suggestions/${enc(id)}/dismiss`, input),
};

export const suppressionsApi = {
  list: (w: string, clientId: string) => request<{ items: Suppression[] }>('GET', `${ws(w)}/clients/${enc(clientId)}/suppressions`),
  /** Lifts the suppression: the pattern is suggested again on later imports. */
  remove: (w: string, id: string) => request<void>('DELETE', `${ws(w)}/suppressions/${enc(id)}`),
};

/** Query keys for this feature, under the workspace so a workspace-wide invalidation reaches them. */
export const importKeys = {
  imports: (w: string, clientId: string) => ['workspaces', w, 'imports', 'client', clientId] as const,
  import: (w: string, id: string) => ['workspaces', w, 'imports', 'detail', id] as const,
  /** Every suggestion list of the workspace (for invalidation after a decision or an import). */
  suggestionsAll: (w: string) => ['workspaces', w, 'suggestions'] as const,
  suggestions: (w: string, clientId: string | null) => ['workspaces', w, 'suggestions', clientId ?? 'all'] as const,
  suppressions: (w: string, clientId: string) => ['workspaces', w, 'suppressions', clientId] as const,
};
