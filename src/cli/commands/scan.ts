/**
 * `redcard scan FILE`: reads a mail archive or chat export with the matching streaming reader,
 * runs the detector on every message and prints a report per sender (messages, flagged, counts
 * per code, the strongest examples with their matched words) and the problems found. Nothing is
 * stored. A progress bar with counts and rate is drawn on stderr when it is a terminal.
 */

import { Command, Option } from 'commander';
import { type DetectLang, detect, type Finding } from '../../detect/detect.js';
import { parseCsvMap } from '../../ingest/csv.js';
import {
  IMPORT_FORMATS,
  type ImportedMessage,
  type ImportFormat,
  type ImportProblem,
  readMessages,
  resolveFormat,
} from '../../ingest/index.js';
import { checkTimeZone } from '../../ingest/time.js';
import { type Io, printJson, table } from '../io.js';
import { startProgress } from '../progress.js';

const LANGS = new Set(['en', 'ru', 'ro', 'lt']);
const MAX_PROBLEMS_KEPT = 200;

export interface ScanExample {
  code: string;
  severity: number;
  rule: string;
  /** The matched words. */
  match: string;
  /** The sentence or line around them, trimmed to ~160 characters. */
  context: string;
  sent_at: string;
  where: string;
}

export interface SenderReport {
  sender: string;
  name?: string;
  address?: string;
  messages: number;
  flagged: number;
  codes: Record<string, number>;
  examples: ScanExample[];
}

export interface ScanReport {
  file: string;
  format: ImportFormat;
  messages: number;
  flagged: number;
  senders: SenderReport[];
  problems: { errors: number; warnings: number; list: ImportProblem[] };
  elapsed_ms: number;
}

interface ScanOptions {
  format: ImportFormat | 'auto';
  tz?: string;
  csvMap?: string;
  delimiter?: string;
  encoding?: string;
  examples: string;
  maxMessageMb?: string;
  json?: boolean;
}

function where(m: ImportedMessage): string {
  const s = m.source;
  const at = s.entry ? `${s.entry}#${s.index ?? 0}` : s.line !== undefined ? `line ${s.line}` : `#${s.index ?? 0}`;
  return `${s.format} ${at}`;
}

function contextOf(text: string, f: Finding): string {
  const from = Math.max(0, f.start - 60);
  const to = Math.min(text.length, f.end + 60);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

/** Keeps the `n` strongest examples: higher severity first, then earlier messages. */
function keepExample(list: ScanExample[], ex: ScanExample, n: number): void {
  if (list.some((e) => e.rule === ex.rule && e.match.toLowerCase() === ex.match.toLowerCase())) return;
  list.push(ex);
  list.sort((a, b) => b.severity - a.severity);
  if (list.length > n) list.pop();
}

function senderKey(m: ImportedMessage): { key: string; name?: string; address?: string } {
  const { name, address } = m.from;
  return { key: address ?? name ?? '(unknown sender)', ...(name ? { name } : {}), ...(address ? { address } : {}) };
}

function problemLine(p: ImportProblem): string {
  const s = p.source;
  const at = [s.entry, s.line !== undefined ? `line ${s.line}` : undefined, s.index !== undefined ? `#${s.index}` : undefined]
    .filter(Boolean)
    .join(' ');
  return `${p.severity.padEnd(7)} ${at ? `${at}: ` : ''}${p.message}`;
}

export function scanCommand(io: Io): Command {
  return new Command('scan')
    .description('read a mail archive or chat export, find red flags and report per sender (nothing is stored)')
    .argument('<file>', 'mbox, .eml, CSV, Telegram result.json, WhatsApp .txt, or a Slack export folder or .zip')
    .addOption(new Option('--format <format>', 'the file format').choices(['auto', ...IMPORT_FORMATS]).default('auto'))
    .option('--tz <zone>', 'time zone of exports without one (WhatsApp, Slack, CSV), e.g. Europe/Vilnius', 'UTC')
    .option('--csv-map <map>', 'CSV columns, e.g. text=body,sent_at=date,from=sender')
    .option('--delimiter <char>', 'CSV delimiter (default: from the header line)')
    .option('--encoding <charset>', 'charset of CSV/WhatsApp text (default: UTF-8 or detected)')
    .option('--examples <n>', 'strongest examples shown per sender', '3')
    .option('--max-message-mb <mb>', 'skip mail messages larger than this (default 25)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: ScanOptions) => {
      const started = performance.now();
      const tz = options.tz ?? 'UTC';
      try {
        checkTimeZone(tz);
      } catch {
        throw new Error(`--tz: unknown time zone "${tz}" (use an IANA name such as Europe/Vilnius)`);
      }
      const csvMap = options.csvMap ? parseCsvMap(options.csvMap) : undefined;
      const nExamples = Math.max(0, Number.parseInt(options.examples, 10) || 0);
      const format = await resolveFormat(file, options.format);

      const problems: ImportProblem[] = [];
      let errors = 0;
      let warnings = 0;
      const senders = new Map<string, SenderReport>();
      let messages = 0;
      let flagged = 0;

      const progress = startProgress(io, {
        show: !options.json,
        format: ' {bar} {percentage}% | {messages} messages | {flagged} flagged | {problems} problems | {rate} msg/s',
        initial: { messages: 0, flagged: 0, problems: 0 },
      });

      try {
        const reader = readMessages(file, {
          format,
          timeZone: tz,
          ...(csvMap ? { csvMap } : {}),
          ...(options.delimiter ? { delimiter: options.delimiter.replace('\\t', '\t') } : {}),
          ...(options.encoding ? { encoding: options.encoding } : {}),
          ...(options.maxMessageMb ? { maxMessageBytes: Math.round(Number(options.maxMessageMb) * 1024 * 1024) } : {}),
          onProblem: (p) => {
            if (p.severity === 'error') errors++;
            else warnings++;
            if (problems.length < MAX_PROBLEMS_KEPT) problems.push(p);
          },
          onBytes: (read, all) => progress.bytes(read, all),
        });
        for await (const m of reader) {
          messages++;
          const hint = m.lang_hint?.slice(0, 2);
          const lang = hint && LANGS.has(hint) ? (hint as DetectLang) : undefined;
          const result = detect({ text: m.text, ...(lang ? { lang } : {}), ...(m.sent_at ? { sentAt: m.sent_at } : {}) });
          const who = senderKey(m);
          let s = senders.get(who.key);
          if (!s) {
            s = { sender: who.key, messages: 0, flagged: 0, codes: {}, examples: [] };
            if (who.name) s.name = who.name;
            if (who.address) s.address = who.address;
            senders.set(who.key, s);
          }
          if (!s.name && who.name) s.name = who.name;
          s.messages++;
          if (result.labels.length > 0) {
            flagged++;
            s.flagged++;
            for (const code of result.labels) s.codes[code] = (s.codes[code] ?? 0) + 1;
            for (const f of result.findings) {
              if (nExamples === 0) break;
              keepExample(
                s.examples,
                {
                  code: f.code,
                  severity: f.severity,
                  rule: f.rule,
                  match: m.text.slice(f.start, f.end),
                  context: contextOf(m.text, f),
                  sent_at: m.sent_at,
                  where: where(m),
                },
                nExamples,
              );
            }
          }
          progress.counts({ messages, flagged, problems: errors + warnings });
        }
      } finally {
        progress.counts({ messages, flagged, problems: errors + warnings });
        progress.stop();
      }

      const elapsed = performance.now() - started;
      const list = [...senders.values()].sort(
        (a, b) => b.flagged - a.flagged || b.messages - a.messages || a.sender.localeCompare(b.sender),
      );
      const report: ScanReport = {
        file,
        format,
        messages,
        flagged,
        senders: list,
        problems: { errors, warnings, list: problems },
        elapsed_ms: Math.round(elapsed),
      };
      if (options.json) printJson(io, report);
      else io.out(renderReport(report));
      const secs = elapsed / 1000;
      io.err(
        `redcard scan: ${messages} messages from ${list.length} senders, ${flagged} flagged, ${errors} errors, ${warnings} warnings; ` +
          `${secs.toFixed(1)} s (${Math.round(messages / Math.max(secs, 0.001))} messages/s). Nothing was stored.\n`,
      );
    });
}

export function renderReport(r: ScanReport): string {
  const lines: string[] = [];
  lines.push(`Scanned ${r.file} (${r.format}): ${r.messages} messages from ${r.senders.length} senders, ${r.flagged} flagged.`);
  for (const s of r.senders) {
    const who = s.name && s.address && s.name !== s.address ? `${s.name} <${s.address}>` : s.sender;
    const pct = s.messages > 0 ? ` (${((100 * s.flagged) / s.messages).toFixed(1)}%)` : '';
    lines.push('', `${who}: ${s.messages} messages, ${s.flagged} flagged${pct}`);
    const codes = Object.entries(s.codes).sort((a, b) => b[1] - a[1]);
    if (codes.length > 0) lines.push(`  ${codes.map(([c, n]) => `${c} ${n}`).join(', ')}`);
    if (s.examples.length > 0) {
      const rows = s.examples.map((e) => [`  [${e.severity}]`, e.code, `"${e.match}"`, e.rule, e.sent_at || '-', e.where]);
      lines.push(table(rows).trimEnd());
      for (const e of s.examples) lines.push(`      ${e.rule}: ${e.context}`);
    }
  }
  if (r.problems.errors + r.problems.warnings > 0) {
    lines.push('', `Problems: ${r.problems.errors} errors, ${r.problems.warnings} warnings`);
    for (const p of r.problems.list) lines.push(`  ${problemLine(p)}`);
    const hidden = r.problems.errors + r.problems.warnings - r.problems.list.length;
    if (hidden > 0) lines.push(`  ... and ${hidden} more`);
  }
  return `${lines.join('\n')}\n`;
}
