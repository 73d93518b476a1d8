/**
 * The review queue's parts: one suggested red flag with its message and the matched words
 * highlighted, the confirm and dismiss actions, and a client's suppressed patterns.
 * Message text is rendered as React text nodes inside <mark>, never as HTML.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Mark,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertCircle, IconCheck, IconEyeOff, IconFileImport, IconListCheck, IconRestore, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { forwardRef, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LIMITS } from '../../core/limits.js';
import { SEVERITIES, type Severity } from '../../core/vocabulary.js';
import { isApiError, keys } from '../api/client.js';
import { type DismissScope, importKeys, type Suggestion, suggestionsApi, suppressionsApi } from '../api/imports.js';
import { formatDate, formatInstant } from '../lib/format.js';
import { describeError, notifyError, notifySuccess } from '../lib/notify.js';
import { SEVERITY_COLOR, SeverityBadge } from './labels.js';
import { excerptAround, highlightSegments } from './suggestions-text.js';

/** The message with the matched spans marked; long messages open on an excerpt around them. */
export function HighlightedMessageText({ text, spans }: { text: string; spans: Suggestion['spans'] }) {
  const { t } = useTranslation();
  const [whole, setWhole] = useState(false);
  const excerpt = excerptAround(text, spans);
  const from = whole ? 0 : excerpt.from;
  const to = whole ? text.length : excerpt.to;
  const cut = !whole && (excerpt.cutBefore || excerpt.cutAfter);

  return (
    <Stack gap={4}>
      <Text size="sm" className="rc-prewrap" data-testid="suggestion-text">
        {cut && excerpt.cutBefore && '… '}
        {highlightSegments(text, spans, from, to).map((segment) =>
          segment.marked ? (
            <Mark key={segment.at} color="yellow">
              {segment.text}
            </Mark>
          ) : (
            <span key={segment.at}>{segment.text}</span>
          ),
        )}
        {cut && excerpt.cutAfter && ' …'}
      </Text>
      {(excerpt.cutBefore || excerpt.cutAfter) && (
        <Anchor component="button" type="button" size="xs" onClick={() => setWhole((w) => !w)} style={{ alignSelf: 'flex-start' }}>
          {whole ? t('review.showExcerpt') : t('review.showWhole')}
        </Anchor>
      )}
    </Stack>
  );
}

/** Invalidates what a decision changes: the queues, the client's record, timeline and assessment. */
function useAfterDecision(workspaceId: string) {
  const queryClient = useQueryClient();

  return async (clientId: string) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: importKeys.suggestionsAll(workspaceId) }),
      queryClient.invalidateQueries({ queryKey: importKeys.suppressions(workspaceId, clientId) }),
      // The client's detail key covers its timeline, assessment, plan and audit trail; the list shows counts.
      queryClient.invalidateQueries({ queryKey: keys.clients(workspaceId) }),
    ]);
  };
}

export type DecisionMode = 'idle' | 'confirm' | 'dismiss';

function ConfirmPanel({
  suggestion,
  workspaceId,
  onCancel,
  onDone,
}: {
  suggestion: Suggestion;
  workspaceId: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [severity, setSeverity] = useState<Severity>(suggestion.severity);
  const [note, setNote] = useState('');
  const submitRef = useRef<HTMLButtonElement>(null);
  const after = useAfterDecision(workspaceId);
  const confirm = useMutation({
    mutationFn: () =>
      suggestionsApi.confirm(workspaceId, suggestion.id, {
        severity: severity === suggestion.severity ? undefined : severity,
        note: note.trim() === '' ? undefined : note.trim(),
      }),
    onSuccess: async () => {
      notifySuccess(t('review.confirmed', { client: suggestion.clientName }));
      onDone();
      await after(suggestion.clientId);
    },
    onError: async (error) => {
      // Someone else decided first: the queue is stale, show it as it is now.
      if (isApiError(error) && error.status === 409) await after(suggestion.clientId);
    },
  });
  useEffect(() => submitRef.current?.focus(), []);

  return (
    <DecisionForm
      label={t('review.confirmTitle')}
      note={note}
      onNote={setNote}
      noteLabel={t('review.note')}
      noteRows={[2, 6]}
      pending={confirm.isPending}
      error={confirm.error}
      onSubmit={() => confirm.mutate()}
      onCancel={onCancel}
      submit={
        <Button ref={submitRef} type="submit" loading={confirm.isPending} leftSection={<IconCheck size={16} aria-hidden />}>
          {t('review.confirmSubmit')}
        </Button>
      }
    >
      <Text size="sm" fw={600}>
        {t('review.confirmTitle')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('review.confirmExplain')}
      </Text>
      <div>
        <Text size="sm" fw={500} mb={4} id={`sev-${suggestion.id}`}>
          {t('review.severity')}
        </Text>
        <SegmentedControl
          aria-labelledby={`sev-${suggestion.id}`}
          value={String(severity)}
          onChange={(v) => setSeverity(Number(v) as Severity)}
          data={SEVERITIES.map((s) => ({ value: String(s), label: t(`severity.${s}`) }))}
          color={SEVERITY_COLOR[severity]}
          size="xs"
        />
      </div>
    </DecisionForm>
  );
}

function DismissPanel({
  suggestion,
  workspaceId,
  onCancel,
  onDone,
}: {
  suggestion: Suggestion;
  workspaceId: string;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<DismissScope>('this');
  const [note, setNote] = useState('');
  const firstRef = useRef<HTMLInputElement>(null);
  const after = useAfterDecision(workspaceId);
  const dismiss = useMutation({
    mutationFn: () => suggestionsApi.dismiss(workspaceId, suggestion.id, { scope, note: note.trim() === '' ? undefined : note.trim() }),
    onSuccess: async (result) => {
      notifySuccess(
        scope === 'this'
          ? t('review.dismissed')
          : result.dismissedAlso > 0
            ? t('review.dismissedPattern', { count: result.dismissedAlso, client: suggestion.clientName })
            : t('review.dismissedPatternOnly', { client: suggestion.clientName }),
      );
      onDone();
      await after(suggestion.clientId);
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) await after(suggestion.clientId);
    },
  });
  useEffect(() => firstRef.current?.focus(), []);

  return (
    <DecisionForm
      label={t('review.dismissTitle')}
      note={note}
      onNote={setNote}
      noteLabel={t('review.dismissNote')}
      noteRows={[1, 4]}
      pending={dismiss.isPending}
      error={dismiss.error}
      onSubmit={() => dismiss.mutate()}
      onCancel={onCancel}
      submit={
        <Button type="submit" color="gray" loading={dismiss.isPending} leftSection={<IconX size={16} aria-hidden />}>
          {t('review.dismissSubmit')}
        </Button>
      }
    >
      <Radio.Group label={t('review.dismissTitle')} value={scope} onChange={(v) => setScope(v === 'pattern' ? 'pattern' : 'this')}>
        <Stack gap={6} mt={6}>
          <Radio ref={firstRef} value="this" label={t('review.dismissThis')} />
          <Radio
            value="pattern"
            label={t('review.dismissPattern', { client: suggestion.clientName })}
            description={t('review.dismissPatternHint')}
          />
        </Stack>
      </Radio.Group>
    </DecisionForm>
  );
}

/** What both decisions share: the form, its optional note, the server's refusal, cancel and submit. */
function DecisionForm({
  label,
  note,
  onNote,
  noteLabel,
  noteRows,
  pending,
  error,
  onSubmit,
  onCancel,
  submit,
  children,
}: {
  label: string;
  note: string;
  onNote: (note: string) => void;
  noteLabel: string;
  /** The note box's [minimum, maximum] rows. */
  noteRows: [number, number];
  pending: boolean;
  error: unknown;
  onSubmit: () => void;
  onCancel: () => void;
  submit: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const noteError = note.length > LIMITS.noteMax ? t('errors.tooLong', { max: LIMITS.noteMax }) : null;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!noteError) onSubmit();
      }}
      noValidate
      aria-label={label}
    >
      <Stack gap="xs">
        {children}
        <Textarea
          label={noteLabel}
          description={t('common.optional')}
          value={note}
          onChange={(e) => onNote(e.currentTarget.value)}
          error={noteError}
          autosize
          minRows={noteRows[0]}
          maxRows={noteRows[1]}
        />
        {error ? <DecisionError error={error} /> : null}
        <Group gap="xs" justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          {submit}
        </Group>
      </Stack>
    </form>
  );
}

function DecisionError({ error }: { error: unknown }) {
  const { title, message } = describeError(error);

  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={title} role="alert">
      {message && <Text size="sm">{message}</Text>}
    </Alert>
  );
}

/** One suggestion: who wrote what and when, the words that matched, why, and the two decisions. */
export const SuggestionCard = forwardRef<
  HTMLDivElement,
  {
    suggestion: Suggestion;
    workspaceId: string;
    active: boolean;
    mode: DecisionMode;
    onModeChange: (mode: DecisionMode) => void;
    onFocusCard: () => void;
    showClient: boolean;
    position: number;
  }
>(function SuggestionCard({ suggestion: s, workspaceId, active, mode, onModeChange, onFocusCard, showClient, position }, ref) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const headingId = `suggestion-${s.id}-heading`;

  return (
    <Paper
      ref={ref}
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-labelledby={headingId}
      data-testid="suggestion"
      data-active={active || undefined}
      tabIndex={-1}
      style={
        active
          ? { borderColor: 'var(--mantine-primary-color-filled)', boxShadow: '0 0 0 1px var(--mantine-primary-color-filled)' }
          : undefined
      }
      onFocus={onFocusCard}
      onClick={onFocusCard}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Stack gap={4} style={{ minWidth: 0, flex: '1 1 240px' }}>
            <Group gap={8} wrap="wrap">
              <Title order={3} size="h5" id={headingId}>
                <VisuallyHidden>{t('review.position', { n: position })} </VisuallyHidden>
                {t(`flag.${s.code}`)}
              </Title>
              <SeverityBadge severity={s.severity} />
              {showClient && (
                <Badge
                  variant="outline"
                  color="gray"
                  size="sm"
                  component={Link}
                  href={`/clients/${s.clientId}`}
                  style={{ cursor: 'pointer' }}
                >
                  {s.clientName}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {[s.message.sender, formatInstant(s.message.sentAt, lang), s.message.subject].filter(Boolean).join(' · ')}
            </Text>
            {/* after-exit (issue 8): a red flag in contact after close is still shown, labelled. */}
            {s.afterClose && (
              <Text size="xs" c="grape.8" fw={600} data-testid="suggestion-after-close">
                {t('afterExit.suggestionLabel')}
              </Text>
            )}
          </Stack>
        </Group>

        <HighlightedMessageText text={s.message.text} spans={s.spans} />

        <Tooltip label={t(`flagHint.${s.code}`)} multiline w={280} openDelay={300}>
          <Text size="xs" c="dimmed" style={{ alignSelf: 'flex-start' }}>
            {t('review.why')}{' '}
            <Text span ff="monospace" size="xs">
              {s.rule}
            </Text>
          </Text>
        </Tooltip>

        {mode === 'idle' && (
          <Group gap="xs" wrap="wrap">
            <Button size="sm" leftSection={<IconCheck size={16} aria-hidden />} onClick={() => onModeChange('confirm')}>
              {t('review.confirm')}
            </Button>
            <Button size="sm" variant="default" leftSection={<IconX size={16} aria-hidden />} onClick={() => onModeChange('dismiss')}>
              {t('review.dismiss')}
            </Button>
          </Group>
        )}
        {mode === 'confirm' && (
          <ConfirmPanel
            suggestion={s}
            workspaceId={workspaceId}
            onCancel={() => onModeChange('idle')}
            onDone={() => onModeChange('idle')}
          />
        )}
        {mode === 'dismiss' && (
          <DismissPanel
            suggestion={s}
            workspaceId={workspaceId}
            onCancel={() => onModeChange('idle')}
            onDone={() => onModeChange('idle')}
          />
        )}
      </Stack>
    </Paper>
  );
});

/** The patterns dismissed for a client, each with a way to have it suggested again. */
export function SuppressionsPanel({ workspaceId, clientId }: { workspaceId: string; clientId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.suppressions(workspaceId, clientId),
    queryFn: () => suppressionsApi.list(workspaceId, clientId),
  });
  const lift = useMutation({
    mutationFn: (id: string) => suppressionsApi.remove(workspaceId, id),
    onSuccess: async () => {
      notifySuccess(t('review.lifted'));
      await queryClient.invalidateQueries({ queryKey: importKeys.suppressions(workspaceId, clientId) });
    },
    onError: notifyError,
  });

  let body: ReactNode;
  if (query.isPending)
    body = (
      <Text size="sm" c="dimmed">
        {t('app.loading')}
      </Text>
    );
  else if (query.error) body = <DecisionError error={query.error} />;
  else if (query.data.items.length === 0)
    body = (
      <Text size="sm" c="dimmed">
        {t('review.noSuppressions')}
      </Text>
    );
  else {
    body = (
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {query.data.items.map((s) => (
          <li key={s.id} data-testid="suppression">
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm" fw={500}>
                  {t(`flag.${s.code}`)}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                  {s.rule}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('review.suppressedOn', { date: formatDate(s.createdAt, i18n.language) })}
                </Text>
                {s.note && (
                  <Text size="xs" className="rc-prewrap">
                    {s.note}
                  </Text>
                )}
              </Stack>
              <Button
                size="xs"
                variant="subtle"
                style={{ flexShrink: 0 }}
                leftSection={<IconRestore size={14} aria-hidden />}
                loading={lift.isPending && lift.variables === s.id}
                onClick={() => lift.mutate(s.id)}
                aria-label={`${t('review.suggestAgain')}: ${t(`flag.${s.code}`)} (${s.rule})`}
              >
                {t('review.suggestAgain')}
              </Button>
            </Group>
          </li>
        ))}
      </Stack>
    );
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="suppressions-heading">
      <Group gap={8} mb="xs" wrap="nowrap">
        <IconEyeOff size={18} aria-hidden />
        <Title order={2} size="h5" id="suppressions-heading">
          {t('review.suppressionsTitle')}
        </Title>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('review.suppressionsHint')}
      </Text>
      {body}
    </Paper>
  );
}

/** The client page's way in: import this client's messages, and review what was found ("Suggestions (N)"). */
export function ClientImportLinks({ workspaceId, clientId }: { workspaceId: string; clientId: string }) {
  const { t } = useTranslation();
  const open = useQuery({
    queryKey: importKeys.suggestions(workspaceId, clientId),
    queryFn: () => suggestionsApi.list(workspaceId, { clientId }),
  });
  const count = open.data?.items.length ?? 0;

  return (
    <>
      <Button
        variant="default"
        component={Link}
        href={`/import?client=${encodeURIComponent(clientId)}`}
        leftSection={<IconFileImport size={16} aria-hidden />}
      >
        {t('importPage.fromClient')}
      </Button>
      {count > 0 && (
        <Button
          variant="light"
          color="orange"
          component={Link}
          href={`/review?client=${encodeURIComponent(clientId)}`}
          leftSection={<IconListCheck size={16} aria-hidden />}
        >
          {t('review.clientButton', { count })}
        </Button>
      )}
    </>
  );
}
