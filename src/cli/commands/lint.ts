/**
 * `redcard lint`: the tone checker (core/letters/tone.ts) from the command line.
 *
 *   redcard lint --jsonl IN [--out OUT]      one {"id","violations","findings"} line per input line
 *   redcard lint FILE --lang xx [--kind K] [--client-paid yes|no] [--abusive yes|no] [--json]
 *
 * JSON Lines input: objects with `id` (string or number), `lang` (en|ru|ro|lt), `text`, and
 * optionally `kind` and `context` ({client_paid?, abusive?} booleans). A malformed line is
 * reported on stderr with its number and skipped; the run goes on and exits 0.
 * File mode prints each finding as FILE:LINE:COL and exits 1 when the draft has a problem (like
 * any linter), so it can gate a script; bad options are usage errors (exit 2).
 */
import type { EventEmitter } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError } from 'commander';
import {
  checkTone,
  LETTER_KINDS,
  LETTER_LANGS,
  type LetterKind,
  type LetterLang,
  type ToneContext,
  type ToneFinding,
  type ToneResult,
} from '../../core/letters/tone.js';
import { LIMITS } from '../../core/limits.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';

export interface LintLineResult {
  /** the output line, without its newline */
  output?: string;
  /** why the line was skipped */
  error?: string;
  /** the line had at least one violation */
  flagged?: boolean;
}

const isOneOf = <T extends string>(values: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (values as readonly string[]).includes(v);

function parseContext(raw: unknown): ToneContext | string {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return '"context" must be an object with client_paid and/or abusive';
  const context: ToneContext = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key !== 'client_paid' && key !== 'abusive') return `unknown field "context.${key}" (allowed: client_paid, abusive)`;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'boolean') return `"context.${key}" must be true or false`;
    context[key] = value;
  }

  return context;
}

/** Checks one input line; returns the output line, why it was skipped, or neither for a blank line. */
export function lintLine(line: string): LintLineResult {
  if (line.trim() === '') return {};
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (error) {
    return { error: `not JSON (${(error as Error).message})` };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return { error: 'not a JSON object' };
  const rec = obj as Record<string, unknown>;
  if (typeof rec.id !== 'string' && typeof rec.id !== 'number') return { error: 'missing "id" (a string or number)' };
  const id = JSON.stringify(rec.id);
  if (typeof rec.text !== 'string') return { error: `"text" must be a string (id ${id})` };
  if (rec.text.length > LIMITS.messageTextMax) return { error: `"text" is longer than ${LIMITS.messageTextMax} characters (id ${id})` };
  if (!isOneOf(LETTER_LANGS, rec.lang))
    return { error: `"lang" must be one of ${LETTER_LANGS.join(', ')}, got ${JSON.stringify(rec.lang ?? null)} (id ${id})` };
  if (rec.kind !== undefined && !isOneOf(LETTER_KINDS, rec.kind)) {
    return { error: `"kind" must be one of ${LETTER_KINDS.join(', ')}, got ${JSON.stringify(rec.kind)} (id ${id})` };
  }
  const context = parseContext(rec.context);
  if (typeof context === 'string') return { error: `${context} (id ${id})` };
  const result = checkTone(rec.text, { lang: rec.lang, context, ...(rec.kind ? { kind: rec.kind as LetterKind } : {}) });

  return {
    output: JSON.stringify({ id: rec.id, violations: result.violations, findings: result.findings }),
    flagged: result.violations.length > 0,
  };
}

function writeTo(stream: WriteStream, text: string): Promise<void> | undefined {
  if (stream.write(text)) return undefined;

  return new Promise((resolve) => stream.once('drain', resolve));
}

function opened(stream: EventEmitter): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
}

async function lintJsonl(io: Io, input: string, outFile: string | undefined): Promise<void> {
  const source = input === '-' ? process.stdin : createReadStream(input);
  // Fail before anything is written when the input or the output cannot be opened.
  if (source !== process.stdin) await opened(source);
  const out = outFile ? createWriteStream(outFile) : undefined;
  if (out) await opened(out);
  let lineNo = 0;
  let letters = 0;
  let flagged = 0;
  let malformed = 0;
  try {
    for await (const line of createInterface({ input: source, crlfDelay: Number.POSITIVE_INFINITY })) {
      lineNo++;
      const r = lintLine(line);
      if (r.error) {
        malformed++;
        io.err(`redcard lint: line ${lineNo}: ${r.error}; skipped\n`);
        continue;
      }
      if (r.output === undefined) continue;
      letters++;
      if (r.flagged) flagged++;
      if (out) await writeTo(out, `${r.output}\n`);
      else io.out(`${r.output}\n`);
    }
  } finally {
    if (out) await new Promise<void>((resolve) => out.end(resolve));
  }
  io.err(
    `redcard lint: ${lineNo} lines, ${letters} letters, ${flagged} with problems, ${malformed} malformed skipped${outFile ? `; wrote ${outFile}` : ''}\n`,
  );
}

/** 1-based line and column of `offset` in `text`, for editor-style locations. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;

  return { line, column: offset - before.lastIndexOf('\n') };
}

function excerpt(text: string, f: ToneFinding): string {
  const span = text.slice(f.start, f.end).replace(/\s+/g, ' ').trim();

  return span.length > 60 ? `${span.slice(0, 57)}...` : span;
}

/** The human-readable report of one checked file. */
export function formatFileReport(file: string, text: string, result: ToneResult): string {
  const lines = result.findings.map((f) => {
    const { line, column } = lineAndColumn(text, f.start);
    const whole = f.start === 0 && f.end === text.length;

    return `${file}:${line}:${column}  ${f.code}  ${whole ? '(whole text)' : JSON.stringify(excerpt(text, f))}  ${f.message}`;
  });
  const summary =
    result.violations.length === 0
      ? `${file}: no problems found (${result.words} words)`
      : `${file}: ${result.violations.length} problem${result.violations.length === 1 ? '' : 's'}: ${result.violations.join(', ')} (${result.words} words)`;

  return `${[...lines, summary].join('\n')}\n`;
}

function choice<T extends string>(name: string, values: readonly T[]) {
  return (value: string): T => {
    const v = value.toLowerCase();
    if (!isOneOf(values, v)) throw new InvalidArgumentError(`unknown ${name} "${value}"; use one of ${values.join(', ')}.`);

    return v;
  };
}

const yesNo = (value: string): boolean => {
  const v = value.toLowerCase();
  if (v === 'yes' || v === 'true') return true;
  if (v === 'no' || v === 'false') return false;
  throw new InvalidArgumentError(`expected yes or no, got "${value}".`);
};

interface LintOptions {
  jsonl?: string;
  out?: string;
  lang?: LetterLang;
  kind?: LetterKind;
  clientPaid?: boolean;
  abusive?: boolean;
  json?: boolean;
}

/** The `lint` command; `setExit` receives 1 when a checked file has problems. */
export function lintCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('lint')
    .description('check the tone of a letter: one text file (with --lang), or JSON Lines of {id, lang, text, context?, kind?}')
    .argument('[file]', 'a UTF-8 text file with one draft')
    .option('--jsonl <file>', 'JSON Lines input (- for stdin); one result per line out')
    .option('--out <file>', 'with --jsonl: write the results here instead of stdout')
    .option('--lang <lang>', `the file's language: ${LETTER_LANGS.join(', ')}`, choice('language', LETTER_LANGS))
    .option('--kind <kind>', `what the text is (default termination): ${LETTER_KINDS.join(', ')}`, choice('kind', LETTER_KINDS))
    .option('--client-paid <yes|no>', 'whether the client paid (a referral is wrong if not, X8)', yesNo)
    .option('--abusive <yes|no>', 'whether the client was abusive (a referral is wrong if so, X8)', yesNo)
    .option('--json', 'print the result as JSON')
    .action(async (file: string | undefined, options: LintOptions, cmd: Command) => {
      if (options.jsonl !== undefined) {
        if (file !== undefined) cmd.error('redcard lint: give either FILE or --jsonl, not both.', { exitCode: EXIT.usage });
        await lintJsonl(io, options.jsonl, options.out);
        return;
      }
      if (file === undefined) cmd.error('redcard lint: give a FILE (with --lang) or --jsonl IN.', { exitCode: EXIT.usage });
      if (options.lang === undefined)
        cmd.error(`redcard lint: --lang is required with a file (${LETTER_LANGS.join(', ')}).`, { exitCode: EXIT.usage });
      if (options.out !== undefined)
        cmd.error('redcard lint: --out goes with --jsonl; a file is reported on stdout.', { exitCode: EXIT.usage });
      const text = await readFile(file, 'utf8');
      const context: ToneContext = {
        ...(options.clientPaid !== undefined ? { client_paid: options.clientPaid } : {}),
        ...(options.abusive !== undefined ? { abusive: options.abusive } : {}),
      };
      const result = checkTone(text, { lang: options.lang, context, ...(options.kind ? { kind: options.kind } : {}) });
      io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatFileReport(file, text, result));
      if (result.violations.length > 0) setExit(EXIT.failure);
    });
}
