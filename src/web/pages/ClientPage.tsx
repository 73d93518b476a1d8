/** One client: who they are, what happened (the timeline), and the facts beside it. */
import { ActionIcon, Anchor, Button, Grid, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconDots,
  IconDownload,
  IconFileInvoice,
  IconMessagePlus,
  IconPencil,
  IconTrash,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { ClientDetail } from '../../contracts/records.js';
import { api, isApiError, keys } from '../api/client.js';
import { AfterExitPanel } from '../components/AfterExitPanel.js';
import { AssessmentCard, PlanPanel } from '../components/assessment.js';
import { ClientTimeline } from '../components/ClientTimeline.js';
import { EscalationSteps } from '../components/EscalationSteps.js';
import { ExitChecklist } from '../components/ExitChecklist.js';
import { LettersPanel } from '../components/LettersPanel.js';
import { languageName, StatusBadge } from '../components/labels.js';
import { ContractPanel, EngagementsPanel, EvidencePanel, MoneyPanel, TimePanel } from '../components/panels.js';
import { ReflectionPanel } from '../components/ReflectionPanel.js';
import { LoadError, PageLoader } from '../components/status.js';
import { ClientImportLinks } from '../components/suggestions.js';
import { useRole } from '../components/team.js';
import { useWorkspace } from '../components/workspace.js';
import { formatDate } from '../lib/format.js';
import { notifySuccess } from '../lib/notify.js';
import { ReportProblemButton } from '../staff-reports/ReportProblem.js';
import { StaffReportsPanel } from '../staff-reports/StaffReportsPanel.js';
import { ClientDialogs, type Dialog } from './client-dialogs.js';

function fileNameFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();

  return `${slug || 'client'}.case.json`;
}

function ClientHeader({
  detail,
  onEdit,
  onDelete,
  workspaceId,
}: {
  detail: ClientDetail;
  onEdit: () => void;
  onDelete: () => void;
  workspaceId: string;
}) {
  const { t, i18n } = useTranslation();
  // Team mode: a member reports incidents; editing, exporting and deleting are for managers.
  const decides = useRole() !== 'member';
  const lang = i18n.language;
  const c = detail.client;
  const meta = [t(`clientKind.${c.kind}`), t(`clientSize.${c.size}`), languageName(c.language, lang)];

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={6} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Group gap="sm" wrap="wrap" align="center">
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {c.name}
            </Title>
            <StatusBadge status={c.status} size="lg" />
          </Group>
          <Text size="sm" c="dimmed">
            {meta.join(' · ')}
          </Text>
          <Group gap="md" wrap="wrap">
            <Text size="sm">{c.manager ? t('client.manager', { name: c.manager }) : t('client.noManager')}</Text>
            {c.since && <Text size="sm">{t('client.since', { date: formatDate(c.since, lang) })}</Text>}
            {c.email && (
              <Anchor href={`mailto:${c.email}`} size="sm">
                {c.email}
              </Anchor>
            )}
          </Group>
          {c.notes && (
            <Text size="sm" c="dimmed" className="rc-prewrap" lineClamp={4}>
              {c.notes}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="wrap" display={decides ? undefined : 'none'}>
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
            {t('client.edit')}
          </Button>
          <Button
            variant="default"
            component="a"
            href={api.clients.caseFileUrl(workspaceId, c.id)}
            download={fileNameFor(c.name)}
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('client.exportCase')}
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="default" size="lg" aria-label={t('client.moreActions')}>
                <IconDots size={18} aria-hidden />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onDelete}>
                {t('client.deleteClient')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
    </Paper>
  );
}

export function ClientPage({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const { workspaceId, workspace } = useWorkspace();
  const decides = useRole() !== 'member';
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const query = useQuery({ queryKey: keys.client(workspaceId, clientId), queryFn: () => api.clients.get(workspaceId, clientId) });

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['workspaces', workspaceId] });
  useDocumentTitle(query.data ? `${query.data.client.name} · RedCard` : 'RedCard');

  if (query.isPending) return <PageLoader />;
  if (query.error) {
    const notFound = isApiError(query.error) && query.error.status === 404;

    return (
      <Stack gap="sm" align="flex-start">
        <Anchor component={Link} href="/" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('client.back')}
          </Group>
        </Anchor>
        {notFound ? <Text>{t('client.notFound')}</Text> : <LoadError error={query.error} onRetry={() => void query.refetch()} />}
      </Stack>
    );
  }

  const detail = query.data;
  const currency = workspace.currency;
  const remove = (question: string, action: () => Promise<void>) => setDialog({ kind: 'confirm', question, action });
  const open = (d: Dialog) => setDialog(d);
  const panelProps = { detail, workspaceId, currency, open, remove };

  return (
    <Stack gap="md">
      <Anchor component={Link} href="/" size="sm" style={{ alignSelf: 'flex-start' }}>
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('client.back')}
        </Group>
      </Anchor>

      <ClientHeader
        detail={detail}
        workspaceId={workspaceId}
        onEdit={() => setDialog({ kind: 'client' })}
        onDelete={() =>
          setDialog({
            kind: 'confirm',
            question: `${t('client.deleteClient')}: ${detail.client.name}?`,
            action: async () => {
              await api.clients.remove(workspaceId, clientId);
              queryClient.removeQueries({ queryKey: keys.client(workspaceId, clientId) });
              notifySuccess(t('client.deleted', { name: detail.client.name }));
              navigate('/');
            },
          })
        }
      />

      {/* after-exit (issue 8): contact after close, the review date, the history (read-only for a member). */}
      <AfterExitPanel workspaceId={workspaceId} clientId={clientId} clientName={detail.client.name} decides={decides} />
      <AssessmentCard workspaceId={workspaceId} clientId={clientId} />
      {/* Team mode: planning the exit, letters and the reflection are managers' decisions (src/app/permissions.ts). */}
      {decides && (
        <>
          <ExitChecklist workspaceId={workspaceId} clientId={clientId} status={detail.client.status} />
          <LettersPanel workspaceId={workspaceId} clientId={clientId} clientLanguage={detail.client.language} />
          <ReflectionPanel workspaceId={workspaceId} clientId={clientId} status={detail.client.status} />
        </>
      )}

      <Group gap="sm" wrap="wrap">
        <Button leftSection={<IconAlertTriangle size={16} aria-hidden />} onClick={() => setDialog({ kind: 'incident' })}>
          {t('client.logIncident')}
        </Button>
        {decides && (
          <>
            <EscalationSteps
              workspaceId={workspaceId}
              clientId={clientId}
              onOpen={(option, steps) => setDialog({ kind: 'step', option, steps })}
            />
            <Button
              variant="default"
              leftSection={<IconMessagePlus size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'message' })}
            >
              {t('client.addMessage')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileInvoice size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'invoice' })}
            >
              {t('client.addInvoice')}
            </Button>
            <ClientImportLinks workspaceId={workspaceId} clientId={clientId} />
          </>
        )}
        <ReportProblemButton
          workspaceId={workspaceId}
          clientId={clientId}
          evidence={detail.incidents.flatMap((i) => i.evidence.map((e) => ({ id: e.id, label: `${e.file_name} · ${i.date}` })))}
          onFiled={() => void refresh()}
        />
      </Group>

      <StaffReportsPanel workspaceId={workspaceId} clientId={clientId} onReassign={() => setDialog({ kind: 'reassign' })} />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <ClientTimeline {...panelProps} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Stack gap="md">
            {decides && <PlanPanel workspaceId={workspaceId} clientId={clientId} />}
            <ContractPanel {...panelProps} />
            <MoneyPanel {...panelProps} />
            <EngagementsPanel {...panelProps} />
            <TimePanel {...panelProps} />
            <EvidencePanel {...panelProps} />
          </Stack>
        </Grid.Col>
      </Grid>

      <ClientDialogs
        dialog={dialog}
        detail={detail}
        workspaceId={workspaceId}
        currency={currency}
        onClose={() => setDialog(null)}
        onSaved={(what) => {
          setDialog(null);
          void refresh();
          if (what !== '') notifySuccess(what ?? t('common.saved'));
        }}
        onDeleted={() => {
          setDialog(null);
          void refresh();
          notifySuccess(t('common.deleted'));
        }}
      />
    </Stack>
  );
}
