/**
 * What every importer yields: one message of a mail archive or chat export, in one shape, with
 * where it came from. Readers are async generators of `ImportedMessage`; a bad item never throws,
 * it becomes an `ImportProblem` passed to `onProblem` and the reader continues. A file that is not
 * the claimed format at all fails with one `IngestError`.
 */

export type ImportFormat = 'mbox' | 'eml' | 'csv' | 'telegram' | 'whatsapp' | 'slack';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['mbox', 'eml', 'csv', 'telegram', 'whatsapp', 'slack'];

export interface ImportSource {
  format: ImportFormat;
  /** The file read (for Slack: the export folder or zip, plus the entry in `entry`). */
  file: string;
  /** 0-based position of the message in the file (mbox, Telegram, Slack). */
  index?: number;
  /** 1-based line where the message starts (CSV record, WhatsApp, JSON Lines). */
  line?: number;
  /** The entry inside an archive or folder (Slack: `general/2024-12-31.json`). */
  entry?: string;
}

export interface Party {
  name?: string;
  address?: string;
}

export interface ImportedAttachment {
  file_name: string;
  media_type: string;
  size_bytes: number;
  /** Lowercase hex SHA-256 of the decoded content: the evidence file's address. */
  sha256: string;
  /** The content itself, only when the reader was asked for it (`withAttachmentBytes`). */
  bytes?: Uint8Array;
}

export interface ImportedMessage {
  source: ImportSource;
  message_id?: string;
  /** ISO 8601 with the sender's UTC offset (e.g. `2024-12-31T23:59:00+02:00`) when known, else `Z`. */
  sent_at: string;
  from: Party;
  to?: Party[];
  subject?: string;
  /** Plain text of the message (HTML converted), never with attachments inlined. */
  text: string;
  attachments: ImportedAttachment[];
  /** A language the source declared (CSV column, Content-Language), if any. */
  lang_hint?: string;
}

export interface ImportProblem {
  source: ImportSource;
  severity: 'error' | 'warning';
  message: string;
}

export type ProblemSink = (problem: ImportProblem) => void;

/** The file as a whole is not what it claims to be (or cannot be read): nothing was imported from it. */
export class IngestError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly format?: ImportFormat,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

export interface MailLimits {
  /** Messages larger than this are skipped and reported (default 25 MB). */
  maxMessageBytes?: number;
  /** A message whose parsing takes longer is abandoned and reported (default 10 s). */
  parseTimeoutMs?: number;
  /** Worker threads parsing mail (default: one per core but one, at least 1, at most 4). */
  workers?: number;
}

export interface ReaderOptions extends MailLimits {
  onProblem?: ProblemSink;
  /** Keep attachment bytes on the yielded messages (default: only name, type, size, hash). */
  withAttachmentBytes?: boolean;
  /** IANA zone for sources without offsets (WhatsApp, CSV dates without offset, Slack). Default UTC. */
  timeZone?: string;
  /** Charset of text files (CSV, WhatsApp); default: UTF-8, else detected (see decode.ts). */
  encoding?: string;
  /** Called with the bytes read so far, for progress bars. */
  onBytes?: (bytesRead: number, totalBytes: number) => void;
}
