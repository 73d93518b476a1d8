import { describe, expect, it } from 'vitest';
import { presentClientEvent } from './presenters.js';

const row = {
  id: '7a0d6a8e-2f55-4a4f-9d7e-1f1f1f1f1f1f',
  workspace_id: '7a0d6a8e-2f55-4a4f-9d7e-2f2f2f2f2f2f',
  client_id: '7a0d6a8e-2f55-4a4f-9d7e-3f3f3f3f3f3f',
  seq: 4,
  type: 'status_changed',
  payload: JSON.stringify({ event: 'watch', from: 'active', to: 'watch', reason: null }),
  actor: 'you',
  at: '2026-11-22T10:00:00.000Z',
  date: '2026-11-22',
  note: '',
};

describe('presentClientEvent', () => {
  it('maps a stored row to the contract shape, without the workspace', () => {
    expect(presentClientEvent(row)).toEqual({
      id: row.id,
      client_id: row.client_id,
      seq: 4,
      type: 'status_changed',
      payload: { event: 'watch', from: 'active', to: 'watch', reason: null },
      actor: 'you',
      at: row.at,
      date: row.date,
      note: '',
    });
  });

  it('fails loudly on a payload an older shape wrote and no migration converted', () => {
    expect(() => presentClientEvent({ ...row, payload: JSON.stringify({ event: 'watch', from: 'active' }) })).toThrow(
      /client_events #4 \(status_changed\).*does not match its schema/,
    );
    expect(() => presentClientEvent({ ...row, type: 'letter_sent' })).toThrow(/does not match its schema/);
    expect(() => presentClientEvent({ ...row, payload: '{' })).toThrow(/not JSON/);
  });
});
