import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { scanCommand } from './scan.js';

const FIX = fileURLToPath(new URL('../../../test/fixtures/ingest/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rc-scan-'));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), env: {} };
  await new Command().addCommand(scanCommand(io)).parseAsync(['node', 'x', 'scan', ...args]);
  return { out: out.join(''), err: err.join('') };
}

describe('redcard scan', () => {
  it('reports per sender with counts per code and the matched words (WhatsApp, time zone)', async () => {
    const { out, err } = await run(join(FIX, 'whatsapp-en.txt'), '--tz', 'America/New_York');
    expect(out).toContain('(whatsapp): 3 messages from 2 senders, 1 flagged.');
    expect(out).toMatch(/John Client: 2 messages, 1 flagged \(50\.0%\)/);
    expect(out).toContain('payment 1');
    expect(out).toContain('"pay"');
    expect(out).toContain('en.payment.refuse');
    expect(out).toContain('2024-12-31T23:59:00-05:00');
    expect(out).toMatch(/Ana Designer: 1 messages, 0 flagged/);
    expect(err).toMatch(/3 messages from 2 senders, 1 flagged, 0 errors, 0 warnings; .*Nothing was stored/);
  });

  it('--json gives the report as data, with the problems', async () => {
    const { out } = await run(join(FIX, 'slack-export'), '--json');
    const r = JSON.parse(out);
    expect(r).toMatchObject({ format: 'slack', messages: 3, problems: { errors: 1, warnings: 0 } });
    const john = r.senders.find((s: { name?: string }) => s.name === 'John Client');
    expect(john).toMatchObject({ address: 'john@client.test', messages: 2 });
    expect(john.flagged).toBeGreaterThanOrEqual(1);
    expect(john.examples[0]).toMatchObject({ code: 'payment', where: 'slack general/2024-12-31.json#1' });
  });

  it('reads mbox through the worker pool and CSV with --csv-map', async () => {
    const mbox = join(dir, 'a.mbox');
    writeFileSync(
      mbox,
      'From x Tue Dec 31 23:59:00 2024\nFrom: Ivan <ivan@client.test>\nDate: Wed, 1 Jan 2025 02:10:00 +0300\n\nМы не будем платить, пока вы не переделаете всё бесплатно.\n\n' +
        'From x Tue Dec 31 23:59:00 2024\nFrom: Ivan <ivan@client.test>\nDate: Wed, 1 Jan 2025 12:10:00 +0300\n\nСпасибо!\n',
    );
    const m = await run(mbox);
    expect(m.out).toContain('Ivan <ivan@client.test>: 2 messages, 1 flagged');
    expect(m.out).toContain('ru.payment.refuse');
    const c = await run(join(FIX, 'messages-semicolon.csv'), '--csv-map', 'text=body,sent_at=date,from=sender', '--tz', 'Europe/Chisinau');
    expect(c.out).toContain('john@client.test: 1 messages, 1 flagged');
    expect(c.out).toMatch(/Problems: 1 errors, 0 warnings\n {2}error {3}line 5: malformed record skipped/);
  });

  it('fails with one clear error for a file that is not the claimed format, a bad zone or map', async () => {
    await expect(run(join(FIX, 'whatsapp-en.txt'), '--format', 'telegram')).rejects.toThrow(/not a Telegram export/);
    await expect(run(join(FIX, 'whatsapp-en.txt'), '--tz', 'Mars/Olympus')).rejects.toThrow(/unknown time zone/);
    await expect(run(join(FIX, 'messages-semicolon.csv'), '--csv-map', 'body')).rejects.toThrow(/not field=column/);
    const empty = join(dir, 'empty.mbox');
    writeFileSync(empty, '');
    await expect(run(empty)).rejects.toThrow(/is empty/);
  });
});
