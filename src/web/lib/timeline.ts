/** What the client's timeline lists, newest first: records and escalation steps, one entry each. */
import type { ClientEvent } from '../../contracts/events.js';
import type { Card, ClientDetail, Incident, Invoice, Message, Payment } from '../../contracts/records.js';

export type CardIssuedEvent = Extract<ClientEvent, { type: 'card_issued' }>;
export type StatusChangedEvent = Extract<ClientEvent, { type: 'status_changed' }>;

export type TimelineItem =
  | { kind: 'incident'; at: number; key: string; incident: Incident }
  | { kind: 'card'; at: number; key: string; card: Card }
  | { kind: 'invoice'; at: number; key: string; invoice: Invoice }
  | { kind: 'payment'; at: number; key: string; invoice: Invoice; payment: Payment }
  | { kind: 'message'; at: number; key: string; message: Message }
  | { kind: 'event'; at: number; key: string; event: ClientEvent }
  /** A card step: the card given and the status it moved the client to, logged as two events. */
  | { kind: 'cardStep'; at: number; key: string; card: CardIssuedEvent; status: StatusChangedEvent };

const dayAt = (date: string) => Date.parse(`${date.slice(0, 10)}T12:00:00Z`);

/** Kinds on the same day: what the user did last reads first. */
const KIND_ORDER: Record<TimelineItem['kind'], number> = {
  event: 0,
  cardStep: 0,
  card: 1,
  incident: 2,
  message: 3,
  payment: 4,
  invoice: 5,
};

/**
 * A card step appends its card_issued event and then its status_changed event in one write (same
 * instant, consecutive seq); they are one step, so they become one entry. Other events stay alone.
 */
function stepItems(events: readonly ClientEvent[]): TimelineItem[] {
  const bySeq = new Map(events.map((e) => [e.seq, e]));
  const paired = new Set<string>();
  const items: TimelineItem[] = [];
  for (const event of events) {
    if (event.type !== 'card_issued') continue;
    const next = bySeq.get(event.seq + 1);
    if (next?.type !== 'status_changed' || next.at !== event.at) continue;
    paired.add(event.id).add(next.id);
    // Placed by the status change's seq, the step's last event.
    items.push({ kind: 'cardStep', at: dayAt(next.date) + next.seq, key: `s:${event.id}`, card: event, status: next });
  }
  for (const event of events) {
    if (!paired.has(event.id)) items.push({ kind: 'event', at: dayAt(event.date) + event.seq, key: `e:${event.id}`, event });
  }

  return items;
}

export function timelineItems(detail: ClientDetail, events: readonly ClientEvent[] = []): TimelineItem[] {
  const issued = new Set(events.flatMap((e) => (e.type === 'card_issued' ? [e.payload.card_id] : [])));
  const items: TimelineItem[] = [
    ...detail.incidents.map(
      (incident): TimelineItem => ({ kind: 'incident', at: dayAt(incident.date), key: `i:${incident.id}`, incident }),
    ),
    // A card given through an escalation step shows as its step (what was said, how, by whom);
    // the card itself only for cards without one (imported from a case file).
    ...detail.cards
      .filter((card) => !issued.has(card.id))
      .map((card): TimelineItem => ({ kind: 'card', at: dayAt(card.date), key: `c:${card.id}`, card })),
    ...detail.invoices.map((invoice): TimelineItem => ({ kind: 'invoice', at: dayAt(invoice.issued), key: `v:${invoice.id}`, invoice })),
    ...detail.invoices.flatMap((invoice) =>
      invoice.payments.map(
        (payment): TimelineItem => ({ kind: 'payment', at: dayAt(payment.date), key: `p:${payment.id}`, invoice, payment }),
      ),
    ),
    ...detail.messages.map(
      (message): TimelineItem => ({ kind: 'message', at: Date.parse(message.sent_at), key: `m:${message.id}`, message }),
    ),
    // Steps of the audit trail: on the same day, the later step (higher seq) reads first.
    ...stepItems(events),
  ];

  return items.sort((a, b) => b.at - a.at || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}
