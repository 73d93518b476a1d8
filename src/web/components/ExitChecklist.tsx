/**
 * The saved exit plan on the client page (issue 5): the steps as a checklist with due date, owner
 * and rule, overdue steps highlighted, ticked with who and when (unticking asks why), the handover
 * inventory, and the calendar and PDF exports. Without a saved plan it offers the exit wizard:
 * directly when the client is exiting or the assessment recommends a red card, otherwise after a
 * confirmation.
 */
import { Alert, Anchor, Badge, Button, Checkbox, Group, Modal, Paper, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarPlus, IconListCheck, IconPlus, IconPrinter, IconRoute } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { SavedExitPlan, SavedStep } from '../../contracts/exit-plan.js';
import { REASON_MIN_CHARS } from '../../core/escalation/machine.js';
import type { ClientStatus } from '../../core/vocabulary.js';
import { isApiError } from '../api/client.js';
import { exitPlanApi, exitPlanKeys } from '../api/exit-plans.js';
import { useExitText } from '../lib/exit-text.js';
import { formatDate, formatInstant } from '../lib/format.js';
import { describeError, notifyError, notifySuccess } from '../lib/notify.js';
import { useAssessment } from './assessment.js';
import { HandoverAddForm, HandoverList } from './ExitChecklistHandover.js';

const OWNERS = new Set(['you', 'lawyer', 'client']);

/** The saved plan of a client, or null when none is saved yet (a 404 is an answer, not an error). */
export function useSavedExitPlan(workspaceId: string, clientId: string) {
  return useQuery({
    queryKey: exitPlanKeys.saved(workspaceId, clientId),
    queryFn: async () => {
      try {
        return await exitPlanApi.get(workspaceId, clientId);
      } catch (error) {
        if (isApiError(error) && error.status === 404 && error.code === 'EXIT_PLAN_NOT_FOUND') return null;
        throw error;
      }
    },
  });
}

/** The step's owner in the UI language when it is one of the fixed roles. */
export function ownerWords(owner: string, t: (key: string) => string): string {
  return OWNERS.has(owner) ? t(`planOwner.${owner}`) : owner;
}

export function ExitChecklist({ workspaceId, clientId, status }: { workspaceId: string; clientId: string; status: ClientStatus }) {
  const { t } = useTranslation();
  const saved = useSavedExitPlan(workspaceId, clientId);
  const assessment = useAssessment(workspaceId, clientId);
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState(false);
  const wizardUrl = `/clients/${clientId}/exit`;

  if (saved.isPending) return null;
  if (saved.error)
    return (
      <Alert color="red" title={describeError(saved.error).title}>
        {describeError(saved.error).message}
      </Alert>
    );
  if (saved.data) return <SavedChecklist plan={saved.data} workspaceId={workspaceId} clientId={clientId} wizardUrl={wizardUrl} />;

  const recommended = status === 'exiting' || assessment.data?.recommendation === 'red_card';

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="exit-plan-offer">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ flex: '1 1 260px' }}>
          <Title order={2} size="h5" id="exit-plan-offer">
            {t('exitPlan.offer.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {recommended ? t('exitPlan.offer.recommended') : t('exitPlan.offer.notRecommended')}
          </Text>
        </Stack>
        <Button
          variant={recommended ? 'filled' : 'default'}
          color={recommended ? 'red' : undefined}
          leftSection={<IconRoute size={16} aria-hidden />}
          onClick={() => (recommended ? navigate(wizardUrl) : setConfirming(true))}
        >
          {t('exitPlan.offer.start')}
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('exitPlan.offer.confirmTitle')}>
        <Stack gap="md">
          <Text size="sm">{t('exitPlan.offer.confirmText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => navigate(wizardUrl)}>{t('exitPlan.offer.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function SavedChecklist({
  plan,
  workspaceId,
  clientId,
  wizardUrl,
}: {
  plan: SavedExitPlan;
  workspaceId: string;
  clientId: string;
  wizardUrl: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const [untick, setUntick] = useState<SavedStep | null>(null);
  const [reason, setReason] = useState('');
  const { stepTitle } = useExitText();
  // The computed plan the steps were saved from carries each title's key and parameters.
  const titleOf = (s: SavedStep) => stepTitle(s.title, plan.plan.steps.find((p) => p.id === s.key)?.title_i18n);
  const [adding, setAdding] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['workspaces', workspaceId] });

  const tick = useMutation({
    mutationFn: (args: { step: SavedStep; done: boolean; reason?: string }) =>
      exitPlanApi.setDone(workspaceId, clientId, args.step.id, args.done ? { done: true } : { done: false, reason: args.reason ?? '' }),
    // The box follows the click at once; the server's answer (who, when) replaces it, an error rolls it back.
    onMutate: async (args) => {
      const key = exitPlanKeys.saved(workspaceId, clientId);
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<SavedExitPlan | null>(key);
      if (before)
        queryClient.setQueryData<SavedExitPlan>(key, {
          ...before,
          steps: before.steps.map((s) => (s.id === args.step.id ? { ...s, done: args.done, done_at: null, done_by: null } : s)),
        });

      return { before };
    },
    onSuccess: (next) => {
      queryClient.setQueryData(exitPlanKeys.saved(workspaceId, clientId), next);
      void refresh();
    },
    onError: (error, _args, context) => {
      if (context?.before) queryClient.setQueryData(exitPlanKeys.saved(workspaceId, clientId), context.before);
      notifyError(error);
    },
  });
  const addItem = useMutation({
    mutationFn: (line: Parameters<typeof exitPlanApi.addItem>[2]) => exitPlanApi.addItem(workspaceId, clientId, line),
    onSuccess: () => {
      notifySuccess(t('exitPlan.handover.added'));
      void refresh();
    },
    onError: notifyError,
  });
  const changeItem = async (id: string, body: Parameters<typeof exitPlanApi.updateItem>[3]) => {
    try {
      await exitPlanApi.updateItem(workspaceId, clientId, id, body);
      await refresh();
    } catch (error) {
      notifyError(error);
    }
  };
  const removeItem = async (id: string) => {
    try {
      await exitPlanApi.removeItem(workspaceId, clientId, id);
      await refresh();
    } catch (error) {
      notifyError(error);
    }
  };

  const done = plan.steps.filter((s) => s.done).length;
  const overdue = plan.steps.filter((s) => s.days_overdue !== null).length;
  const reasonOk = reason.trim().length >= REASON_MIN_CHARS;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="exit-checklist-title" data-testid="exit-checklist">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <IconListCheck size={20} aria-hidden />
            <Title order={2} size="h5" id="exit-checklist-title">
              {t('exitPlan.checklist.title')}
            </Title>
            <Badge variant="light">{t(`exitPath.${plan.path}`)}</Badge>
          </Group>
          <Group gap="xs" wrap="wrap">
            <Button
              size="xs"
              variant="default"
              component="a"
              href={exitPlanApi.fileUrl(workspaceId, clientId, 'ics')}
              download
              leftSection={<IconCalendarPlus size={14} aria-hidden />}
            >
              {t('plan.ics')}
            </Button>
            <Button
              size="xs"
              variant="default"
              component="a"
              href={exitPlanApi.fileUrl(workspaceId, clientId, 'pdf')}
              download
              leftSection={<IconPrinter size={14} aria-hidden />}
            >
              {t('plan.pdf')}
            </Button>
            <Button size="xs" variant="default" component={Link} href={wizardUrl} leftSection={<IconRoute size={14} aria-hidden />}>
              {t('exitPlan.checklist.replan')}
            </Button>
          </Group>
        </Group>

        <Group gap="lg" wrap="wrap">
          <Text size="sm">
            {t('plan.tellClient')}: <b>{plan.plan.tell_client_on ? formatDate(plan.plan.tell_client_on, lang) : t('plan.notYet')}</b>
          </Text>
          <Text size="sm">
            {t('plan.workEnds')}: <b>{plan.plan.work_ends_on ? formatDate(plan.plan.work_ends_on, lang) : t('plan.notScheduled')}</b>
          </Text>
        </Group>
        <div>
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              {t('exitPlan.checklist.progress', { done, total: plan.steps.length })}
            </Text>
            {overdue > 0 && (
              <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                {t('exitPlan.checklist.overdueCount', { count: overdue })}
              </Badge>
            )}
          </Group>
          <Progress
            value={plan.steps.length ? (100 * done) / plan.steps.length : 0}
            size="sm"
            mt={4}
            color="teal"
            aria-label={t('exitPlan.checklist.progressLabel')}
          />
        </div>
        {plan.plan.tell_client_on === null && plan.path !== 'reassign' && (
          <Alert color="orange" variant="light" title={t('exitPlan.contract.blockedTitle')}>
            <Text size="sm">{t('exitPlan.contract.blocked')}</Text>
          </Alert>
        )}

        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('exitPlan.checklist.steps')}>
          {plan.steps.map((s) => {
            const late = s.days_overdue !== null;

            return (
              <Paper
                key={s.id}
                component="li"
                p="xs"
                radius="sm"
                withBorder={late}
                data-testid="exit-step"
                data-step-key={s.key}
                data-overdue={late ? 'true' : 'false'}
                style={late ? { borderColor: 'var(--mantine-color-red-5)', background: 'var(--mantine-color-red-light)' } : undefined}
              >
                <Checkbox
                  checked={s.done}
                  disabled={tick.isPending}
                  onChange={(e) => {
                    if (e.currentTarget.checked) tick.mutate({ step: s, done: true });
                    else {
                      setReason('');
                      setUntick(s);
                    }
                  }}
                  label={
                    <Text size="sm" td={s.done ? 'line-through' : undefined} c={s.done ? 'dimmed' : undefined}>
                      {titleOf(s)}
                    </Text>
                  }
                  description={
                    <Group gap={6} wrap="wrap" component="span">
                      <span>{s.due ? formatDate(s.due, lang) : t('plan.notScheduled')}</span>
                      <span>·</span>
                      <span>{t('plan.owner', { owner: ownerWords(s.owner, t) })}</span>
                      <span>·</span>
                      <span>{s.rule}</span>
                      {late && (
                        <Badge color="red" size="xs" variant="filled">
                          {t('exitPlan.checklist.daysOverdue', { count: s.days_overdue ?? 0 })}
                        </Badge>
                      )}
                      {s.done && s.done_at && (
                        <span>
                          {t('exitPlan.checklist.doneBy', {
                            who: s.done_by === 'you' ? t('audit.byYou') : t('audit.by', { actor: s.done_by ?? '' }),
                            when: formatInstant(s.done_at, lang),
                          })}
                        </span>
                      )}
                    </Group>
                  }
                />
              </Paper>
            );
          })}
        </Stack>

        <Stack gap="xs" mt="xs">
          <Title order={3} size="h6">
            {t('exitPlan.handover.title')}
          </Title>
          <HandoverList
            lines={plan.handover}
            onState={(i, state) => {
              const item = plan.handover[i];
              if (item) void changeItem(item.id, { state });
            }}
            onRemove={(i) => {
              const item = plan.handover[i];
              if (item) void removeItem(item.id);
            }}
          />
          {adding ? (
            <HandoverAddForm
              busy={addItem.isPending}
              onAdd={(line) =>
                addItem.mutateAsync(line).then(
                  () => true,
                  () => false,
                )
              }
            />
          ) : (
            <Group>
              <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
                {t('exitPlan.handover.add')}
              </Button>
            </Group>
          )}
        </Stack>
        {plan.path_reason && (
          <Text size="xs" c="dimmed">
            {t('exitPlan.checklist.pathReason', { reason: plan.path_reason })}
          </Text>
        )}
        <Anchor component={Link} href={wizardUrl} size="xs">
          {t('exitPlan.checklist.savedOn', { date: formatInstant(plan.updated_at, lang) })}
        </Anchor>
      </Stack>

      <Modal opened={untick !== null} onClose={() => setUntick(null)} title={t('exitPlan.checklist.untickTitle')}>
        <Stack gap="sm">
          <Text size="sm">{untick ? titleOf(untick) : ''}</Text>
          <Textarea
            label={t('exitPlan.checklist.untickReason')}
            description={t('exitPlan.reasonHint', { min: REASON_MIN_CHARS })}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setUntick(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!reasonOk}
              loading={tick.isPending}
              onClick={() => {
                if (!untick) return;
                tick.mutate({ step: untick, done: false, reason }, { onSuccess: () => setUntick(null) });
              }}
            >
              {t('exitPlan.checklist.untick')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
