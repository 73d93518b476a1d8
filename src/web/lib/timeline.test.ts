import { describe, expect, it } from 'vitest';
import type { ClientEvent, ClientEventData } from '../../contracts/events.js';
import type { Card, ClientDetail } from '../../contracts/records.js';
import { timelineItems } from './timeline.js';

const CLIENT = '00000000-0000-4000-8000-0000000000c1';

function detail(cards: Card[] = []): ClientDetail {
  return {
    client: { id: CLIENT } as ClientDetail['client'],
    contract: null,
    engagements: [],
    invoices: [],
    time: [],
    incidents: [],
    cards,
    messages: [],
  };
}

/** The log as the API gives it: events with seq from 1, each step's events sharing their instant. */
function log(steps: { date: string; actor?: string; events: ClientEventData[] }[]): ClientEvent[] {
  let seq = 0;

  return steps.flatMap((step, i) =>
    step.events.map(
      (data) =>
        ({
          ...data,
          id: `e${++seq}`,
          client_id: CLIENT,
          seq,
          actor: step.actor ?? 'you',
          at: `2026-03-0${i + 1}T10:00:00.000Z`,
          date: step.date,
          note: '',
        }) as ClientEvent,
    ),
  );
}

const yellowCard = (cardId: string): ClientEventData => ({
  type: 'card_issued',
  payload: { card_id: cardId, color: 'yellow', channel: 'call', said: 'Next time we stop.', grounds: null },
});
const status = (event: 'watch' | 'yellow_card' | 'red_card', from: string, to: string): ClientEventData =>
  ({ type: 'status_changed', payload: { event, from, to, reason: null } }) as ClientEventData;

describe('timelineItems', () => {
  it('shows a card step as one entry carrying the card and the status change', () => {
    const events = log([
      { date: '2026-03-01', events: [status('watch', 'active', 'watching')] },
      { date: '2026-03-02', actor: 'Ana', events: [yellowCard('card-1'), status('yellow_card', 'watching', 'warned')] },
    ]);
    const items = timelineItems(detail(), events);

    expect(items.map((i) => i.kind)).toEqual(['cardStep', 'event']);
    const [step] = items;
    if (step?.kind !== 'cardStep') throw new Error('expected a card step first');
    expect(step.card.payload).toMatchObject({ color: 'yellow', channel: 'call', said: 'Next time we stop.' });
    expect(step.status.payload).toMatchObject({ event: 'yellow_card', from: 'watching', to: 'warned' });
    expect(step.card.actor).toBe('Ana');
  });

  it('keeps an override its own entry and pairs the red card with its status change', () => {
    const events = log([
      {
        date: '2026-03-02',
        events: [
          {
            type: 'override',
            payload: { of: 'red_card_without_yellow_card', reason: 'Threats', recommendation: null, reference_rule: null },
          },
          { type: 'card_issued', payload: { card_id: 'card-2', color: 'red', channel: null, said: '', grounds: 'override' } },
          status('red_card', 'active', 'exiting'),
        ],
      },
    ]);

    expect(timelineItems(detail(), events).map((i) => (i.kind === 'event' ? i.event.type : i.kind))).toEqual(['cardStep', 'override']);
  });

  it('does not pair a card with a status change of another step', () => {
    const events = log([
      { date: '2026-03-01', events: [yellowCard('card-1')] },
      { date: '2026-03-02', events: [status('watch', 'active', 'watching')] },
    ]);

    expect(timelineItems(detail(), events).map((i) => i.kind)).toEqual(['event', 'event']);
  });

  it('lists a card without a step (imported) as a card, and one given by a step only through its step', () => {
    const card = (id: string): Card => ({ id, date: '2026-02-01', color: 'yellow', note: '' }) as Card;
    const events = log([{ date: '2026-03-02', events: [yellowCard('given'), status('yellow_card', 'active', 'warned')] }]);
    const items = timelineItems(detail([card('imported'), card('given')]), events);

    expect(items.map((i) => (i.kind === 'card' ? `card:${i.card.id}` : i.kind))).toEqual(['cardStep', 'card:imported']);
  });
});
