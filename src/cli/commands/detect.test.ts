import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { detectCommand, detectLine } from './detect.js';

const dir = mkdtempSync(join(tmpdir(), 'rc-detect-'));

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), env: {} };
  return { io, out, err };
}

async function run(...args: string[]) {
  const f = fakeIo();
  await new Command().addCommand(detectCommand(f.io)).parseAsync(['node', 'x', 'detect', ...args]);
  return { out: f.out.join(''), err: f.err.join('') };
}

const INPUT = [
  JSON.stringify({ id: 'a1', text: 'We will not pay this invoice.', lang: 'en', sent_at: '2025-01-01T10:00:00+02:00' }),
  '{"id": "broken", "text": ',
  '',
  JSON.stringify({ id: 2, text: 'Мы не будем платить, пока вы не переделаете всё бесплатно.' }),
  JSON.stringify({ text: 'no id' }),
  JSON.stringify({ id: 'x', text: 42 }),
  '[1,2]',
  JSON.stringify({ id: 'ok', text: 'Thanks, see you Monday.', lang: 'xx' }),
].join('\n');

describe('redcard detect', () => {
  it('writes one result per valid line, reports malformed lines with their number, and summarises', async () => {
    const inFile = join(dir, 'in.jsonl');
    writeFileSync(inFile, INPUT);
    const { out, err } = await run('--jsonl', inFile);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        id: 'a1',
        lang: 'en',
        labels: ['payment'],
        findings: [{ code: 'payment', severity: 3, start: 12, end: 15, rule: 'en.payment.refuse' }],
      },
      expect.objectContaining({ id: 2, lang: 'ru', labels: ['payment'] }),
      { id: 'ok', lang: 'en', labels: [], findings: [] },
    ]);
    for (const f of lines[1].findings) expect(Object.keys(f)).toEqual(['code', 'severity', 'start', 'end', 'rule']);
    expect(err).toContain('line 2: not JSON');
    expect(err).toContain('line 5: missing "id"');
    expect(err).toContain('line 6: "text" must be a string');
    expect(err).toContain('line 7: not a JSON object');
    expect(err).toContain('line 8: unknown lang "xx" ignored');
    expect(err).toMatch(/8 lines, 3 messages, 2 flagged, 4 malformed skipped/);
  });

  it('writes to --out', async () => {
    const inFile = join(dir, 'in2.jsonl');
    const outFile = join(dir, 'out.jsonl');
    writeFileSync(inFile, `${JSON.stringify({ id: 1, text: 'Nemokėsime už šį darbą.' })}\r\n`);
    const { out, err } = await run('--jsonl', inFile, '--out', outFile);
    expect(out).toBe('');
    expect(JSON.parse(readFileSync(outFile, 'utf8'))).toMatchObject({ id: 1, lang: 'lt', labels: ['payment'] });
    expect(err).toContain(`wrote ${outFile}`);
  });

  it('fails when the input cannot be read at all', async () => {
    await expect(run('--jsonl', join(dir, 'missing.jsonl'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('detectLine never throws on odd input', () => {
    for (const s of ['null', '"x"', '{"id":null,"text":"a"}', '{"id":{},"text":"a"}', '{"id":1,"text":"","lang":null}']) {
      expect(() => detectLine(s)).not.toThrow();
    }
    expect(detectLine('{"id":1,"text":""}').output).toBe('{"id":1,"lang":"en","labels":[],"findings":[]}');
  });
});
