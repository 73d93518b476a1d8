/** Accepting an invitation: /invite?token=... shows the workspace and role, then name and password. */
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { teamApi, teamKeys } from '../../api/team.js';
import { PageLoader } from '../../components/status.js';
import { describeError } from '../../lib/notify.js';
import { PublicShell } from './shell.js';

export function AcceptInvitePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const preview = useQuery({ queryKey: ['invitation', token], queryFn: () => teamApi.previewInvitation(token), retry: false });
  // Someone already signed in with the invited email joins with one click.
  const session = useQuery({ queryKey: teamKeys.session, queryFn: teamApi.session });
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (preview.isPending) return <PageLoader />;
  if (!preview.data)
    return (
      <PublicShell title={t('team.signInTitle')}>
        <Alert color="red" variant="light" role="alert">
          {t('team.inviteInvalid')}
        </Alert>
      </PublicShell>
    );
  const invitation = preview.data;
  const signedInAsInvited = session.data?.user?.email === invitation.email;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (signedInAsInvited) {
        await teamApi.acceptInvitation(token);
      } else {
        await teamApi.acceptInvitation(token, name.trim(), password);
        await teamApi.signIn(invitation.email, password);
      }
      navigate('/', { replace: true });
      await queryClient.invalidateQueries();
    } catch (cause) {
      setError(describeError(cause).title);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicShell title={t('team.inviteTitle', { workspace: invitation.workspace_name })}>
      <Text size="sm">{t('team.inviteIntro', { role: t(`team.roleName.${invitation.role}`), email: invitation.email })}</Text>
      {signedInAsInvited ? (
        <form onSubmit={(e) => void submit(e)}>
          <Stack gap="sm">
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={busy}>
              {t('team.joinSubmit')}
            </Button>
          </Stack>
        </form>
      ) : invitation.account_exists ? (
        <Alert color="yellow" variant="light">
          {t('team.accountExists')}
        </Alert>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <Stack gap="sm">
            {error && (
              <Alert color="red" variant="light" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t('team.yourName')}
              autoComplete="name"
              required
              maxLength={120}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('team.password')}
              autoComplete="new-password"
              required
              minLength={10}
              maxLength={256}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Text size="xs" c="dimmed">
              {t('team.passwordHint')}
            </Text>
            <Button type="submit" loading={busy} disabled={password.length < 10 || name.trim() === ''}>
              {t('team.acceptSubmit')}
            </Button>
          </Stack>
        </form>
      )}
    </PublicShell>
  );
}
