/** The frame of the pages shown before sign-in: the product name and one card in the middle. */
import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { LanguageSwitcher } from '../../components/Layout.js';

export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100dvh" p="md">
      <Stack w="100%" maw={420} gap="md">
        <Group justify="space-between">
          <Text fw={700} size="lg">
            RedCard
          </Text>
          <LanguageSwitcher compact />
        </Group>
        <Paper withBorder p="lg" radius="md" component="main">
          <Stack gap="md">
            <Title order={1} size="h3">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}
