/**
 * A letter draft as an .eml message (RFC 5322 + MIME) a mail client opens ready to send: UTF-8
 * plain text, base64-encoded so any line length and any script survive transport, and the
 * subject and display names as RFC 2047 encoded-words. Pure: the date and the Message-ID are
 * arguments. Without a recipient address the message carries `X-Unsent: 1`, which Outlook and
 * Thunderbird open as a draft to complete.
 */
import type { Draft } from '../core/letters/drafts.js';

export const EML_MEDIA_TYPE = 'message/rfc822';

export interface Mailbox {
  name: string;
  /** An e-mail address; without one only the name is known and the header is left for the mail client. */
  address?: string | null;
}

export interface LetterEmlInput {
  draft: Draft;
  from: Mailbox;
  to: Mailbox;
  /** The Date header. */
  date: Date;
  /** Without angle brackets, e.g. "1732300000.abc@redcard.local". */
  messageId: string;
}

const encoder = new TextEncoder();
/** RFC 2047 §2: an encoded-word is at most 75 characters; "=?UTF-8?B?" + "?=" take 12 of them. */
const MAX_ENCODED_WORD = 75;
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);

  return btoa(binary);
}

/**
 * Text for a header: as is when it is printable ASCII, else RFC 2047 "B" encoded-words of at most
 * 75 characters each, split between characters (never inside a UTF-8 sequence), separated by
 * folding whitespace.
 */
export function encodeHeaderText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text) && !text.includes('=?')) return text;
  const words: string[] = [];
  let chunk = '';
  // Base64 writes 4 characters per 3 bytes: 63 characters of room hold 15 groups, 45 bytes.
  const maxBytes = Math.floor((MAX_ENCODED_WORD - 12) / 4) * 3;
  for (const ch of text) {
    if (encoder.encode(chunk + ch).length > maxBytes) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);

  return words.map((w) => `=?UTF-8?B?${base64(encoder.encode(w))}?=`).join('\r\n ');
}

function mailbox(m: Mailbox, header: string): string | null {
  const name = m.name.replace(/[\r\n]+/g, ' ').trim();
  if (m.address && !ADDRESS.test(m.address)) throw new RangeError(`${header}: "${m.address}" is not an e-mail address`);
  if (!m.address) return null;

  return name ? `${encodeHeaderText(name)} <${m.address}>` : `<${m.address}>`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 §3.3 date in UTC: "Sun, 22 Nov 2026 09:30:00 +0000". */
export function rfc5322Date(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');

  return `${DAYS[date.getUTCDay()]}, ${p(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())} +0000`;
}

/** The .eml bytes for a draft. */
export function letterToEml(input: LetterEmlInput): Uint8Array {
  if (!/^[\x21-\x7e]+@[\x21-\x7e]+$/.test(input.messageId) || /[<>]/.test(input.messageId)) {
    throw new RangeError(`Message-ID must look like "local@domain" without brackets, got "${input.messageId}"`);
  }
  const from = mailbox(input.from, 'From');
  const to = mailbox(input.to, 'To');
  const headers = [
    ...(from ? [`From: ${from}`] : []),
    ...(to ? [`To: ${to}`] : ['X-Unsent: 1']),
    `Subject: ${encodeHeaderText(input.draft.subject)}`,
    `Date: ${rfc5322Date(input.date)}`,
    `Message-ID: <${input.messageId}>`,
    `Content-Language: ${input.draft.lang}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
  ];
  const body = base64(encoder.encode(input.draft.body.replace(/\r?\n/g, '\r\n')))
    .match(/.{1,76}/g)
    ?.join('\r\n');

  return encoder.encode(`${headers.join('\r\n')}\r\n\r\n${body ?? ''}\r\n`);
}
