/** Everything that happened with a client, newest first: incidents, cards, invoices, payments, messages. */
import {
  ActionIcon,
  Anchor,
  Badge,
  Group,
  type MantineColor,
  Paper,
  Spoiler,
  Stack,
  Text,
  ThemeIcon,
  Timeline,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconArrowsExchange,
  IconCash,
  IconFileImport,
  IconFileInvoice,
  IconFlag,
  IconListCheck,
  IconMail,
  IconMessage,
  IconMessageCircle,
  IconPaperclip,
  IconPencil,
  IconPhone,
  IconRectangleVerticalFilled,
  IconShieldExclamation,
  IconTrash,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../contracts/records.js';
import type { MessageChannel } from '../../core/vocabulary.js';
import { api, keys } from '../api/client.js';
import { useExitText } from '../lib/exit-text.js';
import { formatBytes, formatDate, formatInstant, todayIso } from '../lib/format.js';
import { formatMoney } from '../lib/money.js';
import { type TimelineItem, timelineItems } from '../lib/timeline.js';
import type { OpenDialog } from '../pages/client-dialogs.js';
import { AfterCloseBadge } from './AfterExitPanel.js';
import { CARD_COLOR, SEVERITY_COLOR, SeverityBadge } from './labels.js';

type Item = TimelineItem;

const CHANNEL_ICON: Record<MessageChannel, typeof IconMail> = {
  email: IconMail,
  chat: IconMessageCircle,
  phone: IconPhone,
  meeting: IconUsersGroup,
  other: IconMessage,
};

function Bullet({ color, children }: { color: MantineColor; children: ReactNode }) {
  return (
    <ThemeIcon color={color} variant={color === 'red' ? 'filled' : 'light'} radius="xl" size={30} aria-hidden>
      {children}
    </ThemeIcon>
  );
}

function ItemActions({ children }: { children: ReactNode }) {
  return (
    <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
      {children}
    </Group>
  );
}

function IconAction({
  label,
  onClick,
  children,
  color = 'gray',
}: {
  label: string;
  onClick: () => void;
  children: ReactNode;
  color?: MantineColor;
}) {
  return (
    <Tooltip label={label} openDelay={400}>
      <ActionIcon variant="subtle" color={color} aria-label={label} onClick={onClick}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

function ItemHead({ title, meta, actions }: { title: ReactNode; meta: ReactNode; actions: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap={8} wrap="wrap">
          {title}
        </Group>
        <Text size="xs" c="dimmed">
          {meta}
        </Text>
      </Stack>
      <ItemActions>{actions}</ItemActions>
    </Group>
  );
}

export function ClientTimeline(props: {
  detail: ClientDetail;
  workspaceId: string;
  currency: string;
  open: OpenDialog;
  remove: (question: string, action: () => Promise<void>) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { stepTitle } = useExitText();
  const { workspaceId: ws, open, remove } = props;
  const events = useQuery({
    queryKey: keys.events(ws, props.detail.client.id),
    queryFn: () => api.escalation.events(ws, props.detail.client.id),
  });
  const items = timelineItems(props.detail, events.data ?? []);
  const today = todayIso();

  const del = t('common.delete');

  function renderEvent(item: Item & { kind: 'event' }) {
    const e = item.event;
    let bullet: ReactNode;
    let title: string;
    let body: string | null = null;
    switch (e.type) {
      case 'status_changed':
        bullet = (
          <Bullet color="gray">
            <IconFlag size={16} />
          </Bullet>
        );
        title = t('audit.stepTaken', {
          step: t(`stepName.${e.payload.event}`),
          from: t(`status.${e.payload.from}`),
          to: t(`status.${e.payload.to}`),
        });
        body = e.payload.reason;
        break;
      case 'card_issued':
        bullet = (
          <Bullet color={CARD_COLOR[e.payload.color]}>
            <IconRectangleVerticalFilled size={14} />
          </Bullet>
        );
        title = e.payload.channel
          ? t(`audit.cardIssuedVia.${e.payload.color}`, { channel: t(`cardChannel.${e.payload.channel}`) })
          : t(`audit.cardIssued.${e.payload.color}`);
        body = e.payload.said || null;
        break;
      case 'reassigned':
        bullet = (
          <Bullet color="grape">
            <IconArrowsExchange size={16} />
          </Bullet>
        );
        title = e.payload.from_member
          ? t('audit.reassignedFrom', { from: e.payload.from_member, to: e.payload.to_member })
          : t('audit.reassigned', { to: e.payload.to_member });
        break;
      case 'override':
        bullet = (
          <Bullet color="orange">
            <IconShieldExclamation size={16} />
          </Bullet>
        );
        title = t('audit.override');
        body = e.payload.reason;
        break;
      case 'imported':
        bullet = (
          <Bullet color="gray">
            <IconFileImport size={16} />
          </Bullet>
        );
        title = t('audit.imported', { status: t(`status.${e.payload.status}`) });
        break;
      case 'exit_plan':
        bullet = (
          <Bullet color="indigo">
            <IconListCheck size={16} />
          </Bullet>
        );
        title = t(`audit.exitPlan.${e.payload.action}`, {
          path: e.payload.path ? t(`exitPath.${e.payload.path}`) : '',
          // Stored in English: said again in the UI language from the plan's own words where they are recognised.
          step: e.payload.step_title ? stepTitle(e.payload.step_title) : (e.payload.step_key ?? ''),
          item: e.payload.item_label ?? '',
          state: e.payload.item_state ? t(`exitPlan.handoverState.${e.payload.item_state}`) : '',
        });
        break;
    }

    return (
      <Timeline.Item key={item.key} bullet={bullet} data-testid="timeline-event">
        <ItemHead
          title={<Text fw={600}>{title}</Text>}
          meta={
            <>
              {formatDate(e.date, lang)} · {e.actor === 'you' ? t('audit.byYou') : t('audit.by', { actor: e.actor })}
            </>
          }
          actions={null}
        />
        {body && (
          <Text size="sm" mt={6} className="rc-prewrap">
            {e.type === 'card_issued' ? `“${body}”` : body}
          </Text>
        )}
        {e.note && (
          <Text size="sm" mt={4} c="dimmed" className="rc-prewrap">
            {e.note}
          </Text>
        )}
      </Timeline.Item>
    );
  }

  /** A card step: the card (colour, channel, what was said) and the status it moved to, as one entry. */
  function renderCardStep(item: Item & { kind: 'cardStep' }) {
    const { card, status } = item;
    const title = card.payload.channel
      ? t(`audit.cardIssuedVia.${card.payload.color}`, { channel: t(`cardChannel.${card.payload.channel}`) })
      : t(`audit.cardIssued.${card.payload.color}`);

    return (
      <Timeline.Item
        key={item.key}
        bullet={
          <Bullet color={CARD_COLOR[card.payload.color]}>
            <IconRectangleVerticalFilled size={14} />
          </Bullet>
        }
        data-testid="timeline-event"
      >
        <ItemHead
          title={<Text fw={600}>{title}</Text>}
          meta={
            <>
              {formatDate(status.date, lang)} · {status.actor === 'you' ? t('audit.byYou') : t('audit.by', { actor: status.actor })}
            </>
          }
          actions={null}
        />
        <Text size="sm" mt={4}>
          {t('audit.stepTaken', {
            step: t(`stepName.${status.payload.event}`),
            from: t(`status.${status.payload.from}`),
            to: t(`status.${status.payload.to}`),
          })}
        </Text>
        {card.payload.said && (
          <Text size="sm" mt={6} className="rc-prewrap">
            {`“${card.payload.said}”`}
          </Text>
        )}
        {status.payload.reason && (
          <Text size="sm" mt={6} className="rc-prewrap">
            {status.payload.reason}
          </Text>
        )}
        {status.note && (
          <Text size="sm" mt={4} c="dimmed" className="rc-prewrap">
            {status.note}
          </Text>
        )}
      </Timeline.Item>
    );
  }

  function render(item: Item) {
    switch (item.kind) {
      case 'event':
        return renderEvent(item);
      case 'cardStep':
        return renderCardStep(item);
      case 'incident': {
        const inc = item.incident;
        const what = t('timeline.itemIncident', { date: formatDate(inc.date, lang) });

        return (
          <Timeline.Item
            key={item.key}
            bullet={
              <Bullet color={SEVERITY_COLOR[inc.severity]}>
                {inc.severity === 3 ? <IconAlertOctagon size={16} /> : <IconAlertTriangle size={16} />}
              </Bullet>
            }
            data-testid="timeline-incident"
          >
            <ItemHead
              title={
                <>
                  <Text fw={600}>{t(`flag.${inc.code}`)}</Text>
                  <SeverityBadge severity={inc.severity} />
                  {inc.after_close && <AfterCloseBadge />}
                  {inc.source !== 'manual' && (
                    <Badge variant="outline" color="gray" size="sm">
                      {t(`source.${inc.source}`)}
                    </Badge>
                  )}
                </>
              }
              meta={
                <>
                  {formatDate(inc.date, lang)} · {t('timeline.incident')}
                  {inc.about_member ? ` · ${t('timeline.aboutMember', { name: inc.about_member })}` : ''}
                </>
              }
              actions={
                <>
                  <IconAction label={`${t('timeline.attachEvidence')}: ${what}`} onClick={() => open({ kind: 'evidence', incident: inc })}>
                    <IconPaperclip size={16} aria-hidden />
                  </IconAction>
                  <IconAction label={t('timeline.editItem', { what })} onClick={() => open({ kind: 'incident', incident: inc })}>
                    <IconPencil size={16} aria-hidden />
                  </IconAction>
                  <IconAction
                    label={t('timeline.deleteItem', { what })}
                    onClick={() => remove(`${del}: ${what}?`, () => api.incidents.remove(ws, inc.id))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </IconAction>
                </>
              }
            />
            {inc.note && (
              <Text size="sm" mt={6} className="rc-prewrap">
                {inc.note}
              </Text>
            )}
            {inc.evidence.length > 0 && (
              <Stack gap={2} mt={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('timeline.evidence')}>
                {inc.evidence.map((e) => (
                  <li key={e.id}>
                    <Group gap={6} wrap="nowrap">
                      <IconPaperclip size={14} aria-hidden style={{ flexShrink: 0 }} />
                      <Anchor href={api.evidence.fileUrl(ws, e.id)} download={e.file_name} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {e.file_name}
                      </Anchor>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatBytes(e.size_bytes, lang)}
                      </Text>
                    </Group>
                    {e.note && (
                      <Text size="xs" c="dimmed" ml={20} className="rc-prewrap">
                        {e.note}
                      </Text>
                    )}
                  </li>
                ))}
              </Stack>
            )}
          </Timeline.Item>
        );
      }
      case 'card': {
        const card = item.card;
        const what = t('timeline.itemCard', { date: formatDate(card.date, lang) });

        return (
          <Timeline.Item
            key={item.key}
            bullet={<Bullet color={CARD_COLOR[card.color]}>{<IconRectangleVerticalFilled size={14} />}</Bullet>}
          >
            <ItemHead
              title={<Text fw={600}>{t(`cardColor.${card.color}`)}</Text>}
              meta={formatDate(card.date, lang)}
              actions={
                <IconAction label={t('timeline.editItem', { what })} onClick={() => open({ kind: 'card', card })}>
                  <IconPencil size={16} aria-hidden />
                </IconAction>
              }
            />
            {card.note && (
              <Text size="sm" mt={6} className="rc-prewrap">
                {card.note}
              </Text>
            )}
          </Timeline.Item>
        );
      }
      case 'invoice': {
        const inv = item.invoice;
        const what = t('timeline.itemInvoice', { number: inv.number });
        const overdue = inv.outstanding_minor > 0 && inv.due < today;

        return (
          <Timeline.Item key={item.key} bullet={<Bullet color="blue">{<IconFileInvoice size={16} />}</Bullet>}>
            <ItemHead
              title={
                <>
                  <Text fw={600}>{t('timeline.invoiceIssued', { number: inv.number })}</Text>
                  {inv.outstanding_minor === 0 ? (
                    <Badge color="teal" variant="light" size="sm">
                      {t('money.paidInFull')}
                    </Badge>
                  ) : overdue ? (
                    <Badge color="orange" variant="light" size="sm">
                      {t('money.overdue')}
                    </Badge>
                  ) : null}
                </>
              }
              meta={formatDate(inv.issued, lang)}
              actions={
                <>
                  <IconAction label={t('timeline.editItem', { what })} onClick={() => open({ kind: 'invoice', invoice: inv })}>
                    <IconPencil size={16} aria-hidden />
                  </IconAction>
                  <IconAction
                    label={t('timeline.deleteItem', { what })}
                    onClick={() => remove(`${del}: ${what}?`, () => api.invoices.remove(ws, inv.id))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </IconAction>
                </>
              }
            />
            <Text size="sm" mt={6}>
              {t('timeline.invoiceDetails', { amount: formatMoney(inv.amount_minor, inv.currency, lang), date: formatDate(inv.due, lang) })}
              {inv.outstanding_minor > 0 && inv.outstanding_minor < inv.amount_minor
                ? ` · ${t('money.outstanding', { amount: formatMoney(inv.outstanding_minor, inv.currency, lang) })}`
                : ''}
            </Text>
          </Timeline.Item>
        );
      }
      case 'payment': {
        const { invoice: inv, payment } = item;
        const amount = formatMoney(payment.amount_minor, inv.currency, lang);

        return (
          <Timeline.Item key={item.key} bullet={<Bullet color="teal">{<IconCash size={16} />}</Bullet>}>
            <ItemHead
              title={<Text fw={600}>{t('timeline.payment', { number: inv.number })}</Text>}
              meta={formatDate(payment.date, lang)}
              actions={
                <IconAction
                  label={t('money.deletePayment', { amount })}
                  onClick={() => remove(`${t('money.deletePayment', { amount })}?`, () => api.invoices.removePayment(ws, payment.id))}
                >
                  <IconTrash size={16} aria-hidden />
                </IconAction>
              }
            />
            <Text size="sm" mt={6}>
              {amount}
            </Text>
          </Timeline.Item>
        );
      }
      case 'message': {
        const m = item.message;
        const Icon = CHANNEL_ICON[m.channel];
        const what = t('timeline.itemMessage', { date: formatInstant(m.sent_at, lang) });

        return (
          <Timeline.Item key={item.key} bullet={<Bullet color={m.from === 'client' ? 'indigo' : 'gray'}>{<Icon size={16} />}</Bullet>}>
            <ItemHead
              title={
                <>
                  <Text fw={600}>{m.subject || t(`sender.${m.from}`)}</Text>
                  {m.after_close && <AfterCloseBadge />}
                </>
              }
              meta={
                <>
                  {formatInstant(m.sent_at, lang)}
                  {m.subject ? ` · ${t(`sender.${m.from}`)}` : ''} · {t(`channel.${m.channel}`)}
                </>
              }
              actions={
                <>
                  <IconAction label={t('timeline.editItem', { what })} onClick={() => open({ kind: 'message', message: m })}>
                    <IconPencil size={16} aria-hidden />
                  </IconAction>
                  <IconAction
                    label={t('timeline.deleteItem', { what })}
                    onClick={() => remove(`${del}: ${what}?`, () => api.messages.remove(ws, m.id))}
                  >
                    <IconTrash size={16} aria-hidden />
                  </IconAction>
                </>
              }
            />
            <Spoiler maxHeight={88} showLabel={t('timeline.showMore')} hideLabel={t('timeline.showLess')} mt={6}>
              <Text size="sm" className="rc-prewrap">
                {m.text}
              </Text>
            </Spoiler>
          </Timeline.Item>
        );
      }
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="timeline-heading">
      <Title order={2} size="h4" id="timeline-heading" mb="md">
        {t('timeline.title')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('timeline.empty')}
        </Text>
      ) : (
        <Timeline
          bulletSize={30}
          lineWidth={2}
          active={-1}
          styles={{ itemBullet: { border: 'none', backgroundColor: 'transparent' } }}
          aria-label={t('timeline.label')}
        >
          {items.map(render)}
        </Timeline>
      )}
    </Paper>
  );
}
