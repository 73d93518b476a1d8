/** A single .eml file: one RFC 5322 message, parsed in a worker with the same size cap and time limit as mbox. */
import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_PARSE_TIMEOUT_MS, fromLineDate } from './mbox.js';
import { MailPool } from './pool.js';
import { type ImportedMessage, IngestError, type ReaderOptions } from './types.js';

const HEADER_LINE = /^[A-Za-z][A-Za-z0-9-]*:/;

export async function* readEml(file: string, options: ReaderOptions = {}): AsyncGenerator<ImportedMessage> {
  const source = { format: 'eml' as const, file, index: 0 };
  const size = (await stat(file)).size;
  const max = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  if (size === 0) throw new IngestError(`${file} is empty`, file, 'eml');
  if (size > max) {
    options.onProblem?.({ source, severity: 'error', message: `message of ${size} bytes is over the ${max}-byte limit: skipped` });
    return;
  }
  let raw: Buffer = await readFile(file);
  options.onBytes?.(size, size);
  let head = raw.toString('latin1', 0, Math.min(raw.length, 1024)).replace(/^[\r\n]+/, '');
  let fallbackDate: string | undefined;
  if (head.startsWith('From ')) {
    // An mbox-style From_ line in front of the headers (some clients save .eml like that).
    const eol = raw.indexOf(10);
    fallbackDate = fromLineDate(head.slice(0, head.indexOf('\n')));
    raw = raw.subarray(eol + 1);
    head = raw.toString('latin1', 0, Math.min(raw.length, 1024));
  }
  if (!HEADER_LINE.test(head)) throw new IngestError(`${file} is not an e-mail message: it does not start with a header line`, file, 'eml');
  const pool = new MailPool({ workers: 1, timeoutMs: options.parseTimeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS });
  try {
    const { mail, warnings } = await pool.parse(raw, {
      withAttachmentBytes: options.withAttachmentBytes,
      ...(fallbackDate ? { fallbackDate } : {}),
    });
    for (const w of warnings) options.onProblem?.({ source, severity: 'warning', message: w });
    const { sent_at, ...rest } = mail;
    yield { source, ...rest, sent_at: sent_at ?? '' };
  } catch (error) {
    options.onProblem?.({ source, severity: 'error', message: `unparseable message skipped: ${(error as Error).message}` });
  } finally {
    await pool.close();
  }
}
