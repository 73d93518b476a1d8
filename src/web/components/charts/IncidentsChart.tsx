/**
 * Incidents per month over the last 12 months, stacked by red-flag code, with a legend naming each
 * code in the interface's language.
 */
import { Group, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../contracts/dashboard.js';
import { ChartFrame } from './ChartFrame.js';
import { CODE_FILL, INK } from './palette.js';

/** A round top for the axis: 1, 2, 5, 10, 20, 50, ... at or above `n`. */
export function niceCeiling(n: number): number {
  if (n <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * magnitude >= n) return step * magnitude;

  return 10 * magnitude;
}

export function shortMonth(month: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' }).format(Date.parse(`${month}-01T00:00:00Z`));
}

export function IncidentsChart({ data }: { data: Dashboard['incidentsByMonth'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const total = data.totals.reduce((a, b) => a + b, 0);
  const busiest = data.totals.indexOf(Math.max(...data.totals));
  const summary =
    total === 0
      ? t('chart.noIncidents')
      : t('chart.incidentsSummary', {
          total: String(total),
          month: new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
            Date.parse(`${data.months[busiest]}-01T00:00:00Z`),
          ),
          count: String(data.totals[busiest]),
        });

  // A phone gets a narrower drawing (and every other month named), so its text stays legible.
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const width = narrow ? 340 : 520;
  const height = narrow ? 200 : 220;
  const left = 34;
  const bottom = 22;
  const top = 8;
  const plotH = height - bottom - top;
  const max = niceCeiling(Math.max(0, ...data.totals));
  const slot = (width - left) / data.months.length;
  const barW = Math.min(28, slot * 0.7);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max];

  const chart = (
    <>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={summary} style={{ display: 'block', maxWidth: 680 }}>
        <title>{summary}</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={width} y1={y(tick)} y2={y(tick)} stroke={INK.grid} strokeWidth={1} />
            <text x={left - 6} y={y(tick) + 4} fontSize={11} textAnchor="end" fill={INK.text}>
              {Number.isInteger(tick) ? tick : tick.toFixed(1)}
            </text>
          </g>
        ))}
        {data.months.map((month, i) => {
          const x = left + i * slot + (slot - barW) / 2;
          let base = 0;

          return (
            <g key={month}>
              {data.series.map((s) => {
                const value = s.counts[i] ?? 0;
                if (value === 0) return null;
                const y0 = y(base);
                base += value;

                return (
                  <rect key={s.code} x={x} y={y(base)} width={barW} height={Math.max(0.5, y0 - y(base))} fill={CODE_FILL[s.code]}>
                    <title>{`${shortMonth(month, lang)}: ${t(`flag.${s.code}`)} ${value}`}</title>
                  </rect>
                );
              })}
              {(!narrow || i % 2 === 1) && (
                <text x={x + barW / 2} y={height - 6} fontSize={11} textAnchor="middle" fill={INK.text}>
                  {shortMonth(month, lang)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <Group gap="xs" mt="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('chart.legend')}>
        {data.series.map((s) => (
          <Group key={s.code} gap={4} component="li" wrap="nowrap">
            <span aria-hidden style={{ width: 10, height: 10, borderRadius: 2, background: CODE_FILL[s.code], display: 'inline-block' }} />
            <Text size="xs">{t(`flag.${s.code}`)}</Text>
          </Group>
        ))}
      </Group>
    </>
  );

  const table = (
    <Table.ScrollContainer minWidth={480}>
      <Table striped fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('chart.code')}</Table.Th>
            {data.months.map((m) => (
              <Table.Th key={m} style={{ textAlign: 'right' }}>
                {shortMonth(m, lang)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.series.map((s) => (
            <Table.Tr key={s.code}>
              <Table.Td>{t(`flag.${s.code}`)}</Table.Td>
              {s.counts.map((n, i) => (
                <Table.Td key={data.months[i]} style={{ textAlign: 'right' }}>
                  {n}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td fw={600}>{t('chart.total')}</Table.Td>
            {data.totals.map((n, i) => (
              <Table.Td key={data.months[i]} style={{ textAlign: 'right' }} fw={600}>
                {n}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  return (
    <ChartFrame
      title={t('chart.incidentsTitle')}
      summary={summary}
      chart={
        total === 0 ? (
          <Text size="sm" c="dimmed">
            {t('chart.noIncidents')}
          </Text>
        ) : (
          chart
        )
      }
      table={table}
      testId="chart-incidents"
    />
  );
}
