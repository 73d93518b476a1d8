/**
 * Telegram Desktop chat export (result.json), streamed element by element (json-stream.ts).
 *
 * - `text` is a string or an array of strings and entities (`{type, text}`): joined as shown.
 * - `date` is the exporter's local wall time without an offset and `date_unixtime` the instant:
 *   their difference is the offset, so `sent_at` keeps local time. With no `date_unixtime`, the
 *   `date` is read in the `timeZone` option.
 * - Service messages (joins, calls, pins) are skipped. Photos and files that were exported next to
 *   result.json are hashed as attachments; files left out of the export are not.
 * - A whole-account export (`chats.list[]`) is not supported: export one chat.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { type ArrayScan, jsonArrayItems, NotJsonError } from './json-stream.js';
import { openText } from './text-file.js';
import { isoFromLoose, isoWithOffset, wallToIso } from './time.js';
import type { ImportedAttachment, ImportedMessage, ReaderOptions } from './types.js';
import { IngestError } from './types.js';

type Entity = string | { type?: string; text?: string; href?: string };

interface TgMessage {
  id?: number;
  type?: string;
  date?: string;
  date_unixtime?: string;
  from?: string | null;
  from_id?: string;
  text?: string | Entity[];
  photo?: string;
  file?: string;
  file_name?: string;
  mime_type?: string;
  media_type?: string;
}

export function telegramText(text: TgMessage['text']): string {
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return '';
  return text.map((e) => (typeof e === 'string' ? e : typeof e?.text === 'string' ? e.text : '')).join('');
}

export function telegramSentAt(m: TgMessage, zone: string): string | undefined {
  const wall = m.date ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(m.date) : null;
  const unix = m.date_unixtime ? Number(m.date_unixtime) : Number.NaN;
  if (wall && Number.isFinite(unix)) {
    const asUtc = Date.UTC(Number(wall[1]), Number(wall[2]) - 1, Number(wall[3]), Number(wall[4]), Number(wall[5]), Number(wall[6]));
    const off = Math.round((asUtc - unix * 1000) / 60_000 / 15) * 15;
    if (Math.abs(off) <= 14 * 60) return isoWithOffset(unix * 1000, off);
  }
  if (Number.isFinite(unix)) return isoFromLoose(String(unix), zone);
  if (wall) return wallToIso(Number(wall[1]), Number(wall[2]), Number(wall[3]), Number(wall[4]), Number(wall[5]), Number(wall[6]), zone);
  return undefined;
}

async function hashFile(path: string): Promise<{ sha256: string; size: number } | undefined> {
  try {
    const st = await stat(path);
    if (!st.isFile()) return undefined;
    const h = createHash('sha256');
    for await (const b of createReadStream(path)) h.update(b as Buffer);
    return { sha256: h.digest('hex'), size: st.size };
  } catch {
    return undefined;
  }
}

export async function* readTelegram(file: string, options: ReaderOptions = {}): AsyncGenerator<ImportedMessage> {
  const zone = options.timeZone ?? 'UTC';
  const text = await openText(file, 'telegram', { encoding: options.encoding ?? 'utf-8', onBytes: options.onBytes });
  const scan: ArrayScan = { prefix: '', found: false, truncated: false };
  const base = dirname(file);
  let chatId: string | undefined;
  try {
    for await (const item of jsonArrayItems(text.chunks, 'messages', scan)) {
      const source = { format: 'telegram' as const, file, index: item.index, line: item.line };
      let m: TgMessage;
      try {
        m = JSON.parse(item.json) as TgMessage;
      } catch (error) {
        options.onProblem?.({ source, severity: 'error', message: `malformed message skipped: ${(error as Error).message}` });
        continue;
      }
      if (typeof m !== 'object' || m === null || Array.isArray(m)) {
        options.onProblem?.({ source, severity: 'error', message: 'message is not a JSON object: skipped' });
        continue;
      }
      if (m.type && m.type !== 'message') continue;
      const sentAt = telegramSentAt(m, zone);
      if (!sentAt) options.onProblem?.({ source, severity: 'warning', message: 'message without a readable date' });
      const attachments: ImportedAttachment[] = [];
      for (const rel of [m.photo, m.file]) {
        if (!rel || rel.startsWith('(')) continue; // "(File not included. Change data exporting settings to download.)"
        const path = resolve(base, rel);
        if (!path.startsWith(base)) continue;
        const h = await hashFile(path);
        if (!h) continue;
        attachments.push({
          file_name: m.file_name ?? rel.split('/').pop() ?? rel,
          media_type: m.mime_type ?? (rel === m.photo ? 'image/jpeg' : 'application/octet-stream'),
          size_bytes: h.size,
          sha256: h.sha256,
        });
      }
      const msg: ImportedMessage = { source, sent_at: sentAt ?? '', from: {}, text: telegramText(m.text), attachments };
      if (m.from) msg.from.name = m.from;
      if (m.from_id) msg.from.address = `telegram:${m.from_id}`;
      chatId ??= /"id"\s*:\s*(-?\d+)/.exec(scan.prefix)?.[1] ?? '';
      if (m.id !== undefined) msg.message_id = chatId ? `telegram:${chatId}:${m.id}` : `telegram:${m.id}`;
      yield msg;
    }
  } catch (error) {
    if (error instanceof NotJsonError) throw new IngestError(`${file} is not a Telegram export: ${error.message}`, file, 'telegram');
    throw error;
  }
  if (!scan.found) {
    throw new IngestError(
      `${file} is not a Telegram chat export: no "messages" array${scan.prefix.includes('"chats"') ? ' (a whole-account export: export one chat instead)' : ''}`,
      file,
      'telegram',
    );
  }
  if (scan.truncated) {
    options.onProblem?.({
      source: { format: 'telegram', file },
      severity: 'error',
      message: 'the file ends before the JSON is complete: truncated',
    });
  }
}
