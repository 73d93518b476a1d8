import { describe, expect, it } from 'vitest';
import { CLIENT_STATUSES } from '../vocabulary.js';
import { endDateOf, isContactAfterClose } from './relapse.js';

describe('isContactAfterClose (A1)', () => {
  it('marks an item dated after the end of an ended or closed client', () => {
    expect(isContactAfterClose({ status: 'ended', endedOn: '2026-03-01', itemDate: '2026-03-02' })).toBe(true);
    expect(isContactAfterClose({ status: 'closed', endedOn: '2026-03-01', itemDate: '2026-09-15' })).toBe(true);
  });

  it('does not mark an item dated before the end or on the end day itself', () => {
    expect(isContactAfterClose({ status: 'ended', endedOn: '2026-03-01', itemDate: '2026-02-28' })).toBe(false);
    expect(isContactAfterClose({ status: 'closed', endedOn: '2026-03-01', itemDate: '2026-03-01' })).toBe(false);
  });

  it('reads only the day of an instant', () => {
    expect(isContactAfterClose({ status: 'ended', endedOn: '2026-03-01', itemDate: '2026-03-01T23:59:00Z' })).toBe(false);
    expect(isContactAfterClose({ status: 'ended', endedOn: '2026-03-01', itemDate: '2026-03-02T00:00:00Z' })).toBe(true);
  });

  it('never marks an item of a client whose relationship is not over', () => {
    for (const status of CLIENT_STATUSES.filter((s) => s !== 'ended' && s !== 'closed')) {
      expect(isContactAfterClose({ status, endedOn: '2026-03-01', itemDate: '2027-01-01' })).toBe(false);
    }
  });

  it('marks every new item when the end day is unknown', () => {
    expect(isContactAfterClose({ status: 'ended', endedOn: null, itemDate: '2020-01-01' })).toBe(true);
    expect(isContactAfterClose({ status: 'active', endedOn: null, itemDate: '2020-01-01' })).toBe(false);
  });
});

describe('endDateOf', () => {
  it('takes the latest end step and ignores other steps', () => {
    expect(
      endDateOf([
        { event: 'red_card', from: 'warned', to: 'exiting', date: '2025-05-01' },
        { event: 'end', from: 'exiting', to: 'ended', date: '2025-05-20' },
        { event: 'reopen', from: 'ended', to: 'active', date: '2025-09-01' },
        { event: 'red_card', from: 'active', to: 'exiting', date: '2026-01-10' },
        { event: 'end', from: 'exiting', to: 'ended', date: '2026-02-01' },
        { event: 'close', from: 'ended', to: 'closed', date: '2026-02-03' },
      ]),
    ).toBe('2026-02-01');
  });

  it('is null without an end step', () => {
    expect(endDateOf([{ event: 'watch', from: 'active', to: 'watch', date: '2025-01-01' }])).toBeNull();
  });
});
