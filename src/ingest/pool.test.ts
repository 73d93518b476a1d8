import { describe, expect, it } from 'vitest';
import { MailPool } from './pool.js';

const mail = (from: string, body: string, type = 'text/plain; charset=utf-8') =>
  Buffer.from(`From: ${from}\nDate: Mon, 1 Jan 2024 10:00:00 +0200\nContent-Type: ${type}\n\n${body}\n`);

/** Small on disk, huge in a parser's memory: tens of thousands of empty MIME parts. */
const partBomb = (parts: number) => mail('bomb@x.test', `${'--b\n\nx\n'.repeat(parts)}--b--\n`, 'multipart/mixed; boundary="b"');

describe('MailPool', () => {
  it('parses many messages per worker, each answer going to its own message', async () => {
    const pool = new MailPool({ workers: 2, queuedPerWorker: 8 });
    try {
      const bodies = Array.from({ length: 60 }, (_, i) => `message number ${i} ${'x'.repeat(1 + i * 37)}`);
      const parsed = await Promise.all(bodies.map((b, i) => pool.parse(mail(`s${i}@x.test`, b))));
      expect(parsed.map((p) => p.mail.text.trim())).toEqual(bodies);
      expect(parsed.map((p) => p.mail.from.address)).toEqual(bodies.map((_, i) => `s${i}@x.test`));
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('a message that kills its worker fails alone: the ones queued behind it go to the replacement', async () => {
    // One worker with a small heap holds all four messages at once.
    const pool = new MailPool({ workers: 1, heapMb: 16, timeoutMs: 120_000, queuedBytesPerWorker: 8 << 20 });
    try {
      const results = await Promise.allSettled([
        pool.parse(mail('a@x.test', 'first')),
        pool.parse(partBomb(60_000)),
        pool.parse(mail('b@x.test', 'second')),
        pool.parse(mail('c@x.test', 'third')),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect(results.map((r) => (r.status === 'fulfilled' ? r.value.mail.text.trim() : undefined))).toEqual([
        'first',
        undefined,
        'second',
        'third',
      ]);
      expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/memory/i);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('copies a view into a larger buffer without sending or detaching the rest of it', async () => {
    const pool = new MailPool({ workers: 1 });
    try {
      const whole = Buffer.concat([mail('a@x.test', 'one'), mail('b@x.test', 'two')]);
      const first = whole.subarray(0, mail('a@x.test', 'one').length);
      const parsed = await pool.parse(first);
      expect(parsed.mail.text.trim()).toBe('one');
      expect(whole.toString()).toContain('two');
    } finally {
      await pool.close();
    }
  }, 60_000);
});
