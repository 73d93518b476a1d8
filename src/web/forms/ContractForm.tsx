import { Checkbox, Group, NumberInput, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Contract, ContractInput } from '../../contracts/records.js';
import { NOTICE_UNITS, type NoticeUnit } from '../../core/vocabulary.js';
import { api } from '../api/client.js';
import { minorDigits, minorToInput } from '../lib/money.js';
import { applyServerErrors, emptyToNull, FormFrame, makeRules, toMinor, useSave } from './shared.js';

interface Values {
  signed: string;
  ends: string;
  may_terminate: 'yes' | 'no' | 'unknown';
  has_notice: boolean;
  notice_amount: number | string;
  notice_unit: NoticeUnit;
  has_penalty: boolean;
  penalty_amount: string;
  penalty_description: string;
  refund_clause: boolean;
}

const RENAMES = {
  provider_may_terminate: 'may_terminate',
  notice: 'notice_amount',
  'notice.amount': 'notice_amount',
  'notice.unit': 'notice_unit',
  penalty: 'penalty_amount',
  'penalty.amount_minor': 'penalty_amount',
  'penalty.description': 'penalty_description',
};

export function ContractForm(props: {
  workspaceId: string;
  clientId: string;
  currency: string;
  contract: Contract | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const rules = makeRules(t);
  const digits = minorDigits(props.currency);
  const c = props.contract;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      signed: c?.signed ?? '',
      ends: c?.ends ?? '',
      may_terminate: c?.provider_may_terminate === true ? 'yes' : c?.provider_may_terminate === false ? 'no' : 'unknown',
      has_notice: Boolean(c?.notice),
      notice_amount: c?.notice?.amount ?? 14,
      notice_unit: c?.notice?.unit ?? 'days',
      has_penalty: Boolean(c?.penalty),
      penalty_amount: c?.penalty ? minorToInput(c.penalty.amount_minor, digits) : '',
      penalty_description: c?.penalty?.description ?? '',
      refund_clause: c?.refund_clause ?? false,
    },
    validate: {
      signed: rules.optionalDate,
      ends: rules.optionalDate,
      notice_amount: (v, values) => {
        if (!values.has_notice) return null;
        const n = typeof v === 'number' ? v : Number.NaN;

        return Number.isInteger(n) && n >= 1 && n <= 3650 ? null : t('errors.notice');
      },
      penalty_amount: (v, values) => (values.has_penalty ? rules.money(digits)(v) : null),
      penalty_description: rules.note,
    },
  });
  const save = useSave();

  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        const input: ContractInput = {
          signed: emptyToNull(v.signed),
          ends: emptyToNull(v.ends),
          provider_may_terminate: v.may_terminate === 'yes' ? true : v.may_terminate === 'no' ? false : null,
          notice: v.has_notice ? { amount: Number(v.notice_amount), unit: v.notice_unit } : null,
          penalty: v.has_penalty ? { amount_minor: toMinor(v.penalty_amount, digits), description: v.penalty_description } : null,
          refund_clause: v.refund_clause,
        };
        await api.contract.put(props.workspaceId, props.clientId, input);
        props.onDone();
      },
      (error) => applyServerErrors(form, error, RENAMES),
    ),
  );

  return (
    <FormFrame onSubmit={submit} onCancel={props.onCancel} problem={save.problem} busy={save.busy}>
      <Stack gap="sm">
        <Radio.Group label={t('contract.mayTerminate')} {...form.getInputProps('may_terminate')}>
          <Group gap="lg" mt={6}>
            <Radio value="yes" label={t('common.yes')} />
            <Radio value="no" label={t('common.no')} />
            <Radio value="unknown" label={t('common.unknown')} />
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="date" label={t('contract.signed')} {...form.getInputProps('signed')} />
          <TextInput type="date" label={t('contract.ends')} {...form.getInputProps('ends')} />
        </SimpleGrid>
        <Checkbox label={t('contract.hasNotice')} {...form.getInputProps('has_notice', { type: 'checkbox' })} />
        {form.values.has_notice && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NumberInput
              label={t('contract.noticeAmount')}
              min={1}
              max={3650}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('notice_amount')}
            />
            <Select
              label={t('contract.noticeUnit')}
              data={NOTICE_UNITS.map((u) => ({ value: u, label: t(`noticeUnit.${u}`) }))}
              allowDeselect={false}
              {...form.getInputProps('notice_unit')}
            />
          </SimpleGrid>
        )}
        <Checkbox label={t('contract.hasPenalty')} {...form.getInputProps('has_penalty', { type: 'checkbox' })} />
        {form.values.has_penalty && (
          <Stack gap="sm">
            <TextInput
              label={t('contract.penaltyAmount')}
              description={t('common.moneyHint', { currency: props.currency })}
              inputMode="decimal"
              rightSection={props.currency}
              rightSectionWidth={48}
              {...form.getInputProps('penalty_amount')}
            />
            <TextInput label={t('contract.penaltyDescription')} {...form.getInputProps('penalty_description')} />
          </Stack>
        )}
        <Checkbox label={t('contract.refundClauseLabel')} {...form.getInputProps('refund_clause', { type: 'checkbox' })} />
      </Stack>
    </FormFrame>
  );
}
