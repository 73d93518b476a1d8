/**
 * `redcard import FILE --client NAME`: stores the messages of a mail archive or chat export in a
 * client's record, deduplicated (importing the same file again adds nothing), and the red flags
 * the detector finds in them as suggestions to confirm or dismiss. Streams the file (any size),
 * draws a progress bar on a terminal and prints a summary: read, stored, duplicates, skipped with
 * reasons, suggestions by code.
 */
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { resolveClient } from '../../app/clients.js';
import { type ImportSummary, importMessages } from '../../app/imports.js';
import { DomainError } from '../../core/errors.js';
import { parseCsvMap } from '../../ingest/csv.js';
import { IMPORT_FORMATS, type ImportFormat, IngestError, resolveFormat } from '../../ingest/index.js';
import { fileMessageSource } from '../../ingest/source.js';
import { checkTimeZone } from '../../ingest/time.js';
import { type Io, printJson, type StoreOptions, storeOptions, withWorkspace } from '../io.js';
import { startProgress } from '../progress.js';

interface ImportOptions extends StoreOptions {
  client: string;
  format: ImportFormat | 'auto';
  tz: string;
  csvMap?: string;
  delimiter?: string;
  encoding?: string;
  maxMessageMb?: string;
  me?: string[];
  workers?: string;
}

function invalid(path: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `Invalid import: ${path}: ${message}`, { issues: [{ path, message }] });
}

function positiveNumber(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw invalid(flag, 'must be a positive number');

  return n;
}

export function importCommand(io: Io): Command {
  return storeOptions(
    new Command('import')
      .description("store the messages of a mail archive or chat export in a client's record, with red-flag suggestions")
      .argument('<file>', 'mbox, .eml, CSV, Telegram result.json, WhatsApp .txt, or a Slack export folder or .zip')
      .requiredOption('--client <client>', 'client name (or part of it) or id')
      .addOption(new Option('--format <format>', 'the file format').choices(['auto', ...IMPORT_FORMATS]).default('auto'))
      .option('--tz <zone>', 'time zone of exports without one (WhatsApp, Slack, CSV), e.g. Europe/Vilnius', 'UTC')
      .option('--csv-map <map>', 'CSV columns, e.g. text=body,sent_at=date,from=sender')
      .option('--delimiter <char>', 'CSV delimiter (default: from the header line)')
      .option('--encoding <charset>', 'charset of CSV/WhatsApp text (default: UTF-8 or detected)')
      .option('--max-message-mb <mb>', 'skip mail messages larger than this (default 25)')
      .option('--me <address...>', 'your own addresses or names: your messages are stored as yours and not scanned')
      .option('--workers <n>', 'threads parsing mail (default: one per core but one, at least 1, at most 4)'),
  ).action(async (file: string, options: ImportOptions) => {
    const started = performance.now();
    try {
      checkTimeZone(options.tz);
    } catch {
      throw invalid('--tz', `unknown time zone "${options.tz}" (use an IANA name such as Europe/Vilnius)`);
    }
    let csvMap: ReturnType<typeof parseCsvMap> | undefined;
    try {
      csvMap = options.csvMap ? parseCsvMap(options.csvMap) : undefined;
    } catch (error) {
      throw invalid('--csv-map', (error as Error).message);
    }
    const maxMessageMb = positiveNumber(options.maxMessageMb, '--max-message-mb');
    const workers = positiveNumber(options.workers, '--workers');

    await withWorkspace(io, options, async (deps, workspace) => {
      const client = await resolveClient(deps, workspace.id, options.client);
      let format: ImportFormat;
      try {
        format = await resolveFormat(file, options.format);
      } catch (error) {
        if (error instanceof IngestError) throw new DomainError('VALIDATION_FAILED', `Nothing was imported: ${error.message}`);
        throw error;
      }
      const progress = startProgress(io, {
        show: !options.json,
        format: ' {bar} {percentage}% | {messages} read | {stored} stored | {duplicates} duplicates | {skipped} skipped | {rate} msg/s',
        initial: { messages: 0, stored: 0, duplicates: 0, skipped: 0 },
      });
      let summary: ImportSummary;
      try {
        summary = await importMessages(deps, {
          workspaceId: workspace.id,
          clientId: client.id,
          fileName: basename(file),
          format,
          providerAddresses: options.me ?? [],
          source: fileMessageSource(file, {
            format,
            timeZone: options.tz,
            ...(csvMap ? { csvMap } : {}),
            ...(options.delimiter ? { delimiter: options.delimiter.replace('\\t', '\t') } : {}),
            ...(options.encoding ? { encoding: options.encoding } : {}),
            ...(maxMessageMb ? { maxMessageBytes: Math.round(maxMessageMb * 1024 * 1024) } : {}),
            ...(workers ? { workers: Math.round(workers) } : {}),
            onBytes: (read, total) => progress.bytes(read, total),
          }),
          onProgress: (p) =>
            progress.counts({
              messages: p.counts.read,
              stored: p.counts.stored,
              duplicates: p.counts.duplicates,
              skipped: p.counts.skipped,
            }),
        });
      } finally {
        progress.stop();
      }

      const secs = (performance.now() - started) / 1000;
      if (options.json) printJson(io, { ...summary, client: { id: client.id, name: client.name } });
      else io.out(renderImportSummary(summary, client.name, secs));
      if (summary.import.status === 'failed') {
        throw new DomainError('VALIDATION_FAILED', `The import stopped: ${summary.import.error ?? 'unknown error'}`);
      }
    });
  });
}

/** The summary printed at the end of an import. */
export function renderImportSummary(summary: ImportSummary, clientName: string, secs: number): string {
  const { import: imp } = summary;
  const c = imp.counts;
  const lines = [
    `${imp.status === 'done' ? 'Imported' : 'Partly imported'} ${imp.fileName} (${imp.format}) into ${clientName}:`,
    `  read        ${c.read}`,
    `  stored      ${c.stored}`,
    `  duplicates  ${c.duplicates} (already stored)`,
    `  skipped     ${c.skipped}`,
  ];
  for (const [reason, n] of Object.entries(summary.skippedByReason)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)) {
    lines.push(`    ${n} × ${reason}`);
  }
  const codes = Object.entries(summary.suggestionsByCode).sort((a, b) => b[1] - a[1]);
  lines.push(`  suggestions ${c.suggestions}${codes.length > 0 ? ` (${codes.map(([code, n]) => `${code} ${n}`).join(', ')})` : ''}`);
  const warnings = imp.problems.length + summary.problemsNotKept;
  if (warnings > 0) {
    lines.push('', `Problems (${warnings}):`);
    for (const p of imp.problems.slice(0, 20)) lines.push(`  ${p.position}: ${p.message}`);
    if (warnings > 20) lines.push(`  ... and ${warnings - 20} more`);
  }
  if (imp.error) lines.push('', imp.error);
  lines.push('', `${secs.toFixed(1)} s, ${Math.round(c.read / Math.max(secs, 0.001))} messages/s. Import id ${imp.id}.`);

  return `${lines.join('\n')}\n`;
}
