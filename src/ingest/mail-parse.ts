/**
 * One RFC 5322 message (bytes) to the importer's fields, with postal-mime. Runs inside the mail
 * worker threads (mail-worker.ts) and, for tests, directly.
 *
 * - The Date header keeps the sender's offset (postal-mime gives UTC only).
 * - HTML-only mail is converted to text (html.ts); attachments are hashed, never inlined.
 * - Text parts with no charset (or "us-ascii" with 8-bit bytes) that do not decode as UTF-8 are
 *   re-read byte for byte and their code page guessed (decode.ts). postal-mime would otherwise
 *   decode them as UTF-8 and put U+FFFD in place of every Cyrillic or Baltic letter.
 * - A multipart message without its closing boundary is reported as probably truncated.
 */
import { createHash } from 'node:crypto';
import PostalMime, { type Address } from 'postal-mime';
import { decodeBytes } from './decode.js';
import { htmlToText } from './html.js';
import { rfc5322ToIso } from './time.js';
import type { ImportedAttachment, Party } from './types.js';

export interface ParsedMail {
  message_id?: string;
  sent_at?: string;
  from: Party;
  to?: Party[];
  subject?: string;
  text: string;
  attachments: ImportedAttachment[];
  lang_hint?: string;
}

export interface ParseOutcome {
  mail: ParsedMail;
  warnings: string[];
}

function party(a: Address | undefined): Party | undefined {
  if (!a) return undefined;
  if (a.group) return a.group[0] ? party(a.group[0]) : a.name ? { name: a.name } : undefined;
  const p: Party = {};
  if (a.name) p.name = a.name;
  if (a.address) p.address = a.address.toLowerCase();
  return p.name || p.address ? p : undefined;
}

function parties(list: Address[] | undefined): Party[] | undefined {
  if (!list || list.length === 0) return undefined;
  const out: Party[] = [];
  for (const a of list) {
    if (a.group) for (const m of a.group) out.push(party(m) ?? {});
    else {
      const p = party(a);
      if (p) out.push(p);
    }
  }
  return out.length > 0 ? out : undefined;
}

// WHATWG windows-1252 maps every byte to one code point, so text decoded with it converts back to
// the exact bytes: the way to get a part's raw bytes out of postal-mime.
const BYTE_OF = new Map<string, number>();
{
  const all = new Uint8Array(256);
  for (let i = 0; i < 256; i++) all[i] = i;
  const s = new TextDecoder('windows-1252').decode(all);
  for (let i = 0; i < 256; i++) BYTE_OF.set(s[i]!, i);
}

function bytesOf1252(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  let i = 0;
  for (const c of s) out[i++] = BYTE_OF.get(c) ?? 0x3f;
  return out.subarray(0, i);
}

/** Marks every text part that has no usable charset as windows-1252 (see BYTE_OF). */
function markUndeclared(raw: Uint8Array): Uint8Array {
  let s = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
  let changed = false;
  s = s.replace(/^(content-type:[ \t]*text\/[a-z0-9.+-]+)((?:[^\r\n]*)(?:\r?\n[ \t][^\r\n]*)*)/gim, (all, head: string, params: string) => {
    const cs = /charset\s*=\s*"?([^";\s]+)/i.exec(params);
    if (cs && !/^(us-)?ascii$/i.test(cs[1]!)) return all;
    changed = true;
    return `${head}; charset=windows-1252${params.replace(/;?\s*charset\s*=\s*"?[^";\s]+"?/i, '')}`;
  });
  const headerEnd = s.search(/\r?\n\r?\n/);
  const topHeaders = headerEnd < 0 ? s : s.slice(0, headerEnd);
  if (!/^content-type:/im.test(topHeaders)) {
    s = `Content-Type: text/plain; charset=windows-1252\r\n${s}`;
    changed = true;
  }
  return changed ? Buffer.from(s, 'latin1') : raw;
}

/**
 * postal-mime decodes a part without a charset as UTF-8 (U+FFFD for every invalid byte) and one
 * declared "us-ascii" as windows-1252 (WHATWG), so either sign means 8-bit text of unknown charset.
 */
function needsRedecode(raw: Uint8Array, decoded: string): boolean {
  if (decoded.includes('\ufffd')) return true; // raw 8-bit bytes, or base64/QP-encoded ones
  if (!/[\u0080-\u00ff]/.test(decoded)) return false;
  return /charset\s*=\s*"?(us-)?ascii\b/i.test(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1'));
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function closingBoundaryMissing(raw: Uint8Array): boolean {
  const head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, 65536)).toString('latin1');
  const headerEnd = head.search(/\r?\n\r?\n/);
  const top = headerEnd < 0 ? head : head.slice(0, headerEnd);
  const ct = /^content-type:[ \t]*multipart\/[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/im.exec(top);
  if (!ct) return false;
  const b = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(ct[0]);
  const boundary = b?.[1] ?? b?.[2];
  if (!boundary) return false;
  return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).lastIndexOf(`--${boundary}--`, undefined, 'latin1') < 0;
}

function extOf(mime: string): string {
  const sub = mime.split('/')[1] ?? 'bin';
  return /^[a-z0-9]{1,8}$/.test(sub) ? sub : 'bin';
}

export async function parseMail(
  raw: Uint8Array,
  opts: { withAttachmentBytes?: boolean; fallbackDate?: string } = {},
): Promise<ParseOutcome> {
  const warnings: string[] = [];
  let email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  let text = email.text;
  let html = email.html;
  if (needsRedecode(raw, `${text ?? ''}${html ?? ''}`)) {
    const marked = markUndeclared(raw);
    if (marked !== raw) {
      const again = await PostalMime.parse(marked, { attachmentEncoding: 'arraybuffer' });
      const encodings = new Set<string>();
      const redo = (s: string | undefined) => {
        if (s === undefined) return undefined;
        const d = decodeBytes(bytesOf1252(s));
        if (d.guessed) encodings.add(d.encoding);
        return d.text;
      };
      text = redo(again.text);
      html = redo(again.html);
      email = again;
      if (encodings.size > 0) warnings.push(`text without a declared charset; decoded as ${[...encodings].join(', ')} (guessed)`);
    }
  }
  if (closingBoundaryMissing(raw)) warnings.push('multipart message ends before its closing boundary: probably truncated');

  const header = (key: string) => email.headers.find((h) => h.key === key)?.value;
  const dateHeader = header('date');
  let sentAt = rfc5322ToIso(dateHeader);
  if (!sentAt) {
    sentAt = opts.fallbackDate;
    warnings.push(dateHeader ? `unreadable Date header "${dateHeader.slice(0, 60)}"` : 'no Date header');
  }

  const body = text && text.trim().length > 0 ? text : html ? htmlToText(html) : (text ?? '');

  const attachments: ImportedAttachment[] = [];
  email.attachments.forEach((a, i) => {
    const content = a.content;
    const bytes =
      typeof content === 'string' ? new TextEncoder().encode(content) : content instanceof Uint8Array ? content : new Uint8Array(content);
    const att: ImportedAttachment = {
      file_name: a.filename || `attachment-${i + 1}.${extOf(a.mimeType)}`,
      media_type: a.mimeType || 'application/octet-stream',
      size_bytes: bytes.byteLength,
      sha256: sha256(bytes),
    };
    if (opts.withAttachmentBytes) att.bytes = bytes;
    attachments.push(att);
  });

  const mail: ParsedMail = { from: party(email.from) ?? party(email.sender) ?? {}, text: body.replace(/\r\n?/g, '\n'), attachments };
  const id = email.messageId?.trim().replace(/^<|>$/g, '');
  if (id) mail.message_id = id;
  if (sentAt) mail.sent_at = sentAt;
  const to = parties(email.to);
  if (to) mail.to = to;
  if (email.subject) mail.subject = email.subject;
  const lang = header('content-language')?.split(',')[0]?.trim();
  if (lang) mail.lang_hint = lang.toLowerCase();
  return { mail, warnings };
}
