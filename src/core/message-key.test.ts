import { describe, expect, it } from 'vitest';
import { messageDedupeKey, normaliseForKey } from './message-key.js';

describe('messageDedupeKey', () => {
  it('uses the Message-ID when there is one, with or without brackets', () => {
    const a = messageDedupeKey({ messageId: '<abc@x>', sender: 'a', sentAt: '2024-01-01T00:00:00Z', text: 'one' });
    const b = messageDedupeKey({ messageId: 'abc@x', sender: 'b', sentAt: '2025-01-01T00:00:00Z', text: 'two' });
    expect(a).toBe('mid:abc@x');
    expect(b).toBe(a);
  });

  it('hashes sender, instant and normalised text otherwise', () => {
    const base = { sender: 'Ann@X.test', sentAt: '2024-01-01T02:00:00+02:00', text: 'We will\r\nnot  pay.' };
    const same = { sender: 'ann@x.test', sentAt: '2024-01-01T00:00:00Z', text: ' We will not pay. ' };
    expect(messageDedupeKey(base)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(messageDedupeKey(same)).toBe(messageDedupeKey(base));
    expect(messageDedupeKey({ ...same, text: 'We will pay.' })).not.toBe(messageDedupeKey(base));
    expect(messageDedupeKey({ ...same, sentAt: '2024-01-01T00:00:01Z' })).not.toBe(messageDedupeKey(base));
    expect(messageDedupeKey({ ...same, sender: 'bob@x.test' })).not.toBe(messageDedupeKey(base));
  });

  it('treats a blank Message-ID as absent and hashes an over-long one', () => {
    expect(messageDedupeKey({ messageId: ' <> ', sender: 'a', sentAt: '2024-01-01T00:00:00Z', text: 't' })).toMatch(/^sha256:/);
    expect(messageDedupeKey({ messageId: 'x'.repeat(400), sender: 'a', sentAt: '2024-01-01T00:00:00Z', text: 't' })).toMatch(/^midh:/);
  });

  it('folds Unicode forms and white space', () => {
    expect(normaliseForKey('Cafe\u0301\t\n ok')).toBe('Café ok');
  });
});
