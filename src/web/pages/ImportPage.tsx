/**
 * Import a mail archive or chat export into a client's record: choose the client and the file,
 * watch the upload and then the processing, and read the result with what to review next. The
 * running import lives in the URL (?import=ID), so the page can be left and come back to.
 */
import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Grid,
  Group,
  List,
  type MantineColor,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { IconAlertCircle, IconArrowLeft, IconFile, IconFileImport, IconListCheck, IconUpload, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { api, isApiError, keys } from '../api/client.js';
import { IMPORT_FORMATS, type Import, type ImportFormat, importKeys, importsApi } from '../api/imports.js';
import { LoadError } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { formatBytes, formatInstant, formatNumber } from '../lib/format.js';
import { describeError } from '../lib/notify.js';

/** What a file name suggests, shown before upload (the server decides by the content). */
export function guessFormat(fileName: string): ImportFormat | null {
  const lower = fileName.toLowerCase();
  if (/\.(mbox|mbx)$/.test(lower)) return 'mbox';
  if (lower.endsWith('.eml')) return 'eml';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'telegram';
  if (lower.endsWith('.txt')) return 'whatsapp';
  if (lower.endsWith('.zip')) return 'slack';
  // Thunderbird keeps its folders as mbox files without an extension ("Inbox").
  if (!/\.[a-z0-9]{1,5}$/.test(lower)) return 'mbox';

  return null;
}

const STATUS_COLOR: Record<Import['status'], MantineColor> = { running: 'blue', done: 'teal', failed: 'red' };

function isFormat(v: string | null): v is ImportFormat {
  return v !== null && (IMPORT_FORMATS as readonly string[]).includes(v);
}

interface FieldProblems {
  client?: string;
  file?: string;
  format?: string;
}

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  const { i18n } = useTranslation();

  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={650} size="xl" data-testid={testId}>
        {formatNumber(value, i18n.language, 0)}
      </Text>
    </Paper>
  );
}

/** Messages per second over the import's life so far (or its whole run, once finished). */
function rateOf(imp: Import, now: number): number | null {
  const start = Date.parse(imp.startedAt);
  const end = imp.finishedAt ? Date.parse(imp.finishedAt) : now;
  const seconds = (end - start) / 1000;
  if (!Number.isFinite(seconds) || seconds < 0.5 || imp.counts.read === 0) return null;

  return imp.counts.read / seconds;
}

/** The import as it runs, then its result: counts, problems, and the way to the review queue. */
function ImportStatusView({ workspaceId, importId, onAnother }: { workspaceId: string; importId: string; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.import(workspaceId, importId),
    queryFn: () => importsApi.get(workspaceId, importId),
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 1000 : false),
    staleTime: 0,
  });
  const imp = query.data;
  const status = imp?.status;

  // When the import ends, everything it fed is stale: the client's timeline, the queue, the list.
  const seenRunning = useRef(false);
  useEffect(() => {
    if (!imp) return;
    if (status === 'running') {
      seenRunning.current = true;

      return;
    }
    if (seenRunning.current) {
      seenRunning.current = false;
      void queryClient.invalidateQueries({ queryKey: importKeys.suggestionsAll(workspaceId) });
      void queryClient.invalidateQueries({ queryKey: importKeys.imports(workspaceId, imp.clientId) });
      void queryClient.invalidateQueries({ queryKey: keys.clients(workspaceId) });
    }
  }, [imp, status, queryClient, workspaceId]);

  if (query.isPending) {
    return (
      <Paper withBorder p="md" radius="md">
        <Text size="sm" c="dimmed">
          {t('app.loading')}
        </Text>
      </Paper>
    );
  }
  if (query.error || !imp) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const rate = rateOf(imp, Date.now());
  const c = imp.counts;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-status-heading" data-testid="import-status">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={2} size="h4" id="import-status-heading">
              {status === 'running' ? t('importPage.processing') : status === 'done' ? t('importPage.done') : t('importPage.failed')}
            </Title>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {imp.fileName} · {t(`importFormat.${imp.format}.name`)} · {formatInstant(imp.startedAt, lang)}
            </Text>
          </Stack>
          <span data-testid="import-state">
            <ImportStatusBadge status={imp.status} />
          </span>
        </Group>

        {status === 'running' && (
          <Stack gap={4}>
            <Progress value={100} animated striped aria-label={t('importPage.processing')} size="lg" />
            <Text size="xs" c="dimmed" aria-live="polite">
              {rate === null ? t('importPage.starting') : t('importPage.rate', { rate: formatNumber(rate, lang, 0) })} ·{' '}
              {t('importPage.canLeave')}
            </Text>
          </Stack>
        )}

        <SimpleGrid cols={{ base: 2, xs: 3, md: 5 }} spacing="sm">
          <Stat label={t('importPage.countRead')} value={c.read} testId="count-read" />
          <Stat label={t('importPage.countStored')} value={c.stored} testId="count-stored" />
          <Stat label={t('importPage.countDuplicates')} value={c.duplicates} testId="count-duplicates" />
          <Stat label={t('importPage.countSkipped')} value={c.skipped} testId="count-skipped" />
          <Stat label={t('importPage.countSuggestions')} value={c.suggestions} testId="count-suggestions" />
        </SimpleGrid>

        {status === 'failed' && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('importPage.failedTitle')} role="alert">
            <Text size="sm">{imp.error ?? t('errors.loadFailed')}</Text>
            {c.stored > 0 && (
              <Text size="sm" mt={4}>
                {t('importPage.failedKept', { count: c.stored })}
              </Text>
            )}
          </Alert>
        )}

        {status === 'done' && (
          <Text size="sm">
            {c.stored === 0 && c.duplicates > 0
              ? t('importPage.nothingNew', { count: c.duplicates })
              : rate !== null
                ? t('importPage.doneSummary', { count: c.stored, rate: formatNumber(rate, lang, 0) })
                : t('importPage.doneSummaryShort', { count: c.stored })}
          </Text>
        )}

        {imp.problems.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('importPage.problemsTitle', { count: imp.problems.length })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('importPage.problemsHint')}
            </Text>
            <Paper withBorder radius="sm" p="xs" mah={240} style={{ overflow: 'auto' }}>
              <List size="sm" spacing={2} data-testid="import-problems">
                {imp.problems.map((p, i) => (
                  // Problems have no id; their order in the list is stable.
                  // biome-ignore lint/suspicious/noArrayIndexKey: positions may repeat
                  <List.Item key={i}>
                    <Text span ff="monospace" size="xs">
                      {p.position}
                    </Text>
                    {': '}
                    {p.message}
                  </List.Item>
                ))}
              </List>
            </Paper>
          </Stack>
        )}

        <Group gap="sm" wrap="wrap">
          {status !== 'running' && c.suggestions > 0 && (
            <Button
              component={Link}
              href={`/review?client=${encodeURIComponent(imp.clientId)}`}
              leftSection={<IconListCheck size={16} aria-hidden />}
            >
              {t('importPage.review', { count: c.suggestions })}
            </Button>
          )}
          <Button component={Link} href={`/clients/${imp.clientId}`} variant="default">
            {t('importPage.openClient')}
          </Button>
          {status !== 'running' && (
            <Button variant="subtle" leftSection={<IconFileImport size={16} aria-hidden />} onClick={onAnother}>
              {t('importPage.another')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function ImportStatusBadge({ status }: { status: Import['status'] }) {
  const { t } = useTranslation();

  // Never cut: the word is the point of the badge.
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" size="sm" style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {t(`importStatus.${status}`)}
    </Badge>
  );
}

function PastImports({
  workspaceId,
  clientId,
  onOpen,
  currentId,
}: {
  workspaceId: string;
  clientId: string;
  onOpen: (id: string) => void;
  currentId: string | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const query = useQuery({
    queryKey: importKeys.imports(workspaceId, clientId),
    queryFn: () => importsApi.list(workspaceId, clientId),
    // While one of them runs, the list follows it.
    refetchInterval: (q) => (q.state.data?.items.some((i) => i.status === 'running') ? 2000 : false),
  });

  let body: ReactNode;
  if (query.isPending)
    body = (
      <Text size="sm" c="dimmed">
        {t('app.loading')}
      </Text>
    );
  else if (query.error) body = <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  else if (query.data.items.length === 0)
    body = (
      <Text size="sm" c="dimmed">
        {t('importPage.noPast')}
      </Text>
    );
  else if (narrow) {
    // A phone has no room for seven columns: one block per import, the counts on one line.
    body = (
      <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="past-imports">
        {query.data.items.map((imp) => (
          <li
            key={imp.id}
            aria-current={imp.id === currentId ? 'true' : undefined}
            style={{
              padding: 'var(--mantine-spacing-xs) 0',
              borderTop: '1px solid var(--mantine-color-default-border)',
              background: imp.id === currentId ? 'var(--mantine-primary-color-light)' : undefined,
            }}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => onOpen(imp.id)}
                style={{ overflowWrap: 'anywhere', textAlign: 'left' }}
              >
                {imp.fileName}
              </Anchor>
              <ImportStatusBadge status={imp.status} />
            </Group>
            <Text size="xs" c="dimmed">
              {formatInstant(imp.startedAt, lang)} · {t(`importFormat.${imp.format}.name`)}
            </Text>
            <Text size="xs">
              {[
                `${t('importPage.countStored')}: ${formatNumber(imp.counts.stored, lang, 0)}`,
                `${t('importPage.countDuplicates')}: ${formatNumber(imp.counts.duplicates, lang, 0)}`,
                `${t('importPage.countSkipped')}: ${formatNumber(imp.counts.skipped, lang, 0)}`,
                `${t('importPage.countSuggestions')}: ${formatNumber(imp.counts.suggestions, lang, 0)}`,
              ].join(' · ')}
            </Text>
          </li>
        ))}
      </Stack>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={620}>
        <Table verticalSpacing="xs" highlightOnHover data-testid="past-imports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('importPage.colFile')}</Table.Th>
              <Table.Th>{t('importPage.colStarted')}</Table.Th>
              <Table.Th>{t('importPage.colStatus')}</Table.Th>
              <Table.Th ta="right">{t('importPage.countStored')}</Table.Th>
              <Table.Th ta="right">{t('importPage.countDuplicates')}</Table.Th>
              <Table.Th ta="right">{t('importPage.countSkipped')}</Table.Th>
              <Table.Th ta="right">{t('importPage.countSuggestions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((imp) => (
              <Table.Tr
                key={imp.id}
                aria-current={imp.id === currentId ? 'true' : undefined}
                bg={imp.id === currentId ? 'var(--mantine-primary-color-light)' : undefined}
              >
                <Table.Td style={{ maxWidth: 260 }}>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => onOpen(imp.id)}
                    style={{ overflowWrap: 'anywhere', textAlign: 'left' }}
                  >
                    {imp.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t(`importFormat.${imp.format}.name`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatInstant(imp.startedAt, lang)}</Text>
                </Table.Td>
                <Table.Td>
                  <ImportStatusBadge status={imp.status} />
                </Table.Td>
                <Table.Td ta="right">{formatNumber(imp.counts.stored, lang, 0)}</Table.Td>
                <Table.Td ta="right">{formatNumber(imp.counts.duplicates, lang, 0)}</Table.Td>
                <Table.Td ta="right">{formatNumber(imp.counts.skipped, lang, 0)}</Table.Td>
                <Table.Td ta="right">{formatNumber(imp.counts.suggestions, lang, 0)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="past-imports-heading">
      <Title order={2} size="h4" id="past-imports-heading" mb="sm">
        {t('importPage.pastTitle')}
      </Title>
      {body}
    </Paper>
  );
}

function FormatHelp() {
  const { t } = useTranslation();

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="formats-heading">
      <Title order={2} size="h5" id="formats-heading" mb={4}>
        {t('importPage.formatsTitle')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t('importPage.formatsHint')}
      </Text>
      <Accordion variant="default" chevronPosition="right">
        {IMPORT_FORMATS.map((f) => (
          <Accordion.Item key={f} value={f}>
            <Accordion.Control>
              <Text size="sm" fw={500}>
                {t(`importFormat.${f}.name`)}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`importFormat.${f}.source`)}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Text size="sm">{t(`importFormat.${f}.howto`)}</Text>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Paper>
  );
}

export function ImportPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { workspaceId } = useWorkspace();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const clientId = params.get('client') || null;
  const importId = params.get('import') || null;
  const clients = useQuery({ queryKey: keys.clientList(workspaceId, '', ''), queryFn: () => api.clients.list(workspaceId) });
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | null>(null);
  const [dragging, setDragging] = useState(false);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [failure, setFailure] = useState<{ title: string; message: string } | null>(null);
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  useDocumentTitle(`${t('importPage.title')} · RedCard`);

  // Leaving the page mid-upload cancels the upload (the server has nothing yet to continue with).
  useEffect(() => () => abortRef.current?.abort(), []);

  const setQuery = (next: { client?: string | null; import?: string | null }) => {
    const merged = { client: clientId, import: importId, ...next };
    const out: Record<string, string> = {};
    if (merged.client) out.client = merged.client;
    if (merged.import) out.import = merged.import;
    setParams(out);
  };

  const chooseFile = (f: File | null) => {
    setFile(f);
    setFailure(null);
    setProblems((p) => ({ ...p, file: f && f.size === 0 ? t('importPage.emptyFile') : undefined, format: undefined }));
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    if (upload) return;
    const files = event.dataTransfer.files;
    if (files.length > 1) {
      setProblems((p) => ({ ...p, file: t('importPage.oneFile') }));

      return;
    }
    chooseFile(files[0] ?? null);
  };

  async function start() {
    const next: FieldProblems = {};
    if (!clientId) next.client = t('importPage.chooseClientFirst');
    if (!file) next.file = t('importPage.chooseFileFirst');
    else if (file.size === 0) next.file = t('importPage.emptyFile');
    setProblems(next);
    setFailure(null);
    if (next.client || next.file || !clientId || !file) return;

    const controller = new AbortController();
    abortRef.current = controller;
    setUpload({ sent: 0, total: file.size });
    try {
      const imp = await importsApi.upload(workspaceId, {
        clientId,
        file,
        format: format ?? undefined,
        signal: controller.signal,
        onProgress: (sent, total) => setUpload({ sent, total }),
      });
      queryClient.setQueryData(importKeys.import(workspaceId, imp.id), imp);
      void queryClient.invalidateQueries({ queryKey: importKeys.imports(workspaceId, clientId) });
      setFile(null);
      setFormat(null);
      setQuery({ import: imp.id });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      showUploadError(error, format !== null);
    } finally {
      abortRef.current = null;
      setUpload(null);
    }
  }

  function showUploadError(error: unknown, formatChosen: boolean) {
    const fields: FieldProblems = {};
    let unplaced = false;
    if (isApiError(error)) {
      if (error.code === 'FILE_TOO_LARGE' || error.status === 413) {
        setProblems({});
        setFailure({ title: t('importPage.tooLargeTitle'), message: `${error.problem.detail ?? ''} ${t('importPage.tooLarge')}`.trim() });

        return;
      }
      for (const issue of error.fieldErrors) {
        const field = issue.path.split('.')[0];
        if (field === 'format') {
          // Recognition failed: say so plainly and point at the override (the server's reason is technical).
          fields.format = formatChosen ? issue.message : t('importPage.unknownFormat');
        } else if (field === 'file') {
          fields.file = issue.message === 'is empty' ? t('importPage.emptyFile') : issue.message;
        } else if (field === 'client') {
          fields.client = issue.message;
        } else {
          unplaced = true;
        }
      }
      if (error.code === 'UNSUPPORTED_MEDIA_TYPE') fields.format = t('importPage.unknownFormat');
      if (error.code === 'CLIENT_NOT_FOUND') {
        fields.client = t('importPage.clientGone');
        void queryClient.invalidateQueries({ queryKey: keys.clients(workspaceId) });
      }
    }
    setProblems(fields);
    // A problem shown on its field needs no second telling above the button.
    const placed = Object.values(fields).some(Boolean);
    setFailure(placed && !unplaced ? null : describeError(error));
  }

  const guessed = file ? guessFormat(file.name) : null;
  const clientOptions = (clients.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  const clientName = clients.data?.find((c) => c.id === clientId)?.name;
  const percent = upload && upload.total > 0 ? Math.min(100, Math.round((upload.sent / upload.total) * 100)) : 0;

  return (
    <Stack gap="md">
      {clientId && clientName && (
        <Anchor component={Link} href={`/clients/${clientId}`} size="sm" style={{ alignSelf: 'flex-start' }}>
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {clientName}
          </Group>
        </Anchor>
      )}
      <div>
        <Title order={1} size="h2">
          {t('importPage.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={720}>
          {t('importPage.intro')}
        </Text>
      </div>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="md">
            {importId ? (
              <ImportStatusView workspaceId={workspaceId} importId={importId} onAnother={() => setQuery({ import: null })} />
            ) : (
              <Paper withBorder p="md" radius="md" component="section" aria-labelledby="import-form-heading">
                <form
                  onSubmit={(event) => {
                    event.preventDefault();
                    void start();
                  }}
                  noValidate
                >
                  <Stack gap="md">
                    <Title order={2} size="h4" id="import-form-heading">
                      {t('importPage.formTitle')}
                    </Title>
                    <Select
                      label={t('importPage.client')}
                      placeholder={clients.isPending ? t('app.loading') : t('importPage.clientPlaceholder')}
                      data={clientOptions}
                      value={clientId}
                      onChange={(v) => {
                        setProblems((p) => ({ ...p, client: undefined }));
                        setQuery({ client: v });
                      }}
                      searchable
                      required
                      disabled={upload !== null}
                      error={problems.client}
                      nothingFoundMessage={t('review.noClientFound')}
                      description={
                        clients.data?.length === 0 ? (
                          <>
                            {t('importPage.noClients')}{' '}
                            <Anchor component={Link} href="/" size="xs">
                              {t('importPage.createClient')}
                            </Anchor>
                          </>
                        ) : undefined
                      }
                      comboboxProps={{ withinPortal: true }}
                    />

                    <div>
                      <Text size="sm" fw={500} mb={4} id="import-file-label">
                        {t('importPage.file')}
                      </Text>
                      <fieldset
                        aria-labelledby="import-file-label"
                        data-testid="drop-zone"
                        onDragOver={(e) => {
                          e.preventDefault();
                          e.dataTransfer.dropEffect = upload ? 'none' : 'copy';
                          if (!dragging) setDragging(true);
                        }}
                        onDragLeave={(e) => {
                          // Leaving for a child of the zone is not leaving the zone.
                          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
                        }}
                        onDrop={onDrop}
                        style={{
                          border: `2px dashed ${
                            problems.file
                              ? 'var(--mantine-color-error)'
                              : dragging
                                ? 'var(--mantine-primary-color-filled)'
                                : 'var(--mantine-color-default-border)'
                          }`,
                          borderRadius: 'var(--mantine-radius-md)',
                          background: dragging ? 'var(--mantine-primary-color-light)' : undefined,
                          padding: 'var(--mantine-spacing-lg)',
                          margin: 0,
                          minWidth: 0,
                          transition: 'background 120ms, border-color 120ms',
                        }}
                      >
                        {file ? (
                          <Group justify="space-between" wrap="nowrap" gap="sm">
                            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                              <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
                                <IconFile size={20} />
                              </ThemeIcon>
                              <Stack gap={0} style={{ minWidth: 0 }}>
                                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }} data-testid="chosen-file">
                                  {file.name}
                                </Text>
                                <Text size="xs" c="dimmed">
                                  {formatBytes(file.size, lang)}
                                  {guessed ? ` · ${t('importPage.looksLike', { format: t(`importFormat.${guessed}.name`) })}` : ''}
                                </Text>
                              </Stack>
                            </Group>
                            <Group gap="xs" wrap="nowrap">
                              <FileButton onChange={chooseFile} disabled={upload !== null}>
                                {(props) => (
                                  <Button {...props} variant="default" size="xs">
                                    {t('importPage.changeFile')}
                                  </Button>
                                )}
                              </FileButton>
                            </Group>
                          </Group>
                        ) : (
                          <Stack align="center" gap={6} ta="center">
                            <IconUpload size={28} aria-hidden color="var(--mantine-color-dimmed)" />
                            <Text size="sm">{t('importPage.dropHere')}</Text>
                            <FileButton onChange={chooseFile}>
                              {(props) => (
                                <Button {...props} variant="default" size="sm">
                                  {t('importPage.chooseFile')}
                                </Button>
                              )}
                            </FileButton>
                            <Text size="xs" c="dimmed">
                              {t('importPage.accepted')}
                            </Text>
                          </Stack>
                        )}
                      </fieldset>
                      {problems.file && (
                        <Text size="xs" c="var(--mantine-color-error)" mt={4} role="alert">
                          {problems.file}
                        </Text>
                      )}
                    </div>

                    <Select
                      label={t('importPage.format')}
                      description={t('importPage.formatHint')}
                      placeholder={t('importPage.formatAuto')}
                      data={IMPORT_FORMATS.map((f) => ({ value: f, label: t(`importFormat.${f}.name`) }))}
                      value={format}
                      onChange={(v) => {
                        setFormat(isFormat(v) ? v : null);
                        setProblems((p) => ({ ...p, format: undefined }));
                      }}
                      clearable
                      disabled={upload !== null}
                      error={problems.format}
                      comboboxProps={{ withinPortal: true }}
                    />

                    {failure && (
                      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={failure.title} role="alert">
                        {failure.message && <Text size="sm">{failure.message}</Text>}
                      </Alert>
                    )}

                    {upload ? (
                      <Stack gap={6}>
                        <Group justify="space-between" gap="xs">
                          <Text size="sm" fw={500}>
                            {t('importPage.uploading', { percent })}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t('importPage.uploaded', { sent: formatBytes(upload.sent, lang), total: formatBytes(upload.total, lang) })}
                          </Text>
                        </Group>
                        <Progress value={percent} size="lg" aria-label={t('importPage.uploadProgress')} transitionDuration={150} />
                        <Button
                          variant="default"
                          size="xs"
                          leftSection={<IconX size={14} aria-hidden />}
                          onClick={() => abortRef.current?.abort()}
                          style={{ alignSelf: 'flex-start' }}
                        >
                          {t('importPage.cancelUpload')}
                        </Button>
                      </Stack>
                    ) : (
                      <Group gap="sm">
                        <Button type="submit" leftSection={<IconUpload size={16} aria-hidden />}>
                          {t('importPage.start')}
                        </Button>
                        {file && (
                          <Button variant="subtle" color="gray" onClick={() => chooseFile(null)}>
                            {t('common.clearFile')}
                          </Button>
                        )}
                      </Group>
                    )}
                  </Stack>
                </form>
              </Paper>
            )}
            {clientId && (
              <PastImports workspaceId={workspaceId} clientId={clientId} currentId={importId} onOpen={(id) => setQuery({ import: id })} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <FormatHelp />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
