/**
 * The workspace's lessons (issue 8, A4): what past clients taught, searchable by words and by red
 * flag. They come from the reflection after an exit, or are written here; the screening of new
 * clients reads them.
 */
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { RED_FLAG_CODES, type RedFlagCode } from '../../core/vocabulary.js';
import { screeningApi, screeningKeys } from '../api/screening.js';
import { LoadError, PageLoader } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { formatInstant } from '../lib/format.js';
import { notifyError, notifySuccess } from '../lib/notify.js';

function AddLesson({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [codes, setCodes] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError(t('errors.required'));
      return;
    }
    setBusy(true);
    try {
      await screeningApi.addLesson(workspaceId, { text, codes: codes as RedFlagCode[] });
      setText('');
      setCodes([]);
      setError(undefined);
      await queryClient.invalidateQueries({ queryKey: screeningKeys.lessons(workspaceId) });
      notifySuccess(t('lessons.added'));
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} noValidate>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('lessons.text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={error}
          style={{ flex: '2 1 240px' }}
          maxLength={500}
        />
        <MultiSelect
          label={t('lessons.codes')}
          data={RED_FLAG_CODES.map((c) => ({ value: c, label: t(`flag.${c}`) }))}
          value={codes}
          onChange={setCodes}
          searchable
          clearable
          style={{ flex: '1 1 200px' }}
        />
        <Button type="submit" loading={busy} leftSection={<IconPlus size={16} aria-hidden />}>
          {t('lessons.add')}
        </Button>
      </Group>
    </Paper>
  );
}

export function LessonsPage() {
  const { t, i18n } = useTranslation();
  const { workspaceId } = useWorkspace();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(q.trim(), 250);
  useDocumentTitle(`${t('lessons.title')} · RedCard`);
  const query = useQuery({
    queryKey: screeningKeys.lessonSearch(workspaceId, debounced, code ?? ''),
    queryFn: () => screeningApi.lessons(workspaceId, { q: debounced, code: code as RedFlagCode | null }),
    placeholderData: keepPreviousData,
  });
  const remove = async (id: string) => {
    try {
      await screeningApi.deleteLesson(workspaceId, id);
      await queryClient.invalidateQueries({ queryKey: screeningKeys.lessons(workspaceId) });
      notifySuccess(t('common.deleted'));
    } catch (e) {
      notifyError(e);
    }
  };
  const filtering = debounced !== '' || code !== null;

  return (
    <Stack gap="md" maw={1000}>
      <div>
        <Title order={1} size="h2">
          {t('lessons.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('lessons.intro')}
        </Text>
      </div>
      <AddLesson workspaceId={workspaceId} />
      <Group gap="sm" wrap="wrap" role="search">
        <TextInput
          aria-label={t('lessons.search')}
          placeholder={t('lessons.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: '2 1 240px' }}
        />
        <Select
          aria-label={t('lessons.code')}
          placeholder={t('lessons.allCodes')}
          data={RED_FLAG_CODES.map((c) => ({ value: c, label: t(`flag.${c}`) }))}
          value={code}
          onChange={setCode}
          clearable
          style={{ flex: '1 1 200px' }}
        />
      </Group>
      {query.isPending ? (
        <PageLoader />
      ) : query.error ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.lessons.length === 0 ? (
        <Text c="dimmed">{filtering ? t('lessons.noMatch') : t('lessons.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="lessons">
          {query.data.lessons.map((l) => (
            <Paper key={l.id} component="li" withBorder p="md" radius="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                <Stack gap={6}>
                  <Text>{l.text}</Text>
                  <Group gap={6} wrap="wrap">
                    {l.codes.map((c) => (
                      <Badge key={c} variant="outline" size="sm">
                        {t(`flag.${c}`)}
                      </Badge>
                    ))}
                    <Text size="xs" c="dimmed">
                      {l.client_name ? (
                        l.client_id ? (
                          <Anchor component={Link} href={`/clients/${l.client_id}`} size="xs">
                            {t('lessons.fromClient', { client: l.client_name })}
                          </Anchor>
                        ) : (
                          t('lessons.fromClient', { client: l.client_name })
                        )
                      ) : (
                        t('lessons.own')
                      )}{' '}
                      · {formatInstant(l.created_at, i18n.language)}
                    </Text>
                  </Group>
                </Stack>
                <Tooltip label={t('lessons.delete')}>
                  <ActionIcon variant="subtle" color="gray" aria-label={t('lessons.delete')} onClick={() => void remove(l.id)}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
