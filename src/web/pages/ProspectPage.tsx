/**
 * One prospect (issue 8, A4): the fit score with its reasons and the early signs first, then the
 * questionnaire to fill in after a call (large touch targets, usable on a phone), the public link
 * for the prospect to answer themselves, and the decision.
 */
import { Anchor, Badge, Button, CopyButton, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconCheck, IconCopy, IconLink, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Prospect, ProspectLink } from '../../contracts/screening.js';
import { isApiError } from '../api/client.js';
import { screeningApi, screeningKeys } from '../api/screening.js';
import { EarlySigns, FitScore, QuestionCards } from '../components/screening.js';
import { LoadError, PageLoader } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';
import { formatInstant } from '../lib/format.js';
import { notifyError, notifySuccess } from '../lib/notify.js';

function LinkPanel({ prospect, workspaceId, onChanged }: { prospect: Prospect; workspaceId: string; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [link, setLink] = useState<ProspectLink | null>(null);
  const [busy, setBusy] = useState(false);
  const url = link ? `${window.location.origin}${link.path}` : '';
  const create = async () => {
    setBusy(true);
    try {
      setLink(await screeningApi.createLink(workspaceId, prospect.id));
      onChanged();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" aria-labelledby="link-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="link-title">
          {t('screening.linkTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('screening.linkHint')}
        </Text>
        {prospect.link.used_at && (
          <Text size="sm">{t('screening.linkUsed', { date: formatInstant(prospect.link.used_at, i18n.language) })}</Text>
        )}
        {!link && prospect.link.active && prospect.link.expires_at && (
          <Text size="sm">{t('screening.linkActive', { date: formatInstant(prospect.link.expires_at, i18n.language) })}</Text>
        )}
        {link && (
          <Stack gap={6}>
            <Text size="sm">{t('screening.linkReady')}</Text>
            <Group gap="xs" wrap="nowrap">
              <TextInput value={url} readOnly aria-label={t('screening.linkTitle')} style={{ flex: 1 }} data-testid="prospect-link" />
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Button
                    variant="default"
                    onClick={copy}
                    leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  >
                    {copied ? t('screening.linkCopied') : t('screening.linkCopy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        )}
        <Group>
          <Button variant="light" leftSection={<IconLink size={16} aria-hidden />} onClick={() => void create()} loading={busy}>
            {prospect.link.expires_at || link ? t('screening.linkRenew') : t('screening.linkCreate')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Notes and first messages can be corrected or completed later; the early signs and score follow. */
function Details({ prospect, workspaceId, onChanged }: { prospect: Prospect; workspaceId: string; onChanged: (p: Prospect) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [notes, setNotes] = useState(prospect.notes);
  const [messages, setMessages] = useState(prospect.first_messages);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      onChanged(await screeningApi.updateProspect(workspaceId, prospect.id, { notes, first_messages: messages }));
      setEditing(false);
      notifySuccess(t('common.saved'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  if (!editing) {
    return (
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Text size="sm" c={prospect.notes ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
          {prospect.notes || t('screening.notes')}
        </Text>
        <Button
          variant="subtle"
          size="xs"
          onClick={() => {
            setNotes(prospect.notes);
            setMessages(prospect.first_messages);
            setEditing(true);
          }}
        >
          {t('common.edit')}
        </Button>
      </Group>
    );
  }

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Textarea
          label={t('screening.firstMessages')}
          description={t('screening.firstMessagesHint')}
          autosize
          minRows={3}
          maxRows={10}
          value={messages}
          onChange={(e) => setMessages(e.currentTarget.value)}
        />
        <Textarea
          label={t('screening.notes')}
          autosize
          minRows={2}
          maxRows={8}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setEditing(false)} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Decision({ prospect, workspaceId, onChanged }: { prospect: Prospect; workspaceId: string; onChanged: (p: Prospect) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (what: string, call: () => Promise<Prospect>) => {
    setBusy(what);
    try {
      onChanged(await call());
      notifySuccess(t('screening.decided'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Group gap="sm" wrap="wrap">
      {prospect.client_id ? (
        <Button component={Link} href={`/clients/${prospect.client_id}`} variant="light">
          {t('screening.openClient')}
        </Button>
      ) : (
        <Button
          leftSection={<IconCheck size={16} aria-hidden />}
          loading={busy === 'create'}
          onClick={() => void run('create', () => screeningApi.accept(workspaceId, prospect.id, true))}
        >
          {t('screening.acceptCreate')}
        </Button>
      )}
      {prospect.status !== 'accepted' && !prospect.client_id && (
        <Button
          variant="default"
          loading={busy === 'accept'}
          onClick={() => void run('accept', () => screeningApi.accept(workspaceId, prospect.id, false))}
        >
          {t('screening.accept')}
        </Button>
      )}
      {prospect.status !== 'declined' && (
        <Button
          variant="default"
          color="gray"
          leftSection={<IconX size={16} aria-hidden />}
          loading={busy === 'decline'}
          onClick={() => void run('decline', () => screeningApi.decline(workspaceId, prospect.id))}
        >
          {t('screening.decline')}
        </Button>
      )}
    </Group>
  );
}

export function ProspectPage({ prospectId }: { prospectId: string }) {
  const { t } = useTranslation();
  const { workspaceId } = useWorkspace();
  const queryClient = useQueryClient();
  const key = screeningKeys.prospect(workspaceId, prospectId);
  const query = useQuery({ queryKey: key, queryFn: () => screeningApi.prospect(workspaceId, prospectId) });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(`${query.data?.name ?? t('screening.title')} · RedCard`);

  // The stored answers (the prospect's own, or saved earlier) until the user changes one.
  useEffect(() => {
    if (query.data && !dirty) setAnswers(query.data.answers);
  }, [query.data, dirty]);

  const show = (p: Prospect) => {
    queryClient.setQueryData(key, p);
    void queryClient.invalidateQueries({ queryKey: screeningKeys.prospects(workspaceId), exact: true });
  };
  const save = async () => {
    setBusy(true);
    try {
      show(await screeningApi.updateProspect(workspaceId, prospectId, { answers }));
      setDirty(false);
      notifySuccess(t('screening.answersSaved'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <Anchor component={Link} href="/screening" size="sm" style={{ alignSelf: 'flex-start' }}>
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {t('screening.back')}
      </Group>
    </Anchor>
  );
  if (query.isPending) return <PageLoader />;
  if (query.error) {
    return (
      <Stack gap="sm">
        {back}
        {isApiError(query.error) && query.error.status === 404 ? (
          <Text>{t('screening.notFound')}</Text>
        ) : (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Stack>
    );
  }
  const p = query.data;

  return (
    <Stack gap="md" maw={900}>
      {back}
      <Group justify="space-between" wrap="wrap" gap="xs">
        <div>
          <Title order={1} size="h2">
            {p.name}
          </Title>
          {p.contact && (
            <Text size="sm" c="dimmed">
              {p.contact}
            </Text>
          )}
        </div>
        <Group gap="xs">
          <Badge variant="outline">{t(`screening.status.${p.status}`)}</Badge>
          {p.answered_by === 'prospect' && <Badge variant="light">{t('screening.answeredByProspect')}</Badge>}
        </Group>
      </Group>

      <Details key={p.updated_at} prospect={p} workspaceId={workspaceId} onChanged={show} />
      <FitScore prospect={p} />
      <EarlySigns prospect={p} />

      <section aria-labelledby="questionnaire-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="questionnaire-title">
            {t('screening.questionnaire')}
          </Title>
          <QuestionCards
            questions={p.questions}
            answers={answers}
            onChange={(q, o) => {
              setAnswers((a) => ({ ...a, [q]: o }));
              setDirty(true);
            }}
          />
          <Button size="md" fullWidth onClick={() => void save()} loading={busy} disabled={!dirty}>
            {t('screening.saveAnswers')}
          </Button>
        </Stack>
      </section>

      <LinkPanel prospect={p} workspaceId={workspaceId} onChanged={() => void query.refetch()} />
      <Decision prospect={p} workspaceId={workspaceId} onChanged={show} />
    </Stack>
  );
}
