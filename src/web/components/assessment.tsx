/**
 * The assessment of a client (what to do and why) under the header, and the exit plan beside the
 * timeline when the assessment recommends leaving or reassigning. Reasons, the dimensions'
 * explanations and step titles come with their keys and are said in the UI language
 * (lib/exit-text.ts); an assessment stored before the keys existed shows its English.
 */
import {
  Badge,
  Button,
  Collapse,
  Divider,
  Group,
  List,
  type MantineColor,
  Paper,
  Progress,
  RingProgress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconCalendarPlus, IconChevronDown, IconChevronUp, IconPrinter, IconSquare } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../contracts/assessment.js';
import { DIMENSIONS } from '../../core/assessment/types.js';
import { api, keys } from '../api/client.js';
import { useAssessmentText, useExitText } from '../lib/exit-text.js';
import { formatDate } from '../lib/format.js';
import { formatMoney } from '../lib/money.js';
import { describeError } from '../lib/notify.js';
import { ScoreHistoryChart } from './charts/ScoreHistoryChart.js';
import { Fact, Panel } from './panels.js';

const OWNERS = new Set(['you', 'lawyer', 'client']);

/** Calm colours: green from 70, yellow from 40, red below. */
export function scoreColor(score: number): MantineColor {
  return score >= 70 ? 'teal' : score >= 40 ? 'yellow' : 'red';
}

const RECOMMENDATION_COLOR: Record<Assessment['recommendation'], MantineColor> = {
  keep: 'teal',
  watch: 'blue',
  yellow_card: 'yellow',
  reassign: 'grape',
  red_card: 'red',
};

export function useAssessment(workspaceId: string, clientId: string) {
  return useQuery({
    queryKey: keys.assessment(workspaceId, clientId),
    queryFn: () => api.assessment.get(workspaceId, clientId),
  });
}

export function recommendationWords(a: Assessment, t: (key: string, opts?: Record<string, string>) => string): string {
  if (a.recommendation === 'red_card' && a.path) return t('assessment.redCardPath', { path: t(`exitPath.${a.path}`) });

  return t(`recommendation.${a.recommendation}`);
}

export function AssessmentCard({ workspaceId, clientId }: { workspaceId: string; clientId: string }) {
  const { t } = useTranslation();
  const query = useAssessment(workspaceId, clientId);
  const [details, setDetails] = useState(false);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="assessment-heading" data-testid="assessment">
      <Title order={2} size="h5" id="assessment-heading" mb="sm">
        {t('assessment.title')}
      </Title>
      {query.isPending ? (
        <Skeleton height={72} radius="md" />
      ) : query.error ? (
        <Text size="sm" c="dimmed">
          {t('assessment.unavailable')} {describeError(query.error).message}
        </Text>
      ) : (
        <AssessmentBody a={query.data} details={details} onToggle={() => setDetails((d) => !d)} />
      )}
      {/* Issue 4: the score over the last 12 months (dashboard's score-history endpoint). */}
      <Divider my="sm" />
      <ScoreHistoryChart workspaceId={workspaceId} clientId={clientId} />
    </Paper>
  );
}

function AssessmentBody({ a, details, onToggle }: { a: Assessment; details: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const assessmentText = useAssessmentText();
  const color = scoreColor(a.score);

  return (
    <Stack gap="sm">
      <Group gap="md" wrap="nowrap" align="flex-start">
        <RingProgress
          size={76}
          thickness={7}
          roundCaps
          sections={[{ value: a.score, color }]}
          label={
            <Text ta="center" fw={700} size="lg" c={`${color}.8`} data-testid="assessment-score">
              {a.score}
            </Text>
          }
          aria-label={t('assessment.scoreLabel', { score: String(a.score) })}
          style={{ flexShrink: 0 }}
        />
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={700} size="lg" c={`${RECOMMENDATION_COLOR[a.recommendation]}.8`} data-testid="assessment-recommendation">
              {recommendationWords(a, t)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('assessment.score', { score: String(a.score) })}
            </Text>
          </Group>
          {a.reasons.length > 0 ? (
            <List spacing={4} size="sm" aria-label={t('assessment.reasons')} listStyleType="none" p={0}>
              {a.reasons.map((r) => (
                <List.Item key={`${r.rule}:${r.text}`}>
                  <Group gap={8} wrap="nowrap" align="flex-start">
                    <Badge variant="outline" color="gray" size="sm" style={{ flexShrink: 0 }} mt={2}>
                      {r.rule}
                    </Badge>
                    <Text size="sm">{assessmentText(r.text_i18n, r.text)}</Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('assessment.noReasons')}
            </Text>
          )}
        </Stack>
      </Group>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={onToggle}
        aria-expanded={details}
        rightSection={details ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
        style={{ alignSelf: 'flex-start' }}
      >
        {details ? t('assessment.hideDetails') : t('assessment.showDetails')}
      </Button>
      <Collapse expanded={details}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          {DIMENSIONS.map((key) => {
            const d = a.dimensions[key];

            return (
              <div key={key}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm" fw={600}>
                    {t(`dimension.${key}`)}
                  </Text>
                  <Text size="sm" fw={600} c={`${scoreColor(d.score)}.8`}>
                    {d.score}
                  </Text>
                </Group>
                <Progress value={d.score} color={scoreColor(d.score)} size="sm" mt={4} aria-label={t(`dimension.${key}`)} />
                <Text size="xs" c="dimmed" mt={4}>
                  {assessmentText(d.explanation_i18n, d.explanation)}
                </Text>
              </div>
            );
          })}
        </SimpleGrid>
      </Collapse>
    </Stack>
  );
}

/** The exit plan, read-only, with its calendar and PDF downloads; shown when the assessment recommends a red card or a reassignment. */
export function PlanPanel({ workspaceId, clientId }: { workspaceId: string; clientId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const assessment = useAssessment(workspaceId, clientId);
  const { stepTitle } = useExitText();
  const wanted = assessment.data?.recommendation === 'red_card' || assessment.data?.recommendation === 'reassign';
  const query = useQuery({
    queryKey: keys.plan(workspaceId, clientId),
    queryFn: () => api.plan.get(workspaceId, clientId),
    enabled: wanted,
  });
  if (!wanted) return null;

  const plan = query.data;
  const money = plan?.money;

  return (
    <Panel id="panel-plan" title={t('plan.title')}>
      {query.isPending ? (
        <Skeleton height={120} radius="md" />
      ) : query.error || !plan || !money ? (
        <Text size="sm" c="dimmed">
          {t('plan.unavailable')} {query.error ? describeError(query.error).message : ''}
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('plan.path', { path: t(`exitPath.${plan.path}`) })}</Text>
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
            <Fact label={t('plan.tellClient')}>{plan.tell_client_on ? formatDate(plan.tell_client_on, lang) : t('plan.notYet')}</Fact>
            <Fact label={t('plan.workEnds')}>{plan.work_ends_on ? formatDate(plan.work_ends_on, lang) : t('plan.notScheduled')}</Fact>
            <Fact label={t('plan.lawyerFirst')}>
              <Badge variant="light" color={plan.lawyer_first ? 'orange' : 'teal'} size="sm">
                {plan.lawyer_first ? t('common.yes') : t('common.no')}
              </Badge>
            </Fact>
          </SimpleGrid>
          {plan.steps.length > 0 && (
            <div>
              <Text size="xs" c="dimmed" mb={4}>
                {t('plan.steps')}
              </Text>
              <List
                spacing={6}
                size="sm"
                aria-label={t('plan.steps')}
                icon={
                  <ThemeIcon variant="transparent" color="gray" size={18} aria-hidden>
                    <IconSquare size={16} />
                  </ThemeIcon>
                }
              >
                {plan.steps.map((s) => (
                  <List.Item key={s.id}>
                    <Text size="sm">{stepTitle(s.title, s.title_i18n)}</Text>
                    <Text size="xs" c="dimmed">
                      {[
                        s.due ? formatDate(s.due, lang) : t('plan.notScheduled'),
                        t('plan.owner', { owner: OWNERS.has(s.owner) ? t(`planOwner.${s.owner}`) : s.owner }),
                        s.rule,
                      ].join(' · ')}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
            <Fact label={t('plan.owed')}>{formatMoney(money.owed_to_you_minor, money.currency, lang)}</Fact>
            <Fact label={t('plan.interest')}>{formatMoney(money.interest_minor, money.currency, lang)}</Fact>
            <Fact label={t('plan.compensation')}>{formatMoney(money.compensation_minor, money.currency, lang)}</Fact>
            <Fact label={t('plan.refund')}>{formatMoney(money.refund_minor, money.currency, lang)}</Fact>
          </SimpleGrid>
          <Group gap="xs" wrap="wrap">
            <Button
              variant="default"
              size="xs"
              component="a"
              href={api.plan.fileUrl(workspaceId, clientId, 'ics')}
              download
              leftSection={<IconCalendarPlus size={14} aria-hidden />}
            >
              {t('plan.ics')}
            </Button>
            <Button
              variant="default"
              size="xs"
              component="a"
              href={api.plan.fileUrl(workspaceId, clientId, 'pdf')}
              download
              leftSection={<IconPrinter size={14} aria-hidden />}
            >
              {t('plan.pdf')}
            </Button>
          </Group>
        </Stack>
      )}
    </Panel>
  );
}
