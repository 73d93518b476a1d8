/**
 * Screening new clients (issue 8, A4): the prospects with their fit score and status, and the form
 * to add one after a first call or a first message (the early signs are found as it is saved).
 */
import { Alert, Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconUserSearch } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { ProspectSummary } from '../../contracts/screening.js';
import { LANGUAGES, type Language } from '../../core/vocabulary.js';
import { isApiError } from '../api/client.js';
import { screeningApi, screeningKeys } from '../api/screening.js';
import { BAND_COLOR } from '../components/screening.js';
import { LoadError, PageLoader } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { LANGUAGE_NATIVE_NAMES } from '../i18n/index.js';
import { formatInstant } from '../lib/format.js';
import { describeError } from '../lib/notify.js';

function NewProspectForm({ workspaceId, defaultLanguage }: { workspaceId: string; defaultLanguage: Language }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ name: '', contact: '', language: defaultLanguage, notes: '', first_messages: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<{ title: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (values.name.trim() === '') {
      setErrors({ name: t('errors.required') });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const created = await screeningApi.createProspect(workspaceId, values);
      await queryClient.invalidateQueries({ queryKey: screeningKeys.prospects(workspaceId) });
      navigate(`/screening/${created.id}`);
    } catch (error) {
      if (isApiError(error)) setErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.path, e.message])));
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="new-prospect-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-prospect-title">
            {t('screening.newProspect')}
          </Title>
          {problem && (
            <Alert color="red" variant="light" title={problem.title} role="alert">
              {problem.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('screening.name')}
              required
              value={values.name}
              onChange={(e) => set('name')(e.currentTarget.value)}
              error={errors.name}
            />
            <TextInput
              label={t('screening.contact')}
              description={t('screening.contactHint')}
              value={values.contact}
              onChange={(e) => set('contact')(e.currentTarget.value)}
              error={errors.contact}
            />
            <Select
              label={t('screening.language')}
              data={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NATIVE_NAMES[l] }))}
              value={values.language}
              onChange={(v) => v && set('language')(v)}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Textarea
            label={t('screening.firstMessages')}
            description={t('screening.firstMessagesHint')}
            autosize
            minRows={3}
            maxRows={10}
            value={values.first_messages}
            onChange={(e) => set('first_messages')(e.currentTarget.value)}
            error={errors.first_messages}
          />
          <Textarea
            label={t('screening.notes')}
            autosize
            minRows={1}
            maxRows={6}
            value={values.notes}
            onChange={(e) => set('notes')(e.currentTarget.value)}
            error={errors.notes}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={busy} leftSection={<IconUserSearch size={16} aria-hidden />}>
              {t('screening.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function ProspectCard({ p }: { p: ProspectSummary }) {
  const { t, i18n } = useTranslation();

  return (
    <Paper withBorder p="md" radius="md" component="li" data-testid="prospect-row">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Anchor component={Link} href={`/screening/${p.id}`} fw={600}>
            {p.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {[p.contact, formatInstant(p.created_at, i18n.language)].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap">
          {p.score === null ? (
            <Badge variant="default">{t('screening.noScore')}</Badge>
          ) : (
            <Badge color={p.band ? BAND_COLOR[p.band] : 'gray'} variant="light" size="lg">
              {p.score} · {p.band ? t(`screening.band.${p.band}`) : ''}
            </Badge>
          )}
          <Badge variant="outline" color={p.status === 'accepted' ? 'teal' : p.status === 'declined' ? 'gray' : 'indigo'}>
            {t(`screening.status.${p.status}`)}
          </Badge>
        </Group>
      </Group>
      {p.sign_kinds.length > 0 && (
        <Group gap={6} mt="xs" wrap="wrap" aria-label={t('screening.colSigns')}>
          {p.sign_kinds.map((k) => (
            <Badge key={k} color="orange" variant="light" size="sm">
              {t(`screening.sign.${k}`)}
            </Badge>
          ))}
        </Group>
      )}
    </Paper>
  );
}

export function ScreeningPage() {
  const { t, i18n } = useTranslation();
  const { workspaceId, workspace } = useWorkspace();
  useDocumentTitle(`${t('screening.title')} · RedCard`);
  const query = useQuery({ queryKey: screeningKeys.prospects(workspaceId), queryFn: () => screeningApi.prospects(workspaceId) });
  const ui = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : workspace.language;
  // The form is open while the list is empty; with prospects listed it waits behind its button.
  const [formOpen, setFormOpen] = useState<boolean | null>(null);
  const showForm = formOpen ?? query.data?.prospects.length === 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Title order={1} size="h2">
            {t('screening.title')}
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            {t('screening.intro')}
          </Text>
        </div>
        {!showForm && (
          <Button leftSection={<IconUserSearch size={16} aria-hidden />} onClick={() => setFormOpen(true)}>
            {t('screening.newProspect')}
          </Button>
        )}
      </Group>
      {showForm && <NewProspectForm workspaceId={workspaceId} defaultLanguage={ui} />}
      {query.isPending ? (
        <PageLoader />
      ) : query.error ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.prospects.length === 0 ? (
        <Text c="dimmed">{t('screening.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {query.data.prospects.map((p) => (
            <ProspectCard key={p.id} p={p} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
