/** The side panels of a client: contract, money, engagements, time spent, evidence. */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCircleDashed, IconPencil, IconPlus, IconShieldCheck, IconShieldX, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainReport, ClientDetail } from '../../contracts/records.js';
import { api } from '../api/client.js';
import { formatDate, formatMonth, formatNumber, todayIso } from '../lib/format.js';
import { formatMoney } from '../lib/money.js';
import { notifyError } from '../lib/notify.js';
import type { OpenDialog } from '../pages/client-dialogs.js';

type Remove = (question: string, action: () => Promise<void>) => void;

interface PanelProps {
  detail: ClientDetail;
  workspaceId: string;
  currency: string;
  open: OpenDialog;
  remove: Remove;
}

export function Panel(props: { id: string; title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={props.id}>
      <Group justify="space-between" mb="sm" wrap="nowrap" gap="xs">
        <Title order={2} size="h5" id={props.id}>
          {props.title}
        </Title>
        {props.action}
      </Group>
      {props.children}
    </Paper>
  );
}

function SmallIcon({ label, onClick, children }: { label: string; onClick: () => void; children: ReactNode }) {
  return (
    <Tooltip label={label} openDelay={400}>
      <ActionIcon variant="subtle" color="gray" size="sm" aria-label={label} onClick={onClick}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

export function ContractPanel({ detail, workspaceId, currency, open, remove }: PanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const c = detail.contract;
  const may = c?.provider_may_terminate;

  return (
    <Panel
      id="panel-contract"
      title={t('contract.title')}
      action={
        c ? (
          <Group gap={2}>
            <SmallIcon label={t('contract.edit')} onClick={() => open({ kind: 'contract' })}>
              <IconPencil size={14} aria-hidden />
            </SmallIcon>
            <SmallIcon
              label={t('contract.remove')}
              onClick={() => remove(`${t('contract.remove')}?`, () => api.contract.remove(workspaceId, detail.client.id))}
            >
              <IconTrash size={14} aria-hidden />
            </SmallIcon>
          </Group>
        ) : null
      }
    >
      {c ? (
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
          <Fact label={t('contract.mayTerminate')}>
            <Badge variant="light" color={may === true ? 'teal' : 'orange'} size="sm">
              {may === true ? t('common.yes') : may === false ? t('common.no') : t('common.unknown')}
            </Badge>
          </Fact>
          <Fact label={t('contract.notice')}>
            {c.notice ? t(`plural.${c.notice.unit}`, { count: c.notice.amount }) : t('contract.noNotice')}
          </Fact>
          <Fact label={t('contract.penalty')}>
            {c.penalty ? formatMoney(c.penalty.amount_minor, currency, lang) : t('contract.noPenalty')}
            {c.penalty?.description ? (
              <Text size="xs" c="dimmed" className="rc-prewrap">
                {c.penalty.description}
              </Text>
            ) : null}
          </Fact>
          <Fact label={t('contract.refundClause')}>{c.refund_clause ? t('common.yes') : t('common.no')}</Fact>
          <Fact label={t('contract.signed')}>{c.signed ? formatDate(c.signed, lang) : t('common.notSet')}</Fact>
          <Fact label={t('contract.ends')}>{c.ends ? formatDate(c.ends, lang) : t('common.notSet')}</Fact>
        </SimpleGrid>
      ) : (
        <Stack gap="xs" align="flex-start">
          <Text size="sm" c="dimmed">
            {t('contract.none')}
          </Text>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => open({ kind: 'contract' })}>
            {t('contract.add')}
          </Button>
        </Stack>
      )}
    </Panel>
  );
}

export function MoneyPanel({ detail, workspaceId, open, remove }: PanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const today = todayIso();
  const owed = new Map<string, number>();
  for (const inv of detail.invoices) owed.set(inv.currency, (owed.get(inv.currency) ?? 0) + inv.outstanding_minor);
  const invoices = [...detail.invoices].sort((a, b) => (a.issued < b.issued ? 1 : -1));

  return (
    <Panel
      id="panel-money"
      title={t('money.title')}
      action={
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconPlus size={12} aria-hidden />}
          onClick={() => open({ kind: 'invoice' })}
        >
          {t('client.addInvoice')}
        </Button>
      }
    >
      {invoices.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('money.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('money.owed')}
            </Text>
            <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {[...owed.entries()].map(([cur, minor]) => formatMoney(minor, cur, lang)).join(' + ')}
            </Text>
          </Group>
          <Divider />
          {invoices.map((inv) => {
            const overdue = inv.outstanding_minor > 0 && inv.due < today;

            return (
              <Stack key={inv.id} gap={4}>
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {inv.number} · {formatMoney(inv.amount_minor, inv.currency, lang)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDate(inv.issued, lang)} · {t('money.due', { date: formatDate(inv.due, lang) })}
                    </Text>
                  </div>
                  <Group gap={2} wrap="nowrap">
                    {inv.outstanding_minor > 0 && (
                      <SmallIcon
                        label={t('money.addPaymentTo', { number: inv.number })}
                        onClick={() => open({ kind: 'payment', invoice: inv })}
                      >
                        <IconPlus size={14} aria-hidden />
                      </SmallIcon>
                    )}
                    <SmallIcon
                      label={t('money.editInvoice', { number: inv.number })}
                      onClick={() => open({ kind: 'invoice', invoice: inv })}
                    >
                      <IconPencil size={14} aria-hidden />
                    </SmallIcon>
                    <SmallIcon
                      label={t('money.deleteInvoice', { number: inv.number })}
                      onClick={() =>
                        remove(`${t('money.deleteInvoice', { number: inv.number })}?`, () => api.invoices.remove(workspaceId, inv.id))
                      }
                    >
                      <IconTrash size={14} aria-hidden />
                    </SmallIcon>
                  </Group>
                </Group>
                <Group gap={6}>
                  {inv.outstanding_minor === 0 ? (
                    <Badge color="teal" variant="light" size="sm">
                      {t('money.paidInFull')}
                    </Badge>
                  ) : (
                    <Badge color={overdue ? 'orange' : 'gray'} variant="light" size="sm">
                      {t('money.outstanding', { amount: formatMoney(inv.outstanding_minor, inv.currency, lang) })}
                    </Badge>
                  )}
                  {overdue && (
                    <Badge color="orange" variant="outline" size="sm">
                      {t('money.overdue')}
                    </Badge>
                  )}
                  {inv.paid_minor > 0 && inv.outstanding_minor > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('money.paid', { amount: formatMoney(inv.paid_minor, inv.currency, lang) })}
                    </Text>
                  )}
                </Group>
                {inv.payments.length > 0 && (
                  <List size="xs" spacing={2} aria-label={t('money.payments')} ml={4}>
                    {inv.payments.map((p) => {
                      const amount = formatMoney(p.amount_minor, inv.currency, lang);

                      return (
                        <List.Item key={p.id}>
                          <Group gap={4} wrap="nowrap">
                            <Text size="xs">
                              {formatDate(p.date, lang)} · {amount}
                            </Text>
                            <SmallIcon
                              label={t('money.deletePayment', { amount })}
                              onClick={() =>
                                remove(`${t('money.deletePayment', { amount })}?`, () => api.invoices.removePayment(workspaceId, p.id))
                              }
                            >
                              <IconTrash size={12} aria-hidden />
                            </SmallIcon>
                          </Group>
                        </List.Item>
                      );
                    })}
                  </List>
                )}
              </Stack>
            );
          })}
        </Stack>
      )}
    </Panel>
  );
}

export function EngagementsPanel({ detail, workspaceId, currency, open, remove }: PanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;

  return (
    <Panel
      id="panel-engagements"
      title={t('engagements.title')}
      action={
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconPlus size={12} aria-hidden />}
          onClick={() => open({ kind: 'engagement' })}
        >
          {t('common.add')}
        </Button>
      }
    >
      {detail.engagements.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('engagements.none')}
        </Text>
      ) : (
        <Stack gap="md">
          {detail.engagements.map((e) => (
            <Stack key={e.id} gap={4}>
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {e.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`engagementKind.${e.kind}`)}
                  </Text>
                </div>
                <Group gap={2} wrap="nowrap">
                  <SmallIcon
                    label={t('engagements.editItem', { name: e.name })}
                    onClick={() => open({ kind: 'engagement', engagement: e })}
                  >
                    <IconPencil size={14} aria-hidden />
                  </SmallIcon>
                  <SmallIcon
                    label={t('engagements.deleteItem', { name: e.name })}
                    onClick={() =>
                      remove(`${t('engagements.deleteItem', { name: e.name })}?`, () => api.engagements.remove(workspaceId, e.id))
                    }
                  >
                    <IconTrash size={14} aria-hidden />
                  </SmallIcon>
                </Group>
              </Group>
              {(e.price_minor > 0 || e.prepaid_minor > 0) && (
                <Text size="xs">
                  {t('engagements.price', { amount: formatMoney(e.price_minor, currency, lang) })}
                  {e.prepaid_minor > 0 ? ` · ${t('engagements.prepaid', { amount: formatMoney(e.prepaid_minor, currency, lang) })}` : ''}
                </Text>
              )}
              {e.deliverables.length > 0 ? (
                <List
                  size="xs"
                  spacing={2}
                  center
                  aria-label={t('engagements.deliverables')}
                  icon={
                    <ThemeIcon size={16} radius="xl" variant="light" color="gray" aria-hidden>
                      <IconCircleDashed size={10} />
                    </ThemeIcon>
                  }
                >
                  {e.deliverables.map((d) => (
                    <List.Item
                      key={d.id}
                      icon={
                        d.done ? (
                          <ThemeIcon size={16} radius="xl" variant="light" color="teal" aria-label={t('engagements.done')}>
                            <IconCheck size={10} />
                          </ThemeIcon>
                        ) : undefined
                      }
                    >
                      {d.name}
                      {d.due ? ` · ${t('engagements.dueOn', { date: formatDate(d.due, lang) })}` : ''}
                      {!d.done && d.percent_done > 0 ? ` · ${t('engagements.percent', { percent: d.percent_done })}` : ''}
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('engagements.noDeliverables')}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

export function TimePanel({ detail, workspaceId, open, remove }: PanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const hours = (n: number) =>
    new Intl.NumberFormat(lang, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 2 }).format(n);
  const entries = [...detail.time].sort((a, b) => (a.month < b.month ? 1 : -1));
  const total = entries.reduce((sum, e) => sum + e.hours, 0);

  return (
    <Panel
      id="panel-time"
      title={t('time.title')}
      action={
        <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} aria-hidden />} onClick={() => open({ kind: 'time' })}>
          {t('time.add')}
        </Button>
      }
    >
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('time.none')}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {entries.map((e) => {
              const month = formatMonth(e.month, lang);

              return (
                <Table.Tr key={e.month}>
                  <Table.Td>{month}</Table.Td>
                  <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{hours(e.hours)}</Table.Td>
                  <Table.Td w={60}>
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      <SmallIcon label={t('time.editItem', { month })} onClick={() => open({ kind: 'time', entry: e })}>
                        <IconPencil size={14} aria-hidden />
                      </SmallIcon>
                      <SmallIcon
                        label={t('time.deleteItem', { month })}
                        onClick={() =>
                          remove(`${t('time.deleteItem', { month })}?`, () => api.time.remove(workspaceId, detail.client.id, e.month))
                        }
                      >
                        <IconTrash size={14} aria-hidden />
                      </SmallIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
            <Table.Tr>
              <Table.Td fw={600}>{t('time.total')}</Table.Td>
              <Table.Td fw={600} style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                {hours(total)}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
    </Panel>
  );
}

function ChainResult({ report }: { report: ChainReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;

  return report.ok ? (
    <Alert color="teal" variant="light" icon={<IconShieldCheck aria-hidden />} title={t('evidence.chainOk')} role="status">
      <Text size="xs">
        {t('evidence.entries')}: {formatNumber(report.entries, lang, 0)}
      </Text>
      {report.head_hash && (
        <Text size="xs" mt={4}>
          {t('evidence.headHash')}: <span className="rc-hash">{report.head_hash}</span>
        </Text>
      )}
    </Alert>
  ) : (
    <Alert color="red" variant="light" icon={<IconShieldX aria-hidden />} title={t('evidence.chainBroken')} role="alert">
      <Text size="xs" mb={4}>
        {t('evidence.entries')}: {formatNumber(report.entries, lang, 0)} · {t('plural.problems', { count: report.problems.length })}
      </Text>
      <List size="xs" spacing={2}>
        {report.problems.map((p) => (
          <List.Item key={`${p.kind}:${p.seq}:${p.evidence_id ?? ''}`}>
            <Text span size="xs" fw={600}>
              #{p.seq} {t(`chainProblem.${p.kind}`)}
            </Text>
            {p.detail ? ` — ${p.detail}` : ''}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function EvidencePanel({ detail, workspaceId }: PanelProps) {
  const { t } = useTranslation();
  const files = detail.incidents.reduce((sum, i) => sum + i.evidence.length, 0);
  const verify = useMutation({ mutationFn: () => api.evidence.verify(workspaceId), onError: notifyError });

  return (
    <Panel id="panel-evidence" title={t('evidence.title')}>
      <Stack gap="sm">
        <Text size="sm" c={files === 0 ? 'dimmed' : undefined}>
          {files === 0 ? t('evidence.none') : t('plural.files', { count: files })}
        </Text>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconShieldCheck size={14} aria-hidden />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('evidence.verify')}
        </Button>
        {verify.data && <ChainResult report={verify.data} />}
      </Stack>
    </Panel>
  );
}
