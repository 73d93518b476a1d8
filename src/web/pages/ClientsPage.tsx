/** Home for now: the client list, its search and filter, and the first steps when it is empty. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  CloseButton,
  FileButton,
  Group,
  List,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue, useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { IconAlertCircle, IconFileImport, IconPlus, IconSearch, IconUsers } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, type MouseEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'wouter';
import type { ClientSummary } from '../../contracts/records.js';
import { LIMITS } from '../../core/limits.js';
import { CLIENT_STATUSES, type ClientStatus } from '../../core/vocabulary.js';
import { api, type FieldError, isApiError, keys } from '../api/client.js';
import { languageName, StatusBadge } from '../components/labels.js';
import { OverdueSteps } from '../components/OverdueSteps.js';
import { LoadError, PageLoader } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { ClientForm } from '../forms/ClientForm.js';
import { formatBytes, formatDate } from '../lib/format.js';
import { formatMoney } from '../lib/money.js';
import { describeError, notifyError, notifySuccess } from '../lib/notify.js';

function isStatus(v: string | null): v is ClientStatus {
  return v !== null && (CLIENT_STATUSES as readonly string[]).includes(v);
}

function IncidentsCell({ c }: { c: ClientSummary }) {
  const { t } = useTranslation();
  if (c.open_incidents === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('clients.noIncidents')}
      </Text>
    );
  }

  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{c.open_incidents}</Text>
      {c.serious_incidents > 0 && (
        <Badge color="orange" variant="light" size="sm">
          {t('plural.serious', { count: c.serious_incidents })}
        </Badge>
      )}
    </Group>
  );
}

function CardsCell({ c }: { c: ClientSummary }) {
  const { t } = useTranslation();
  if (c.cards_yellow === 0 && c.cards_red === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }

  return (
    <Group gap={4} wrap="nowrap">
      {c.cards_yellow > 0 && (
        <Tooltip label={t('plural.yellowCards', { count: c.cards_yellow })}>
          <Badge color="yellow" variant="filled" size="sm" aria-label={t('plural.yellowCards', { count: c.cards_yellow })} c="dark">
            {c.cards_yellow}
          </Badge>
        </Tooltip>
      )}
      {c.cards_red > 0 && (
        <Tooltip label={t('plural.redCards', { count: c.cards_red })}>
          <Badge color="red" variant="filled" size="sm" aria-label={t('plural.redCards', { count: c.cards_red })}>
            {c.cards_red}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

function ClientTable({ clients, currency }: { clients: ClientSummary[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const lang = i18n.language;
  const open = (id: string) => navigate(`/clients/${id}`);
  const onKey = (e: KeyboardEvent, id: string) => {
    if (e.key === 'Enter' && e.target === e.currentTarget) open(id);
  };

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm" aria-label={t('clients.listLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('clients.colName')}</Table.Th>
            <Table.Th>{t('clients.colStatus')}</Table.Th>
            <Table.Th>{t('clients.colLanguage')}</Table.Th>
            <Table.Th>{t('clients.colIncidents')}</Table.Th>
            <Table.Th>{t('clients.colCards')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('clients.colOwed')}</Table.Th>
            <Table.Th>{t('clients.colLastIncident')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clients.map((c) => (
            <Table.Tr key={c.id} className="rc-row-link" onClick={() => open(c.id)} onKeyDown={(e) => onKey(e, c.id)}>
              <Table.Td>
                <Anchor component={Link} href={`/clients/${c.id}`} fw={600} onClick={(e: MouseEvent) => e.stopPropagation()}>
                  {c.name}
                </Anchor>
                {c.manager && (
                  <Text size="xs" c="dimmed">
                    {c.manager}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{languageName(c.language, lang)}</Text>
              </Table.Td>
              <Table.Td>
                <IncidentsCell c={c} />
              </Table.Td>
              <Table.Td>
                <CardsCell c={c} />
              </Table.Td>
              <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                <Text size="sm" c={c.owed_minor > 0 ? undefined : 'dimmed'}>
                  {formatMoney(c.owed_minor, currency, lang)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.last_incident_on ? formatDate(c.last_incident_on, lang) : '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone: one card per client instead of a wide table. */
function ClientCards({ clients, currency }: { clients: ClientSummary[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;

  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('clients.listLabel')}>
      {clients.map((c) => (
        <li key={c.id}>
          <Card withBorder padding="sm" component={Link} href={`/clients/${c.id}`} style={{ color: 'inherit', textDecoration: 'none' }}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text fw={600} truncate>
                  {c.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {languageName(c.language, lang)}
                  {c.manager ? ` · ${c.manager}` : ''}
                </Text>
              </div>
              <StatusBadge status={c.status} />
            </Group>
            <Group justify="space-between" mt="xs" gap="xs">
              <Group gap="xs">
                <Text size="xs" c="dimmed">
                  {t('clients.colIncidents')}:
                </Text>
                <IncidentsCell c={c} />
                {(c.cards_yellow > 0 || c.cards_red > 0) && <CardsCell c={c} />}
              </Group>
              <Text size="sm" fw={c.owed_minor > 0 ? 600 : undefined} c={c.owed_minor > 0 ? undefined : 'dimmed'}>
                {formatMoney(c.owed_minor, currency, lang)}
              </Text>
            </Group>
            {c.last_incident_on && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('clients.colLastIncident')}: {formatDate(c.last_incident_on, lang)}
              </Text>
            )}
          </Card>
        </li>
      ))}
    </Stack>
  );
}

function FirstSteps({ onNew }: { onNew: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { workspace, setWorkspaceId } = useWorkspace();
  const [opening, setOpening] = useState(false);

  // The demo lives in its own workspace, created on first request; the user's data is untouched.
  const openDemo = async () => {
    setOpening(true);
    try {
      const demo = await api.openDemo();
      await queryClient.invalidateQueries({ queryKey: keys.workspaces });
      await queryClient.invalidateQueries({ queryKey: keys.config });
      setWorkspaceId(demo.id);
    } catch (error) {
      notifyError(error);
    } finally {
      setOpening(false);
    }
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
      <Stack gap="md" maw={640}>
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" size="xl" radius="xl" aria-hidden>
            <IconUsers size={22} />
          </ThemeIcon>
          <Title order={2} size="h3">
            {t('clients.emptyTitle')}
          </Title>
        </Group>
        <Text>{t('clients.emptyBody')}</Text>
        <List type="ordered" spacing="xs">
          <List.Item>{t('clients.step1')}</List.Item>
          <List.Item>{t('clients.step2')}</List.Item>
          <List.Item>{t('clients.step3')}</List.Item>
        </List>
        <Group gap="sm">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onNew}>
            {t('clients.newClient')}
          </Button>
        </Group>
        {!workspace.is_demo && (
          <Alert variant="light" color="gray">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('clients.demoOffer')}</Text>
              <Button variant="default" size="xs" loading={opening} onClick={() => void openDemo()}>
                {t('clients.openDemo')}
              </Button>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function ImportErrors({ errors, onClose }: { errors: { title: string; detail: string; list: FieldError[] } | null; onClose: () => void }) {
  const { t } = useTranslation();

  return (
    <Modal
      opened={errors !== null}
      onClose={onClose}
      title={t('clients.importFailed')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {errors && (
        <Stack gap="sm">
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={errors.title} role="alert">
            {errors.detail}
          </Alert>
          {errors.list.length > 0 && (
            <>
              <Text size="sm">{t('clients.importNothingSaved')}</Text>
              <List size="sm" spacing={4}>
                {errors.list.map((e) => (
                  <List.Item key={`${e.path}:${e.message}`}>
                    <Text span ff="monospace" size="sm" fw={600}>
                      {e.path}
                    </Text>
                    : {e.message}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

export function ClientsPage() {
  const { t, i18n } = useTranslation();
  const { workspaceId, workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const statusParam = params.get('status');
  const status: ClientStatus | '' = isStatus(statusParam) ? statusParam : '';
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search, 300);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [importErrors, setImportErrors] = useState<{ title: string; detail: string; list: FieldError[] } | null>(null);
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  useDocumentTitle(`${t('clients.title')} · RedCard`);

  // The search box writes to the URL once typing pauses; a change of the URL from elsewhere
  // (back button, a link) is written back into the box.
  const written = useRef(q);
  useEffect(() => {
    if (q !== written.current) {
      written.current = q;
      setSearch(q);
    }
  }, [q]);
  useEffect(() => {
    const trimmed = debounced.trim();
    if (trimmed === written.current) return;
    written.current = trimmed;
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (trimmed) next.set('q', trimmed);
        else next.delete('q');

        return next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);

  const setStatus = (value: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set('status', value);
      else next.delete('status');

      return next;
    });

  const list = useQuery({
    queryKey: keys.clientList(workspaceId, q, status),
    queryFn: () => api.clients.list(workspaceId, { q, status }),
    placeholderData: keepPreviousData,
  });

  const importCase = async (file: File | null) => {
    if (!file) return;
    if (file.size > LIMITS.caseFileMaxBytes) {
      notifyError(new Error(t('errors.fileTooLarge', { limit: formatBytes(LIMITS.caseFileMaxBytes, i18n.language) })));
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      setImportErrors({ title: t('errors.code.INVALID_CASE_FILE'), detail: t('errors.invalidJson'), list: [] });
      return;
    }
    setImporting(true);
    try {
      const { client } = await api.cases.import(workspaceId, body);
      await queryClient.invalidateQueries({ queryKey: keys.clients(workspaceId) });
      notifySuccess(t('clients.imported', { name: client.name }));
      navigate(`/clients/${client.id}`);
    } catch (error) {
      if (isApiError(error) && (error.status === 422 || error.status === 409 || error.status === 400 || error.status === 413)) {
        const { title, message } = describeError(error);
        setImportErrors({ title, detail: message, list: error.fieldErrors });
      } else {
        notifyError(error);
      }
    } finally {
      setImporting(false);
    }
  };

  const filtered = q !== '' || status !== '';
  const clients = list.data ?? [];

  return (
    <Stack gap="md">
      <OverdueSteps />
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} size="h2">
            {t('clients.title')}
          </Title>
          {list.data && (
            <Text size="sm" c="dimmed">
              {workspace.name} · {t('plural.clients', { count: clients.length })}
            </Text>
          )}
        </div>
        <Group gap="sm">
          <FileButton onChange={(f) => void importCase(f)} accept="application/json,.json">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconFileImport size={16} aria-hidden />} loading={importing}>
                {t('clients.importCase')}
              </Button>
            )}
          </FileButton>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('clients.newClient')}
          </Button>
        </Group>
      </Group>

      {(clients.length > 0 || filtered) && (
        <Group gap="sm" align="flex-end" wrap="wrap" role="search">
          <TextInput
            label={t('clients.search')}
            placeholder={t('clients.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maxLength={LIMITS.searchMax}
            rightSection={search ? <CloseButton size="sm" aria-label={t('clients.clearFilters')} onClick={() => setSearch('')} /> : null}
            style={{ flex: '1 1 260px' }}
            maw={420}
          />
          <Select
            label={t('clients.statusFilter')}
            data={[{ value: '', label: t('clients.allStatuses') }, ...CLIENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
            value={status}
            onChange={setStatus}
            allowDeselect={false}
            w={{ base: '100%', xs: 220 }}
          />
        </Group>
      )}

      {list.isPending ? (
        <PageLoader />
      ) : list.error ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : clients.length === 0 && !filtered ? (
        <FirstSteps onNew={() => setCreating(true)} />
      ) : clients.length === 0 ? (
        <Paper withBorder p="lg">
          <Stack gap="xs" align="flex-start">
            <Text>{t('clients.noMatch')}</Text>
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                setSearch('');
                setParams(new URLSearchParams());
              }}
            >
              {t('clients.clearFilters')}
            </Button>
          </Stack>
        </Paper>
      ) : narrow ? (
        <ClientCards clients={clients} currency={workspace.currency} />
      ) : (
        <Paper withBorder radius="md">
          <ClientTable clients={clients} currency={workspace.currency} />
        </Paper>
      )}

      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('form.clientNew')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <ClientForm
          workspaceId={workspaceId}
          onCancel={() => setCreating(false)}
          onDone={(client) => {
            setCreating(false);
            void queryClient.invalidateQueries({ queryKey: keys.clients(workspaceId) });
            notifySuccess(t('clients.created', { name: client.name }));
            navigate(`/clients/${client.id}`);
          }}
        />
      </Modal>
      <ImportErrors errors={importErrors} onClose={() => setImportErrors(null)} />
    </Stack>
  );
}
