/**
 * Streaming importers: one reader per format, each an async generator of ImportedMessage.
 * `readMessages(path, { format })` picks the reader (detectFormat when format is 'auto').
 */
import { type CsvMap, readCsv } from './csv.js';
import { detectFormat } from './detect-format.js';
import { readEml } from './eml.js';
import { readMbox } from './mbox.js';
import { readSlack, type SlackOptions } from './slack.js';
import { readTelegram } from './telegram.js';
import type { ImportedMessage, ImportFormat, ReaderOptions } from './types.js';
import { readWhatsApp } from './whatsapp.js';

export { parseCsvMap } from './csv.js';
export { detectFormat } from './detect-format.js';
export type { ImportedAttachment, ImportedMessage, ImportFormat, ImportProblem, ImportSource, Party, ReaderOptions } from './types.js';
export { IMPORT_FORMATS, IngestError } from './types.js';

export interface ReadOptions extends ReaderOptions, Omit<SlackOptions, keyof ReaderOptions> {
  format?: ImportFormat | 'auto';
  csvMap?: CsvMap;
  delimiter?: string;
}

export async function resolveFormat(path: string, format: ImportFormat | 'auto' | undefined): Promise<ImportFormat> {
  return !format || format === 'auto' ? detectFormat(path) : format;
}

export async function* readMessages(path: string, options: ReadOptions = {}): AsyncGenerator<ImportedMessage> {
  const format = await resolveFormat(path, options.format);
  switch (format) {
    case 'mbox':
      yield* readMbox(path, options);
      break;
    case 'eml':
      yield* readEml(path, options);
      break;
    case 'csv':
      yield* readCsv(path, { ...options, ...(options.csvMap ? { map: options.csvMap } : {}) });
      break;
    case 'telegram':
      yield* readTelegram(path, options);
      break;
    case 'whatsapp':
      yield* readWhatsApp(path, options);
      break;
    case 'slack':
      yield* readSlack(path, options);
      break;
  }
}
