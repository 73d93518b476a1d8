import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../contracts/records.js';
import { LIMITS } from '../../core/limits.js';
import { MESSAGE_CHANNELS, MESSAGE_SENDERS, type MessageChannel, type MessageSender } from '../../core/vocabulary.js';
import { api } from '../api/client.js';
import { instantToLocal, localToInstant } from '../lib/format.js';
import { applyServerErrors, FormFrame, makeRules, useSave } from './shared.js';

interface Values {
  sent_at: string;
  from: MessageSender;
  channel: MessageChannel;
  subject: string;
  text: string;
}

function nowLocal(): string {
  return instantToLocal(new Date().toISOString());
}

export function MessageForm(props: { workspaceId: string; clientId: string; message?: Message; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const rules = makeRules(t);
  const m = props.message;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      sent_at: m ? instantToLocal(m.sent_at) : nowLocal(),
      from: m?.from ?? 'client',
      channel: m?.channel ?? 'email',
      subject: m?.subject ?? '',
      text: m?.text ?? '',
    },
    validate: {
      sent_at: (v) => (v === '' ? t('errors.required') : localToInstant(v) ? null : t('errors.dateTime')),
      subject: rules.optionalName,
      text: (v) =>
        v.trim() === ''
          ? t('errors.required')
          : v.length > LIMITS.messageTextMax
            ? t('errors.tooLong', { max: LIMITS.messageTextMax })
            : null,
    },
  });
  const save = useSave();

  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        const body = {
          sent_at: localToInstant(v.sent_at) ?? v.sent_at,
          from: v.from,
          channel: v.channel,
          subject: v.subject.trim() === '' ? null : v.subject.trim(),
          text: v.text,
        };
        if (m) await api.messages.update(props.workspaceId, m.id, body);
        else await api.messages.create(props.workspaceId, props.clientId, body);
        props.onDone();
      },
      (error) => applyServerErrors(form, error),
    ),
  );

  return (
    <FormFrame onSubmit={submit} onCancel={props.onCancel} problem={save.problem} busy={save.busy}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Select
            label={t('field.from')}
            data={MESSAGE_SENDERS.map((s) => ({ value: s, label: t(`sender.${s}`) }))}
            allowDeselect={false}
            {...form.getInputProps('from')}
          />
          <Select
            label={t('field.channel')}
            data={MESSAGE_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
            allowDeselect={false}
            {...form.getInputProps('channel')}
          />
          <TextInput type="datetime-local" label={t('field.sentAt')} required {...form.getInputProps('sent_at')} />
        </SimpleGrid>
        <TextInput label={t('field.subject')} {...form.getInputProps('subject')} />
        <Textarea label={t('field.text')} required autosize minRows={5} maxRows={16} data-autofocus {...form.getInputProps('text')} />
      </Stack>
    </FormFrame>
  );
}
