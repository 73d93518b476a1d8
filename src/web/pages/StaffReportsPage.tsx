/**
 * Staff reports (/reports, issue 7): for a manager or the owner, the queue (open first) with
 * confirm, answer and share; for a member, their own reports with what was decided.
 */
import { Anchor, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { staffReportApi, staffReportKeys } from '../api/staff-reports.js';
import { LoadError, PageLoader } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { ReassignHint, ReportCard } from '../staff-reports/ReportCard.js';

export function StaffReportsPage() {
  const { t } = useTranslation();
  const { workspaceId } = useWorkspace();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<'open' | 'all'>('all');
  const query = useQuery({
    queryKey: [...staffReportKeys.queue(workspaceId), filter],
    queryFn: () => staffReportApi.queue(workspaceId, filter === 'open' ? 'open' : undefined),
  });
  const deciding = query.data?.viewer.may_decide ?? true;
  useDocumentTitle(`${t('staffReports.title')} · RedCard`);
  if (query.isPending) return <PageLoader />;
  if (query.error) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  // One hint per client whose reporter is the member its incidents involve (D5).
  const hinted = new Map<string, { name: string; members: Set<string> }>();
  for (const r of data.reports) {
    if (!r.member_involved) continue;
    const entry = hinted.get(r.client_id) ?? { name: r.client_name, members: new Set<string>() };
    entry.members.add(r.reporter_name);
    hinted.set(r.client_id, entry);
  }

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {deciding ? t('staffReports.title') : t('staffReports.myTitle')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {deciding ? t('staffReports.queueIntro') : t('staffReports.myIntro')}
        </Text>
      </div>
      {deciding && (
        <SegmentedControl
          style={{ alignSelf: 'flex-start' }}
          value={filter}
          onChange={(v) => setFilter(v as 'open' | 'all')}
          data={[
            { value: 'all', label: t('staffReports.filterAll') },
            { value: 'open', label: t('staffReports.filterOpen') },
          ]}
        />
      )}
      {deciding &&
        [...hinted.entries()].map(([clientId, h]) => (
          <ReassignHint
            key={clientId}
            members={[...h.members]}
            action={
              <Anchor component={Link} href={`/clients/${clientId}`} size="sm">
                {t('staffReports.reassignOpen', { client: h.name })}
              </Anchor>
            }
          />
        ))}
      {data.reports.length === 0 ? (
        <Text c="dimmed">{deciding ? t('staffReports.emptyQueue') : t('staffReports.emptyMine')}</Text>
      ) : (
        data.reports.map((r) => (
          <ReportCard
            key={r.id}
            workspaceId={workspaceId}
            report={r}
            mayDecide={data.viewer.may_decide}
            showClient
            onChanged={() => void queryClient.invalidateQueries({ queryKey: ['workspaces', workspaceId] })}
          />
        ))
      )}
    </Stack>
  );
}
