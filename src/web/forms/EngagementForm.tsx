import { ActionIcon, Button, Checkbox, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Engagement, EngagementInput } from '../../contracts/records.js';
import { ENGAGEMENT_KINDS, type EngagementKind } from '../../core/vocabulary.js';
import { api } from '../api/client.js';
import { minorDigits, minorToInput } from '../lib/money.js';
import { applyServerErrors, emptyToNull, FormFrame, makeRules, toMinor, useSave } from './shared.js';

interface DeliverableValues {
  key: string;
  name: string;
  due: string;
  done: boolean;
  percent_done: number | string;
}

interface Values {
  name: string;
  kind: EngagementKind;
  price: string;
  prepaid: string;
  deliverables: DeliverableValues[];
}

const RENAMES = { price_minor: 'price', prepaid_minor: 'prepaid' };

export function EngagementForm(props: {
  workspaceId: string;
  clientId: string;
  currency: string;
  engagement?: Engagement;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const rules = makeRules(t);
  const digits = minorDigits(props.currency);
  const e = props.engagement;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: e?.name ?? '',
      kind: e?.kind ?? 'one_off',
      price: e ? minorToInput(e.price_minor, digits) : '',
      prepaid: e ? minorToInput(e.prepaid_minor, digits) : '',
      deliverables: (e?.deliverables ?? []).map((d) => ({
        key: d.id,
        name: d.name,
        due: d.due ?? '',
        done: d.done,
        percent_done: d.percent_done,
      })),
    },
    validate: {
      name: rules.name,
      price: rules.money(digits, { optional: true }),
      prepaid: rules.money(digits, { optional: true }),
      deliverables: {
        name: rules.name,
        due: rules.optionalDate,
        percent_done: (v) => {
          const n = typeof v === 'number' ? v : Number.NaN;

          return Number.isInteger(n) && n >= 0 && n <= 100 ? null : t('errors.percent');
        },
      },
    },
  });
  const save = useSave();

  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        const input: EngagementInput = {
          name: v.name.trim(),
          kind: v.kind,
          price_minor: v.price.trim() === '' ? 0 : toMinor(v.price, digits),
          prepaid_minor: v.prepaid.trim() === '' ? 0 : toMinor(v.prepaid, digits),
          deliverables: v.deliverables.map((d) => ({
            name: d.name.trim(),
            due: emptyToNull(d.due),
            done: d.done,
            percent_done: d.done ? 100 : Number(d.percent_done),
          })),
        };
        if (e) await api.engagements.update(props.workspaceId, e.id, input);
        else await api.engagements.create(props.workspaceId, props.clientId, input);
        props.onDone();
      },
      (error) => applyServerErrors(form, error, RENAMES),
    ),
  );

  const moneyField = (field: 'price' | 'prepaid', label: string) => (
    <TextInput
      label={label}
      description={t('common.moneyHint', { currency: props.currency })}
      inputMode="decimal"
      rightSection={
        <Text size="xs" c="dimmed">
          {props.currency}
        </Text>
      }
      rightSectionWidth={48}
      {...form.getInputProps(field)}
    />
  );

  return (
    <FormFrame onSubmit={submit} onCancel={props.onCancel} problem={save.problem} busy={save.busy}>
      <Stack gap="sm">
        <TextInput label={t('field.engagementName')} required data-autofocus {...form.getInputProps('name')} />
        <Select
          label={t('field.engagementKind')}
          data={ENGAGEMENT_KINDS.map((k) => ({ value: k, label: t(`engagementKind.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {moneyField('price', t('field.price'))}
          {moneyField('prepaid', t('field.prepaid'))}
        </SimpleGrid>
        <Fieldset legend={t('field.deliverables')} variant="filled" p="sm">
          <Stack gap="sm">
            {form.values.deliverables.map((d, index) => (
              <Group key={d.key} align="flex-end" gap="xs" wrap="wrap">
                <TextInput
                  label={t('field.deliverableName')}
                  style={{ flex: '2 1 180px' }}
                  required
                  {...form.getInputProps(`deliverables.${index}.name`)}
                />
                <TextInput
                  type="date"
                  label={t('field.deliverableDue')}
                  style={{ flex: '1 1 140px' }}
                  {...form.getInputProps(`deliverables.${index}.due`)}
                />
                <NumberInput
                  label={t('field.deliverablePercent')}
                  min={0}
                  max={100}
                  allowDecimal={false}
                  allowNegative={false}
                  w={96}
                  disabled={d.done}
                  {...form.getInputProps(`deliverables.${index}.percent_done`)}
                />
                <Checkbox
                  label={t('field.deliverableDone')}
                  mb={8}
                  {...form.getInputProps(`deliverables.${index}.done`, { type: 'checkbox' })}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mb={4}
                  aria-label={t('field.removeDeliverable', { index: index + 1 })}
                  onClick={() => form.removeListItem('deliverables', index)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => form.insertListItem('deliverables', { key: randomId(), name: '', due: '', done: false, percent_done: 0 })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('field.addDeliverable')}
            </Button>
          </Stack>
        </Fieldset>
      </Stack>
    </FormFrame>
  );
}
