/**
 * The letters of a client (issue 6): write a new one from the recorded facts (kind, language,
 * the honest reason framing, exit path and channel, as far as the generator offers them), and the
 * saved drafts with their latest version. Both open the letter editor.
 */
import { Alert, Badge, Button, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LETTER_PATHS } from '../../contracts/letters.js';
import type { Channel, LetterKind, LetterPath, ReasonKey } from '../../core/letters/drafts-types.js';
import { LANGUAGES, type Language } from '../../core/vocabulary.js';
import { letterKeys, lettersApi } from '../api/letters.js';
import { formatInstant } from '../lib/format.js';
import { describeError } from '../lib/notify.js';
import { type EditorTarget, LetterEditor } from './LetterEditor.js';
import { languageName } from './labels.js';
import { Panel } from './panels.js';

const WITH_REASON: readonly LetterKind[] = ['termination', 'call_script'];

export function LettersPanel({
  workspaceId,
  clientId,
  clientLanguage,
}: {
  workspaceId: string;
  clientId: string;
  clientLanguage: Language;
}) {
  const { t, i18n } = useTranslation();
  const choices = useQuery({
    queryKey: letterKeys.choices(workspaceId, clientId),
    queryFn: () => lettersApi.choices(workspaceId, clientId),
  });
  const list = useQuery({ queryKey: letterKeys.list(workspaceId, clientId), queryFn: () => lettersApi.list(workspaceId, clientId) });
  const [kind, setKind] = useState<LetterKind | null>(null);
  const [lang, setLang] = useState<Language>(clientLanguage);
  const [reason, setReason] = useState<ReasonKey | null>(null);
  const [path, setPath] = useState<LetterPath | null>(null);
  const [channel, setChannel] = useState<Channel>('email');
  const [editor, setEditor] = useState<EditorTarget | null>(null);

  const kinds = choices.data?.kinds ?? [];
  const chosen = kind ?? choices.data?.suggested_kind ?? kinds.find((k) => k.available)?.kind ?? null;
  const chosenInfo = kinds.find((k) => k.kind === chosen);
  const reasons = choices.data?.reasons ?? [];

  const generate = useMutation({
    mutationFn: () =>
      lettersApi.generate(workspaceId, clientId, {
        kind: chosen as LetterKind,
        lang,
        ...(WITH_REASON.includes(chosen as LetterKind) && reason ? { reason } : {}),
        ...(chosen !== 'warning' && path ? { path } : {}),
        channel,
      }),
    onSuccess: (letter) => setEditor({ kind: 'new', letter }),
  });

  return (
    <Panel id="letters-panel" title={t('letters.title')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('letters.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="sm">
          <Title order={3} size="h6">
            {t('letters.newTitle')}
          </Title>
          {choices.error ? (
            <Alert color="red" title={describeError(choices.error).title}>
              {describeError(choices.error).message}
            </Alert>
          ) : (
            <>
              <Select
                label={t('letters.kind')}
                value={chosen}
                onChange={(v) => v && setKind(v as LetterKind)}
                allowDeselect={false}
                data={kinds.map((k) => ({ value: k.kind, label: t(`letters.kindName.${k.kind}`), disabled: !k.available }))}
                disabled={choices.isPending}
              />
              {chosenInfo && !chosenInfo.available && (
                <Text size="xs" c="dimmed">
                  {t('letters.unavailable')}: {chosenInfo.problem}
                </Text>
              )}
              <Select
                label={t('letters.language')}
                value={lang}
                onChange={(v) => v && setLang(v as Language)}
                allowDeselect={false}
                data={LANGUAGES.map((l) => ({ value: l, label: languageName(l, i18n.language) }))}
              />
              {chosen !== null && WITH_REASON.includes(chosen) && reasons.length > 0 && (
                <Select
                  label={t('letters.reason')}
                  description={t('letters.reasonHint')}
                  value={reason ?? reasons[0] ?? null}
                  onChange={(v) => v && setReason(v as ReasonKey)}
                  allowDeselect={false}
                  data={reasons.map((r) => ({ value: r, label: t(`letters.reasonName.${r}`) }))}
                />
              )}
              {chosen !== null && chosen !== 'warning' && (
                <Select
                  label={t('letters.path')}
                  value={path ?? choices.data?.default_path ?? null}
                  onChange={(v) => v && setPath(v as LetterPath)}
                  allowDeselect={false}
                  data={LETTER_PATHS.map((p) => ({ value: p, label: t(`exitPath.${p}`) }))}
                />
              )}
              {chosen !== 'call_script' && (
                <Stack gap={4}>
                  <Input.Label id="letter-channel-label">{t('letters.channel')}</Input.Label>
                  <SegmentedControl
                    aria-labelledby="letter-channel-label"
                    value={channel}
                    onChange={(v) => setChannel(v as Channel)}
                    data={[
                      { value: 'email', label: t('letters.channelEmail') },
                      { value: 'letter', label: t('letters.channelLetter') },
                    ]}
                  />
                </Stack>
              )}
              {generate.error && (
                <Alert color="red" title={describeError(generate.error).title}>
                  {describeError(generate.error).message}
                </Alert>
              )}
              <Group>
                <Button
                  leftSection={<IconMailForward size={16} aria-hidden />}
                  onClick={() => generate.mutate()}
                  loading={generate.isPending}
                  disabled={!chosenInfo?.available}
                >
                  {t('letters.generate')}
                </Button>
              </Group>
            </>
          )}
        </Stack>

        <Stack gap="sm">
          <Title order={3} size="h6">
            {t('letters.savedTitle')}
          </Title>
          {list.error ? (
            <Alert color="red" title={describeError(list.error).title}>
              {describeError(list.error).message}
            </Alert>
          ) : (list.data ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">
              {list.isPending ? t('app.loading') : t('letters.none')}
            </Text>
          ) : (
            <Stack gap="xs" component="ul" className="rc-plain-list" data-testid="letter-drafts">
              {(list.data ?? []).map((d) => (
                <Group key={d.id} component="li" justify="space-between" gap="xs" wrap="nowrap">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
                      {d.subject}
                    </Text>
                    <Group gap={6} wrap="wrap">
                      <Text size="xs" c="dimmed">
                        {[
                          t(`letters.kindName.${d.kind}`),
                          languageName(d.lang, i18n.language),
                          t('letters.version', { n: d.latest_version }),
                          t('letters.updated', { date: formatInstant(d.updated_at, i18n.language) }),
                        ].join(' · ')}
                      </Text>
                      <Badge size="xs" variant="light" color={d.violations.length === 0 ? 'teal' : 'yellow'}>
                        {d.violations.length === 0 ? t('letters.clean') : t('letters.findingsCount', { count: d.violations.length })}
                      </Badge>
                    </Group>
                  </div>
                  <Button size="xs" variant="default" style={{ flexShrink: 0 }} onClick={() => setEditor({ kind: 'saved', draftId: d.id })}>
                    {t('letters.open')}
                  </Button>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      </SimpleGrid>

      {editor && (
        <LetterEditor
          key={editor.kind === 'saved' ? editor.draftId : 'new'}
          workspaceId={workspaceId}
          clientId={clientId}
          target={editor}
          onClose={() => setEditor(null)}
        />
      )}
    </Panel>
  );
}
