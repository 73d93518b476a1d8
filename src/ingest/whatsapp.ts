/**
 * WhatsApp chat export (.txt), streamed line by line. A message starts with a date and time, in
 * the shapes WhatsApp writes for the en, ru, ro and lt locales on Android and iOS:
 *
 *   12/31/24, 11:59 PM - Name: text          (en-US, Android)
 *   31/12/2024, 23:59 - Name: text           (en-GB, ro, Android)
 *   31.12.2024, 23:59 - Name: text           (ru, ro, Android)
 *   2024-12-31 23:59 - Name: text            (lt, Android)
 *   [31.12.24, 23:59:59] Name: text          (iOS, any locale)
 *   [12/31/24, 11:59:59 PM] Name: text       (iOS, en-US)
 *
 * Lines that do not start that way continue the previous message (multi-line messages). Lines
 * with a date but no "Name: " (joins, encryption notices, subject changes) are system lines and
 * are skipped. Dotted dates are day-first, ISO dates year-first. Slash dates are decided from the
 * first 64 KB: a first number above 12 means day-first, a second number above 12 means
 * month-first; with no such evidence, AM/PM times mean month-first (the US format), otherwise
 * day-first. The export has no time zone: `timeZone` (default UTC) places it.
 * Attached files named in the text ("<attached: x.jpg>", "x.jpg (file attached)") are hashed when
 * they sit next to the .txt (an unzipped export), and the placeholder is removed from the text.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { linesOf, openText } from './text-file.js';
import { wallToIso } from './time.js';
import type { ImportedAttachment, ImportedMessage, ReaderOptions } from './types.js';
import { IngestError } from './types.js';

const DATE = String.raw`(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})`;
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[\s\u202f\u00a0]?([AaPp])\.?\s?[Mm]\.?)?`;
const ANDROID = new RegExp(String.raw`^[\u200e\u200f]?${DATE},?\s${TIME}\s[-–]\s(.*)$`);
const IOS = new RegExp(String.raw`^[\u200e\u200f]?\[${DATE},?\s${TIME}\]\s(.*)$`);
const SENDER = /^([^:\u200e]{1,100}?): ([\s\S]*)$/;
const ATTACHED =
  /<attached: ([^>]{1,200})>|^\u200e?(\S{1,200}\.\w{1,5}) \((?:file attached|файл прикреплен|fișier atașat|failas pridėtas)\)/gu;

type Order = 'dmy' | 'mdy';

export interface WaHead {
  parts: [string, string, string, string];
  hour: number;
  minute: number;
  second: number;
  ampm?: string;
  rest: string;
}

export function matchHead(line: string): WaHead | undefined {
  const m = ANDROID.exec(line) ?? IOS.exec(line);
  if (!m) return undefined;
  const h: WaHead = {
    parts: [m[1]!, m[2]!, m[3]!, m[4]!],
    hour: Number(m[5]),
    minute: Number(m[6]),
    second: Number(m[7] ?? 0),
    rest: m[9]!,
  };
  if (m[8]) h.ampm = m[8].toLowerCase();
  return h;
}

/** Day-first or month-first, from the heads of the first lines (see the module comment). */
export function dateOrder(heads: WaHead[]): Order {
  let ampm = false;
  for (const h of heads) {
    if (h.parts[1] !== '/') continue;
    if (Number(h.parts[0]) > 12) return 'dmy';
    if (Number(h.parts[2]) > 12) return 'mdy';
    if (h.ampm) ampm = true;
  }
  return ampm ? 'mdy' : 'dmy';
}

export function headToIso(h: WaHead, order: Order, zone: string): string | undefined {
  const [a, sep, b, c] = h.parts;
  let y: number;
  let mo: number;
  let d: number;
  if (a.length === 4) [y, mo, d] = [Number(a), Number(b), Number(c)];
  else if (sep === '/' && order === 'mdy') [mo, d, y] = [Number(a), Number(b), Number(c)];
  else [d, mo, y] = [Number(a), Number(b), Number(c)];
  if (y < 100) y += 2000;
  let hour = h.hour;
  if (h.ampm) {
    if (hour > 12) return undefined;
    hour = (hour % 12) + (h.ampm === 'p' ? 12 : 0);
  }
  return wallToIso(y, mo, d, hour, h.minute, h.second, zone);
}

export async function* readWhatsApp(file: string, options: ReaderOptions = {}): AsyncGenerator<ImportedMessage> {
  const zone = options.timeZone ?? 'UTC';
  const text = await openText(file, 'whatsapp', { encoding: options.encoding, onBytes: options.onBytes });
  const dir = dirname(file);
  const lines = linesOf(text.chunks);
  // Look ahead at the first lines to settle the date order.
  const buffered: Array<{ text: string; line: number }> = [];
  const heads: WaHead[] = [];
  let size = 0;
  for (;;) {
    const r = await lines.next();
    if (r.done) break;
    const l = r.value;
    buffered.push(l);
    size += l.text.length;
    const h = matchHead(l.text);
    if (h) heads.push(h);
    if (size > 65536 || heads.length >= 500) break;
  }
  if (heads.length === 0) {
    throw new IngestError(`${file} is not a WhatsApp chat export: no line starts with a date and time`, file, 'whatsapp');
  }
  if (text.guessed) {
    options.onProblem?.({
      source: { format: 'whatsapp', file },
      severity: 'warning',
      message: `not UTF-8; decoded as ${text.encoding} (guessed)`,
    });
  }
  const order = dateOrder(heads);
  let index = 0;

  let cur: { line: number; sentAt: string; name: string; parts: string[] } | undefined;
  const flush = async (): Promise<ImportedMessage | undefined> => {
    if (!cur) return undefined;
    const c = cur;
    cur = undefined;
    const attachments: ImportedAttachment[] = [];
    let body = c.parts.join('\n');
    const found: string[] = [];
    body = body.replace(ATTACHED, (_all, a?: string, b?: string) => {
      found.push((a ?? b)!.trim());
      return '';
    });
    for (const name of found) {
      const path = join(dir, basename(name));
      try {
        const st = await stat(path);
        if (st.isFile() && st.size <= (options.maxMessageBytes ?? 25 * 1024 * 1024)) {
          const bytes = await readFile(path);
          attachments.push({
            file_name: basename(name),
            media_type: mediaTypeOf(name),
            size_bytes: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
          });
        }
      } catch {
        // the file was not exported with the chat
      }
    }
    return {
      source: { format: 'whatsapp', file, index: index++, line: c.line },
      sent_at: c.sentAt,
      from: { name: c.name },
      text: body.replace(/\u200e/g, '').trim(),
      attachments,
    };
  };

  async function* all(): AsyncGenerator<{ text: string; line: number }> {
    yield* buffered;
    for (;;) {
      const r = await lines.next();
      if (r.done) return;
      yield r.value;
    }
  }

  for await (const l of all()) {
    const h = matchHead(l.text);
    if (!h) {
      if (cur) cur.parts.push(l.text);
      continue;
    }
    const sender = SENDER.exec(h.rest);
    if (!sender) {
      // A system line ends the message before it.
      const m = await flush();
      if (m) yield m;
      continue;
    }
    const m = await flush();
    if (m) yield m;
    const sentAt = headToIso(h, order, zone);
    if (!sentAt) {
      options.onProblem?.({
        source: { format: 'whatsapp', file, line: l.line },
        severity: 'warning',
        message: `unreadable date or time: ${l.text.slice(0, 40)}`,
      });
    }
    cur = { line: l.line, sentAt: sentAt ?? '', name: sender[1]!.replace(/[\u200e\u202a\u202c]/g, '').trim(), parts: [sender[2]!] };
  }
  const last = await flush();
  if (last) yield last;
}

function mediaTypeOf(name: string): string {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  const types: Record<string, string> = {
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    webp: 'image/webp',
    gif: 'image/gif',
    mp4: 'video/mp4',
    opus: 'audio/ogg',
    ogg: 'audio/ogg',
    pdf: 'application/pdf',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    vcf: 'text/vcard',
    txt: 'text/plain',
  };
  return types[ext] ?? 'application/octet-stream';
}
