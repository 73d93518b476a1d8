/**
 * The audit log (issue 7): every change in the workspace, newest first, with who made it, when,
 * and what changed (a field-by-field diff of the row before and after). Owners only: anyone else
 * is told so. Filters by record type, client and days; exports the whole log; checks its chain.
 */
import { Alert, Anchor, Button, Code, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconDownload, IconLock, IconShieldCheck } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { type AuditEntry, type AuditFilters, auditApi, auditKeys } from '../api/audit.js';
import { api, isApiError, keys } from '../api/client.js';
import { LoadError, PageLoader } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { diffEntry, showValue } from '../lib/audit-diff.js';
import { formatInstant } from '../lib/format.js';

/** The record types the log names, in the order the filter offers them. */
const ENTITIES = [
  'clients',
  'contracts',
  'engagements',
  'invoices',
  'payments',
  'time_entries',
  'incidents',
  'cards',
  'messages',
  'evidence',
  'client_events',
  'exit_plans',
  'exit_plan_steps',
  'exit_handover_items',
  'imports',
  'suggestions',
  'suppressions',
  'workspaces',
  'letter_drafts',
  'letter_draft_versions',
  'reflections',
  'lessons',
  'prospects',
  'staff_reports',
  'after_close_marks',
  'client_reviews',
  'memberships',
  'invitations',
  'client_assignments',
] as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function EntryDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const changes = diffEntry(entry.before ?? null, entry.after ?? null);
  if (changes.length === 0) return <Text size="sm">{t('auditLog.noFieldChanges')}</Text>;

  return (
    <Table withTableBorder fz="xs" layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="20%">{t('auditLog.field')}</Table.Th>
          <Table.Th>{t('auditLog.before')}</Table.Th>
          <Table.Th>{t('auditLog.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Td>
              <Code>{c.field || t('auditLog.rows')}</Code>
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }} bg={c.before === undefined ? undefined : 'var(--mantine-color-red-light)'}>
              {showValue(c.before)}
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }} bg={c.after === undefined ? undefined : 'var(--mantine-color-green-light)'}>
              {showValue(c.after)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function VerifyChain({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const check = useMutation({ mutationKey: auditKeys.verify(workspaceId), mutationFn: () => auditApi.verify(workspaceId) });
  const report = check.data;
  const first = report?.problems[0];

  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="default"
          leftSection={<IconShieldCheck size={16} aria-hidden />}
          loading={check.isPending}
          onClick={() => check.mutate()}
        >
          {t('auditLog.verify')}
        </Button>
      </Group>
      {report && (
        <Alert color={report.ok ? 'green' : 'red'} variant="light" role="status">
          {report.ok
            ? t('auditLog.verified', { n: report.entries })
            : t('auditLog.broken', { n: report.problems.length, seq: first?.seq ?? 0 })}
        </Alert>
      )}
      {check.isError && <LoadError error={check.error} />}
    </Stack>
  );
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { workspaceId } = useWorkspace();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [open, setOpen] = useState<Set<string>>(new Set());
  useDocumentTitle(`${t('auditLog.title')} · RedCard`);
  const clients = useQuery({ queryKey: keys.clientList(workspaceId, '', ''), queryFn: () => api.clients.list(workspaceId) });
  const log = useInfiniteQuery({
    queryKey: auditKeys.page(workspaceId, filters),
    queryFn: ({ pageParam }) => auditApi.page(workspaceId, filters, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.next_before_seq ?? undefined,
  });
  const clientName = new Map((clients.data ?? []).map((c) => [c.id, c.name]));
  const entityName = (entity: string) => t(`auditLog.entity.${entity}`, { defaultValue: entity });
  const setDay = (key: 'from' | 'to', value: string) => setFilters((f) => ({ ...f, [key]: ISO_DAY.test(value) ? value : undefined }));
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);

      return next;
    });

  if (log.isError && isApiError(log.error) && log.error.status === 403) {
    return (
      <Stack gap="md">
        <Title order={1}>{t('auditLog.title')}</Title>
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
          {t('auditLog.ownersOnly')}
        </Alert>
      </Stack>
    );
  }
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={1}>{t('auditLog.title')}</Title>
          <Text c="dimmed" size="sm" maw={720}>
            {t('auditLog.intro')}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            component="a"
            href={auditApi.exportUrl(workspaceId, 'jsonl')}
            download="audit-log.jsonl"
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('auditLog.exportJsonl')}
          </Button>
          <Button
            component="a"
            href={auditApi.exportUrl(workspaceId, 'csv')}
            download="audit-log.csv"
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('auditLog.exportCsv')}
          </Button>
        </Group>
      </Group>

      <VerifyChain workspaceId={workspaceId} />

      <Paper withBorder p="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('auditLog.recordType')}
            placeholder={t('auditLog.allRecords')}
            data={ENTITIES.map((e) => ({ value: e, label: entityName(e) }))}
            value={filters.entity ?? null}
            onChange={(v) => setFilters((f) => ({ ...f, entity: v ?? undefined }))}
            clearable
            w={220}
          />
          <Select
            label={t('auditLog.client')}
            placeholder={t('auditLog.allClients')}
            data={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={filters.clientId ?? null}
            onChange={(v) => setFilters((f) => ({ ...f, clientId: v ?? undefined }))}
            clearable
            searchable
            w={240}
          />
          <TextInput
            type="date"
            label={t('auditLog.from')}
            value={filters.from ?? ''}
            onChange={(e) => setDay('from', e.currentTarget.value)}
          />
          <TextInput type="date" label={t('auditLog.to')} value={filters.to ?? ''} onChange={(e) => setDay('to', e.currentTarget.value)} />
        </Group>
      </Paper>

      {log.isPending ? (
        <PageLoader />
      ) : log.isError ? (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <Text c="dimmed">{Object.values(filters).some(Boolean) ? t('auditLog.noneMatch') : t('auditLog.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40} />
                <Table.Th>{t('auditLog.when')}</Table.Th>
                <Table.Th>{t('auditLog.who')}</Table.Th>
                <Table.Th>{t('auditLog.what')}</Table.Th>
                <Table.Th>{t('auditLog.client')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => {
                const expanded = open.has(entry.id);
                const label = expanded ? t('auditLog.hideChanges') : t('auditLog.showChanges');

                return (
                  <Fragment key={entry.id}>
                    <Table.Tr>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="compact-sm"
                          px={4}
                          aria-label={label}
                          aria-expanded={expanded}
                          onClick={() => toggle(entry.id)}
                        >
                          {expanded ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
                        </Button>
                      </Table.Td>
                      <Table.Td>{formatInstant(entry.at, i18n.language)}</Table.Td>
                      <Table.Td>{entry.actor_name}</Table.Td>
                      <Table.Td>
                        {t(`auditLog.action.${entry.action}`, { record: entityName(entry.entity) })}
                        <Text span c="dimmed" size="xs" ml={6}>
                          #{entry.seq}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {entry.client_id && clientName.has(entry.client_id) ? (
                          <Anchor component={Link} href={`/clients/${entry.client_id}`}>
                            {clientName.get(entry.client_id)}
                          </Anchor>
                        ) : entry.client_id ? (
                          <Text span c="dimmed" size="sm">
                            {t('auditLog.removedClient')}
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                    {expanded && (
                      <Table.Tr>
                        <Table.Td />
                        <Table.Td colSpan={4}>
                          <EntryDiff entry={entry} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {log.hasNextPage && (
        <Group>
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('auditLog.older')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
