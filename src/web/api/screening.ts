/** The typed client of reflection, lessons and screening (issue 8), and of the public prospect form. */
import type {
  Lesson,
  LessonInput,
  LessonList,
  Prospect,
  ProspectInput,
  ProspectLink,
  ProspectList,
  ProspectPatch,
  PublicForm,
  Reflection,
  ReflectionRequest,
} from '../../contracts/screening.js';
import type { RedFlagCode } from '../../core/vocabulary.js';
import { request } from './client.js';

const enc = encodeURIComponent;
const ws = (w: string) => `/workspaces/${enc(w)}`;

export const screeningApi = {
  reflection: (w: string, clientId: string) => request<Reflection>('GET', `${ws(w)}/clients/${enc(clientId)}/reflection`),
  saveReflection: (w: string, clientId: string, body: ReflectionRequest) =>
    request<Reflection>('PUT', `${ws(w)}/clients/${enc(clientId)}/reflection`, body),

  lessons: (w: string, query: { q?: string; code?: RedFlagCode | null }) => {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.code) params.set('code', query.code);
    const qs = params.toString();

    return request<LessonList>('GET', `${ws(w)}/lessons${qs ? `?${qs}` : ''}`);
  },
  addLesson: (w: string, body: LessonInput) => request<Lesson>('POST', `${ws(w)}/lessons`, body),
  deleteLesson: (w: string, id: string) => request<void>('DELETE', `${ws(w)}/lessons/${enc(id)}`),

  prospects: (w: string) => request<ProspectList>('GET', `${ws(w)}/prospects`),
  prospect: (w: string, id: string) => request<Prospect>('GET', `${ws(w)}/prospects/${enc(id)}`),
  createProspect: (w: string, body: ProspectInput) => request<Prospect>('POST', `${ws(w)}/prospects`, body),
  updateProspect: (w: string, id: string, body: ProspectPatch) => request<Prospect>('PATCH', `${ws(w)}/prospects/${enc(id)}`, body),
  createLink: (w: string, id: string) => request<ProspectLink>('POST', `${ws(w)}/prospects/${enc(id)}/link`),
  accept: (w: string, id: string, createClient: boolean) =>
    request<Prospect>('POST', `${ws(w)}/prospects/${enc(id)}/accept`, { create_client: createClient }),
  decline: (w: string, id: string) => request<Prospect>('POST', `${ws(w)}/prospects/${enc(id)}/decline`),

  publicForm: (token: string) => request<PublicForm>('GET', `/public/prospect-forms/${enc(token)}`),
  submitPublicForm: (token: string, answers: Record<string, string>) =>
    request<{ received: true; answered: number }>('POST', `/public/prospect-forms/${enc(token)}`, { answers }),
};

export const screeningKeys = {
  /** Under the client's detail key, so the client page's refresh refetches it. */
  reflection: (w: string, clientId: string) => ['workspaces', w, 'clients', 'detail', clientId, 'reflection'] as const,
  lessons: (w: string) => ['workspaces', w, 'lessons'] as const,
  lessonSearch: (w: string, q: string, code: string) => ['workspaces', w, 'lessons', q, code] as const,
  prospects: (w: string) => ['workspaces', w, 'prospects'] as const,
  prospect: (w: string, id: string) => ['workspaces', w, 'prospects', id] as const,
  publicForm: (token: string) => ['public-form', token] as const,
};
