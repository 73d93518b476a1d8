/** "Report a problem" on the client page (issue 7): what happened, when, the red flags, evidence files. */
import { Button, FileInput, Modal, MultiSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconMessageReport, IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../core/limits.js';
import { RED_FLAG_CODES, type RedFlagCode } from '../../core/vocabulary.js';
import { staffReportApi } from '../api/staff-reports.js';
import { applyServerErrors, FormFrame, makeRules, useSave } from '../forms/shared.js';
import { formatBytes, todayIso } from '../lib/format.js';
import { describeError, notify, notifySuccess } from '../lib/notify.js';

interface Values {
  what: string;
  happened_on: string;
  codes: string[];
  evidence_ids: string[];
  files: File[];
}

/** Evidence already in the log for this client, which a report may point to instead of a new upload. */
export interface LinkableEvidence {
  id: string;
  label: string;
}

function ReportForm(props: {
  workspaceId: string;
  clientId: string;
  evidence: LinkableEvidence[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const rules = makeRules(t);
  const limit = formatBytes(LIMITS.evidenceFileMaxBytes, i18n.language);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { what: '', happened_on: todayIso(), codes: [], evidence_ids: [], files: [] },
    validate: {
      what: (v) => (v.trim() === '' ? t('errors.required') : rules.note(v)),
      happened_on: rules.date,
      files: (fs) => (fs.some((f) => f.size > LIMITS.evidenceFileMaxBytes) ? t('errors.fileTooLarge', { limit }) : null),
    },
  });
  const save = useSave();
  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        const report = await staffReportApi.file(props.workspaceId, props.clientId, {
          what: v.what,
          happened_on: v.happened_on,
          codes: v.codes as RedFlagCode[],
          evidence_ids: v.evidence_ids,
        });
        for (const file of v.files) {
          try {
            await staffReportApi.upload(props.workspaceId, report.id, file);
          } catch (error) {
            notify({ title: t('field.evidenceUploadFailed'), message: describeError(error).message, color: 'red', autoClose: 10000 });
          }
        }
        notifySuccess(t('staffReports.filed'));
        props.onDone();
      },
      (error) => applyServerErrors(form, error),
    ),
  );

  return (
    <FormFrame onSubmit={submit} onCancel={props.onCancel} problem={save.problem} busy={save.busy}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('staffReports.dialogIntro')}
        </Text>
        <Textarea
          label={t('staffReports.what')}
          placeholder={t('staffReports.whatPlaceholder')}
          autosize
          minRows={3}
          maxRows={10}
          required
          data-autofocus
          {...form.getInputProps('what')}
        />
        <TextInput type="date" label={t('staffReports.when')} required {...form.getInputProps('happened_on')} />
        <MultiSelect
          label={t('staffReports.codes')}
          description={t('staffReports.codesHint')}
          data={RED_FLAG_CODES.map((c) => ({ value: c, label: t(`flag.${c}`) }))}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('codes')}
        />
        {props.evidence.length > 0 && (
          <MultiSelect
            label={t('staffReports.linkEvidence')}
            description={t('staffReports.linkEvidenceHint')}
            data={props.evidence.map((e) => ({ value: e.id, label: e.label }))}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('evidence_ids')}
          />
        )}
        <FileInput
          label={t('staffReports.evidence')}
          description={t('staffReports.evidenceHint', { limit })}
          leftSection={<IconPaperclip size={16} aria-hidden />}
          multiple
          clearable
          {...form.getInputProps('files')}
        />
      </Stack>
    </FormFrame>
  );
}

/** The button and its dialog. */
export function ReportProblemButton(props: { workspaceId: string; clientId: string; evidence: LinkableEvidence[]; onFiled: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const phone = useMediaQuery('(max-width: 36em)');

  return (
    <>
      <Button variant="default" leftSection={<IconMessageReport size={16} aria-hidden />} onClick={() => setOpen(true)}>
        {t('staffReports.reportProblem')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('staffReports.dialogTitle')} fullScreen={phone} size="lg">
        {open && (
          <ReportForm
            workspaceId={props.workspaceId}
            clientId={props.clientId}
            evidence={props.evidence}
            onCancel={() => setOpen(false)}
            onDone={() => {
              setOpen(false);
              props.onFiled();
            }}
          />
        )}
      </Modal>
    </>
  );
}
