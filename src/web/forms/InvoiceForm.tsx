import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../contracts/records.js';
import { addDays } from '../../core/dates.js';
import { api } from '../api/client.js';
import { todayIso } from '../lib/format.js';
import { minorDigits, minorToInput } from '../lib/money.js';
import { applyServerErrors, FormFrame, makeRules, toMinor, useSave } from './shared.js';

interface Values {
  number: string;
  issued: string;
  due: string;
  amount: string;
}

export function InvoiceForm(props: {
  workspaceId: string;
  clientId: string;
  currency: string;
  invoice?: Invoice;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const rules = makeRules(t);
  const inv = props.invoice;
  const currency = inv?.currency ?? props.currency;
  const digits = minorDigits(currency);
  const today = todayIso();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      number: inv?.number ?? '',
      issued: inv?.issued ?? today,
      due: inv?.due ?? addDays(today, 14),
      amount: inv ? minorToInput(inv.amount_minor, digits) : '',
    },
    validate: {
      number: rules.name,
      issued: rules.date,
      due: (v, values) => rules.date(v) ?? (values.issued && v < values.issued ? t('errors.dueBeforeIssued') : null),
      amount: (v) =>
        rules.money(digits, { positive: true })(v) ?? (inv && toMinor(v, digits) < inv.paid_minor ? t('errors.paymentsExceed') : null),
    },
  });
  const save = useSave();

  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        const body = { number: v.number.trim(), issued: v.issued, due: v.due, amount_minor: toMinor(v.amount, digits) };
        if (inv) await api.invoices.update(props.workspaceId, inv.id, body);
        else await api.invoices.create(props.workspaceId, props.clientId, body);
        props.onDone();
      },
      (error) => applyServerErrors(form, error, { amount_minor: 'amount', payments: 'amount' }),
    ),
  );

  return (
    <FormFrame onSubmit={submit} onCancel={props.onCancel} problem={save.problem} busy={save.busy}>
      <Stack gap="sm">
        <TextInput label={t('field.invoiceNumber')} required data-autofocus {...form.getInputProps('number')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="date" label={t('field.issued')} required {...form.getInputProps('issued')} />
          <TextInput type="date" label={t('field.due')} required {...form.getInputProps('due')} />
        </SimpleGrid>
        <TextInput
          label={t('field.amount')}
          description={t('common.moneyHint', { currency })}
          required
          inputMode="decimal"
          rightSection={
            <Text size="xs" c="dimmed">
              {currency}
            </Text>
          }
          rightSectionWidth={48}
          {...form.getInputProps('amount')}
        />
      </Stack>
    </FormFrame>
  );
}

export function PaymentForm(props: { workspaceId: string; invoice: Invoice; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const rules = makeRules(t);
  const inv = props.invoice;
  const digits = minorDigits(inv.currency);
  const form = useForm<{ date: string; amount: string }>({
    mode: 'controlled',
    initialValues: { date: todayIso(), amount: inv.outstanding_minor > 0 ? minorToInput(inv.outstanding_minor, digits) : '' },
    validate: {
      date: rules.date,
      amount: (v) =>
        rules.money(digits, { positive: true })(v) ?? (toMinor(v, digits) > inv.outstanding_minor ? t('errors.paymentsExceed') : null),
    },
  });
  const save = useSave();

  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        await api.invoices.addPayment(props.workspaceId, inv.id, { date: v.date, amount_minor: toMinor(v.amount, digits) });
        props.onDone();
      },
      (error) => applyServerErrors(form, error, { amount_minor: 'amount' }),
    ),
  );

  return (
    <FormFrame onSubmit={submit} onCancel={props.onCancel} problem={save.problem} busy={save.busy}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput type="date" label={t('field.paymentDate')} required {...form.getInputProps('date')} />
        <TextInput
          label={t('field.paymentAmount')}
          required
          inputMode="decimal"
          data-autofocus
          rightSection={
            <Text size="xs" c="dimmed">
              {inv.currency}
            </Text>
          }
          rightSectionWidth={48}
          {...form.getInputProps('amount')}
        />
      </SimpleGrid>
    </FormFrame>
  );
}
