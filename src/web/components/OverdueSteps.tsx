/**
 * Overdue exit-plan steps across the workspace's clients, oldest first (issue 5, for the
 * dashboard). Self-contained: it reads the workspace from context and fetches its own data, so it
 * can be mounted anywhere. Renders nothing when no step is overdue, unless `showEmpty` is set.
 */
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { exitPlanApi, exitPlanKeys } from '../api/exit-plans.js';
import { useExitText } from '../lib/exit-text.js';
import { formatDate } from '../lib/format.js';
import { ownerWords } from './ExitChecklist.js';
import { useWorkspace } from './workspace.js';

export function OverdueSteps({ showEmpty = false, max = 5 }: { showEmpty?: boolean; max?: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { workspaceId } = useWorkspace();
  const { stepTitle } = useExitText();
  const query = useQuery({ queryKey: exitPlanKeys.overdue(workspaceId), queryFn: () => exitPlanApi.overdue(workspaceId) });
  const items = query.data?.items ?? [];
  if (query.isPending || query.error || (items.length === 0 && !showEmpty)) return null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="overdue-steps-title" data-testid="overdue-steps">
      <Group gap="xs" mb="xs">
        <IconAlarm size={18} color="var(--mantine-color-red-7)" aria-hidden />
        <Title order={2} size="h5" id="overdue-steps-title">
          {t('exitPlan.overdue.title')}
        </Title>
        {items.length > 0 && (
          <Badge color="red" variant="light">
            {items.length}
          </Badge>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('exitPlan.overdue.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.slice(0, max).map((item) => (
            <Group
              key={item.step_id}
              component="li"
              justify="space-between"
              gap="xs"
              wrap="nowrap"
              align="flex-start"
              data-testid="overdue-step"
            >
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} href={`/clients/${item.client_id}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {item.client_name}
                </Anchor>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {stepTitle(item.title)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('exitPlan.overdue.due', { date: formatDate(item.due, lang) })} ·{' '}
                  {t('plan.owner', { owner: ownerWords(item.owner, t) })} · {item.rule}
                </Text>
              </Stack>
              <Badge color="red" variant="filled" style={{ flexShrink: 0 }}>
                {t('exitPlan.checklist.daysOverdue', { count: item.days_overdue })}
              </Badge>
            </Group>
          ))}
          {items.length > max && (
            <Text size="xs" c="dimmed">
              {t('exitPlan.overdue.more', { count: items.length - max })}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
