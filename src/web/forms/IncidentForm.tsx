import { FileInput, Group, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPaperclip } from '@tabler/icons-react';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Incident, IncidentInput } from '../../contracts/records.js';
import { LIMITS } from '../../core/limits.js';
import {
  INCIDENT_SOURCES,
  type IncidentSource,
  RED_FLAG_CODES,
  type RedFlagCode,
  SEVERITIES,
  type Severity,
} from '../../core/vocabulary.js';
import { api } from '../api/client.js';
import { formatBytes, todayIso } from '../lib/format.js';
import { describeError, notify, notifySuccess } from '../lib/notify.js';
import { applyServerErrors, emptyToNull, FormFrame, makeRules, useSave } from './shared.js';

interface Values {
  date: string;
  code: RedFlagCode | '';
  severity: string;
  source: IncidentSource;
  about_member: string;
  note: string;
  file: File | null;
  evidence_note: string;
}

/** Uploads one evidence file and says how it went; true when attached. */
export async function uploadEvidence(workspaceId: string, incidentId: string, file: File, note: string): Promise<boolean> {
  try {
    const entry = await api.evidence.upload(workspaceId, incidentId, file, note);
    notifySuccess(i18next.t('evidence.uploaded', { name: entry.file_name }));

    return true;
  } catch (error) {
    const { message } = describeError(error);
    notify({ title: i18next.t('field.evidenceUploadFailed'), message, color: 'red', autoClose: 10000 });

    return false;
  }
}

export function fileTooLarge(file: File | null): boolean {
  return file !== null && file.size > LIMITS.evidenceFileMaxBytes;
}

export function IncidentForm(props: {
  workspaceId: string;
  clientId: string;
  incident?: Incident;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const rules = makeRules(t);
  const inc = props.incident;
  const limit = formatBytes(LIMITS.evidenceFileMaxBytes, i18n.language);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      date: inc?.date ?? todayIso(),
      code: inc?.code ?? '',
      severity: String(inc?.severity ?? 2),
      source: inc?.source ?? 'manual',
      about_member: inc?.about_member ?? '',
      note: inc?.note ?? '',
      file: null,
      evidence_note: '',
    },
    validate: {
      date: rules.date,
      code: (v) => (v === '' ? t('errors.required') : null),
      about_member: rules.optionalName,
      note: rules.note,
      file: (f) => (fileTooLarge(f) ? t('errors.fileTooLarge', { limit }) : null),
      evidence_note: rules.note,
    },
  });
  const save = useSave();

  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        const body = {
          date: v.date,
          code: v.code as RedFlagCode,
          severity: Number(v.severity) as Severity,
          source: v.source,
          about_member: emptyToNull(v.about_member),
          note: v.note,
        } satisfies Partial<IncidentInput>;
        const saved = inc
          ? await api.incidents.update(props.workspaceId, inc.id, body)
          : await api.incidents.create(props.workspaceId, props.clientId, body);
        if (v.file) await uploadEvidence(props.workspaceId, saved.id, v.file, v.evidence_note);
        props.onDone();
      },
      (error) => applyServerErrors(form, error),
    ),
  );

  const code = form.values.code;

  return (
    <FormFrame onSubmit={submit} onCancel={props.onCancel} problem={save.problem} busy={save.busy}>
      <Stack gap="sm">
        <Select
          label={t('field.code')}
          placeholder={t('field.codePlaceholder')}
          description={code ? t(`flagHint.${code}`) : undefined}
          data={RED_FLAG_CODES.map((c) => ({ value: c, label: t(`flag.${c}`) }))}
          searchable
          required
          data-autofocus
          maxDropdownHeight={320}
          {...form.getInputProps('code')}
        />
        <Radio.Group label={t('field.severity')} required {...form.getInputProps('severity')}>
          <Group gap="lg" mt={6}>
            {SEVERITIES.map((s) => (
              <Radio
                key={s}
                value={String(s)}
                label={`${s} · ${t(`severity.${s}`)}`}
                color={s === 3 ? 'red' : s === 2 ? 'orange' : 'gray'}
              />
            ))}
          </Group>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="date" label={t('field.date')} required {...form.getInputProps('date')} />
          <Select
            label={t('field.source')}
            data={INCIDENT_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
            allowDeselect={false}
            {...form.getInputProps('source')}
          />
        </SimpleGrid>
        <TextInput label={t('field.aboutMember')} description={t('field.aboutMemberHint')} {...form.getInputProps('about_member')} />
        <Textarea
          label={t('field.note')}
          placeholder={t('field.incidentNotePlaceholder')}
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('note')}
        />
        <FileInput
          label={t('field.evidenceFile')}
          description={t('field.evidenceFileHint', { limit })}
          placeholder={t('field.evidenceFilePlaceholder')}
          leftSection={<IconPaperclip size={16} aria-hidden />}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clearFile') }}
          {...form.getInputProps('file')}
        />
        {form.values.file && <TextInput label={t('field.evidenceNote')} {...form.getInputProps('evidence_note')} />}
      </Stack>
    </FormFrame>
  );
}

export function EvidenceForm(props: { workspaceId: string; incidentId: string; onDone: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const rules = makeRules(t);
  const limit = formatBytes(LIMITS.evidenceFileMaxBytes, i18n.language);
  const form = useForm<{ file: File | null; note: string }>({
    mode: 'controlled',
    initialValues: { file: null, note: '' },
    validate: {
      file: (f) => (f === null ? t('errors.required') : fileTooLarge(f) ? t('errors.fileTooLarge', { limit }) : null),
      note: rules.note,
    },
  });
  const save = useSave();

  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        if (!v.file) return;
        await api.evidence.upload(props.workspaceId, props.incidentId, v.file, v.note);
        notifySuccess(t('evidence.uploaded', { name: v.file.name }));
        props.onDone();
      },
      (error) => applyServerErrors(form, error),
    ),
  );

  return (
    <FormFrame onSubmit={submit} onCancel={props.onCancel} problem={save.problem} busy={save.busy}>
      <Stack gap="sm">
        <FileInput
          label={t('field.evidenceFile')}
          description={t('field.evidenceLimit', { limit })}
          placeholder={t('field.evidenceFilePlaceholder')}
          leftSection={<IconPaperclip size={16} aria-hidden />}
          required
          clearable
          clearButtonProps={{ 'aria-label': t('common.clearFile') }}
          data-autofocus
          {...form.getInputProps('file')}
        />
        <TextInput label={t('field.evidenceNote')} {...form.getInputProps('note')} />
      </Stack>
    </FormFrame>
  );
}
