/**
 * The frame every dashboard chart shares: a titled figure with a one-line summary, and a toggle
 * between the chart and the same numbers as a table (for screen readers, for copying, and for
 * anyone who would rather read).
 */
import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { IconChartBar, IconTable } from '@tabler/icons-react';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChartFrameProps {
  title: string;
  /** What the chart says, in one sentence; also the figure's caption. */
  summary: string;
  chart: ReactNode;
  table: ReactNode;
  testId?: string;
  /** Without its own border, inside another card. */
  bare?: boolean;
}

export function ChartFrame({ title, summary, chart, table, testId, bare = false }: ChartFrameProps) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();

  return (
    <Paper withBorder={!bare} p={bare ? 0 : 'md'} radius="md" component="section" aria-labelledby={headingId} data-testid={testId}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap" mb={4}>
        <Title order={bare ? 3 : 2} size={bare ? 'h6' : 'h5'} id={headingId}>
          {title}
        </Title>
        <Button
          variant="subtle"
          size="compact-xs"
          onClick={() => setAsTable((v) => !v)}
          aria-pressed={asTable}
          leftSection={asTable ? <IconChartBar size={14} aria-hidden /> : <IconTable size={14} aria-hidden />}
          style={{ flexShrink: 0 }}
        >
          {asTable ? t('chart.showChart') : t('chart.showTable')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {summary}
      </Text>
      {asTable ? table : chart}
    </Paper>
  );
}
