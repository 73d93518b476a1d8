/** A member's home page: only the clients assigned to them (the API lists no others). */
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { keys } from '../../api/client.js';
import { teamApi } from '../../api/team.js';
import { LoadError, PageLoader } from '../../components/status.js';
import { useWorkspace } from '../../components/workspace.js';

export function MyClientsPage() {
  const { t } = useTranslation();
  const { workspaceId } = useWorkspace();
  const clients = useQuery({ queryKey: keys.clients(workspaceId), queryFn: () => teamApi.myClients(workspaceId) });

  if (clients.error) return <LoadError error={clients.error} onRetry={() => void clients.refetch()} />;
  if (!clients.data) return <PageLoader />;

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('team.myClientsTitle')}</Title>
        <Text c="dimmed">{clients.data.length === 0 ? t('team.myClientsEmpty') : t('team.myClientsIntro')}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {clients.data.map((c) => (
          <Card key={c.id} withBorder component={Link} href={`/clients/${c.id}`} data-testid="my-client">
            <Text fw={600}>{c.name}</Text>
            <Text size="sm" c="dimmed">
              {t(`status.${c.status}`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
