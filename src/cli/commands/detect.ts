/**
 * `redcard detect --jsonl IN [--out OUT]`: runs the red-flag detector over JSON Lines, streaming.
 * Each input line is an object with `id`, `text`, and optionally `lang` (en|ru|ro|lt) and
 * `sent_at` (ISO with offset); each output line is `{"id","lang","labels","findings":[{"code",
 * "severity","start","end","rule"}]}`. Malformed lines are reported on stderr with their line
 * number and skipped; the run goes on. A summary goes to stderr at the end.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { type DetectLang, detect } from '../../detect/detect.js';
import type { Io } from '../io.js';

const LANGS = new Set<string>(['en', 'ru', 'ro', 'lt']);

export interface DetectLineResult {
  output?: string;
  error?: string;
  warning?: string;
  flagged?: boolean;
  bytes: number;
}

/** Runs one input line; returns the output line (without newline) or why it was skipped. Blank lines give neither. */
export function detectLine(line: string): DetectLineResult {
  const bytes = Buffer.byteLength(line);
  if (line.trim() === '') return { bytes };
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (error) {
    return { error: `not JSON (${(error as Error).message})`, bytes };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return { error: 'not a JSON object', bytes };
  const rec = obj as Record<string, unknown>;
  if (!('id' in rec) || rec.id === null || (typeof rec.id !== 'string' && typeof rec.id !== 'number')) {
    return { error: 'missing "id" (a string or number)', bytes };
  }
  if (typeof rec.text !== 'string') return { error: `"text" must be a string (id ${JSON.stringify(rec.id)})`, bytes };
  let warning: string | undefined;
  let lang: DetectLang | undefined;
  if (rec.lang !== undefined && rec.lang !== null && rec.lang !== '') {
    const l = String(rec.lang).toLowerCase().slice(0, 2);
    if (LANGS.has(l)) lang = l as DetectLang;
    else warning = `unknown lang ${JSON.stringify(rec.lang)} ignored (id ${JSON.stringify(rec.id)})`;
  }
  const sentAt = typeof rec.sent_at === 'string' && rec.sent_at ? rec.sent_at : undefined;
  const result = detect({ text: rec.text, ...(lang ? { lang } : {}), ...(sentAt ? { sentAt } : {}) });
  const output = JSON.stringify({
    id: rec.id,
    lang: result.lang,
    labels: result.labels,
    findings: result.findings.map((f) => ({ code: f.code, severity: f.severity, start: f.start, end: f.end, rule: f.rule })),
  });
  return { output, flagged: result.labels.length > 0, bytes, ...(warning ? { warning } : {}) };
}

function writeTo(stream: WriteStream, text: string): Promise<void> | undefined {
  if (stream.write(text)) return undefined;
  return new Promise((resolve) => stream.once('drain', resolve));
}

export function detectCommand(io: Io): Command {
  return new Command('detect')
    .description('find red flags in messages: JSON Lines in ({id, text, lang?, sent_at?} per line), one result per line out')
    .requiredOption('--jsonl <file>', 'the input, JSON Lines (- for stdin)')
    .option('--out <file>', 'write the results here instead of stdout')
    .action(async (options: { jsonl: string; out?: string }) => {
      const started = performance.now();
      const input = options.jsonl === '-' ? process.stdin : createReadStream(options.jsonl);
      // Fail before anything is written when the input cannot be opened at all.
      if (input !== process.stdin) {
        await new Promise<void>((resolve, reject) => {
          input.once('open', () => resolve());
          input.once('error', reject);
        });
      }
      const out = options.out ? createWriteStream(options.out) : undefined;
      if (out) {
        await new Promise<void>((resolve, reject) => {
          out.once('open', () => resolve());
          out.once('error', reject);
        });
      }
      let lineNo = 0;
      let messages = 0;
      let flagged = 0;
      let malformed = 0;
      let bytes = 0;
      let pending: string[] = [];
      const flush = async () => {
        if (pending.length === 0) return;
        const text = pending.join('');
        pending = [];
        if (out) await writeTo(out, text);
        else io.out(text);
      };
      try {
        const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
        for await (const line of rl) {
          lineNo++;
          const r = detectLine(line);
          bytes += r.bytes + 1;
          if (r.error) {
            malformed++;
            io.err(`redcard detect: line ${lineNo}: ${r.error}; skipped\n`);
            continue;
          }
          if (r.warning) io.err(`redcard detect: line ${lineNo}: ${r.warning}\n`);
          if (r.output === undefined) continue;
          messages++;
          if (r.flagged) flagged++;
          pending.push(`${r.output}\n`);
          if (pending.length >= 256) await flush();
        }
        await flush();
      } finally {
        if (out) await new Promise<void>((resolve) => out.end(resolve));
      }
      const secs = (performance.now() - started) / 1000;
      io.err(
        `redcard detect: ${lineNo} lines, ${messages} messages, ${flagged} flagged, ${malformed} malformed skipped; ` +
          `${(bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(2)} s${options.out ? `; wrote ${options.out}` : ''}\n`,
      );
    });
}
