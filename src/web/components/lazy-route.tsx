/**
 * Pages arrive as their own chunks (route-level code splitting), so the frame around them needs
 * a calm wait while a chunk loads and a way out when it cannot load (an open tab after a redeploy
 * asks for chunks that no longer exist).
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { Component, type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { isChunkLoadError } from '../lib/chunk-error.js';
import { PageLoader } from './status.js';

/** React.lazy for modules that export their page by name (as every page here does). */
// biome-ignore lint/suspicious/noExplicitAny: React.lazy itself is typed over ComponentType<any>.
export function lazyNamed<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

/**
 * The loader every page already shows while its data loads, faded in only after a moment
 * (see .rc-route-loading): a chunk that arrives quickly shows nothing, and one that does not
 * shows the same loader in the same place, so nothing jumps.
 */
function RouteLoading() {
  return (
    <div className="rc-route-loading">
      <PageLoader />
    </div>
  );
}

function PageFailure({ chunk }: { chunk: boolean }) {
  const { t } = useTranslation();

  return (
    <Alert
      color={chunk ? 'gray' : 'red'}
      variant="light"
      icon={<IconAlertCircle aria-hidden />}
      title={t(chunk ? 'app.chunkFailedTitle' : 'app.pageFailedTitle')}
      role="alert"
      m="md"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t(chunk ? 'app.chunkFailedBody' : 'app.pageFailedBody')}</Text>
        <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

interface BoundaryProps {
  /** The address shown: a new one clears a failure, so the navigation still leads somewhere. */
  resetKey: string;
  children: ReactNode;
}

// React itself logs what a boundary catches (with the component stack) for whoever reports it.
class PageErrorBoundary extends Component<BoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidUpdate(previous: BoundaryProps) {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) return <PageFailure chunk={isChunkLoadError(this.state.error)} />;

    return this.props.children;
  }
}

/** Where a lazily loaded page is drawn: its wait, and its failure, stay inside the frame. */
export function PageSlot({ children }: { children: ReactNode }) {
  const [location] = useLocation();

  return (
    <PageErrorBoundary resetKey={location}>
      <Suspense fallback={<RouteLoading />}>{children}</Suspense>
    </PageErrorBoundary>
  );
}
