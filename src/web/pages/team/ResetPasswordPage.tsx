/** Setting a (new) password from a one-time link: /reset-password?token=... */
import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { teamApi } from '../../api/team.js';
import { PublicShell } from './shell.js';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [state, setState] = useState<'editing' | 'busy' | 'done' | 'invalid'>('editing');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState('busy');
    try {
      await teamApi.resetPassword(token, password);
      setState('done');
    } catch {
      setState('invalid');
    }
  };

  return (
    <PublicShell title={t('team.resetTitle')}>
      {state === 'done' ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light" role="status">
            {t('team.resetDone')}
          </Alert>
          <Button onClick={() => navigate('/', { replace: true })}>{t('team.backToSignIn')}</Button>
        </Stack>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <Stack gap="sm">
            {state === 'invalid' && (
              <Alert color="red" variant="light" role="alert">
                {t('team.resetInvalid')}
              </Alert>
            )}
            <PasswordInput
              label={t('team.newPassword')}
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
            <Button type="submit" loading={state === 'busy'} disabled={password.length < 10}>
              {t('team.resetSubmit')}
            </Button>
          </Stack>
        </form>
      )}
    </PublicShell>
  );
}
