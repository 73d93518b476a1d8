import { Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Client, ClientInput } from '../../contracts/records.js';
import { CLIENT_KINDS, CLIENT_SIZES, type ClientKind, type ClientSize, LANGUAGES, type Language } from '../../core/vocabulary.js';
import { api } from '../api/client.js';
import { languageName } from '../components/labels.js';
import { applyServerErrors, emptyToNull, FormFrame, makeRules, useSave } from './shared.js';

interface Values {
  name: string;
  kind: ClientKind;
  size: ClientSize;
  language: Language;
  since: string;
  manager: string;
  email: string;
  notes: string;
}

export function ClientForm(props: { workspaceId: string; client?: Client; onDone: (client: Client) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const rules = makeRules(t);
  const c = props.client;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      name: c?.name ?? '',
      kind: c?.kind ?? 'business',
      size: c?.size ?? 'small',
      language: c?.language ?? 'en',
      since: c?.since ?? '',
      manager: c?.manager ?? '',
      email: c?.email ?? '',
      notes: c?.notes ?? '',
    },
    validate: {
      name: rules.name,
      since: rules.optionalDate,
      manager: rules.optionalName,
      email: rules.email,
      notes: rules.note,
    },
  });
  const save = useSave();

  const submit = form.onSubmit((v) =>
    save.run(
      async () => {
        // No status: it moves only through the escalation steps on the client page.
        const input: Omit<ClientInput, 'status'> = {
          name: v.name.trim(),
          kind: v.kind,
          size: v.size,
          language: v.language,
          since: emptyToNull(v.since),
          manager: emptyToNull(v.manager),
          email: emptyToNull(v.email),
          notes: v.notes,
        };
        const saved = c ? await api.clients.update(props.workspaceId, c.id, input) : await api.clients.create(props.workspaceId, input);
        props.onDone(saved);
      },
      (error) => applyServerErrors(form, error),
    ),
  );

  return (
    <FormFrame onSubmit={submit} onCancel={props.onCancel} problem={save.problem} busy={save.busy}>
      <Stack gap="sm">
        <TextInput label={t('field.name')} required data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('field.kind')}
            data={CLIENT_KINDS.map((k) => ({ value: k, label: t(`clientKind.${k}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <Select
            label={t('field.size')}
            data={CLIENT_SIZES.map((k) => ({ value: k, label: t(`clientSize.${k}`) }))}
            allowDeselect={false}
            {...form.getInputProps('size')}
          />
          <TextInput type="date" label={t('field.since')} {...form.getInputProps('since')} />
          <TextInput label={t('field.manager')} {...form.getInputProps('manager')} />
          <TextInput type="email" label={t('field.email')} {...form.getInputProps('email')} />
        </SimpleGrid>
        <Select
          label={t('field.clientLanguage')}
          description={t('field.clientLanguageHint')}
          data={LANGUAGES.map((l) => ({ value: l, label: languageName(l, i18n.language) }))}
          allowDeselect={false}
          {...form.getInputProps('language')}
        />
        <Textarea label={t('field.notes')} autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
      </Stack>
    </FormFrame>
  );
}
