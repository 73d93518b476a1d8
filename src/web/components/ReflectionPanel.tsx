/**
 * The guided reflection on the client page once the relationship is over (A3, A4): three short
 * steps (first signs, what the contract lacked, what to do earlier) and the lessons to keep.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconBulb, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reflection } from '../../contracts/screening.js';
import { CONTRACT_GAPS, type ContractGap, REFLECTABLE_STATUSES } from '../../core/screening/reflection.js';
import { type ClientStatus, RED_FLAG_CODES, type RedFlagCode } from '../../core/vocabulary.js';
import { screeningApi, screeningKeys } from '../api/screening.js';
import { formatDate, formatInstant } from '../lib/format.js';
import { notifyError, notifySuccess } from '../lib/notify.js';

interface Draft {
  first_signs: string;
  first_signs_on: string;
  first_signs_code: RedFlagCode | null;
  contract_lacked: ContractGap[];
  contract_note: string;
  do_earlier: string;
  lessons: { text: string; codes: RedFlagCode[] }[];
}

function draftOf(r: Reflection): Draft {
  return {
    first_signs: r.first_signs,
    first_signs_on: r.first_signs_on ?? '',
    first_signs_code: r.first_signs_code,
    contract_lacked: r.contract_lacked,
    contract_note: r.contract_note,
    do_earlier: r.do_earlier,
    lessons: r.lessons.length > 0 ? r.lessons.map((l) => ({ text: l.text, codes: l.codes })) : [{ text: '', codes: [] }],
  };
}

function Summary({ r, onEdit }: { r: Reflection; onEdit: () => void }) {
  const { t, i18n } = useTranslation();

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {r.updated_at && t('reflection.savedOn', { date: formatInstant(r.updated_at, i18n.language) })}
      </Text>
      <Text size="sm">
        <b>{t('reflection.step1')}:</b> {r.first_signs || '—'}
        {r.first_signs_on &&
          ` (${formatDate(r.first_signs_on, i18n.language)}${r.first_signs_code ? `, ${t(`flag.${r.first_signs_code}`)}` : ''})`}
      </Text>
      <Text size="sm">
        <b>{t('reflection.step2')}:</b>{' '}
        {[...r.contract_lacked.map((g) => t(`reflection.gap.${g}`)), r.contract_note].filter(Boolean).join('; ') || '—'}
      </Text>
      <Text size="sm">
        <b>{t('reflection.step3')}:</b> {r.do_earlier || '—'}
      </Text>
      <Text size="sm" fw={600}>
        {t('reflection.lessons')}
      </Text>
      {r.lessons.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('reflection.noLessons')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ paddingInlineStart: 18, margin: 0 }}>
          {r.lessons.map((l) => (
            <li key={l.id}>
              <Group gap={6} wrap="wrap">
                <Text size="sm">{l.text}</Text>
                {l.codes.map((c) => (
                  <Badge key={c} size="xs" variant="outline">
                    {t(`flag.${c}`)}
                  </Badge>
                ))}
              </Group>
            </li>
          ))}
        </Stack>
      )}
      <Group>
        <Button variant="default" size="xs" onClick={onEdit}>
          {t('reflection.edit')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ReflectionPanel({ workspaceId, clientId, status }: { workspaceId: string; clientId: string; status: ClientStatus }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const over = (REFLECTABLE_STATUSES as readonly string[]).includes(status);
  const key = screeningKeys.reflection(workspaceId, clientId);
  const query = useQuery({ queryKey: key, queryFn: () => screeningApi.reflection(workspaceId, clientId), enabled: over });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [editing, setEditing] = useState(false);
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (query.data && !editing) setDraft(draftOf(query.data));
  }, [query.data, editing]);
  if (!over || !query.data || !draft) return null;
  const r = query.data;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setEditing(true);
    setDraft((d) => (d ? { ...d, [k]: v } : d));
  };
  const codeOptions = RED_FLAG_CODES.map((c) => ({ value: c, label: t(`flag.${c}`) }));

  const save = async () => {
    setBusy(true);
    try {
      const saved = await screeningApi.saveReflection(workspaceId, clientId, {
        ...draft,
        first_signs_on: draft.first_signs_on || null,
        lessons: draft.lessons.filter((l) => l.text.trim() !== ''),
      });
      queryClient.setQueryData(key, saved);
      void queryClient.invalidateQueries({ queryKey: screeningKeys.lessons(workspaceId) });
      setEditing(false);
      setStep(0);
      notifySuccess(t('reflection.saved'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="reflection-title">
      <Stack gap="sm">
        <Group gap="xs">
          <IconBulb size={20} aria-hidden />
          <Title order={2} size="h4" id="reflection-title">
            {t('reflection.title')}
          </Title>
        </Group>
        {r.saved && !editing ? (
          <Summary r={r} onEdit={() => setEditing(true)} />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('reflection.intro')}
            </Text>
            <Stepper active={step} onStepClick={setStep} size="sm" allowNextStepsSelect>
              <Stepper.Step label={t('reflection.step1')}>
                <Stack gap="sm" mt="sm">
                  {r.first_incident && (
                    <Text size="xs" c="dimmed">
                      {t('reflection.prefilled', {
                        date: formatDate(r.first_incident.date, i18n.language),
                        code: t(`flag.${r.first_incident.code}`),
                      })}
                    </Text>
                  )}
                  <Textarea
                    label={t('reflection.firstSigns')}
                    autosize
                    minRows={2}
                    value={draft.first_signs}
                    onChange={(e) => set('first_signs', e.currentTarget.value)}
                  />
                  <Group grow wrap="wrap" align="flex-start">
                    <TextInput
                      type="date"
                      label={t('reflection.firstSignsOn')}
                      value={draft.first_signs_on}
                      onChange={(e) => set('first_signs_on', e.currentTarget.value)}
                    />
                    <Select
                      label={t('reflection.firstSignsCode')}
                      data={codeOptions}
                      value={draft.first_signs_code}
                      onChange={(v) => set('first_signs_code', v as RedFlagCode | null)}
                      clearable
                    />
                  </Group>
                </Stack>
              </Stepper.Step>
              <Stepper.Step label={t('reflection.step2')}>
                <Stack gap="sm" mt="sm">
                  <Checkbox.Group
                    label={t('reflection.gapsLabel')}
                    value={draft.contract_lacked}
                    onChange={(v) => set('contract_lacked', v as ContractGap[])}
                  >
                    <Stack gap={8} mt={6}>
                      {CONTRACT_GAPS.map((g) => (
                        <Checkbox key={g} value={g} label={t(`reflection.gap.${g}`)} />
                      ))}
                    </Stack>
                  </Checkbox.Group>
                  <Textarea
                    label={t('reflection.contractNote')}
                    autosize
                    minRows={1}
                    value={draft.contract_note}
                    onChange={(e) => set('contract_note', e.currentTarget.value)}
                  />
                </Stack>
              </Stepper.Step>
              <Stepper.Step label={t('reflection.step3')}>
                <Stack gap="sm" mt="sm">
                  <Textarea
                    label={t('reflection.doEarlier')}
                    autosize
                    minRows={2}
                    value={draft.do_earlier}
                    onChange={(e) => set('do_earlier', e.currentTarget.value)}
                  />
                  <div>
                    <Text size="sm" fw={500}>
                      {t('reflection.lessons')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('reflection.lessonsHint')}
                    </Text>
                  </div>
                  {draft.lessons.map((l, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id until saved
                    <Group key={i} align="flex-end" gap="xs" wrap="wrap">
                      <TextInput
                        label={`${t('lessons.text')} ${i + 1}`}
                        value={l.text}
                        maxLength={500}
                        onChange={(e) =>
                          set(
                            'lessons',
                            draft.lessons.map((x, j) => (j === i ? { ...x, text: e.currentTarget.value } : x)),
                          )
                        }
                        style={{ flex: '2 1 220px' }}
                      />
                      <MultiSelect
                        label={t('lessons.codes')}
                        data={codeOptions}
                        value={l.codes}
                        onChange={(v) =>
                          set(
                            'lessons',
                            draft.lessons.map((x, j) => (j === i ? { ...x, codes: v as RedFlagCode[] } : x)),
                          )
                        }
                        style={{ flex: '1 1 180px' }}
                        searchable
                      />
                      <Tooltip label={t('reflection.removeLesson')}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          size="lg"
                          aria-label={t('reflection.removeLesson')}
                          onClick={() =>
                            set(
                              'lessons',
                              draft.lessons.filter((_, j) => j !== i),
                            )
                          }
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  ))}
                  <Group>
                    <Button
                      variant="subtle"
                      size="xs"
                      leftSection={<IconPlus size={14} aria-hidden />}
                      onClick={() => set('lessons', [...draft.lessons, { text: '', codes: [] }])}
                    >
                      {t('reflection.addLesson')}
                    </Button>
                  </Group>
                </Stack>
              </Stepper.Step>
            </Stepper>
            <Group justify="space-between">
              <Button variant="default" disabled={step === 0} onClick={() => setStep((s) => s - 1)}>
                {t('reflection.previous')}
              </Button>
              {step < 2 ? (
                <Button onClick={() => setStep((s) => s + 1)}>{t('reflection.next')}</Button>
              ) : (
                <Button onClick={() => void save()} loading={busy}>
                  {t('reflection.save')}
                </Button>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
