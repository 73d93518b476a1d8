/**
 * mbox archives, streamed: the file is read in 1 MB chunks and split on "From " separator lines
 * (a line starting "From " that carries a time, as every From_ line does); mboxrd quoting is
 * undone (">From " → "From ", ">>From " → ">From "). Each message is parsed by postal-mime in a
 * worker pool with a size cap and a time limit; over-limit and unparseable messages are reported
 * and skipped. Memory holds one message being split plus a window of messages in flight (bounded
 * in count and bytes), never the file.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { defaultWorkerCount, MailParseTimeout, MailPool } from './pool.js';
import { isoWithOffset, MONTHS } from './time.js';
import type { ImportedMessage, ImportProblem, ReaderOptions } from './types.js';
import { IngestError } from './types.js';

export const DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
export const DEFAULT_PARSE_TIMEOUT_MS = 10_000;

const NL_FROM = Buffer.from('\nFrom ', 'latin1');
const SEPARATOR = /^From \S*\s.*\d{1,2}:\d{2}/;
/** Longest From_ line waited for across chunks. */
const MAX_SEPARATOR_LINE = 4096;
/**
 * Messages in flight per worker, and raw bytes in flight in all: more than the pool hands its
 * workers (pool.ts), so they always have the next messages while the oldest waits to be read.
 */
const WINDOW_PER_WORKER = 160;
const WINDOW_BYTES = 16 << 20;

/** The asctime date of a From_ line ("From a@b Tue Dec 31 23:59:00 2024"), as UTC. */
export function fromLineDate(line: string): string | undefined {
  const m = /([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([+-]\d{4})\s+)?(\d{4})/.exec(line);
  if (!m) return undefined;
  const mo = MONTHS[m[1]!.toLowerCase()];
  if (!mo) return undefined;
  const t = Date.UTC(Number(m[7]), mo - 1, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5] ?? 0));
  return Number.isNaN(t) ? undefined : isoWithOffset(t, 0);
}

/** Undoes mboxrd quoting in place order: every line ">{n}From " loses one ">". */
export function unquoteFrom(msg: Buffer): Buffer {
  if (msg.indexOf('>From ', 0, 'latin1') < 0) return msg;
  const s = msg.toString('latin1').replace(/(^|\n)>(>*From )/g, '$1$2');
  return Buffer.from(s, 'latin1');
}

interface Split {
  raw: Buffer;
  index: number;
  fromLine: string;
  oversize: number;
}

/** Splits an mbox stream into raw messages (bytes), keeping at most `maxBytes` of each. */
export async function* splitMbox(
  file: string,
  maxBytes: number,
  onBytes?: (read: number, total: number) => void,
  onTruncatedEnd?: () => void,
): AsyncGenerator<Split> {
  const total = (await stat(file)).size;
  if (total === 0) throw new IngestError(`${file} is empty`, file, 'mbox');
  let read = 0;
  let carry: Buffer | null = null;
  let started = false;
  let parts: Buffer[] = [];
  let size = 0;
  let index = 0;
  let fromLine = '';
  let lastByte = 10;

  const append = (b: Buffer) => {
    if (b.length === 0) return;
    size += b.length;
    if (size <= maxBytes) parts.push(b);
    else parts = [];
  };
  const finish = (): Split => {
    let raw = size <= maxBytes ? (parts.length === 1 ? Buffer.from(parts[0]!) : Buffer.concat(parts)) : Buffer.alloc(0);
    // Drop the blank line that separates this message from the next From_ line.
    if (raw.length >= 2 && raw[raw.length - 1] === 10 && raw[raw.length - 2] === 10) raw = raw.subarray(0, raw.length - 1);
    else if (raw.length >= 3 && raw[raw.length - 1] === 10 && raw[raw.length - 2] === 13 && raw[raw.length - 3] === 10)
      raw = raw.subarray(0, raw.length - 2);
    const out: Split = { raw: unquoteFrom(raw), index: index++, fromLine, oversize: size > maxBytes ? size : 0 };
    parts = [];
    size = 0;
    return out;
  };

  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    read += chunk.length;
    lastByte = chunk[chunk.length - 1] ?? lastByte;
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    let pos = 0;
    let search = 0;
    if (!started) {
      const headText = buf.toString('latin1', 0, Math.min(buf.length, 4096));
      const first = headText.replace(/^[\r\n]+/, '');
      if (first.length < 5 && read < total) {
        carry = buf;
        continue;
      }
      const lead = headText.length - first.length;
      if (!first.startsWith('From ')) {
        throw new IngestError(
          `${file} is not an mbox archive: it does not start with a "From " separator line${/^[\x21-\x39\x3b-\x7e]+:/.test(first) ? ' (it looks like a single message: use --format eml)' : ''}`,
          file,
          'mbox',
        );
      }
      const eol = buf.indexOf(10, lead);
      if (eol < 0 && read < total) {
        carry = buf;
        continue;
      }
      const lineEnd = eol < 0 ? buf.length : eol;
      fromLine = buf.toString('latin1', lead, lineEnd).replace(/\r$/, '');
      started = true;
      pos = lineEnd + 1;
      search = lineEnd;
    }
    let keep = -1;
    for (;;) {
      const j = buf.indexOf(NL_FROM, search);
      if (j < 0) break;
      const at = j + 1;
      const eol = buf.indexOf(10, at);
      if (eol < 0) {
        // A From_ line is short: a longer unfinished line is text, not a separator to wait for.
        if (buf.length - at > MAX_SEPARATOR_LINE) break;
        keep = j; // the candidate line is incomplete: carry it into the next chunk
        break;
      }
      const line = buf.toString('latin1', at, eol).replace(/\r$/, '');
      if (!SEPARATOR.test(line)) {
        search = at;
        continue;
      }
      append(buf.subarray(pos, at));
      yield finish();
      fromLine = line;
      pos = eol + 1;
      search = eol;
    }
    if (keep < 0) {
      // Carry only a tail that could still become "From " with the next chunk; everything else
      // is message text. (Carrying whole lines would hold a file without newlines in memory.)
      const lastNl = buf.lastIndexOf(10);
      keep = lastNl >= pos && buf.length - lastNl - 1 < 5 ? lastNl : buf.length;
    }
    if (keep < pos) keep = pos;
    if (keep > pos) append(buf.subarray(pos, keep));
    // The carried tail starts at a newline, so a separator at the chunk boundary is still found.
    carry = keep < buf.length ? Buffer.from(buf.subarray(keep)) : null;
    onBytes?.(read, total);
  }
  if (!started) throw new IngestError(`${file} is not an mbox archive: it does not start with a "From " separator line`, file, 'mbox');
  if (carry) append(carry);
  if (lastByte !== 10) onTruncatedEnd?.();
  yield finish();
}

/** Reads an mbox archive: messages in file order; problems (size, time, parse errors) reported and skipped. */
export async function* readMbox(file: string, options: ReaderOptions = {}): AsyncGenerator<ImportedMessage> {
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const report = (p: ImportProblem) => options.onProblem?.(p);
  const workers = options.workers ?? defaultWorkerCount();
  const pool = new MailPool({ workers, timeoutMs: options.parseTimeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS });
  // Messages in flight, in file order: each settles to the message (or null) and its problems,
  // which are reported when it leaves the window, so problems come in file order too.
  type Done = { message: ImportedMessage | null; problems: ImportProblem[] };
  const window: Array<{ index: number; bytes: number; result: Promise<Done> }> = [];
  const windowCount = Math.max(8, workers * WINDOW_PER_WORKER);
  let windowBytes = 0;
  let truncatedEnd = false;

  const submit = (s: Split): Promise<Done> => {
    const source = { format: 'mbox' as const, file, index: s.index };
    if (s.oversize) {
      const message = `message of ${s.oversize} bytes is over the ${maxBytes}-byte limit: skipped`;
      return Promise.resolve({ message: null, problems: [{ source, severity: 'error', message }] });
    }
    if (s.raw.length === 0 || (s.raw.length < 64 && s.raw.toString('latin1').trim() === '')) {
      return Promise.resolve({ message: null, problems: [{ source, severity: 'warning', message: 'empty message: skipped' }] });
    }
    const fallbackDate = fromLineDate(s.fromLine);
    const parseOptions = { withAttachmentBytes: options.withAttachmentBytes, ...(fallbackDate ? { fallbackDate } : {}) };
    return pool.parse(s.raw, parseOptions).then(
      ({ mail, warnings }): Done => {
        const { sent_at, ...rest } = mail;
        return {
          message: { source, ...rest, sent_at: sent_at ?? '' },
          problems: warnings.map((message) => ({ source, severity: 'warning', message })),
        };
      },
      (error: Error): Done => ({
        message: null,
        problems: [
          {
            source,
            severity: 'error',
            message:
              error instanceof MailParseTimeout ? `message skipped: ${error.message}` : `unparseable message skipped: ${error.message}`,
          },
        ],
      }),
    );
  };
  const settle = async (): Promise<ImportedMessage | null> => {
    const oldest = window.shift()!;
    windowBytes -= oldest.bytes;
    const done = await oldest.result;
    for (const p of done.problems) report(p);
    return done.message;
  };

  try {
    for await (const s of splitMbox(file, maxBytes, options.onBytes, () => (truncatedEnd = true))) {
      window.push({ index: s.index, bytes: s.raw.length, result: submit(s) });
      windowBytes += s.raw.length;
      while (window.length >= windowCount || windowBytes >= WINDOW_BYTES) {
        const m = await settle();
        if (m) yield m;
      }
    }
    const lastIndex = window.at(-1)?.index;
    while (window.length > 0) {
      const m = await settle();
      if (m) yield m;
    }
    if (truncatedEnd && lastIndex !== undefined) {
      report({
        source: { format: 'mbox', file, index: lastIndex },
        severity: 'warning',
        message: 'the file ends in the middle of a line: the last message is probably truncated',
      });
    }
  } finally {
    // Settle what is still in flight (an abandoned run), then stop the workers.
    await Promise.allSettled(window.map((w) => w.result));
    await pool.close();
  }
}
