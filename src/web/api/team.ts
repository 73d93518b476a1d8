/** The typed client of team mode (issue 7): sign-in through better-auth's endpoints, members, invitations. */
import type { ClientSummary } from '../../contracts/records.js';
import type { Invitation, Member, Role, SessionInfo } from '../../contracts/team.js';
import { request } from './client.js';

const enc = encodeURIComponent;
const ws = (w: string) => `/workspaces/${enc(w)}`;

export const teamApi = {
  session: () => request<SessionInfo>('GET', '/session'),
  signIn: (email: string, password: string) => request<unknown>('POST', '/auth/sign-in/email', { email, password }),
  signOut: () => request<unknown>('POST', '/auth/sign-out', {}),
  /** Ends every session of the signed-in person, on every device. */
  signOutEverywhere: () => request<unknown>('POST', '/auth/revoke-sessions', {}),
  requestReset: (email: string) =>
    request<unknown>('POST', '/auth/request-password-reset', { email, redirectTo: `${window.location.origin}/reset-password` }),
  resetPassword: (token: string, newPassword: string) => request<unknown>('POST', '/auth/reset-password', { token, newPassword }),

  previewInvitation: (token: string) =>
    request<{ email: string; role: Role; workspace_name: string; account_exists: boolean }>(
      'GET',
      `/invitations/preview?token=${enc(token)}`,
    ),
  acceptInvitation: (token: string, name?: string, password?: string) =>
    request<{ email: string; workspace_id: string; created: boolean }>('POST', '/invitations/accept', { token, name, password }),

  members: (w: string) => request<Member[]>('GET', `${ws(w)}/members`),
  changeRole: (w: string, userId: string, role: Role) => request<Member>('PATCH', `${ws(w)}/members/${enc(userId)}`, { role }),
  removeMember: (w: string, userId: string) => request<void>('DELETE', `${ws(w)}/members/${enc(userId)}`),
  invitations: (w: string) => request<Invitation[]>('GET', `${ws(w)}/invitations`),
  invite: (w: string, email: string, role: Role) =>
    request<Invitation & { link: string; mailed: boolean }>('POST', `${ws(w)}/invitations`, { email, role }),
  revokeInvitation: (w: string, id: string) => request<void>('DELETE', `${ws(w)}/invitations/${enc(id)}`),
  assignees: (w: string, clientId: string) => request<{ user_ids: string[] }>('GET', `${ws(w)}/clients/${enc(clientId)}/assignees`),
  assign: (w: string, clientId: string, userIds: string[]) =>
    request<{ user_ids: string[] }>('PUT', `${ws(w)}/clients/${enc(clientId)}/assignees`, { user_ids: userIds }),
  assignments: (w: string) => request<{ client_id: string; user_id: string }[]>('GET', `${ws(w)}/assignments`),
  myClients: (w: string) => request<ClientSummary[]>('GET', `${ws(w)}/clients`),
};

export const teamKeys = {
  session: ['session'] as const,
  members: (w: string) => ['workspaces', w, 'members'] as const,
  invitations: (w: string) => ['workspaces', w, 'invitations'] as const,
  assignees: (w: string, clientId: string) => ['workspaces', w, 'clients', 'detail', clientId, 'assignees'] as const,
  assignments: (w: string) => ['workspaces', w, 'assignments'] as const,
};
