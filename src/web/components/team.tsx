/**
 * Team mode in the UI (issue 7). In solo mode none of this shows: TeamGate renders its children
 * as before. In team mode it asks who is signed in; without a session it shows the sign-in,
 * invitation and password pages, with one it gives the pages the session (and each role).
 */
import { Button, Menu, Text } from '@mantine/core';
import { IconLogout, IconUserCircle, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Role, SessionInfo } from '../../contracts/team.js';
import { keys, request } from '../api/client.js';
import { teamApi, teamKeys } from '../api/team.js';
import { notifyError } from '../lib/notify.js';
import { AcceptInvitePage } from '../pages/team/AcceptInvitePage.js';
import { ResetPasswordPage } from '../pages/team/ResetPasswordPage.js';
import { SignInPage } from '../pages/team/SignInPage.js';
import { LoadError, PageLoader } from './status.js';
import { useWorkspace } from './workspace.js';

const SessionContext = createContext<SessionInfo | null>(null);

/** The signed-in session in team mode; null in solo mode. */
export function useTeamSession(): SessionInfo | null {
  return useContext(SessionContext);
}

/** The person's role in the current workspace: always owner in solo mode. */
export function useRole(): Role {
  const session = useTeamSession();
  const { workspaceId } = useWorkspace();
  if (!session) return 'owner';

  return session.workspaces.find((w) => w.id === workspaceId)?.role ?? 'member';
}

/** Shows `member` instead of the children to a member (e.g. their own client list for the portfolio). */
export function ForRole({ member, children }: { member: ReactNode; children: ReactNode }) {
  return <>{useRole() === 'member' ? member : children}</>;
}

export function TeamGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const config = useQuery({
    queryKey: keys.config,
    queryFn: () => request<{ mode?: 'solo' | 'team' }>('GET', '/config'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const team = config.data?.mode === 'team';
  const session = useQuery({ queryKey: teamKeys.session, queryFn: teamApi.session, enabled: team, staleTime: 60_000 });
  const [location] = useLocation();

  if (config.error) return <LoadError error={config.error} onRetry={() => void config.refetch()} />;
  if (!config.data) return <PageLoader />;
  if (!team) return <>{children}</>;
  if (session.error) return <LoadError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <PageLoader />;
  if (location.startsWith('/invite')) return <AcceptInvitePage />;
  if (!session.data.user) return location.startsWith('/reset-password') ? <ResetPasswordPage /> : <SignInPage />;
  if (session.data.workspaces.length === 0)
    return (
      <Text p="xl" maw={560}>
        {t('team.noWorkspace')}
      </Text>
    );

  return <SessionContext.Provider value={session.data}>{children}</SessionContext.Provider>;
}

/** The account menu of the header: who is signed in, the team page, sign out (here or everywhere). */
export function AccountMenu() {
  const { t } = useTranslation();
  const session = useTeamSession();
  const role = useRole();
  if (!session?.user) return null;

  const leave = async (everywhere: boolean) => {
    try {
      await (everywhere ? teamApi.signOutEverywhere() : teamApi.signOut());
    } catch (error) {
      notifyError(error);
      return;
    }
    // A full reload drops every cached answer of the signed-out person.
    window.location.assign('/');
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="sm" leftSection={<IconUserCircle size={16} aria-hidden />} aria-label={t('team.account')}>
          {session.user.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('team.signedInAs', { name: session.user.email })}</Menu.Label>
        {role !== 'member' && (
          <Menu.Item component={Link} href="/team" leftSection={<IconUsersGroup size={16} aria-hidden />}>
            {t('team.membersNav')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void leave(false)}>
          {t('team.signOut')}
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => void leave(true)}
          title={t('team.signOutEverywhereHint')}
        >
          {t('team.signOutEverywhere')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
