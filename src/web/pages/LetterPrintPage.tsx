/**
 * A letter draft (the call script above all: it is read from paper during the call, X2) as a clean
 * printable page: a sheet over the app on screen with only "back" and "print", and on paper the
 * subject and the text alone (styles.css, @media print). `?version=N` prints an earlier version.
 */
import { Anchor, Button, Group, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { isApiError } from '../api/client.js';
import { letterKeys, lettersApi } from '../api/letters.js';
import { LoadError, PageLoader } from '../components/status.js';
import { useWorkspace } from '../components/workspace.js';

export function LetterPrintPage({ clientId, draftId }: { clientId: string; draftId: string }) {
  const { t } = useTranslation();
  const { workspaceId } = useWorkspace();
  const search = useSearch();
  const asked = Number(new URLSearchParams(search).get('version'));
  const draft = useQuery({
    queryKey: letterKeys.draft(workspaceId, clientId, draftId),
    queryFn: () => lettersApi.get(workspaceId, clientId, draftId),
  });
  const version = draft.data?.versions.find((v) => v.number === asked) ?? draft.data?.versions.at(-1);
  useDocumentTitle(version ? `${version.subject} · RedCard` : 'RedCard');

  let content: React.ReactNode;
  if (draft.isPending) content = <PageLoader />;
  else if (draft.error)
    content =
      isApiError(draft.error) && draft.error.status === 404 ? (
        <Text>{t('letters.print.notFound')}</Text>
      ) : (
        <LoadError error={draft.error} />
      );
  else if (version && draft.data)
    content = (
      <article lang={draft.data.lang}>
        <Title order={1} size="h3" mb="lg">
          {version.subject}
        </Title>
        {version.body.split(/\n{2,}/).map((paragraph, i) => (
          // Paragraphs of a saved text have no identity of their own; their order is fixed.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <p key={i} className="rc-prewrap" style={{ margin: '0 0 0.9em' }}>
            {paragraph}
          </p>
        ))}
      </article>
    );

  return createPortal(
    <div className="rc-print-sheet">
      <div className="rc-print-page">
        <Group justify="space-between" mb="xl" className="rc-no-print" wrap="wrap">
          <Anchor component={Link} href={`/clients/${clientId}`} size="sm">
            <Group gap={4}>
              <IconArrowLeft size={14} aria-hidden />
              {t('letters.print.back')}
            </Group>
          </Anchor>
          <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()} disabled={!version}>
            {t('letters.print.print')}
          </Button>
        </Group>
        {content}
      </div>
    </div>,
    document.body,
  );
}
