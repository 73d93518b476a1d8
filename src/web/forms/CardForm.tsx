import { Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Card } from '../../contracts/records.js';
import { CARD_COLORS, type CardColor } from '../../core/vocabulary.js';
import { api } from '../api/client.js';
import { todayIso } from '../lib/format.js';
import { applyServerErrors, FormFrame, makeRules, useSave } from './shared.js';

export function CardForm(props: { workspaceId: string; clientId: string; card?: Card; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const rules = makeRules(t);
  const c = props.card;
  const form = useForm<{ date: string; color: CardColor; note: string }>({
    mode: 'controlled',
    initialValues: { date: c?.date ?? todayIso(), color: c?.color ?? 'yellow', note: c?.note ?? '' },
    validate: { date: rules.date, note: rules.note },
  });
  const save = useSave();

  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        if (c) await api.cards.update(props.workspaceId, c.id, v);
        else await api.cards.create(props.workspaceId, props.clientId, v);
        props.onDone();
      },
      (error) => applyServerErrors(form, error),
    ),
  );

  return (
    <FormFrame onSubmit={submit} onCancel={props.onCancel} problem={save.problem} busy={save.busy}>
      <Stack gap="sm">
        <Radio.Group label={t('field.color')} required {...form.getInputProps('color')}>
          <Group gap="lg" mt={6}>
            {CARD_COLORS.map((color) => (
              <Radio key={color} value={color} label={t(`cardColor.${color}`)} color={color === 'red' ? 'red' : 'yellow'} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput type="date" label={t('field.date')} required {...form.getInputProps('date')} />
        <Textarea label={t('field.cardNote')} autosize minRows={3} maxRows={10} data-autofocus {...form.getInputProps('note')} />
      </Stack>
    </FormFrame>
  );
}
