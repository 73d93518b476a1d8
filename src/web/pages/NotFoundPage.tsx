import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

export function NotFoundPage() {
  const { t } = useTranslation();

  return (
    <Stack align="flex-start" gap="sm" py="xl">
      <Title order={1}>{t('app.notFoundTitle')}</Title>
      <Text c="dimmed">{t('app.notFoundBody')}</Text>
      <Button component={Link} href="/" variant="default">
        {t('app.backToClients')}
      </Button>
    </Stack>
  );
}
