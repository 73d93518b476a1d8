/**
 * CSV (and TSV) exports of messages, streamed through csv-parse. The first record is the header;
 * a column map names which columns hold the fields (`{ text: 'body', sent_at: 'date', from: 'sender' }`).
 * Without a map, common header names are recognised (text/body/message/content, date/sent_at/
 * timestamp, from/sender/author, ...). The delimiter is `,` `;` tab or `|`, taken from the header
 * line unless given; the encoding is `--encoding` or detected (decode.ts). A malformed record is
 * reported with its line and skipped.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { openText } from './text-file.js';
import { isoFromLoose } from './time.js';
import type { ImportedMessage, ReaderOptions } from './types.js';
import { IngestError } from './types.js';

export const CSV_FIELDS = ['text', 'sent_at', 'from', 'from_address', 'to', 'subject', 'message_id', 'lang'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export type CsvMap = Partial<Record<CsvField, string>>;

const GUESSES: Record<CsvField, string[]> = {
  text: ['text', 'body', 'message', 'content', 'msg', 'текст', 'сообщение', 'mesaj', 'tekstas', 'žinutė'],
  sent_at: ['sent_at', 'date', 'datetime', 'timestamp', 'time', 'sent', 'created_at', 'дата', 'data'],
  from: ['from', 'sender', 'author', 'from_name', 'name', 'user', 'от', 'отправитель', 'expeditor', 'siuntėjas'],
  from_address: ['from_address', 'email', 'from_email', 'sender_email', 'address'],
  to: ['to', 'recipient', 'to_address'],
  subject: ['subject', 'title', 'тема', 'subiect', 'tema'],
  message_id: ['message_id', 'id', 'msg_id'],
  lang: ['lang', 'language'],
};

/** Parses `text=body,sent_at=date,from=sender` (the CLI's --csv-map). */
export function parseCsvMap(spec: string): CsvMap {
  const map: CsvMap = {};
  for (const pair of spec.split(',')) {
    if (!pair.trim()) continue;
    const eq = pair.indexOf('=');
    const key = pair.slice(0, eq).trim();
    const col = pair.slice(eq + 1).trim();
    if (eq < 0 || !col) throw new Error(`--csv-map: "${pair}" is not field=column`);
    if (!(CSV_FIELDS as readonly string[]).includes(key))
      throw new Error(`--csv-map: unknown field "${key}" (fields: ${CSV_FIELDS.join(', ')})`);
    map[key as CsvField] = col;
  }
  return map;
}

export interface CsvOptions extends ReaderOptions {
  map?: CsvMap;
  delimiter?: string;
}

function sniffDelimiter(headerLine: string): string {
  let best = ',';
  let count = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = headerLine.split(d).length - 1;
    if (n > count) {
      best = d;
      count = n;
    }
  }
  return best;
}

export async function* readCsv(file: string, options: CsvOptions = {}): AsyncGenerator<ImportedMessage> {
  const zone = options.timeZone ?? 'UTC';
  const text = await openText(file, 'csv', { encoding: options.encoding, onBytes: options.onBytes });
  if (text.guessed) {
    options.onProblem?.({
      source: { format: 'csv', file },
      severity: 'warning',
      message: `not UTF-8; decoded as ${text.encoding} (guessed)`,
    });
  }
  // Peek at the first chunk for the delimiter.
  const first = await text.chunks.next();
  const head = first.done ? '' : first.value;
  const delimiter = options.delimiter ?? sniffDelimiter(head.split(/\r?\n/, 1)[0] ?? '');
  async function* all(): AsyncGenerator<string> {
    if (head) yield head;
    yield* text.chunks;
  }

  const skipped: Array<{ line: number; message: string }> = [];
  const parser = Readable.from(all()).pipe(
    parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      info: true,
      on_skip: (err) => {
        if (err) skipped.push({ line: (err as { lines?: number }).lines ?? 0, message: err.message });
        return undefined;
      },
    }),
  );
  let columns: Map<CsvField, number> | undefined;
  let index = 0;
  let lastSkippedLine = -1;
  const report = () => {
    for (const s of skipped.splice(0)) {
      if (s.line === lastSkippedLine) continue; // csv-parse may report one bad record more than once
      lastSkippedLine = s.line;
      options.onProblem?.({
        source: { format: 'csv', file, line: s.line },
        severity: 'error',
        message: `malformed record skipped: ${s.message}`,
      });
    }
  };
  for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    report();
    const cells = rec.record;
    if (!columns) {
      columns = resolveColumns(cells, options.map ?? {}, file);
      continue;
    }
    const line = rec.info.lines;
    const get = (f: CsvField) => {
      const i = columns?.get(f);
      return i === undefined ? undefined : cells[i]?.trim() || undefined;
    };
    const source = { format: 'csv' as const, file, index: index++, line };
    const body = get('text');
    if (body === undefined) {
      options.onProblem?.({ source, severity: 'warning', message: 'record without text: skipped' });
      continue;
    }
    const rawDate = get('sent_at');
    const sentAt = isoFromLoose(rawDate, zone);
    if (rawDate && !sentAt) options.onProblem?.({ source, severity: 'warning', message: `unreadable date "${rawDate.slice(0, 40)}"` });
    const msg: ImportedMessage = { source, sent_at: sentAt ?? '', from: {}, text: body.replace(/\r\n?/g, '\n'), attachments: [] };
    const name = get('from');
    const address = get('from_address');
    if (name && /^[^\s@<>]+@[^\s@<>]+$/.test(name) && !address) msg.from.address = name.toLowerCase();
    else if (name) msg.from.name = name;
    if (address) msg.from.address = address.toLowerCase();
    const to = get('to');
    if (to) msg.to = to.split(/[;,]\s*/).map((t) => (t.includes('@') ? { address: t.toLowerCase() } : { name: t }));
    const subject = get('subject');
    if (subject) msg.subject = subject;
    const id = get('message_id');
    if (id) msg.message_id = id;
    const lang = get('lang');
    if (lang) msg.lang_hint = lang.toLowerCase();
    yield msg;
  }
  report();
  if (!columns) throw new IngestError(`${file} has no header row`, file, 'csv');
}

function resolveColumns(header: string[], map: CsvMap, file: string): Map<CsvField, number> {
  const names = header.map((h) => h.trim().toLowerCase());
  const out = new Map<CsvField, number>();
  for (const f of CSV_FIELDS) {
    const wanted = map[f];
    if (wanted !== undefined) {
      const i = names.indexOf(wanted.trim().toLowerCase());
      const n = /^\d+$/.test(wanted) ? Number(wanted) - 1 : -1; // a 1-based column number also works
      if (i >= 0) out.set(f, i);
      else if (n >= 0 && n < header.length) out.set(f, n);
      else throw new IngestError(`${file}: no column "${wanted}" for ${f} (columns: ${header.join(', ').slice(0, 200)})`, file, 'csv');
      continue;
    }
    const i = names.findIndex((n) => GUESSES[f].includes(n) && ![...out.values()].includes(names.indexOf(n)));
    if (i >= 0) out.set(f, i);
  }
  if (!out.has('text')) {
    throw new IngestError(
      `${file}: no text column found (columns: ${header.join(', ').slice(0, 200)}); name it with --csv-map text=COLUMN`,
      file,
      'csv',
    );
  }
  return out;
}
