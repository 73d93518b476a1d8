import { NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { TimeEntry } from '../../contracts/records.js';
import { LIMITS } from '../../core/limits.js';
import { api } from '../api/client.js';
import { thisMonthIso } from '../lib/format.js';
import { applyServerErrors, FormFrame, makeRules, useSave } from './shared.js';

export function TimeForm(props: { workspaceId: string; clientId: string; entry?: TimeEntry; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const rules = makeRules(t);
  const form = useForm<{ month: string; hours: number | string }>({
    mode: 'controlled',
    initialValues: { month: props.entry?.month ?? thisMonthIso(), hours: props.entry?.hours ?? '' },
    validate: {
      month: rules.month,
      hours: (v) => {
        const n = typeof v === 'number' ? v : Number.NaN;

        return Number.isFinite(n) && n >= 0 && n <= LIMITS.hoursPerMonthMax ? null : t('errors.hours', { max: LIMITS.hoursPerMonthMax });
      },
    },
  });
  const save = useSave();

  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        await api.time.put(props.workspaceId, props.clientId, v.month, Number(v.hours));
        props.onDone();
      },
      (error) => applyServerErrors(form, error),
    ),
  );

  return (
    <FormFrame onSubmit={submit} onCancel={props.onCancel} problem={save.problem} busy={save.busy}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          type="month"
          label={t('field.month')}
          required
          disabled={Boolean(props.entry)}
          placeholder="2026-10"
          {...form.getInputProps('month')}
        />
        <NumberInput
          label={t('field.hours')}
          required
          min={0}
          max={LIMITS.hoursPerMonthMax}
          decimalScale={2}
          allowNegative={false}
          data-autofocus
          {...form.getInputProps('hours')}
        />
      </SimpleGrid>
    </FormFrame>
  );
}
