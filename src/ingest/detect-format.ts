/** Which reader a file needs: by its extension, confirmed or decided by its first bytes. */
import { open, readdir, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { type ImportFormat, IngestError } from './types.js';
import { matchHead } from './whatsapp.js';

const BY_EXTENSION: Record<string, ImportFormat> = {
  '.mbox': 'mbox',
  '.mbx': 'mbox',
  '.eml': 'eml',
  '.msg822': 'eml',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.zip': 'slack',
};

/** Guesses the format from the first bytes alone (undefined when nothing fits). */
export function sniffFormat(head: Buffer): ImportFormat | undefined {
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return 'slack';
  const text = head.toString('utf8').replace(/^\ufeff/, '');
  const trimmed = text.replace(/^\s+/, '');
  if (trimmed.startsWith('From ')) return 'mbox';
  if (trimmed.startsWith('{')) return /"messages"\s*:|"chats"\s*:|"personal_chat"|"private_group"/.test(text) ? 'telegram' : undefined;
  const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
  if (matchHead(firstLine)) return 'whatsapp';
  if (
    /^(?:[\x21-\x39\x3b-\x7e]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+/.test(trimmed) &&
    /^(?:from|date|subject|to|received|message-id|return-path|mime-version|delivered-to|x-[\w-]+):/im.test(trimmed)
  )
    return 'eml';
  if (/^[^\r\n]*[,;\t][^\r\n]*\r?\n/.test(trimmed)) return 'csv';
  return undefined;
}

export async function detectFormat(path: string): Promise<ImportFormat> {
  const st = await stat(path);
  if (st.isDirectory()) {
    const names = await readdir(path);
    if (names.includes('users.json') || names.includes('channels.json')) return 'slack';
    throw new IngestError(`${path} is a folder but not a Slack export (no users.json or channels.json)`, path);
  }
  if (st.size === 0) throw new IngestError(`${path} is empty`, path);
  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(Math.min(st.size, 16384));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  const sniffed = sniffFormat(head);
  const ext = extname(path).toLowerCase();
  const byExt = BY_EXTENSION[ext];
  if (byExt === 'slack' || byExt === 'csv' || byExt === 'eml') return byExt;
  if (byExt === 'mbox') return 'mbox';
  if (ext === '.json') {
    if (sniffed === 'telegram') return 'telegram';
    throw new IngestError(
      `${path} is not a Telegram chat export (result.json): ${head.toString('utf8').trimStart().startsWith('{') ? 'no "messages" near the start' : 'not JSON'}`,
      path,
    );
  }
  if (ext === '.txt' && sniffed === 'whatsapp') return 'whatsapp';
  if (sniffed) return sniffed;
  throw new IngestError(`cannot tell the format of ${path}: use --format mbox|eml|csv|telegram|whatsapp|slack`, path);
}
