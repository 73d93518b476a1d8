/**
 * The yearly review (issue 8; DOMAIN.md A4, A5) at /year-review/:year: clients by health month by
 * month, the exits of the year with what each recovered, wrote off and cost in time, and what
 * changed in screening (empty until lessons and prospect screening provide it).
 */
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { YearReview } from '../../contracts/after-exit.js';
import { afterExitApi, afterExitKeys } from '../api/after-exit.js';
import { StatusBadge } from '../components/labels.js';
import { LoadError, PageLoader } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { formatDate, formatMonth, formatNumber } from '../lib/format.js';
import { formatMoney } from '../lib/money.js';

const LIGHT_COLOR = { green: 'teal', yellow: 'yellow', red: 'red' } as const;

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={650} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

function Health({ review }: { review: YearReview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const lights = ['green', 'yellow', 'red'] as const;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="year-health-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="year-health-title">
          {t('afterExit.year.healthTitle')}
        </Title>
        {review.start && review.end && (
          <Text size="sm">
            {t('afterExit.year.healthSummary', {
              startGreen: review.start.green,
              startRed: review.start.red,
              endGreen: review.end.green,
              endRed: review.end.red,
            })}
          </Text>
        )}
        <Table verticalSpacing={2} fz="sm" data-testid="year-health">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('afterExit.year.month')}</Table.Th>
              {lights.map((l) => (
                <Table.Th key={l} ta="right">
                  {t(`light.${l}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {review.health.map((m) => (
              <Table.Tr key={m.month}>
                <Table.Td>{formatMonth(m.month, lang)}</Table.Td>
                {lights.map((l) => (
                  <Table.Td key={l} ta="right">
                    {m[l] > 0 ? (
                      <Badge color={LIGHT_COLOR[l]} variant="light" size="sm">
                        {m[l]}
                      </Badge>
                    ) : (
                      <Text span size="sm" c="dimmed">
                        0
                      </Text>
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

function Exits({ review }: { review: YearReview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const money = (minor: number) => formatMoney(minor, review.currency, lang);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="year-exits-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="year-exits-title">
          {t('afterExit.year.exitsTitle')}
        </Title>
        {review.exits.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('afterExit.year.noExits')}
          </Text>
        ) : (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {review.exits.map((e) => (
              <Paper key={e.client_id} component="li" withBorder p="sm" radius="md" data-testid="year-exit">
                <Stack gap={4}>
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} href={`/clients/${e.client_id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {e.name}
                    </Anchor>
                    <StatusBadge status={e.status} />
                  </Group>
                  <Text size="xs" c="dimmed">
                    {[
                      e.exit_started_on && t('afterExit.year.redCardOn', { date: formatDate(e.exit_started_on, lang) }),
                      e.ended_on ? t('afterExit.year.endedOn', { date: formatDate(e.ended_on, lang) }) : t('afterExit.year.inProgress'),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  <Text size="sm">
                    {t('afterExit.year.owedAtStart', { amount: money(e.owed_at_start_minor) })} ·{' '}
                    {t('afterExit.year.recovered', { amount: money(e.recovered_minor) })} ·{' '}
                    {e.in_progress
                      ? t('afterExit.year.toCollect', { amount: money(e.outstanding_minor) })
                      : t('afterExit.year.writtenOff', { amount: money(e.outstanding_minor) })}{' '}
                    · {t('afterExit.year.hours', { hours: formatNumber(e.hours_after_start, lang, 2) })}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Screening({ review }: { review: YearReview }) {
  const { t } = useTranslation();
  const s = review.screening;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="year-screening-title" data-testid="year-screening">
      <Stack gap="xs">
        <Title order={2} size="h4" id="year-screening-title">
          {t('afterExit.year.screeningTitle')}
        </Title>
        {s === null ? (
          <Text size="sm" c="dimmed">
            {t('afterExit.year.noScreening')}
          </Text>
        ) : (
          <>
            <Text size="sm">
              {t('afterExit.year.screeningCounts', {
                lessons: s.lessons_recorded,
                screened: s.prospects_screened,
                declined: s.prospects_declined,
              })}
            </Text>
            {s.changes.length > 0 && (
              <Stack gap={2} component="ul" pl="md" m={0}>
                {s.changes.map((c) => (
                  <Text key={c} size="sm" component="li">
                    {c}
                  </Text>
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

export function YearReviewPage({ yearText }: { yearText: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { workspaceId } = useWorkspace();
  const year = Number(yearText);
  const query = useQuery({ queryKey: afterExitKeys.year(workspaceId, year), queryFn: () => afterExitApi.year(workspaceId, year) });
  useDocumentTitle(`${t('afterExit.year.title', { year: yearText })} · RedCard`);
  const review = query.data;
  const thisYear = new Date().getFullYear();

  return (
    <Stack gap="md">
      <Anchor component={Link} href="/" size="sm" style={{ alignSelf: 'flex-start' }}>
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden />
          {t('client.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} size="h2">
            {t('afterExit.year.title', { year: yearText })}
          </Title>
          {review && (
            <Text size="sm" c="dimmed">
              {t('afterExit.year.asOf', { date: formatDate(review.as_of, lang) })}
            </Text>
          )}
        </div>
        <Group gap="xs">
          <Button
            component={Link}
            href={`/year-review/${year - 1}`}
            variant="default"
            size="xs"
            leftSection={<IconChevronLeft size={14} aria-hidden />}
          >
            {year - 1}
          </Button>
          {year < thisYear && (
            <Button
              component={Link}
              href={`/year-review/${year + 1}`}
              variant="default"
              size="xs"
              rightSection={<IconChevronRight size={14} aria-hidden />}
            >
              {year + 1}
            </Button>
          )}
        </Group>
      </Group>

      {query.isPending ? (
        <PageLoader />
      ) : query.error || !review ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Stat label={t('afterExit.year.totalExits')} value={String(review.totals.exits)} testId="year-total-exits" />
            <Stat label={t('afterExit.year.totalRecovered')} value={formatMoney(review.totals.recovered_minor, review.currency, lang)} />
            <Stat label={t('afterExit.year.totalWrittenOff')} value={formatMoney(review.totals.written_off_minor, review.currency, lang)} />
            <Stat label={t('afterExit.year.totalHours')} value={formatNumber(review.totals.hours_after_start, lang, 2)} />
          </SimpleGrid>
          <Exits review={review} />
          <Health review={review} />
          <Screening review={review} />
        </>
      )}
    </Stack>
  );
}
