/**
 * Pieces of the screening pages: the questionnaire as large radio cards (usable with a thumb on a
 * phone), the fit score with its reasons, and the early signs with the matched words highlighted.
 */
import { Badge, Group, Paper, Progress, Radio, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconBulb, IconCircleCheck } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Prospect } from '../../contracts/screening.js';

export interface QuestionLike {
  id: string;
  text: string;
  prompt?: string | null;
  source?: 'code' | 'lesson';
  emphasised_by?: string[];
  options: { id: string; text: string }[];
}

export const BAND_COLOR = { good: 'teal', caution: 'yellow', poor: 'red' } as const;

/** Every question as a group of full-width radio cards; a chosen card is marked and announced. */
export function QuestionCards({
  questions,
  answers,
  onChange,
}: {
  questions: readonly QuestionLike[];
  answers: Record<string, string>;
  onChange: (questionId: string, optionId: string) => void;
}) {
  const { t } = useTranslation();
  const answered = questions.filter((q) => answers[q.id] !== undefined).length;

  return (
    <Stack gap="md">
      <div>
        <Text size="sm" c="dimmed" mb={4}>
          {t('screening.progress', { answered, total: questions.length })}
        </Text>
        <Progress value={questions.length === 0 ? 0 : (100 * answered) / questions.length} size="md" aria-hidden />
      </div>
      {questions.map((q, index) => (
        <Paper key={q.id} withBorder p="md" radius="md">
          <Radio.Group
            value={answers[q.id] ?? null}
            onChange={(v) => onChange(q.id, v)}
            name={q.id}
            label={
              <Stack gap={4} mb="xs">
                {q.source === 'lesson' && (
                  <Group gap={6}>
                    <Badge variant="light" color="grape" leftSection={<IconBulb size={12} aria-hidden />}>
                      {t('screening.fromLessons')}
                    </Badge>
                  </Group>
                )}
                {q.prompt && (
                  <Text size="sm" c="dimmed" fw={400}>
                    {q.prompt}
                  </Text>
                )}
                <Text fw={600} size="md">
                  {index + 1}. {q.text}
                </Text>
                {q.source === 'code' && (q.emphasised_by?.length ?? 0) > 0 && (
                  <Text size="xs" c="grape.7" fw={400}>
                    {t('screening.emphasised')}
                  </Text>
                )}
              </Stack>
            }
          >
            <Stack gap="xs">
              {q.options.map((o) => (
                <Radio.Card key={o.id} value={o.id} radius="md" p="sm" mih={48} className="rc-option-card">
                  <Group wrap="nowrap" gap="sm" align="center">
                    <Radio.Indicator />
                    <Text size="md">{o.text}</Text>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
        </Paper>
      ))}
    </Stack>
  );
}

/** The text with the given stretches marked. */
export function Highlighted({ text, spans }: { text: string; spans: readonly { start: number; end: number }[] }) {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts: { at: number; text: string; mark: boolean }[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    if (s.start > at) parts.push({ at, text: text.slice(at, s.start), mark: false });
    parts.push({ at: s.start, text: text.slice(s.start, s.end), mark: true });
    at = s.end;
  }
  if (at < text.length) parts.push({ at, text: text.slice(at), mark: false });

  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((p) =>
        p.mark ? (
          <mark key={p.at} className="rc-sign-mark">
            {p.text}
          </mark>
        ) : (
          <Fragment key={p.at}>{p.text}</Fragment>
        ),
      )}
    </Text>
  );
}

/** The early signs found in the first messages, and the messages with every match highlighted. */
export function EarlySigns({ prospect }: { prospect: Prospect }) {
  const { t } = useTranslation();
  const kinds = [...new Set(prospect.signs.map((s) => s.kind))];

  return (
    <Paper withBorder p="md" radius="md" aria-labelledby="early-signs-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="early-signs-title">
          {t('screening.signsTitle')}
        </Title>
        {prospect.first_messages.trim() === '' ? (
          <Text size="sm" c="dimmed">
            {t('screening.noMessages')}
          </Text>
        ) : kinds.length === 0 ? (
          <Group gap="xs">
            <ThemeIcon color="teal" variant="light" size="sm">
              <IconCircleCheck size={14} aria-hidden />
            </ThemeIcon>
            <Text size="sm">{t('screening.noSigns')}</Text>
          </Group>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="early-signs">
            {kinds.map((k) => {
              const matched = prospect.signs.filter((s) => s.kind === k).map((s) => prospect.first_messages.slice(s.start, s.end));
              return (
                <Group key={k} component="li" gap="xs" wrap="nowrap" align="flex-start" data-sign={k}>
                  <ThemeIcon color="orange" variant="light" size="sm" mt={2}>
                    <IconAlertTriangle size={14} aria-hidden />
                  </ThemeIcon>
                  <div>
                    <Text size="sm" fw={600}>
                      {t(`screening.sign.${k}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {matched.map((m) => `“${m}”`).join(', ')}
                    </Text>
                  </div>
                </Group>
              );
            })}
          </Stack>
        )}
        {prospect.first_messages.trim() !== '' && (
          <Paper bg="var(--mantine-color-default-hover)" p="sm" radius="sm">
            <Highlighted text={prospect.first_messages} spans={prospect.signs.flatMap((s) => s.spans)} />
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}

/** The score, its band, and each reason citing the answer (or sign) and its red flag or lesson. */
export function FitScore({ prospect }: { prospect: Prospect }) {
  const { t } = useTranslation();
  const questions = new Map(prospect.questions.map((q) => [q.id, q]));
  const reasons = prospect.reasons.filter((r) => r.points_lost > 0);

  return (
    <Paper withBorder p="md" radius="md" aria-labelledby="fit-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id="fit-title">
            {t('screening.scoreLabel')}
          </Title>
          {prospect.band && (
            <Badge size="lg" color={BAND_COLOR[prospect.band]} variant="light">
              {t(`screening.band.${prospect.band}`)}
            </Badge>
          )}
        </Group>
        {prospect.score === null ? (
          <Text c="dimmed">{t('screening.noReasons')}</Text>
        ) : (
          <Text fz={36} fw={700} lh={1} data-testid="fit-score">
            {t('screening.scoreOf', { score: prospect.score })}
          </Text>
        )}
        {reasons.length > 0 && (
          <>
            <Text fw={600} size="sm">
              {t('screening.reasons')}
            </Text>
            <Stack gap={6} component="ol" style={{ paddingInlineStart: 20, margin: 0 }} data-testid="fit-reasons">
              {reasons.map((r) => {
                if (r.kind === 'sign') {
                  return (
                    <li key={`s:${r.sign}`}>
                      <Group gap={6} wrap="wrap">
                        <Text size="sm">{t('screening.reasonSign', { sign: t(`screening.sign.${r.sign}`) })}</Text>
                        <Badge variant="outline" size="sm">
                          {t(`flag.${r.code}`)}
                        </Badge>
                        <Text size="sm" c="red.7" fw={600}>
                          −{r.points_lost}
                        </Text>
                      </Group>
                    </li>
                  );
                }
                const q = questions.get(r.question_id);
                const answer = q?.options.find((o) => o.id === r.option_id)?.text ?? r.option_id;
                return (
                  <li key={`a:${r.question_id}`}>
                    <Group gap={6} wrap="wrap">
                      <Text size="sm">
                        {q?.text ?? r.question_id} — “{answer}”
                      </Text>
                      {r.lesson_id && (
                        <Badge variant="light" color="grape" size="sm">
                          {t('screening.fromLessons')}
                        </Badge>
                      )}
                      {r.codes.map((c) => (
                        <Badge key={c} variant="outline" size="sm">
                          {t(`flag.${c}`)}
                        </Badge>
                      ))}
                      <Text size="sm" c="red.7" fw={600}>
                        −{r.points_lost}
                      </Text>
                    </Group>
                  </li>
                );
              })}
            </Stack>
          </>
        )}
      </Stack>
    </Paper>
  );
}
