/**
 * Revenue concentration over the last 12 months: one bar per large client (and one for everyone
 * else), longest first, coloured by the client's light, above a single bar splitting the total
 * into the share at risk (yellow or red clients) and the rest.
 */
import { Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../contracts/dashboard.js';
import { formatMoney } from '../../lib/money.js';
import { ChartFrame } from './ChartFrame.js';
import { INK, LIGHT_FILL } from './palette.js';

const pct = (share: number, lang: string) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);

export function ConcentrationChart({ concentration }: { concentration: Dashboard['concentration'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const c = concentration;
  const money = (minor: number) => formatMoney(minor, c.currency, lang);
  const bars = [
    ...c.top.map((s) => ({
      key: s.client_id,
      name: s.name,
      value: s.revenue_minor,
      share: s.share,
      fill: LIGHT_FILL[s.light],
      light: s.light,
    })),
    ...(c.others.clients > 0
      ? [
          {
            key: 'others',
            name: t('chart.others', { n: String(c.others.clients) }),
            value: c.others.revenue_minor,
            share: c.others.share,
            fill: INK.muted,
            light: null,
          },
        ]
      : []),
  ];
  const summary =
    c.total_minor === 0
      ? t('chart.noRevenue')
      : t('chart.concentrationSummary', { total: money(c.total_minor), share: pct(c.at_risk_share, lang), atRisk: money(c.at_risk_minor) });

  // A phone gets a narrower drawing, so its text is not scaled down to nothing.
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const rowHeight = 22;
  const labelWidth = narrow ? 128 : 190;
  const maxLabel = narrow ? 17 : 24;
  const width = narrow ? 340 : 520;
  const barArea = width - labelWidth - 44;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = 40 + bars.length * rowHeight;

  const chart =
    c.total_minor === 0 ? null : (
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={summary} style={{ display: 'block', maxWidth: 680 }}>
        <title>{summary}</title>
        {/* The total split into at risk and the rest. */}
        <rect x={0} y={4} width={width * c.at_risk_share} height={14} fill={LIGHT_FILL.red} opacity={0.85} rx={2} />
        <rect
          x={width * c.at_risk_share}
          y={4}
          width={width * (1 - c.at_risk_share)}
          height={14}
          fill={LIGHT_FILL.green}
          opacity={0.6}
          rx={2}
        />
        <text x={4} y={30} fontSize={11} fill={INK.text}>
          {t('chart.atRiskLegend', { share: pct(c.at_risk_share, lang) })}
        </text>
        {bars.map((b, i) => {
          const y = 40 + i * rowHeight;
          const w = Math.max(1, (b.value / max) * barArea);

          return (
            <g key={b.key}>
              <text x={labelWidth - 6} y={y + 14} fontSize={11} textAnchor="end" fill="currentColor">
                {b.name.length > maxLabel ? `${b.name.slice(0, maxLabel - 1)}…` : b.name}
              </text>
              <rect x={labelWidth} y={y + 3} width={w} height={rowHeight - 7} fill={b.fill} rx={2}>
                <title>{`${b.name}: ${money(b.value)} (${pct(b.share, lang)})${b.light ? `, ${t(`light.${b.light}`)}` : ''}`}</title>
              </rect>
              <text x={labelWidth + w + 4} y={y + 14} fontSize={11} fill={INK.text}>
                {pct(b.share, lang)}
              </text>
            </g>
          );
        })}
      </svg>
    );

  const table = (
    <Table.ScrollContainer minWidth={360}>
      <Table striped withTableBorder={false} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('chart.client')}</Table.Th>
            <Table.Th>{t('dashboard.colLight')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('chart.revenue')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('chart.share')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bars.map((b) => (
            <Table.Tr key={b.key}>
              <Table.Td>{b.name}</Table.Td>
              <Table.Td>{b.light ? t(`light.${b.light}`) : '—'}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{money(b.value)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{pct(b.share, lang)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td fw={600}>{t('chart.atRisk')}</Table.Td>
            <Table.Td />
            <Table.Td style={{ textAlign: 'right' }} fw={600}>
              {money(c.at_risk_minor)}
            </Table.Td>
            <Table.Td style={{ textAlign: 'right' }} fw={600}>
              {pct(c.at_risk_share, lang)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  return (
    <ChartFrame
      title={t('chart.concentrationTitle')}
      summary={summary}
      chart={
        chart ?? (
          <Text size="sm" c="dimmed">
            {t('chart.noRevenue')}
          </Text>
        )
      }
      table={table}
      testId="chart-concentration"
    />
  );
}
