/**
 * After the exit, on the client page (issue 8; DOMAIN.md A1, A2): the banner when the client got
 * in touch after the relationship ended, with the two calm answers (no reply, or a short closed
 * reply to edit and copy), the review date, and the history summarised. Self-contained: it reads
 * its own data and renders nothing for a relationship that is not over and was never contacted.
 */
import { Alert, Badge, Button, CopyButton, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconCalendarEvent, IconCheck, IconCopy, IconMailOff } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AfterExitView } from '../../contracts/after-exit.js';
import { afterExitApi, afterExitKeys } from '../api/after-exit.js';
import { formatDate, todayIso } from '../lib/format.js';
import { formatMoney } from '../lib/money.js';
import { describeError, notifySuccess } from '../lib/notify.js';

/** The mark on a timeline item that arrived after the relationship ended. */
export function AfterCloseBadge() {
  const { t } = useTranslation();

  return (
    <Badge variant="light" color="grape" size="sm" data-testid="after-close-badge">
      {t('afterExit.badge')}
    </Badge>
  );
}

function ClosedReplyBox({ view, clientName }: { view: AfterExitView; clientName: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(view.reply?.body ?? '');
  // A new draft from the server (another contact, a changed record) replaces the text once.
  useEffect(() => setText(view.reply?.body ?? ''), [view.reply?.body]);

  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <IconMailOff size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="sm">
          <b>{t('afterExit.noReplyTitle')}</b> {t('afterExit.noReplyBody')}
        </Text>
      </Group>
      {view.reply ? (
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('afterExit.replyTitle')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('afterExit.replySubject', { subject: view.reply.subject })}
          </Text>
          <Textarea
            label={t('afterExit.replyLabel', { name: clientName })}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={5}
            maxRows={14}
            data-testid="closed-reply"
          />
          <CopyButton value={text}>
            {({ copied, copy }) => (
              <Button
                variant="default"
                size="xs"
                onClick={copy}
                leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                style={{ alignSelf: 'flex-start' }}
              >
                {copied ? t('afterExit.copied') : t('afterExit.copy')}
              </Button>
            )}
          </CopyButton>
        </Stack>
      ) : (
        view.reply_problem && (
          <Text size="sm" c="dimmed">
            {t('afterExit.replyUnavailable', { why: view.reply_problem })}
          </Text>
        )
      )}
    </Stack>
  );
}

function ReviewDateBox({ view, workspaceId }: { view: AfterExitView; workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['workspaces', workspaceId] });

  const save = async () => {
    // The server checks it too; saying it here saves a round trip.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError(t('afterExit.reviewDateRequired'));
    if (date <= todayIso()) return setError(t('afterExit.reviewDateFuture'));
    setBusy(true);
    try {
      await afterExitApi.setReview(workspaceId, view.client_id, { review_on: date, note });
      setError(null);
      setDate('');
      setNote('');
      notifySuccess(t('afterExit.reviewSaved', { date: formatDate(date, lang) }));
      await refresh();
    } catch (e) {
      setError(describeError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const clear = async () => {
    setBusy(true);
    try {
      await afterExitApi.clearReview(workspaceId, view.client_id);
      await refresh();
    } catch (e) {
      setError(describeError(e).message);
    } finally {
      setBusy(false);
    }
  };

  if (view.review) {
    return (
      <Stack gap={6} data-testid="review-date">
        <Group gap="xs">
          <IconCalendarEvent size={18} aria-hidden />
          <Text size="sm" fw={600}>
            {t('afterExit.reviewOn', { date: formatDate(view.review.review_on, lang) })}
          </Text>
          {view.review.due && (
            <Badge color="orange" variant="light">
              {t('afterExit.reviewDue')}
            </Badge>
          )}
        </Group>
        {view.review.note && (
          <Text size="sm" className="rc-prewrap">
            {view.review.note}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('afterExit.reviewStaysClosed')}
        </Text>
        <Button variant="subtle" size="xs" onClick={() => void clear()} loading={busy} style={{ alignSelf: 'flex-start' }}>
          {t('afterExit.reviewClear')}
        </Button>
        {error && (
          <Text size="sm" c="red">
            {error}
          </Text>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap={6}>
      <Text size="sm">{t('afterExit.reviewHelp')}</Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          type="date"
          label={t('afterExit.reviewDateLabel')}
          value={date}
          min={todayIso()}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={error}
          w={{ base: '100%', xs: 200 }}
        />
        <TextInput
          label={t('afterExit.reviewNoteLabel')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          maxLength={2000}
          style={{ flex: '1 1 220px' }}
        />
        <Button onClick={() => void save()} loading={busy}>
          {t('afterExit.reviewSave')}
        </Button>
      </Group>
    </Stack>
  );
}

function HistoryFacts({ view }: { view: AfterExitView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const h = view.history;
  if (!h) return null;
  const facts: Array<[string, string]> = [];
  const date = (label: string, value: string | null) => {
    if (value) facts.push([label, formatDate(value, lang)]);
  };
  date(t('afterExit.history.firstIncident'), h.first_incident_on);
  date(t('afterExit.history.yellowCard'), h.yellow_card_on);
  date(t('afterExit.history.redCard'), h.red_card_on);
  date(t('afterExit.history.ended'), h.ended_on);
  facts.push([t('afterExit.history.owed'), formatMoney(h.owed_minor, view.currency, lang)]);
  facts.push([t('afterExit.history.recovered'), formatMoney(h.recovered_minor, view.currency, lang)]);
  facts.push([t('afterExit.history.contacts'), String(h.contacts_after_close)]);

  return (
    <Stack gap={6} data-testid="after-exit-history">
      <Title order={3} size="h6">
        {t('afterExit.history.title')}
      </Title>
      <Stack gap={2} component="dl" m={0} maw={560}>
        {facts.map(([label, value]) => (
          <Group key={label} gap="xs" wrap="nowrap" justify="space-between">
            <Text size="sm" c="dimmed" component="dt">
              {label}
            </Text>
            <Text size="sm" component="dd" m={0} ta="right">
              {value}
            </Text>
          </Group>
        ))}
      </Stack>
      {h.incidents_by_code.length > 0 && (
        <Group gap={6} wrap="wrap" aria-label={t('afterExit.history.byCode')}>
          {h.incidents_by_code.map((c) => (
            <Badge key={c.code} variant="light" color="gray">
              {t(`flag.${c.code}`)} × {c.count}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}

export function AfterExitPanel({
  workspaceId,
  clientId,
  clientName,
  decides = true,
}: {
  workspaceId: string;
  clientId: string;
  clientName: string;
  /** False for a team member: they read where the client stands, the review date is a manager's. */
  decides?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const query = useQuery({ queryKey: afterExitKeys.view(workspaceId, clientId), queryFn: () => afterExitApi.view(workspaceId, clientId) });
  const view = query.data;
  if (!view || (!view.over && view.contacts_total === 0)) return null;
  const latest = view.contacts[0];

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="after-exit-title" data-testid="after-exit">
      <Stack gap="md">
        <Title order={2} size="h4" id="after-exit-title">
          {t('afterExit.title')}
        </Title>
        {latest && (
          <Alert color="grape" variant="light" title={t('afterExit.bannerTitle', { name: clientName })} data-testid="after-close-banner">
            <Stack gap="sm">
              <Text size="sm">
                {view.ended_on
                  ? t('afterExit.bannerBody', {
                      date: formatDate(latest.item_date, lang),
                      ended: formatDate(view.ended_on, lang),
                      count: view.contacts_total,
                    })
                  : t('afterExit.bannerBodyNoEnd', { date: formatDate(latest.item_date, lang), count: view.contacts_total })}
              </Text>
              <Text size="sm">{t('afterExit.bannerAdvice')}</Text>
              {view.over && <ClosedReplyBox view={view} clientName={clientName} />}
              {view.over && (
                <Text size="xs" c="dimmed">
                  {t('afterExit.reopenNeedsReason')}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
        {view.over && decides && <ReviewDateBox view={view} workspaceId={workspaceId} />}
        <HistoryFacts view={view} />
      </Stack>
    </Paper>
  );
}
