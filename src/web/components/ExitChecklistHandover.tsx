/**
 * The handover inventory (X9): files and materials that belong to the client, and the access to
 * transfer or revoke. Shared by the exit wizard (lines kept in the form until the plan is saved)
 * and the client page's checklist (lines saved one by one). Never a password: the same guard the
 * server applies (core/exit/saved.ts) runs while typing and says why a text is refused.
 */
import { ActionIcon, Badge, Button, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HANDOVER_KINDS, type HandoverKind, type HandoverState, initialState, secretLikeReason, statesFor } from '../../core/exit/saved.js';
import { LIMITS } from '../../core/limits.js';

/** A line as the inventory shows it: saved (with an id) or still in the wizard's form. */
export interface HandoverLine {
  id?: string;
  kind: HandoverKind;
  label: string;
  state: HandoverState;
  note: string;
}

/** The translated reason a text is refused as a secret, or null. */
export function useSecretCheck() {
  const { t } = useTranslation();

  return (text: string): string | null => {
    const reason = secretLikeReason(text);

    return reason ? `${t(`exitPlan.secret.${reason}`)} ${t('exitPlan.secret.why')}` : null;
  };
}

/** The form that adds one line; validates the label and note before calling `onAdd`. */
export function HandoverAddForm({ onAdd, busy = false }: { onAdd: (line: HandoverLine) => Promise<boolean> | boolean; busy?: boolean }) {
  const { t } = useTranslation();
  const secretOf = useSecretCheck();
  const [kind, setKind] = useState<HandoverKind>('hosting');
  const [state, setState] = useState<HandoverState>(initialState('hosting'));
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const labelError =
    label.trim() === ''
      ? tried
        ? t('errors.required')
        : null
      : label.length > LIMITS.nameMax
        ? t('errors.tooLong', { max: LIMITS.nameMax })
        : secretOf(label);
  const noteError = note.length > 1000 ? t('errors.tooLong', { max: 1000 }) : secretOf(note);

  const submit = async () => {
    setTried(true);
    if (label.trim() === '' || labelError || noteError) return;
    const ok = await onAdd({ kind, state, label: label.trim(), note });
    if (ok) {
      setLabel('');
      setNote('');
      setTried(false);
    }
  };

  return (
    <Stack gap="xs" data-testid="handover-add">
      <Group gap="xs" align="flex-start" wrap="wrap">
        <Select
          label={t('exitPlan.handover.kind')}
          data={HANDOVER_KINDS.map((k) => ({ value: k, label: t(`exitPlan.handoverKind.${k}`) }))}
          value={kind}
          onChange={(v) => {
            if (!v) return;
            const next = v as HandoverKind;
            setKind(next);
            setState(initialState(next));
          }}
          allowDeselect={false}
          w={{ base: '100%', xs: 190 }}
        />
        <Select
          label={t('exitPlan.handover.state')}
          data={statesFor(kind).map((s) => ({ value: s, label: t(`exitPlan.handoverState.${s}`) }))}
          value={state}
          onChange={(v) => v && setState(v as HandoverState)}
          allowDeselect={false}
          w={{ base: '100%', xs: 170 }}
        />
      </Group>
      <TextInput
        label={t('exitPlan.handover.label')}
        description={t('exitPlan.handover.labelHint')}
        value={label}
        onChange={(e) => setLabel(e.currentTarget.value)}
        error={labelError}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <TextInput label={t('exitPlan.handover.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={noteError} />
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => void submit()} loading={busy}>
          {t('exitPlan.handover.add')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The inventory's lines; the state can be changed in place and a line removed. */
export function HandoverList({
  lines,
  onState,
  onRemove,
}: {
  lines: HandoverLine[];
  onState: (index: number, state: HandoverState) => void;
  onRemove: (index: number) => void;
}) {
  const { t } = useTranslation();
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('exitPlan.handover.empty')}
      </Text>
    );

  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('exitPlan.handover.title')}>
      {lines.map((line, i) => {
        const finished = line.state === 'sent' || line.state === 'transferred' || line.state === 'revoked' || line.state === 'kept';

        return (
          <Group key={line.id ?? `new-${i}`} component="li" gap="xs" wrap="wrap" justify="space-between" data-testid="handover-line">
            <Stack gap={0} style={{ flex: '1 1 200px', minWidth: 0 }}>
              <Group gap={6} wrap="wrap">
                <Badge variant="light" color="gray" size="sm">
                  {t(`exitPlan.handoverKind.${line.kind}`)}
                </Badge>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {line.label}
                </Text>
              </Group>
              {line.note && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {line.note}
                </Text>
              )}
            </Stack>
            <Group gap={4} wrap="nowrap">
              <Select
                size="xs"
                aria-label={t('exitPlan.handover.stateOf', { label: line.label })}
                data={statesFor(line.kind).map((s) => ({ value: s, label: t(`exitPlan.handoverState.${s}`) }))}
                value={line.state}
                onChange={(v) => v && onState(i, v as HandoverState)}
                allowDeselect={false}
                w={150}
                styles={{ input: { color: finished ? 'var(--mantine-color-teal-8)' : undefined } }}
              />
              <Tooltip label={t('exitPlan.handover.remove')} openDelay={400}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('exitPlan.handover.removeOf', { label: line.label })}
                  onClick={() => onRemove(i)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
        );
      })}
    </Stack>
  );
}
