/**
 * Correct the note of a card on record. A card's colour and date are escalation facts: they
 * change only through a step (a new card, back to active), never by editing the card.
 */
import { Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Card } from '../../contracts/records.js';
import { api } from '../api/client.js';
import { formatDate } from '../lib/format.js';
import { applyServerErrors, FormFrame, makeRules, useSave } from './shared.js';

export function CardForm(props: { workspaceId: string; card: Card; onDone: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const rules = makeRules(t);
  const c = props.card;
  const form = useForm<{ note: string }>({
    mode: 'controlled',
    initialValues: { note: c.note },
    validate: { note: rules.note },
  });
  const save = useSave();

  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        await api.cards.update(props.workspaceId, c.id, { note: v.note });
        props.onDone();
      },
      (error) => applyServerErrors(form, error),
    ),
  );

  return (
    <FormFrame onSubmit={submit} onCancel={props.onCancel} problem={save.problem} busy={save.busy}>
      <Stack gap="sm">
        <Text size="sm">
          {t(`cardColor.${c.color}`)} · {formatDate(c.date, i18n.language)}
        </Text>
        <Text size="sm" c="dimmed">
          {t('escalation.cardFactsFixed')}
        </Text>
        <Textarea label={t('field.cardNote')} autosize minRows={3} maxRows={10} data-autofocus {...form.getInputProps('note')} />
      </Stack>
    </FormFrame>
  );
}
