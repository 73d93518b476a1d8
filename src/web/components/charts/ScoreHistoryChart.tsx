/**
 * One client's score at the end of each of the last 12 months (GET .../score-history), as a line
 * over the green, yellow and red bands, each point coloured by its light. Months before the
 * client existed have no score: the line starts with its first scored month.
 */
import { Skeleton, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ScoreHistory } from '../../../contracts/dashboard.js';
import { GREEN_FROM, RED_BELOW } from '../../../core/portfolio/light.js';
import { api, keys } from '../../api/client.js';
import { formatDate } from '../../lib/format.js';
import { describeError } from '../../lib/notify.js';
import { ChartFrame } from './ChartFrame.js';
import { shortMonth } from './IncidentsChart.js';
import { INK, LIGHT_FILL } from './palette.js';
import { scorePath } from './Sparkline.js';

export function ScoreHistoryChart({ workspaceId, clientId }: { workspaceId: string; clientId: string }) {
  const query = useQuery({
    queryKey: keys.scoreHistory(workspaceId, clientId),
    queryFn: () => api.dashboard.scoreHistory(workspaceId, clientId),
  });
  if (query.isPending) return <Skeleton height={160} radius="md" />;
  if (query.error) {
    return (
      <Text size="sm" c="dimmed">
        {describeError(query.error).message}
      </Text>
    );
  }

  return <ScoreHistoryView history={query.data} />;
}

export function ScoreHistoryView({ history }: { history: ScoreHistory }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const points = history.points;
  const scored = points.flatMap((p, i) =>
    p.score !== null && p.light !== null && p.recommendation !== null
      ? [{ ...p, i, score: p.score, light: p.light, recommendation: p.recommendation }]
      : [],
  );
  const first = scored[0];
  const last = scored.at(-1);
  const summary =
    first && last
      ? t('chart.historySummary', { from: String(first.score), to: String(last.score), month: shortMonth(first.month, lang) })
      : '';

  const width = 520;
  const height = 170;
  const left = 30;
  const right = 8;
  const top = 8;
  const bottom = 22;
  const plotH = height - top - bottom;
  const x = (i: number) => left + (i * (width - left - right)) / Math.max(1, points.length - 1);
  const y = (score: number) => top + ((100 - score) * plotH) / 100;
  const band = (from: number, to: number, fill: string) => (
    <rect x={left} width={width - left - right} y={y(to)} height={y(from) - y(to)} fill={fill} opacity={0.09} />
  );

  const chart = (
    <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={summary} style={{ display: 'block', maxWidth: 560 }}>
      <title>{summary}</title>
      {band(GREEN_FROM, 100, LIGHT_FILL.green)}
      {band(RED_BELOW, GREEN_FROM, LIGHT_FILL.yellow)}
      {band(0, RED_BELOW, LIGHT_FILL.red)}
      {[0, RED_BELOW, GREEN_FROM, 100].map((tick) => (
        <text key={tick} x={left - 5} y={y(tick) + 4} fontSize={10} textAnchor="end" fill={INK.text}>
          {tick}
        </text>
      ))}
      <path
        d={scorePath(
          points.map((p) => p.score),
          x,
          y,
        )}
        fill="none"
        stroke="currentColor"
        strokeOpacity={0.6}
        strokeWidth={2}
        strokeLinejoin="round"
      />
      {scored.map((p) => (
        <circle
          key={p.month}
          cx={x(p.i)}
          cy={y(p.score)}
          r={4}
          fill={LIGHT_FILL[p.light]}
          stroke="var(--mantine-color-body)"
          strokeWidth={1.5}
        >
          <title>{`${formatDate(p.as_of, lang)}: ${p.score} (${t(`recommendation.${p.recommendation}`)})`}</title>
        </circle>
      ))}
      {points.map((p, i) => (
        <g key={p.month}>
          {(i % 2 === 1 || i === points.length - 1) && (
            <text x={x(i)} y={height - 6} fontSize={10} textAnchor={i === points.length - 1 ? 'end' : 'middle'} fill={INK.text}>
              {shortMonth(p.month, lang)}
            </text>
          )}
        </g>
      ))}
    </svg>
  );

  const table = (
    <Table striped fz="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('chart.asOf')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('dashboard.colScore')}</Table.Th>
          <Table.Th>{t('dashboard.colRecommendation')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {scored.map((p) => (
          <Table.Tr key={p.month}>
            <Table.Td>{formatDate(p.as_of, lang)}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{p.score}</Table.Td>
            <Table.Td>{t(`recommendation.${p.recommendation}`)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  return <ChartFrame title={t('chart.historyTitle')} summary={summary} chart={chart} table={table} testId="chart-score-history" bare />;
}
