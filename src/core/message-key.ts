/**
 * The dedupe key of an imported message, so importing the same file twice stores each message
 * once: its Message-ID when the source has one (mail), else a hash of who sent it, when, and its
 * text with insignificant differences (Unicode form, line endings, runs of white space) removed.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export interface KeyedMessage {
  /** The Message-ID header (with or without its angle brackets), when the source has one. */
  messageId?: string | undefined;
  /** The sender as the source names them (address preferred). */
  sender: string;
  /** ISO-8601 instant; the same instant in another offset gives the same key. */
  sentAt: string;
  text: string;
}

/** Longest Message-ID kept as is; a longer one is hashed so the key stays index-friendly. */
const MAX_ID_LENGTH = 300;

/** Text folded for comparison: NFC, no BOM or NUL, white space runs as one space, trimmed. */
export function normaliseForKey(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\ufeff\u0000]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function hashed(prefix: string, value: string): string {
  return `${prefix}:${bytesToHex(sha256(utf8ToBytes(value)))}`;
}

/** `mid:<id>` or `sha256:<hex>`; stable across runs, sources and processes. */
export function messageDedupeKey(message: KeyedMessage): string {
  const id = (message.messageId ?? '')
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim();
  if (id !== '') return id.length <= MAX_ID_LENGTH ? `mid:${id}` : hashed('midh', id);
  const ms = Date.parse(message.sentAt);
  const when = Number.isNaN(ms) ? message.sentAt : new Date(ms).toISOString();

  return hashed('sha256', `${message.sender.trim().toLowerCase()}\n${when}\n${normaliseForKey(message.text)}`);
}
