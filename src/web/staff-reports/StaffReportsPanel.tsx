/** The client page's staff reports (issue 7) with the D5 hint and a way to the reassign step. */
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { staffReportApi, staffReportKeys } from '../api/staff-reports.js';
import { LoadError } from '../components/status.js';
import { ReassignHint, ReportCard } from './ReportCard.js';

export function StaffReportsPanel(props: { workspaceId: string; clientId: string; onReassign: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: staffReportKeys.client(props.workspaceId, props.clientId),
    queryFn: () => staffReportApi.forClient(props.workspaceId, props.clientId),
  });
  if (query.error) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (!data || data.reports.length === 0) return null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="staff-reports-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="staff-reports-title">
          {t('staffReports.panelTitle')}
        </Title>
        <ReassignHint
          members={data.reassign_hint.members}
          action={
            data.viewer.may_decide ? (
              <Button
                size="xs"
                variant="light"
                color="yellow"
                leftSection={<IconArrowsExchange size={14} aria-hidden />}
                onClick={props.onReassign}
              >
                {t('staffReports.reassignAction')}
              </Button>
            ) : null
          }
        />
        {data.reports.map((r) => (
          <ReportCard
            key={r.id}
            workspaceId={props.workspaceId}
            report={r}
            mayDecide={data.viewer.may_decide}
            showClient={false}
            onChanged={() => void queryClient.invalidateQueries({ queryKey: ['workspaces', props.workspaceId] })}
          />
        ))}
        {!data.viewer.may_decide && (
          <Text size="xs" c="dimmed">
            {t('staffReports.memberNote')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
