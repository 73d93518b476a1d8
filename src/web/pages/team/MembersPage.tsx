/** The team page (owners manage; managers see who is there): members and roles, invitations. */
import { Alert, Badge, Button, Code, Group, MultiSelect, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../contracts/team.js';
import { api, keys } from '../../api/client.js';
import { teamApi, teamKeys } from '../../api/team.js';
import { LoadError, PageLoader } from '../../components/status.js';
import { useRole, useTeamSession } from '../../components/team.js';
import { useWorkspace } from '../../components/workspace.js';
import { notifyError, notifySuccess } from '../../lib/notify.js';

const ROLES: Role[] = ['owner', 'manager', 'member'];

export function MembersPage() {
  const { t } = useTranslation();
  const { workspace, workspaceId } = useWorkspace();
  const session = useTeamSession();
  const owner = useRole() === 'owner';
  const queryClient = useQueryClient();
  const members = useQuery({ queryKey: teamKeys.members(workspaceId), queryFn: () => teamApi.members(workspaceId) });
  const invitations = useQuery({
    queryKey: teamKeys.invitations(workspaceId),
    queryFn: () => teamApi.invitations(workspaceId),
    enabled: owner,
  });
  const clients = useQuery({ queryKey: keys.clientList(workspaceId, '', ''), queryFn: () => api.clients.list(workspaceId) });
  const assignments = useQuery({ queryKey: teamKeys.assignments(workspaceId), queryFn: () => teamApi.assignments(workspaceId) });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [created, setCreated] = useState<{ email: string; link: string; mailed: boolean } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['workspaces', workspaceId] });
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`team.roleName.${r}`) }));

  const invite = useMutation({
    mutationFn: () => teamApi.invite(workspaceId, email.trim(), role),
    onSuccess: (result) => {
      setCreated({ email: result.email, link: result.link, mailed: result.mailed });
      setEmail('');
      void refresh();
    },
    onError: notifyError,
  });
  const change = useMutation({
    mutationFn: (v: { userId: string; role: Role }) => teamApi.changeRole(workspaceId, v.userId, v.role),
    onSuccess: () => void refresh(),
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => teamApi.removeMember(workspaceId, userId),
    onSuccess: () => void refresh(),
    onError: notifyError,
  });
  /** A member's clients changed: each client that gained or lost them gets its new set of assignees. */
  const reassign = useMutation({
    mutationFn: async (v: { userId: string; clientIds: string[] }) => {
      const current = assignments.data ?? [];
      const before = new Set(current.filter((a) => a.user_id === v.userId).map((a) => a.client_id));
      const after = new Set(v.clientIds);
      const changed = [...new Set([...before, ...after])].filter((c) => before.has(c) !== after.has(c));
      for (const clientId of changed) {
        const others = current.filter((a) => a.client_id === clientId && a.user_id !== v.userId).map((a) => a.user_id);
        await teamApi.assign(workspaceId, clientId, after.has(clientId) ? [...others, v.userId] : others);
      }
    },
    onSuccess: () => {
      notifySuccess(t('team.assignmentsSaved'));
      void refresh();
    },
    onError: notifyError,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => teamApi.revokeInvitation(workspaceId, id),
    onSuccess: () => void refresh(),
    onError: notifyError,
  });

  if (members.error) return <LoadError error={members.error} onRetry={() => void members.refetch()} />;
  if (!members.data) return <PageLoader />;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('team.membersTitle')}</Title>
        <Text c="dimmed">{t('team.membersIntro', { workspace: workspace.name })}</Text>
      </div>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('team.name')}</Table.Th>
              <Table.Th>{t('team.email')}</Table.Th>
              <Table.Th>{t('team.role')}</Table.Th>
              <Table.Th>{t('team.assignedClients')}</Table.Th>
              {owner && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data.map((m) => (
              <Table.Tr key={m.user_id}>
                <Table.Td>
                  {m.name} {m.user_id === session?.user?.id && <Badge variant="light">{t('team.you')}</Badge>}
                </Table.Td>
                <Table.Td>{m.email}</Table.Td>
                <Table.Td>
                  {owner ? (
                    <Select
                      aria-label={t('team.role')}
                      data={roleOptions}
                      value={m.role}
                      allowDeselect={false}
                      w={170}
                      onChange={(v) => v && v !== m.role && change.mutate({ userId: m.user_id, role: v as Role })}
                    />
                  ) : (
                    t(`team.roleName.${m.role}`)
                  )}
                </Table.Td>
                <Table.Td>
                  {m.role === 'member' && (
                    <MultiSelect
                      aria-label={`${t('team.assignedClients')}: ${m.name}`}
                      data={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                      value={(assignments.data ?? []).filter((a) => a.user_id === m.user_id).map((a) => a.client_id)}
                      onChange={(ids) => reassign.mutate({ userId: m.user_id, clientIds: ids })}
                      searchable
                      w={300}
                      comboboxProps={{ withinPortal: true }}
                    />
                  )}
                </Table.Td>
                {owner && (
                  <Table.Td>
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() => window.confirm(t('team.removeConfirm', { name: m.name })) && remove.mutate(m.user_id)}
                    >
                      {t('team.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={4}>
        {ROLES.map((r) => (
          <Text key={r} size="sm" c="dimmed">
            <b>{t(`team.roleName.${r}`)}</b>: {t(`team.roleHint.${r}`)}
          </Text>
        ))}
      </Stack>

      {owner && (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('team.inviteSection')}
          </Title>
          <form
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              invite.mutate();
            }}
          >
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('team.email')}
                type="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                w={280}
              />
              <Select
                label={t('team.role')}
                data={roleOptions}
                value={role}
                allowDeselect={false}
                onChange={(v) => v && setRole(v as Role)}
                w={170}
              />
              <Button type="submit" loading={invite.isPending}>
                {t('team.inviteSubmit')}
              </Button>
            </Group>
          </form>
          {created && (
            <Alert color="teal" variant="light" title={t('team.inviteCreated', { email: created.email })}>
              <Stack gap={4}>
                <Text size="sm">{t('team.inviteLinkHint')}</Text>
                <Code block data-testid="invite-link">
                  {created.link}
                </Code>
                {created.mailed && <Text size="sm">{t('team.inviteMailed')}</Text>}
              </Stack>
            </Alert>
          )}
          <Title order={3} size="h4">
            {t('team.pendingTitle')}
          </Title>
          {invitations.data && invitations.data.length === 0 && <Text c="dimmed">{t('team.noPending')}</Text>}
          {invitations.data?.map((i) => (
            <Group key={i.id} gap="sm">
              <Text>{i.email}</Text>
              <Badge variant="light">{t(`team.roleName.${i.role}`)}</Badge>
              <Text size="sm" c="dimmed">
                {t('team.expires', { date: i.expires_at.slice(0, 10) })}
              </Text>
              <Button variant="subtle" size="xs" onClick={() => revoke.mutate(i.id)}>
                {t('team.revoke')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
