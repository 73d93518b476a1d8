/**
 * The review queue: red flags the detector suggested in imported messages, waiting for the user
 * to confirm (they become incidents with the message as evidence) or dismiss (this one, or the
 * whole pattern for that client). Keyboard: j/k move, c confirm, d dismiss, Esc cancels.
 */
import { Anchor, Button, Grid, Group, Kbd, Paper, Select, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconChecks, IconFileImport } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'wouter';
import { api, keys } from '../api/client.js';
import { importKeys, suggestionsApi } from '../api/imports.js';
import { LoadError, PageLoader } from '../components/status.js';
import { type DecisionMode, SuggestionCard, SuppressionsPanel } from '../components/suggestions.js';
import { useWorkspace } from '../components/workspace.js';

/** How many cards are rendered at first; a long queue grows by this much on request. */
const PAGE_SIZE = 30;

/** Keys typed into a field belong to the field, not to the queue's shortcuts. */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;

    return type !== 'radio' && type !== 'checkbox' && type !== 'button';
  }

  return false;
}

export function ReviewPage() {
  const { t } = useTranslation();
  const { workspaceId } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const clientId = params.get('client') || null;
  const clients = useQuery({ queryKey: keys.clientList(workspaceId, '', ''), queryFn: () => api.clients.list(workspaceId) });
  const query = useQuery({
    queryKey: importKeys.suggestions(workspaceId, clientId),
    queryFn: () => suggestionsApi.list(workspaceId, { clientId: clientId ?? undefined }),
  });
  const items = query.data?.items ?? [];
  const [activeId, setActiveId] = useState<string | null>(null);
  const [modes, setModes] = useState<Record<string, DecisionMode>>({});
  const [shown, setShown] = useState(PAGE_SIZE);
  const cardRefs = useRef(new Map<string, HTMLDivElement>());
  const clientName = clients.data?.find((c) => c.id === clientId)?.name;
  useDocumentTitle(`${t('review.title')} · RedCard`);

  // When the active suggestion leaves the queue (decided), the next one takes its place.
  const lastIndex = useRef(0);
  const activeIndex = items.findIndex((s) => s.id === activeId);
  if (activeIndex >= 0) lastIndex.current = activeIndex;
  // Nothing is active until the user picks a card (j then starts at the first one).
  const effectiveIndex = activeId === null ? -1 : activeIndex >= 0 ? activeIndex : Math.min(lastIndex.current, items.length - 1);
  const active = effectiveIndex >= 0 ? items[effectiveIndex] : undefined;

  const setMode = useCallback((id: string, mode: DecisionMode) => setModes((m) => ({ ...m, [id]: mode })), []);

  const moveTo = useCallback(
    (index: number) => {
      const target = items[Math.max(0, Math.min(items.length - 1, index))];
      if (!target) return;
      setActiveId(target.id);
      if (index >= shown) setShown((n) => n + PAGE_SIZE);
      // After React has rendered the newly shown card.
      requestAnimationFrame(() => {
        const el = cardRefs.current.get(target.id);
        el?.focus({ preventScroll: true });
        el?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      });
    },
    [items, shown],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || typingInField(event.target)) return;
      // A dialog or menu elsewhere on the page keeps its own keys.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      switch (event.key) {
        case 'j':
          event.preventDefault();
          moveTo(effectiveIndex + 1);
          break;
        case 'k':
          event.preventDefault();
          moveTo(Math.max(0, effectiveIndex - 1));
          break;
        case 'c':
          if (!active) return;
          event.preventDefault();
          setActiveId(active.id);
          setMode(active.id, 'confirm');
          break;
        case 'd':
          if (!active) return;
          event.preventDefault();
          setActiveId(active.id);
          setMode(active.id, 'dismiss');
          break;
        case 'Escape':
          if (active && (modes[active.id] ?? 'idle') !== 'idle') {
            setMode(active.id, 'idle');
            cardRefs.current.get(active.id)?.focus({ preventScroll: true });
          }
          break;
      }
    }
    window.addEventListener('keydown', onKey);

    return () => window.removeEventListener('keydown', onKey);
  }, [active, effectiveIndex, modes, moveTo, setMode]);

  const clientOptions = (clients.data ?? []).map((c) => ({ value: c.id, label: c.name }));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1} size="h2">
            {t('review.title')}
          </Title>
          <Text size="sm" c="dimmed" aria-live="polite">
            {query.data ? t('review.openCount', { count: items.length }) : ' '}
          </Text>
        </div>
        <Select
          label={t('review.clientFilter')}
          placeholder={t('review.allClients')}
          data={clientOptions}
          value={clientId}
          onChange={(v) => {
            setActiveId(null);
            setShown(PAGE_SIZE);
            setParams(v ? { client: v } : {});
          }}
          searchable
          clearable
          nothingFoundMessage={t('review.noClientFound')}
          w={{ base: '100%', xs: 300 }}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: clientId ? 8 : 12 }}>
          {query.isPending ? (
            <PageLoader />
          ) : query.error ? (
            <LoadError error={query.error} onRetry={() => void query.refetch()} />
          ) : items.length === 0 ? (
            <Paper withBorder p="xl" radius="md">
              <Stack align="center" gap="sm" ta="center">
                <ThemeIcon size={44} radius="xl" variant="light" color="teal" aria-hidden>
                  <IconChecks size={24} />
                </ThemeIcon>
                <Title order={2} size="h4">
                  {t('review.emptyTitle')}
                </Title>
                <Text size="sm" c="dimmed" maw={460}>
                  {clientName ? t('review.emptyClient', { client: clientName }) : t('review.emptyBody')}
                </Text>
                <Group gap="sm" justify="center">
                  <Button
                    component={Link}
                    href={clientId ? `/import?client=${encodeURIComponent(clientId)}` : '/import'}
                    variant="default"
                    leftSection={<IconFileImport size={16} aria-hidden />}
                  >
                    {t('review.importMore')}
                  </Button>
                  {clientId && (
                    <Button component={Link} href={`/clients/${clientId}`} variant="subtle">
                      {t('review.openClient', { client: clientName ?? '' })}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Paper>
          ) : (
            <Stack gap="sm">
              <Text size="xs" c="dimmed" visibleFrom="sm">
                <Kbd size="xs">j</Kbd> / <Kbd size="xs">k</Kbd> {t('review.keysMove')} · <Kbd size="xs">c</Kbd> {t('review.keysConfirm')} ·{' '}
                <Kbd size="xs">d</Kbd> {t('review.keysDismiss')} · <Kbd size="xs">Esc</Kbd> {t('review.keysCancel')}
              </Text>
              <Stack gap="sm" aria-label={t('review.listLabel')} role="feed" aria-busy={query.isFetching}>
                {items.slice(0, shown).map((s, index) => (
                  <SuggestionCard
                    key={s.id}
                    ref={(el) => {
                      if (el) cardRefs.current.set(s.id, el);
                      else cardRefs.current.delete(s.id);
                    }}
                    suggestion={s}
                    workspaceId={workspaceId}
                    active={s.id === active?.id}
                    mode={modes[s.id] ?? 'idle'}
                    onModeChange={(mode) => {
                      setActiveId(s.id);
                      setMode(s.id, mode);
                    }}
                    onFocusCard={() => setActiveId(s.id)}
                    showClient={!clientId}
                    position={index + 1}
                  />
                ))}
              </Stack>
              {items.length > shown && (
                <Button variant="default" onClick={() => setShown((n) => n + PAGE_SIZE)} style={{ alignSelf: 'center' }}>
                  {t('review.showMore', { count: Math.min(PAGE_SIZE, items.length - shown) })}
                </Button>
              )}
            </Stack>
          )}
        </Grid.Col>
        {clientId && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              <SuppressionsPanel workspaceId={workspaceId} clientId={clientId} />
              <Anchor component={Link} href={`/clients/${clientId}`} size="sm">
                {t('review.openClient', { client: clientName ?? '' })}
              </Anchor>
            </Stack>
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
