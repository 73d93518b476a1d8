/**
 * The page a prospect opens from the link (/p/:token): only the questions, in the prospect's
 * language, with nothing of the workspace around them (no header, no navigation, no names).
 * The answers are sent once.
 */
import { Alert, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { screeningApi, screeningKeys } from '../api/screening.js';
import { QuestionCards } from '../components/screening.js';
import { PageLoader } from '../components/status.js';
import { showLanguage } from '../i18n/index.js';
import { describeError } from '../lib/notify.js';

export function PublicProspectPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: screeningKeys.publicForm(token), queryFn: () => screeningApi.publicForm(token), retry: false });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; message: string } | null>(null);
  useDocumentTitle(t('publicForm.title'));

  // The prospect's language for this page only: the user's own choice stays stored as it was.
  const lang = query.data?.language;
  useEffect(() => {
    // Should the language's texts not arrive, the form stays readable in the current language.
    if (lang && i18next.language !== lang) showLanguage(lang).catch(() => undefined);
  }, [lang]);

  const submit = async () => {
    if (Object.keys(answers).length === 0) {
      setProblem({ title: t('publicForm.answerAll'), message: '' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await screeningApi.submitPublicForm(token, answers);
      setSent(true);
    } catch (error) {
      setProblem(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size="sm" py="lg" px="md">
      <main>
        {query.isPending ? (
          <PageLoader />
        ) : query.error ? (
          <Alert color="gray" variant="light" title={t('publicForm.unavailable')} role="alert">
            {describeError(query.error).title}
          </Alert>
        ) : sent ? (
          <Paper withBorder p="lg" radius="md">
            <Stack align="center" gap="sm">
              <IconCircleCheck size={40} color="var(--mantine-color-teal-6)" aria-hidden />
              <Title order={1} size="h3" ta="center">
                {t('publicForm.thanks')}
              </Title>
            </Stack>
          </Paper>
        ) : (
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                {t('publicForm.title')}
              </Title>
              <Text c="dimmed">{t('publicForm.intro')}</Text>
            </div>
            <QuestionCards questions={query.data.questions} answers={answers} onChange={(q, o) => setAnswers((a) => ({ ...a, [q]: o }))} />
            {problem && (
              <Alert color="red" variant="light" title={problem.title} role="alert">
                {problem.message}
              </Alert>
            )}
            <Button size="lg" fullWidth onClick={() => void submit()} loading={busy}>
              {t('publicForm.submit')}
            </Button>
          </Stack>
        )}
      </main>
    </Container>
  );
}
