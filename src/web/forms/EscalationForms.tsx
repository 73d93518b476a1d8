/** The escalation steps (issue 4): a yellow card, a red card, a reassignment. Each appends to the client's audit trail. */
import { Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CARD_CHANNELS, type CardChannel, REASON_MIN_CHARS } from '../../core/escalation/machine.js';
import { api, isApiError } from '../api/client.js';
import { todayIso } from '../lib/format.js';
import { notifyError } from '../lib/notify.js';
import { applyServerErrors, FormFrame, makeRules, useSave } from './shared.js';

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

export function YellowCardForm(props: StepProps) {
  const { t } = useTranslation();
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
          placeholder={t('escalation.saidPlaceholder')}
          required
          autosize
          minRows={3}
          maxRows={10}
          data-autofocus
          {...form.getInputProps('said')}
        />
        <Textarea label={t('field.note')} autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
      </Stack>
    </FormFrame>
  );
}

export function RedCardForm(props: StepProps) {
  const { t } = useTranslation();
  const rules = makeRules(t);
  const form = useForm<{ date: string; note: string; override_reason: string }>({
    mode: 'controlled',
    initialValues: { date: todayIso(), note: '', override_reason: '' },
    validate: {
      date: rules.date,
      note: rules.note,
      override_reason: (v) =>
        v.trim() !== '' && v.trim().length < REASON_MIN_CHARS ? t('escalation.reasonTooShort', { min: REASON_MIN_CHARS }) : rules.note(v),
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
        <TextInput type="date" label={t('field.date')} required {...form.getInputProps('date')} />
        <Textarea label={t('field.note')} autosize minRows={2} maxRows={6} data-autofocus {...form.getInputProps('note')} />
        <Textarea
          label={t('escalation.overrideReason')}
          description={t('escalation.overrideHint', { min: REASON_MIN_CHARS })}
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('override_reason')}
        />
      </Stack>
    </FormFrame>
  );
}

export function ReassignForm(props: StepProps & { current: string | null }) {
  const { t } = useTranslation();
  const rules = makeRules(t);
  const form = useForm<{ to_member: string; date: string; note: string }>({
    mode: 'controlled',
    initialValues: { to_member: '', date: todayIso(), note: '' },
    validate: { to_member: rules.name, date: rules.date, note: rules.note },
  });
  const save = useSave();

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
        <TextInput label={t('escalation.toMember')} required data-autofocus {...form.getInputProps('to_member')} />
        <TextInput type="date" label={t('field.date')} required {...form.getInputProps('date')} />
        <Textarea label={t('field.note')} autosize minRows={2} maxRows={6} {...form.getInputProps('note')} />
      </Stack>
    </FormFrame>
  );
}
