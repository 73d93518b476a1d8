import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRedcard } from '../../../test/cli.js';
import { EXIT } from '../exit-codes.js';
import { lineAndColumn, lintLine } from './lint.js';

const dir = mkdtempSync(join(tmpdir(), 'rc-lint-'));

const run = (...args: string[]) => runRedcard(['lint', ...args]);

const GOOD =
  'Dear Alice,\n\nThank you for three years of working together. I am ending our cooperation because my teaching contract now fills my week. My last day will be 14 August, and by then I will send you all files and logins.\n\nKind regards,\nBen';
const WAVERING = `${GOOD}\n\nMaybe we could try again in spring?`;
const REFERRAL = GOOD.replace('Kind regards', 'I can recommend my colleague Dana Hill.\n\nKind regards');

describe('redcard lint --jsonl', () => {
  it('writes one result per valid line, and reports malformed lines with their number', async () => {
    const input = join(dir, 'in.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'ok', lang: 'en', text: GOOD }),
        '{"id": "broken", "text": ',
        '',
        JSON.stringify({ id: 7, lang: 'en', text: WAVERING }),
        JSON.stringify({ id: 'nolang', text: GOOD }),
        JSON.stringify({ id: 'de', lang: 'de', text: GOOD }),
        JSON.stringify({ id: 'ctx', lang: 'en', text: REFERRAL, context: { client_paid: 'no' } }),
        JSON.stringify({ id: 'ref', lang: 'en', text: REFERRAL, context: { client_paid: false } }),
        JSON.stringify({ lang: 'en', text: GOOD }),
        '[1]',
      ].join('\n'),
    );
    const { code, out, err } = await run('--jsonl', input);
    expect(code).toBe(EXIT.ok);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.violations])).toEqual([
      ['ok', []],
      [7, ['wavering']],
      ['ref', ['referral_to_abuser']],
    ]);
    expect(Object.keys(lines[1])).toEqual(['id', 'violations', 'findings']);
    expect(Object.keys(lines[1].findings[0])).toEqual(['code', 'start', 'end', 'message', 'rule']);
    expect(err).toContain('line 2: not JSON');
    expect(err).toContain('line 5: "lang" must be one of en, ru, ro, lt, got null (id "nolang")');
    expect(err).toContain('line 6: "lang" must be one of en, ru, ro, lt, got "de"');
    expect(err).toContain('line 7: "context.client_paid" must be true or false');
    expect(err).toContain('line 9: missing "id"');
    expect(err).toContain('line 10: not a JSON object');
    expect(err).toMatch(/10 lines, 3 letters, 2 with problems, 6 malformed skipped/);
  });

  it('writes to --out instead of stdout', async () => {
    const input = join(dir, 'one.jsonl');
    const output = join(dir, 'one.out.jsonl');
    writeFileSync(input, `${JSON.stringify({ id: 1, lang: 'en', text: WAVERING, kind: 'termination' })}\n`);
    const { code, out, err } = await run('--jsonl', input, '--out', output);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('');
    expect(err).toContain(`wrote ${output}`);
    expect(JSON.parse(readFileSync(output, 'utf8'))).toMatchObject({ id: 1, violations: ['wavering'] });
  });

  it('reports a missing input file as not found, before writing anything', async () => {
    const output = join(dir, 'never.jsonl');
    const { code, err } = await run('--jsonl', join(dir, 'missing.jsonl'), '--out', output);
    expect(code).toBe(EXIT.notFound);
    expect(err).toContain('no such file');
    expect(() => readFileSync(output)).toThrow();
  });

  it('rejects an unknown kind or context field on a line', () => {
    expect(lintLine(JSON.stringify({ id: 1, lang: 'en', text: 'x', kind: 'memo' })).error).toMatch(/"kind" must be one of termination/);
    expect(lintLine(JSON.stringify({ id: 1, lang: 'en', text: 'x', context: { paid: true } })).error).toMatch(
      /unknown field "context.paid"/,
    );
    expect(lintLine('   ')).toEqual({});
  });
});

describe('redcard lint FILE', () => {
  it('prints each finding with its line and column, and exits 1 when there are problems', async () => {
    const file = join(dir, 'draft.txt');
    writeFileSync(file, WAVERING);
    const { code, out } = await run(file, '--lang', 'en');
    expect(code).toBe(EXIT.failure);
    const { line, column } = lineAndColumn(WAVERING, WAVERING.indexOf('Maybe'));
    expect(out).toContain(`${file}:${line}:${column}  wavering  "Maybe"`);
    expect(out).toMatch(/problems?: wavering \(\d+ words\)/);
  });

  it('exits 0 for a good draft, and takes the case context and kind', async () => {
    const file = join(dir, 'good.txt');
    writeFileSync(file, REFERRAL);
    expect(await run(file, '--lang', 'EN')).toMatchObject({ code: EXIT.ok, out: expect.stringContaining('no problems found') });
    const unpaid = await run(file, '--lang', 'en', '--client-paid', 'no', '--json');
    expect(unpaid.code).toBe(EXIT.failure);
    expect(JSON.parse(unpaid.out)).toMatchObject({ violations: ['referral_to_abuser'] });
    expect((await run(file, '--lang', 'en', '--kind', 'warning')).out).toContain('no_timeline');
  });

  it('refuses an unknown language, a missing --lang, or both a file and --jsonl, as usage errors', async () => {
    const file = join(dir, 'good.txt');
    writeFileSync(file, GOOD);
    const unknown = await run(file, '--lang', 'xx');
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.err).toContain('unknown language "xx"; use one of en, ru, ro, lt');
    expect((await run(file)).err).toContain('--lang is required');
    expect((await run(file, '--lang', 'en', '--jsonl', file)).err).toContain('either FILE or --jsonl');
    expect((await run(file, '--lang', 'en', '--abusive', 'maybe')).err).toContain('expected yes or no');
    expect((await run()).code).toBe(EXIT.usage);
  });

  it('reports a missing file as not found', async () => {
    const { code, err } = await run(join(dir, 'nope.txt'), '--lang', 'en');
    expect(code).toBe(EXIT.notFound);
    expect(err).toContain('no such file');
  });
});

describe('lineAndColumn', () => {
  it('counts from 1, and restarts the column after a line break', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
