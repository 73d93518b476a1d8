/** Every form of the client page, opened one at a time in a modal. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSteps } from '../../contracts/events.js';
import type { Card, ClientDetail, Engagement, Incident, Invoice, Message, TimeEntry } from '../../contracts/records.js';
import { CardForm } from '../forms/CardForm.js';
import { ClientForm } from '../forms/ClientForm.js';
import { ContractForm } from '../forms/ContractForm.js';
import { EngagementForm } from '../forms/EngagementForm.js';
import { ReassignForm, RedCardForm, StatusStepForm, YellowCardForm } from '../forms/EscalationForms.js';
import { EvidenceForm, IncidentForm } from '../forms/IncidentForm.js';
import { InvoiceForm, PaymentForm } from '../forms/InvoiceForm.js';
import { MessageForm } from '../forms/MessageForm.js';
import { TimeForm } from '../forms/TimeForm.js';
import { notifyError } from '../lib/notify.js';

export type Dialog =
  | { kind: 'client' }
  | { kind: 'contract' }
  | { kind: 'engagement'; engagement?: Engagement }
  | { kind: 'invoice'; invoice?: Invoice }
  | { kind: 'payment'; invoice: Invoice }
  | { kind: 'time'; entry?: TimeEntry }
  | { kind: 'incident'; incident?: Incident }
  | { kind: 'evidence'; incident: Incident }
  | { kind: 'card'; card: Card }
  | { kind: 'yellowCard' }
  | { kind: 'redCard' }
  | { kind: 'reassign' }
  /** An escalation step as judged for the client now (GET .../steps). */
  | { kind: 'step'; option: ClientSteps['steps'][number]; steps: ClientSteps }
  | { kind: 'message'; message?: Message }
  | { kind: 'confirm'; question: string; action: () => Promise<void> };

export type OpenDialog = (dialog: Dialog) => void;

function ConfirmDelete(props: { question: string; action: () => Promise<void>; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  return (
    <Stack gap="md">
      <Text>{props.question}</Text>
      <Text size="sm" c="dimmed">
        {t('common.irreversible')}
      </Text>
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={props.onCancel} disabled={busy} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button
          color="red"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await props.action();
              props.onDone();
            } catch (error) {
              notifyError(error);
              props.onCancel();
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('common.delete')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ClientDialogs(props: {
  dialog: Dialog | null;
  detail: ClientDetail;
  workspaceId: string;
  currency: string;
  onClose: () => void;
  /** After a save: refresh and say so. `what` is the notification, when not the generic "Saved". */
  onSaved: (what?: string) => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const { dialog, detail, workspaceId, currency, onClose, onSaved } = props;
  const clientId = detail.client.id;
  const common = { workspaceId, onCancel: onClose };
  const narrow = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });

  let title = '';
  let body: ReactNode = null;
  let size = 'lg';
  if (dialog) {
    switch (dialog.kind) {
      case 'client':
        title = t('form.clientEdit');
        body = <ClientForm {...common} client={detail.client} onDone={() => onSaved()} />;
        break;
      case 'contract':
        title = t('form.contract');
        body = <ContractForm {...common} clientId={clientId} currency={currency} contract={detail.contract} onDone={() => onSaved()} />;
        break;
      case 'engagement':
        title = dialog.engagement ? t('form.engagementEdit') : t('form.engagementNew');
        size = 'xl';
        body = (
          <EngagementForm {...common} clientId={clientId} currency={currency} engagement={dialog.engagement} onDone={() => onSaved()} />
        );
        break;
      case 'invoice':
        title = dialog.invoice ? t('form.invoiceEdit') : t('form.invoiceNew');
        size = 'md';
        body = <InvoiceForm {...common} clientId={clientId} currency={currency} invoice={dialog.invoice} onDone={() => onSaved()} />;
        break;
      case 'payment':
        title = t('money.addPaymentTo', { number: dialog.invoice.number });
        size = 'md';
        body = <PaymentForm {...common} invoice={dialog.invoice} onDone={() => onSaved()} />;
        break;
      case 'time':
        title = t('form.time');
        size = 'md';
        body = <TimeForm {...common} clientId={clientId} entry={dialog.entry} onDone={() => onSaved()} />;
        break;
      case 'incident':
        title = dialog.incident ? t('form.incidentEdit') : t('form.incidentNew');
        body = <IncidentForm {...common} clientId={clientId} incident={dialog.incident} onDone={() => onSaved()} />;
        break;
      case 'evidence':
        title = t('form.evidenceAdd');
        size = 'md';
        body = <EvidenceForm {...common} incidentId={dialog.incident.id} onDone={() => onSaved('')} />;
        break;
      case 'card':
        title = t('form.cardEdit');
        size = 'md';
        body = <CardForm {...common} card={dialog.card} onDone={() => onSaved()} />;
        break;
      case 'yellowCard':
        title = t('escalation.yellowTitle');
        size = 'md';
        body = <YellowCardForm {...common} clientId={clientId} onDone={() => onSaved(t('escalation.yellowDone'))} />;
        break;
      case 'redCard':
        title = t('escalation.redTitle');
        size = 'md';
        body = <RedCardForm {...common} clientId={clientId} onDone={() => onSaved(t('escalation.redDone'))} />;
        break;
      case 'reassign':
        title = t('escalation.reassignTitle');
        size = 'md';
        body = (
          <ReassignForm
            {...common}
            clientId={clientId}
            current={detail.client.manager}
            onDone={() => onSaved(t('escalation.reassignDone'))}
          />
        );
        break;
      case 'step': {
        const { option, steps } = dialog;
        const done = () => onSaved(t(`stepDone.${option.event}`));
        title = t(`stepTitle.${option.event}`);
        size = 'md';
        switch (option.event) {
          case 'yellow_card':
            body = <YellowCardForm {...common} clientId={clientId} incidents={detail.incidents} onDone={done} />;
            break;
          case 'red_card':
            body = <RedCardForm {...common} clientId={clientId} option={option} onDone={done} />;
            break;
          case 'reassign':
            body = <ReassignForm {...common} clientId={clientId} current={steps.manager} team={steps.team} onDone={done} />;
            break;
          default:
            body = <StatusStepForm {...common} clientId={clientId} event={option.event} option={option} onDone={done} />;
        }
        break;
      }
      case 'message':
        title = dialog.message ? t('form.messageEdit') : t('form.messageNew');
        body = <MessageForm {...common} clientId={clientId} message={dialog.message} onDone={() => onSaved()} />;
        break;
      case 'confirm':
        title = t('form.confirmDelete');
        size = 'sm';
        body = <ConfirmDelete question={dialog.question} action={dialog.action} onCancel={onClose} onDone={props.onDeleted} />;
        break;
    }
  }

  return (
    <Modal
      opened={dialog !== null}
      onClose={onClose}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      fullScreen={narrow && dialog?.kind !== 'confirm'}
    >
      {body}
    </Modal>
  );
}
