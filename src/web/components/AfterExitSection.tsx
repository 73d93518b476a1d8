/**
 * The dashboard's after-exit section (issue 8; DOMAIN.md A2, A4): review dates reached, how early
 * the signs showed for each ended relationship (first incident against the end, with the median),
 * and the way to the yearly review. Self-contained, like OverdueSteps.
 */
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCalendarStats, IconHourglass } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { afterExitApi, afterExitKeys } from '../api/after-exit.js';
import { formatDate } from '../lib/format.js';
import { useWorkspace } from './workspace.js';

/** "3 months" from 30 days on, else "12 days": the unit a person would say. */
export function leadWords(days: number | null, months: number | null, t: TFunction): string {
  if (days === null) return t('afterExit.howEarly.noSign');
  if (months !== null && months >= 1) return t('plural.months', { count: months });

  return t('plural.days', { count: days });
}

export function AfterExitSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { workspaceId } = useWorkspace();
  // On a phone each client is a short line, so the lead time is never scrolled out of sight.
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const query = useQuery({ queryKey: afterExitKeys.overview(workspaceId), queryFn: () => afterExitApi.overview(workspaceId) });
  const data = query.data;
  if (!data) return null;
  const year = Number(data.today.slice(0, 4));
  const median = data.median_lead_days;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="after-exit-overview-title" data-testid="after-exit-overview">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <IconHourglass size={18} aria-hidden />
            <Title order={2} size="h5" id="after-exit-overview-title">
              {t('afterExit.howEarly.title')}
            </Title>
          </Group>
          <Button
            component={Link}
            href={`/year-review/${year}`}
            variant="default"
            size="xs"
            leftSection={<IconCalendarStats size={14} aria-hidden />}
          >
            {t('afterExit.year.link', { year })}
          </Button>
        </Group>

        {data.reviews_due.length > 0 && (
          <Stack gap={4} data-testid="reviews-due">
            {data.reviews_due.map((r) => (
              <Group key={r.client_id} gap="xs" wrap="wrap">
                <Badge color="orange" variant="light">
                  {t('afterExit.reviewDue')}
                </Badge>
                <Anchor component={Link} href={`/clients/${r.client_id}`} size="sm" fw={600}>
                  {r.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('afterExit.reviewOn', { date: formatDate(r.review_on, lang) })}
                </Text>
              </Group>
            ))}
          </Stack>
        )}

        {data.lead_times.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('afterExit.howEarly.none')}
          </Text>
        ) : (
          <>
            {median !== null && (
              <Text size="sm" data-testid="median-lead">
                {t('afterExit.howEarly.median', { lead: t('plural.days', { count: median }) })}
              </Text>
            )}
            {narrow ? (
              <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {data.lead_times.map((r) => (
                  <Stack key={r.client_id} gap={0} component="li" data-testid="lead-time-row">
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Anchor component={Link} href={`/clients/${r.client_id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {r.name}
                      </Anchor>
                      <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
                        {leadWords(r.lead_days, r.lead_months, t)}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('afterExit.howEarly.firstSign')}: {r.first_incident_on ? formatDate(r.first_incident_on, lang) : '—'} ·{' '}
                      {t('afterExit.howEarly.ended')}: {r.ended_on ? formatDate(r.ended_on, lang) : '—'}
                    </Text>
                  </Stack>
                ))}
              </Stack>
            ) : (
              <Table.ScrollContainer minWidth={420}>
                <Table striped verticalSpacing={4} fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('afterExit.howEarly.client')}</Table.Th>
                      <Table.Th>{t('afterExit.howEarly.firstSign')}</Table.Th>
                      <Table.Th>{t('afterExit.howEarly.ended')}</Table.Th>
                      <Table.Th>{t('afterExit.howEarly.lead')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.lead_times.map((r) => (
                      <Table.Tr key={r.client_id} data-testid="lead-time-row">
                        <Table.Td>
                          <Anchor component={Link} href={`/clients/${r.client_id}`} size="sm">
                            {r.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{r.first_incident_on ? formatDate(r.first_incident_on, lang) : '—'}</Table.Td>
                        <Table.Td>{r.ended_on ? formatDate(r.ended_on, lang) : '—'}</Table.Td>
                        <Table.Td>{leadWords(r.lead_days, r.lead_months, t)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
