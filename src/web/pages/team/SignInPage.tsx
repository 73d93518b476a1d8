/** Sign-in (team mode): email and password; a way to ask for a reset link. */
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import { teamApi } from '../../api/team.js';
import { PublicShell } from './shell.js';

export function SignInPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [forgot, setForgot] = useState<'no' | 'asking' | 'sent'>('no');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (forgot === 'asking') {
        await teamApi.requestReset(email.trim());
        setForgot('sent');
      } else {
        await teamApi.signIn(email.trim(), password);
        await queryClient.invalidateQueries();
      }
    } catch (cause) {
      setError(isApiError(cause) && cause.status === 429 ? t('team.tooMany') : t('team.signInFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicShell title={t('team.signInTitle')}>
      <Text size="sm" c="dimmed">
        {forgot === 'no' ? t('team.signInIntro') : t('team.forgotIntro')}
      </Text>
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      {forgot === 'sent' ? (
        <Alert color="teal" variant="light" role="status">
          {t('team.forgotSent')}
        </Alert>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <Stack gap="sm">
            <TextInput
              label={t('team.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            {forgot === 'no' && (
              <PasswordInput
                label={t('team.password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
            )}
            <Button type="submit" loading={busy}>
              {forgot === 'no' ? t('team.signIn') : t('team.forgotSubmit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => {
          setForgot(forgot === 'no' ? 'asking' : 'no');
          setError(null);
        }}
      >
        {forgot === 'no' ? t('team.forgot') : t('team.backToSignIn')}
      </Anchor>
    </PublicShell>
  );
}
