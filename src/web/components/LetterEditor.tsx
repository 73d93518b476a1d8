/**
 * The letter editor (issue 6): the subject and the text on the left, the tone checker's findings
 * beside them (run in the browser on every pause in typing, each with its code, the span quoted
 * and highlighted in the text, and how to fix it), the word count against the limit, Save (every
 * save is a new version), the history with view and restore, and the exports. Closing or leaving
 * with unsaved changes asks first.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Divider,
  Grid,
  Group,
  Input,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { IconDeviceFloppy, IconFileTypeDocx, IconFileTypePdf, IconMail, IconPrinter, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeneratedLetter, LetterDraft, LetterDraftVersion, LetterFileFormat, ToneContext } from '../../contracts/letters.js';
import { LETTER_SUBJECT_MAX } from '../../contracts/letters.js';
import type { LetterKind } from '../../core/letters/drafts-types.js';
import type { Language } from '../../core/vocabulary.js';
import { letterKeys, lettersApi } from '../api/letters.js';
import { formatInstant } from '../lib/format.js';
import { describeError, notifySuccess } from '../lib/notify.js';
import { highlightPieces, type ShownFinding, toneView } from '../lib/tone-findings.js';
import { languageName } from './labels.js';

/** What the editor opens: a generated letter not saved yet, or a saved draft. */
export type EditorTarget = { kind: 'new'; letter: GeneratedLetter } | { kind: 'saved'; draftId: string };

/** Anger and blame are what most needs removing; the rest is missing or misplaced. */
const STRONG = new Set(['emotional', 'blame', 'referral_to_abuser']);
const DEBOUNCE_MS = 250;

interface Text2 {
  subject: string;
  body: string;
}

export function LetterEditor({
  workspaceId,
  clientId,
  target,
  onClose,
}: {
  workspaceId: string;
  clientId: string;
  target: EditorTarget;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [draftId, setDraftId] = useState<string | null>(target.kind === 'saved' ? target.draftId : null);
  const initial = target.kind === 'new' ? { subject: target.letter.subject, body: target.letter.body } : null;
  const [text, setText] = useState<Text2 | null>(initial);
  // What was last saved (or generated): the editor is "dirty" when the text differs, or was never saved.
  const [baseline, setBaseline] = useState<Text2 | null>(initial);
  const [confirm, setConfirm] = useState<{ title: string; text: string; label: string; action: () => void } | null>(null);
  const [viewing, setViewing] = useState<LetterDraftVersion | null>(null);
  const [error, setError] = useState<unknown>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);

  const draft = useQuery({
    queryKey: letterKeys.draft(workspaceId, clientId, draftId ?? ''),
    queryFn: () => lettersApi.get(workspaceId, clientId, draftId as string),
    enabled: draftId !== null,
  });

  const showLatest = (d: LetterDraft) => {
    const latest = d.versions.at(-1);
    if (!latest) return;
    const next = { subject: latest.subject, body: latest.body };
    setText(next);
    setBaseline(next);
  };
  // A saved draft opens on its latest version, once it has loaded.
  useEffect(() => {
    if (text === null && draft.data) showLatest(draft.data);
  });

  const kind: LetterKind = target.kind === 'new' ? target.letter.kind : (draft.data?.kind ?? 'termination');
  const lang: Language = target.kind === 'new' ? target.letter.lang : (draft.data?.lang ?? 'en');
  const context: ToneContext | undefined = target.kind === 'new' ? target.letter.tone_context : draft.data?.tone_context;
  const dirty = text !== null && (draftId === null || text.subject !== baseline?.subject || text.body !== baseline?.body);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);

    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const [debouncedBody] = useDebouncedValue(text?.body ?? '', DEBOUNCE_MS);
  const view = useMemo(() => toneView(debouncedBody, { lang, kind, context }), [debouncedBody, lang, kind, context]);
  // Highlights follow the text as typed only while it matches what was checked, so they never point at the wrong words.
  const pieces = useMemo(
    () => highlightPieces(text?.body ?? '', text?.body === debouncedBody ? view.findings : []),
    [text?.body, debouncedBody, view.findings],
  );

  const afterWrite = (d: LetterDraft) => {
    queryClient.setQueryData(letterKeys.draft(workspaceId, clientId, d.id), d);
    void queryClient.invalidateQueries({ queryKey: letterKeys.list(workspaceId, clientId) });
    setDraftId(d.id);
    showLatest(d);
    setError(null);
  };

  const save = useMutation({
    mutationFn: async (value: Text2) =>
      draftId === null
        ? lettersApi.create(workspaceId, clientId, {
            kind,
            lang,
            subject: value.subject,
            body: value.body,
            options: target.kind === 'new' ? target.letter.options : null,
          })
        : lettersApi.save(workspaceId, clientId, draftId, value),
    onSuccess: (d) => {
      afterWrite(d);
      notifySuccess(t('letters.editor.savedAs', { n: d.latest_version }));
    },
    onError: setError,
  });

  const restore = useMutation({
    mutationFn: (number: number) => lettersApi.restore(workspaceId, clientId, draftId as string, number),
    onSuccess: (d, number) => {
      afterWrite(d);
      setViewing(null);
      notifySuccess(t('letters.history.restoredAs', { n: number, m: d.latest_version }));
    },
    onError: setError,
  });

  const remove = useMutation({
    mutationFn: () => lettersApi.remove(workspaceId, clientId, draftId as string),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: letterKeys.list(workspaceId, clientId) });
      notifySuccess(t('letters.editor.deleted'));
      onClose();
    },
    onError: setError,
  });

  /** Runs `action` now, or after the user agrees to lose the unsaved changes. */
  const unlessDirty = (action: () => void) => {
    if (!dirty) return action();
    setConfirm({
      title: t('letters.editor.discardTitle'),
      text: t('letters.editor.discardText'),
      label: t('letters.editor.discard'),
      action,
    });
  };

  const select = (f: ShownFinding) => {
    const area = bodyRef.current;
    if (!area) return;
    area.focus();
    area.setSelectionRange(f.start, f.end);
    // The textarea grows with its text, so the page (not the textarea) scrolls: bring the highlight into view.
    const marks = backdropRef.current?.querySelectorAll<HTMLElement>('mark[data-start]') ?? [];
    const mark = [...marks].find((m) => Number(m.dataset.start) <= f.start && f.start < Number(m.dataset.end));
    mark?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const title = t(`letters.kindName.${kind}`);
  const latest = draft.data?.latest_version ?? null;

  return (
    <Modal
      opened
      onClose={() => unlessDirty(onClose)}
      fullScreen={phone}
      size={1180}
      title={
        <Group gap="xs" wrap="wrap">
          {/* Mantine renders the modal title as the dialog's heading already. */}
          <Text component="span" fw={650} size="lg">
            {draftId === null ? t('letters.editor.titleNew', { kind: title }) : title}
          </Text>
          <Badge variant="light" color="gray">
            {languageName(lang, i18n.language)}
          </Badge>
          {latest !== null && <Badge variant="outline">{t('letters.version', { n: latest })}</Badge>}
        </Group>
      }
      closeButtonProps={{ 'aria-label': t('letters.editor.close') }}
    >
      {text === null ? (
        draft.error ? (
          <Alert color="red" title={describeError(draft.error).title}>
            {describeError(draft.error).message}
          </Alert>
        ) : (
          <Text c="dimmed">{t('app.loading')}</Text>
        )
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="sm">
              <TextInput
                label={t('letters.editor.subject')}
                value={text.subject}
                maxLength={LETTER_SUBJECT_MAX}
                onChange={(e) => setText({ ...text, subject: e.currentTarget.value })}
              />
              <HighlightedBody
                label={t('letters.editor.body')}
                value={text.body}
                onChange={(body) => setText({ ...text, body })}
                pieces={pieces}
                textareaRef={bodyRef}
                backdropRef={backdropRef}
              />
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Group gap="xs">
                  <Text size="sm" c={view.limit !== null && view.words > view.limit ? 'red' : 'dimmed'} data-testid="letter-words">
                    {view.limit === null
                      ? t('letters.editor.wordsNoLimit', { words: view.words })
                      : t('letters.editor.words', { words: view.words, limit: view.limit })}
                  </Text>
                  {/* On a phone the list sits below the text: the count stays in sight and leads to it. */}
                  <Badge
                    component="button"
                    type="button"
                    variant="light"
                    color={view.findings.length === 0 ? 'teal' : 'yellow'}
                    style={{ cursor: 'pointer' }}
                    onClick={() => document.getElementById('letter-findings')?.scrollIntoView({ block: 'start', behavior: 'smooth' })}
                  >
                    {view.findings.length === 0 ? t('letters.clean') : t('letters.findingsCount', { count: view.findings.length })}
                  </Badge>
                </Group>
                <Group gap="sm" wrap="wrap">
                  <Text size="sm" c={dirty ? 'orange' : 'dimmed'} role="status">
                    {dirty ? t('letters.editor.unsaved') : t('letters.editor.upToDate')}
                  </Text>
                  <Button
                    leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                    onClick={() => save.mutate(text)}
                    loading={save.isPending}
                    disabled={!dirty}
                  >
                    {draftId === null ? t('letters.editor.saveNew') : t('letters.editor.save')}
                  </Button>
                </Group>
              </Group>
              {error !== null && (
                <Alert color="red" title={describeError(error).title} withCloseButton onClose={() => setError(null)}>
                  {describeError(error).message}
                </Alert>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md">
              <Findings findings={view.findings} onShow={select} />
              <Divider />
              <Exports workspaceId={workspaceId} clientId={clientId} draftId={draftId} kind={kind} dirty={dirty} />
              {draft.data && (
                <>
                  <Divider />
                  <History
                    draft={draft.data}
                    onView={setViewing}
                    onRestore={(n) => unlessDirty(() => restore.mutate(n))}
                    restoring={restore.isPending}
                  />
                  <Group justify="flex-end">
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      leftSection={<IconTrash size={14} aria-hidden />}
                      onClick={() =>
                        setConfirm({
                          title: t('letters.editor.deleteDraft'),
                          text: t('letters.editor.deleteQuestion'),
                          label: t('letters.editor.deleteDraft'),
                          action: () => remove.mutate(),
                        })
                      }
                    >
                      {t('letters.editor.deleteDraft')}
                    </Button>
                  </Group>
                </>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      )}

      <Modal
        opened={viewing !== null}
        onClose={() => setViewing(null)}
        zIndex={320}
        size="lg"
        title={
          viewing ? t('letters.history.versionTitle', { n: viewing.number, date: formatInstant(viewing.created_at, i18n.language) }) : ''
        }
      >
        {viewing && (
          <Stack gap="sm">
            <Text fw={600}>{viewing.subject}</Text>
            <Text size="sm" className="rc-prewrap">
              {viewing.body}
            </Text>
            {viewing.number !== latest && (
              <Group justify="flex-end">
                <Button onClick={() => unlessDirty(() => restore.mutate(viewing.number))} loading={restore.isPending}>
                  {t('letters.history.restore')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Modal>

      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} zIndex={340} title={confirm?.title ?? ''}>
        <Stack gap="md">
          <Text size="sm">{confirm?.text}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('letters.editor.keepEditing')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                const action = confirm?.action;
                setConfirm(null);
                action?.();
              }}
            >
              {confirm?.label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Modal>
  );
}

const COPIED_STYLES = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textIndent',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
] as const;

/**
 * A textarea with the findings' spans highlighted behind its text: a backdrop with the same text,
 * font and padding (copied from the textarea as rendered) lays out the same lines, and its marks
 * show through the transparent textarea. The textarea grows with its text, so neither scrolls.
 */
function HighlightedBody({
  label,
  value,
  onChange,
  pieces,
  textareaRef,
  backdropRef,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  pieces: ReturnType<typeof highlightPieces>;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  backdropRef: RefObject<HTMLDivElement | null>;
}) {
  useLayoutEffect(() => {
    const area = textareaRef.current;
    const backdrop = backdropRef.current;
    if (!area || !backdrop) return;
    const style = getComputedStyle(area);
    for (const key of COPIED_STYLES) backdrop.style[key] = style[key];
  });
  let at = 0;

  return (
    <Input.Wrapper label={label} id="letter-body-wrapper" labelProps={{ htmlFor: 'letter-body' }}>
      <div className="rc-letter-field">
        <div ref={backdropRef} className="rc-letter-backdrop" aria-hidden>
          {pieces.map((p) => {
            const start = at;
            at += p.text.length;

            return p.code ? (
              <mark
                key={start}
                data-start={start}
                data-end={at}
                data-code={p.code}
                className={STRONG.has(p.code) ? 'rc-mark rc-mark-strong' : 'rc-mark rc-mark-soft'}
              >
                {p.text}
              </mark>
            ) : (
              <span key={start}>{p.text}</span>
            );
          })}
          {/* A final line break collapses in a div but not in a textarea: keep the last line. */}
          {'\u200b'}
        </div>
        <Textarea
          ref={textareaRef}
          id="letter-body"
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={12}
          spellCheck
          classNames={{ input: 'rc-letter-input' }}
        />
      </div>
    </Input.Wrapper>
  );
}

function Findings({ findings, onShow }: { findings: readonly ShownFinding[]; onShow: (f: ShownFinding) => void }) {
  const { t } = useTranslation();

  return (
    <section aria-labelledby="letter-findings">
      <Group gap="xs" mb="xs">
        <Title order={3} size="h6" id="letter-findings">
          {t('letters.editor.findings')}
        </Title>
        <Badge color={findings.length === 0 ? 'teal' : 'yellow'} variant="light" aria-live="polite">
          {findings.length === 0 ? t('letters.clean') : t('letters.findingsCount', { count: findings.length })}
        </Badge>
      </Group>
      {findings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('letters.editor.noFindings')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" className="rc-plain-list" data-testid="letter-findings">
          {findings.map((f) => (
            <Paper key={`${f.code}-${f.start}-${f.end}`} component="li" withBorder p="xs" radius="sm" data-code={f.code}>
              <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
                <Badge color={STRONG.has(f.code) ? 'red' : 'yellow'} variant="light">
                  {t(`letters.code.${f.code}`)}
                </Badge>
                {f.quote !== null && (
                  <Anchor component="button" type="button" size="xs" onClick={() => onShow(f)}>
                    {t('letters.editor.show')}
                  </Anchor>
                )}
              </Group>
              {f.quote !== null ? (
                <Text size="sm" fs="italic" style={{ overflowWrap: 'anywhere' }}>
                  “{f.quote}”
                </Text>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('letters.editor.wholeLetter')}
                </Text>
              )}
              <Text size="sm" mt={4}>
                {t(`letters.fix.${f.fixKey}`)}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}

const EXPORT_ICONS: Record<LetterFileFormat, typeof IconFileTypePdf> = { pdf: IconFileTypePdf, docx: IconFileTypeDocx, eml: IconMail };

function Exports(props: { workspaceId: string; clientId: string; draftId: string | null; kind: LetterKind; dirty: boolean }) {
  const { t } = useTranslation();
  const { draftId } = props;

  return (
    <section aria-labelledby="letter-exports">
      <Title order={3} size="h6" id="letter-exports" mb="xs">
        {t('letters.exports.title')}
      </Title>
      {draftId === null ? (
        <Text size="sm" c="dimmed">
          {t('letters.exports.saveFirst')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Group gap="xs" wrap="wrap">
            {(['pdf', 'docx', 'eml'] as const).map((format) => {
              const Icon = EXPORT_ICONS[format];

              return (
                <Button
                  key={format}
                  component="a"
                  href={lettersApi.fileUrl(props.workspaceId, props.clientId, draftId, format)}
                  download
                  variant="default"
                  size="xs"
                  leftSection={<Icon size={14} aria-hidden />}
                >
                  {t(`letters.exports.${format}`)}
                </Button>
              );
            })}
            {props.kind === 'call_script' && (
              <Button
                component="a"
                href={`/clients/${props.clientId}/letters/${draftId}/print`}
                target="_blank"
                rel="noopener"
                variant="light"
                size="xs"
                leftSection={<IconPrinter size={14} aria-hidden />}
              >
                {t('letters.exports.print')}
              </Button>
            )}
          </Group>
          {props.dirty && (
            <Text size="xs" c="dimmed">
              {t('letters.exports.lastSaved')}
            </Text>
          )}
        </Stack>
      )}
    </section>
  );
}

function History(props: {
  draft: LetterDraft;
  onView: (v: LetterDraftVersion) => void;
  onRestore: (n: number) => void;
  restoring: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { draft } = props;

  return (
    <section aria-labelledby="letter-history">
      <Title order={3} size="h6" id="letter-history" mb="xs">
        {t('letters.history.title')}
      </Title>
      <Stack gap={6} component="ol" className="rc-plain-list" data-testid="letter-history">
        {draft.versions
          .slice()
          .reverse()
          .map((v) => (
            <Group key={v.number} component="li" justify="space-between" gap="xs" wrap="nowrap" data-version={v.number}>
              <div style={{ minWidth: 0 }}>
                <Group gap={6}>
                  <Text size="sm" fw={600}>
                    {t('letters.version', { n: v.number })}
                  </Text>
                  {v.number === draft.latest_version && (
                    <Badge size="xs" variant="light">
                      {t('letters.history.current')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {[
                    formatInstant(v.created_at, i18n.language),
                    v.origin === 'restored' ? t('letters.history.restored', { n: v.restored_from }) : t(`letters.history.${v.origin}`),
                    v.violations.length === 0 ? t('letters.clean') : t('letters.findingsCount', { count: v.violations.length }),
                  ].join(' · ')}
                </Text>
              </div>
              <Group gap={4} wrap="nowrap">
                <Button size="compact-xs" variant="subtle" onClick={() => props.onView(v)}>
                  {t('letters.history.view')}
                </Button>
                {v.number !== draft.latest_version && (
                  <Button size="compact-xs" variant="light" onClick={() => props.onRestore(v.number)} disabled={props.restoring}>
                    {t('letters.history.restore')}
                  </Button>
                )}
              </Group>
            </Group>
          ))}
      </Stack>
    </section>
  );
}
