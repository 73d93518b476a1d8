/**
 * One staff report: what was reported, by whom and when, its status and decision, and for a
 * manager or owner the actions (confirm as an incident, answer, share with members). When the
 * reporter is the member this client's incidents involve, the D5 hint says so.
 */
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Radio, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowsExchange, IconCheck, IconMessage } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { StaffReport } from '../../contracts/staff-reports.js';
import { RED_FLAG_CODES, type RedFlagCode, SEVERITIES, type Severity } from '../../core/vocabulary.js';
import { staffReportApi } from '../api/staff-reports.js';
import { applyServerErrors, FormFrame, useSave } from '../forms/shared.js';
import { formatDate, formatInstant } from '../lib/format.js';
import { notifyError, notifySuccess } from '../lib/notify.js';

const STATUS_COLOR = { open: 'orange', confirmed: 'red', answered: 'blue' } as const;

function ConfirmForm(props: { workspaceId: string; report: StaffReport; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { code: (props.report.codes[0] ?? 'staff_report') as string, severity: '2', answer: '' } });
  const save = useSave();
  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        await staffReportApi.confirm(props.workspaceId, props.report.id, {
          code: v.code as RedFlagCode,
          severity: Number(v.severity) as Severity,
          answer: v.answer.trim() === '' ? null : v.answer,
        });
        notifySuccess(t('staffReports.confirmed', { client: props.report.client_name }));
        props.onDone();
      },
      (error) => applyServerErrors(form, error),
    ),
  );

  return (
    <FormFrame
      onSubmit={submit}
      onCancel={props.onCancel}
      problem={save.problem}
      busy={save.busy}
      submitLabel={t('staffReports.confirmSubmit')}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('staffReports.confirmExplain', { member: props.report.reporter_name })}
        </Text>
        <Select
          label={t('field.code')}
          data={RED_FLAG_CODES.map((c) => ({ value: c, label: t(`flag.${c}`) }))}
          searchable
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('code')}
        />
        <Radio.Group label={t('field.severity')} {...form.getInputProps('severity')}>
          <Group gap="lg" mt={6}>
            {SEVERITIES.map((s) => (
              <Radio key={s} value={String(s)} label={`${s} · ${t(`severity.${s}`)}`} />
            ))}
          </Group>
        </Radio.Group>
        <Textarea label={t('staffReports.answerOptional')} autosize minRows={2} {...form.getInputProps('answer')} />
      </Stack>
    </FormFrame>
  );
}

function AnswerForm(props: { workspaceId: string; report: StaffReport; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { answer: '' }, validate: { answer: (v) => (v.trim() === '' ? t('errors.required') : null) } });
  const save = useSave();
  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        await staffReportApi.answer(props.workspaceId, props.report.id, v.answer);
        notifySuccess(t('staffReports.answered'));
        props.onDone();
      },
      (error) => applyServerErrors(form, error),
    ),
  );

  return (
    <FormFrame
      onSubmit={submit}
      onCancel={props.onCancel}
      problem={save.problem}
      busy={save.busy}
      submitLabel={t('staffReports.answerSubmit')}
    >
      <Textarea
        label={t('staffReports.answer')}
        description={t('staffReports.answerHint')}
        autosize
        minRows={3}
        required
        data-autofocus
        {...form.getInputProps('answer')}
      />
    </FormFrame>
  );
}

/** The D5 hint: this reporter is the member the client's incidents involve. */
export function ReassignHint(props: { members: string[]; action: ReactNode }) {
  const { t } = useTranslation();
  if (props.members.length === 0) return null;

  return (
    <Alert color="yellow" variant="light" icon={<IconArrowsExchange size={18} aria-hidden />} title={t('staffReports.reassignTitle')}>
      <Stack gap={6} align="flex-start">
        <Text size="sm">{t('staffReports.reassignBody', { members: props.members.join(', ') })}</Text>
        {props.action}
      </Stack>
    </Alert>
  );
}

export function ReportCard(props: {
  workspaceId: string;
  report: StaffReport;
  mayDecide: boolean;
  showClient: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const r = props.report;
  const [dialog, setDialog] = useState<'confirm' | 'answer' | null>(null);
  const [sharing, setSharing] = useState(false);
  const close = () => setDialog(null);
  const done = () => {
    setDialog(null);
    props.onChanged();
  };

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-label={t('staffReports.reportBy', { member: r.reporter_name })}
      data-testid="staff-report"
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Badge color={STATUS_COLOR[r.status]} variant="light">
              {t(`staffReports.status.${r.status}`)}
            </Badge>
            {props.showClient && (
              <Anchor component={Link} href={`/clients/${r.client_id}`} fw={600}>
                {r.client_name}
              </Anchor>
            )}
            <Text size="sm" c="dimmed">
              {t('staffReports.byOn', { member: r.reporter_name, date: formatDate(r.happened_on, i18n.language) })}
            </Text>
          </Group>
          {r.shared_with_members && (
            <Badge variant="outline" color="gray">
              {t('staffReports.sharedBadge')}
            </Badge>
          )}
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{r.what}</Text>
        {(r.codes.length > 0 || r.files.length > 0 || r.evidence_ids.length > 0) && (
          <Group gap={6} wrap="wrap">
            {r.codes.map((c) => (
              <Badge key={c} variant="dot" color="red">
                {t(`flag.${c}`)}
              </Badge>
            ))}
            {r.files.length + r.evidence_ids.length > 0 && (
              <Text size="xs" c="dimmed">
                {t('staffReports.evidenceCount', { count: r.files.length + r.evidence_ids.length })}
              </Text>
            )}
          </Group>
        )}
        {r.status !== 'open' && (
          <Paper bg="var(--mantine-color-default-hover)" p="xs" radius="sm">
            <Text size="sm" fw={600}>
              {t(r.status === 'confirmed' ? 'staffReports.decisionConfirmed' : 'staffReports.decisionAnswered', {
                member: r.decided_by_name ?? '',
                date: formatInstant(r.decided_at, i18n.language),
              })}
            </Text>
            {r.answer && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.answer}
              </Text>
            )}
            {r.incident_id && (
              <Anchor component={Link} href={`/clients/${r.client_id}`} size="sm">
                {t('staffReports.seeIncident')}
              </Anchor>
            )}
          </Paper>
        )}
        {props.mayDecide && (
          <Group gap="xs" wrap="wrap">
            {r.status === 'open' && (
              <>
                <Button size="xs" leftSection={<IconCheck size={14} aria-hidden />} onClick={() => setDialog('confirm')}>
                  {t('staffReports.confirm')}
                </Button>
                <Button size="xs" variant="default" leftSection={<IconMessage size={14} aria-hidden />} onClick={() => setDialog('answer')}>
                  {t('staffReports.answerAction')}
                </Button>
              </>
            )}
            <Switch
              size="sm"
              label={t('staffReports.share')}
              checked={r.shared_with_members}
              disabled={sharing}
              onChange={async (e) => {
                setSharing(true);
                try {
                  await staffReportApi.share(props.workspaceId, r.id, e.currentTarget.checked);
                  props.onChanged();
                } catch (error) {
                  notifyError(error);
                } finally {
                  setSharing(false);
                }
              }}
            />
          </Group>
        )}
      </Stack>
      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog === 'confirm' ? t('staffReports.confirmTitle') : t('staffReports.answerTitle')}
        size="lg"
      >
        {dialog === 'confirm' && <ConfirmForm workspaceId={props.workspaceId} report={r} onDone={done} onCancel={close} />}
        {dialog === 'answer' && <AnswerForm workspaceId={props.workspaceId} report={r} onDone={done} onCancel={close} />}
      </Modal>
    </Paper>
  );
}
