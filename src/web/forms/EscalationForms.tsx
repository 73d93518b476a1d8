/**
 * The escalation steps (issue 4): a yellow card, a red card, a reassignment, and the status steps
 * (watch, end, close for contact, reopen, back to active). Each dialog says what the step means,
 * asks for what its guard needs (a written reason, the new member, the override's reason), and
 * appends to the client's audit trail. The server judges again; a refusal is shown in place.
 */
import { Alert, Autocomplete, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle, IconWand } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ClientSteps } from '../../contracts/events.js';
import type { Incident } from '../../contracts/records.js';
import {
  CARD_CHANNELS,
  type CardChannel,
  REASON_MIN_CHARS,
  type RedCardGrounds,
  type StatusEventType,
} from '../../core/escalation/machine.js';
import { nameKey } from '../../core/names.js';
import { api, isApiError } from '../api/client.js';
import { formatDate, todayIso } from '../lib/format.js';
import { notifyError } from '../lib/notify.js';
import { applyServerErrors, FormFrame, makeRules, useSave } from './shared.js';

type StepOption = ClientSteps['steps'][number];

interface StepProps {
  workspaceId: string;
  clientId: string;
  onDone: () => void;
  onCancel: () => void;
}

/** A refused step (409) is said in a notification too: the server's `detail` tells why and what is allowed. */
function onStepError(form: Parameters<typeof applyServerErrors>[0], error: unknown) {
  if (isApiError(error) && error.status === 409) notifyError(error);

  return applyServerErrors(form, error);
}

/** A written reason: empty is "missing", shorter than the guard's minimum says so. */
function reasonRule(t: TFunction, required: boolean) {
  return (v: string) => {
    const text = v.trim();
    if (text === '') return required ? t('errors.required') : null;

    return text.length < REASON_MIN_CHARS ? t('escalation.reasonTooShort', { min: REASON_MIN_CHARS }) : null;
  };
}

/**
 * A plain warning to start from, built from the serious incidents on record (the newest five),
 * in the interface's language: what happened, what must change, what happens if it repeats.
 * The letters feature will write the real one; this is an editable first draft.
 */
export function draftWarning(t: TFunction, lang: string, incidents: readonly Incident[], today: string): string {
  const serious = incidents
    .filter((i) => i.severity >= 2 && i.date <= today)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .slice(0, 5)
    .reverse();
  const listed = serious.length > 0 ? serious : [...incidents].filter((i) => i.date <= today).slice(-3);
  const lines = listed.map((i) => `- ${formatDate(i.date, lang)}: ${t(`flag.${i.code}`)}${i.note ? ` (${i.note})` : ''}`);

  return [t('draft.opening'), ...(lines.length > 0 ? ['', t('draft.facts'), ...lines] : []), '', t('draft.change'), t('draft.consequence')]
    .join('\n')
    .trim();
}

export function YellowCardForm(props: StepProps & { incidents?: readonly Incident[] }) {
  const { t, i18n } = useTranslation();
  const rules = makeRules(t);
  const form = useForm<{ date: string; channel: CardChannel; said: string; note: string }>({
    mode: 'controlled',
    initialValues: { date: todayIso(), channel: 'call', said: '', note: '' },
    validate: { date: rules.date, said: (v) => rules.required(v) ?? rules.note(v), note: rules.note },
  });
  const save = useSave();

  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        await api.escalation.yellowCard(props.workspaceId, props.clientId, v);
        props.onDone();
      },
      (error) => onStepError(form, error),
    ),
  );

  return (
    <FormFrame onSubmit={submit} onCancel={props.onCancel} problem={save.problem} busy={save.busy} submitLabel={t('escalation.giveYellow')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('escalation.yellowHint')}
        </Text>
        <TextInput type="date" label={t('field.date')} required {...form.getInputProps('date')} />
        <Select
          label={t('escalation.channel')}
          required
          allowDeselect={false}
          data={CARD_CHANNELS.map((c) => ({ value: c, label: t(`cardChannel.${c}`) }))}
          {...form.getInputProps('channel')}
        />
        <Textarea
          label={t('escalation.said')}
          description={t('escalation.saidHint')}
          placeholder={t('escalation.saidPlaceholder')}
          required
          autosize
          minRows={4}
          maxRows={14}
          data-autofocus
          {...form.getInputProps('said')}
        />
        <Group justify="flex-start">
          <Button
            variant="light"
            size="xs"
            leftSection={<IconWand size={14} aria-hidden />}
            onClick={() =>
              form.setFieldValue('said', draftWarning(t, i18n.language, props.incidents ?? [], form.getValues().date || todayIso()))
            }
          >
            {t('escalation.draftWarning')}
          </Button>
        </Group>
        <Textarea label={t('field.note')} autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
      </Stack>
    </FormFrame>
  );
}

/** What the red card rests on, in a sentence the user can check before recording it. */
function groundsText(t: TFunction, grounds: RedCardGrounds | null): string {
  return grounds === null ? t('escalation.redNeedsOverride', { min: REASON_MIN_CHARS }) : t(`redGrounds.${grounds}`);
}

export function RedCardForm(props: StepProps & { option?: StepOption }) {
  const { t } = useTranslation();
  const rules = makeRules(t);
  // Without the page's judgement (an older caller), the reason stays optional and the server decides.
  const needsOverride = props.option?.needs.includes('override_reason') ?? false;
  const form = useForm<{ date: string; channel: CardChannel | null; said: string; note: string; override_reason: string }>({
    mode: 'controlled',
    initialValues: { date: todayIso(), channel: null, said: '', note: '', override_reason: '' },
    validate: {
      date: rules.date,
      said: rules.note,
      note: rules.note,
      override_reason: (v) => reasonRule(t, needsOverride)(v) ?? rules.note(v),
    },
  });
  const save = useSave();

  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        const reason = v.override_reason.trim();
        await api.escalation.redCard(props.workspaceId, props.clientId, {
          date: v.date,
          note: v.note,
          said: v.said,
          ...(v.channel ? { channel: v.channel } : {}),
          ...(reason ? { override_reason: reason } : {}),
        });
        props.onDone();
      },
      (error) => onStepError(form, error),
    ),
  );

  return (
    <FormFrame onSubmit={submit} onCancel={props.onCancel} problem={save.problem} busy={save.busy} submitLabel={t('escalation.giveRed')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('escalation.redHint')}
        </Text>
        {props.option && (
          <Alert
            variant="light"
            color={needsOverride ? 'orange' : 'gray'}
            icon={<IconInfoCircle aria-hidden />}
            data-testid="red-card-grounds"
          >
            {groundsText(t, props.option.grounds)}
          </Alert>
        )}
        <TextInput type="date" label={t('field.date')} required {...form.getInputProps('date')} />
        <Select
          label={t('escalation.channelOptional')}
          clearable
          data={CARD_CHANNELS.map((c) => ({ value: c, label: t(`cardChannel.${c}`) }))}
          {...form.getInputProps('channel')}
        />
        <Textarea label={t('escalation.saidRed')} autosize minRows={2} maxRows={8} data-autofocus {...form.getInputProps('said')} />
        {(needsOverride || !props.option) && (
          <Textarea
            label={needsOverride ? t('escalation.overrideReasonRequired') : t('escalation.overrideReason')}
            description={t('escalation.overrideHint', { min: REASON_MIN_CHARS })}
            required={needsOverride}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('override_reason')}
          />
        )}
        <Textarea label={t('field.note')} autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
      </Stack>
    </FormFrame>
  );
}

export function ReassignForm(props: StepProps & { current: string | null; team?: readonly string[] }) {
  const { t } = useTranslation();
  const rules = makeRules(t);
  const form = useForm<{ to_member: string; date: string; note: string }>({
    mode: 'controlled',
    initialValues: { to_member: '', date: todayIso(), note: '' },
    validate: {
      to_member: (v) =>
        rules.name(v) ??
        (props.current !== null && nameKey(v) === nameKey(props.current) ? t('escalation.sameMember', { name: props.current }) : null),
      date: rules.date,
      note: rules.note,
    },
  });
  const save = useSave();
  const others = (props.team ?? []).filter((m) => props.current === null || nameKey(m) !== nameKey(props.current));

  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        await api.escalation.reassign(props.workspaceId, props.clientId, { ...v, to_member: v.to_member.trim() });
        props.onDone();
      },
      (error) => onStepError(form, error),
    ),
  );

  return (
    <FormFrame onSubmit={submit} onCancel={props.onCancel} problem={save.problem} busy={save.busy} submitLabel={t('escalation.reassign')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {props.current ? t('escalation.reassignFrom', { name: props.current }) : t('escalation.reassignHint')}
        </Text>
        <Autocomplete
          label={t('escalation.toMember')}
          description={others.length > 0 ? t('escalation.toMemberHint') : undefined}
          data={others}
          required
          data-autofocus
          {...form.getInputProps('to_member')}
        />
        <TextInput type="date" label={t('field.date')} required {...form.getInputProps('date')} />
        <Textarea label={t('field.note')} autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
      </Stack>
    </FormFrame>
  );
}

/** Watch, end, close for contact, reopen, back to active: the step explained, a reason where the guard asks for one. */
export function StatusStepForm(props: StepProps & { event: StatusEventType; option?: StepOption }) {
  const { t } = useTranslation();
  const rules = makeRules(t);
  const needsReason = props.option?.needs.includes('reason') ?? props.event === 'reopen';
  // Only the steps that record a reason show the field; back to active keeps an optional one.
  const asksReason = needsReason || props.event === 'back_to_active';
  const form = useForm<{ date: string; note: string; reason: string }>({
    mode: 'controlled',
    initialValues: { date: todayIso(), note: '', reason: '' },
    validate: { date: rules.date, note: rules.note, reason: (v) => reasonRule(t, needsReason)(v) ?? rules.note(v) },
  });
  const save = useSave();

  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        const reason = v.reason.trim();
        await api.escalation.status(props.workspaceId, props.clientId, {
          event: props.event,
          date: v.date,
          note: v.note,
          ...(asksReason && reason ? { reason } : {}),
        });
        props.onDone();
      },
      (error) => onStepError(form, error),
    ),
  );

  return (
    <FormFrame
      onSubmit={submit}
      onCancel={props.onCancel}
      problem={save.problem}
      busy={save.busy}
      submitLabel={t(`stepSubmit.${props.event}`)}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t(`stepHelp.${props.event}`)}
        </Text>
        <TextInput type="date" label={t('field.date')} required {...form.getInputProps('date')} />
        {asksReason && (
          <Textarea
            label={needsReason ? t('escalation.reasonRequired') : t('escalation.reasonOptional')}
            description={t('escalation.reasonHint', { min: REASON_MIN_CHARS })}
            required={needsReason}
            autosize
            minRows={2}
            maxRows={6}
            data-autofocus
            {...form.getInputProps('reason')}
          />
        )}
        <Textarea label={t('field.note')} autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
      </Stack>
    </FormFrame>
  );
}
