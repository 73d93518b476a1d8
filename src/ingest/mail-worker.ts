/**
 * Worker thread entry: parses one message at a time for MailPool (pool.ts). A message that makes
 * the parser hang is ended by the pool terminating this thread; one that exhausts its heap limit
 * crashes only this thread.
 */
import { parentPort } from 'node:worker_threads';
import type { DetectLang } from '../detect/detect.js';
import { parseMail } from './mail-parse.js';

/** The detector, loaded on the first request that asks for it: compiling its lexicons takes a while, and scan does not need it here. */
let detector: Promise<typeof import('../detect/detect.js')> | undefined;

const LANGS = new Set(['en', 'ru', 'ro', 'lt']);

export interface ParseRequest {
  id: number;
  raw: Uint8Array;
  withAttachmentBytes: boolean;
  fallbackDate?: string;
  /** Run the detector on the parsed text here, off the main thread (import does; scan need not). */
  detect?: boolean;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', async (req: ParseRequest) => {
    try {
      const outcome = await parseMail(req.raw, { withAttachmentBytes: req.withAttachmentBytes, fallbackDate: req.fallbackDate });
      if (req.detect) {
        // Parsed: the time limit is for parsing (detection is bounded, but loading it is slow at first).
        port.postMessage({ id: req.id, parsed: true });
        const hint = outcome.mail.lang_hint?.slice(0, 2);
        const lang = hint && LANGS.has(hint) ? (hint as DetectLang) : undefined;
        const sentAt = outcome.mail.sent_at;
        detector ??= import('../detect/detect.js');
        const { detect } = await detector;
        outcome.findings = detect({ text: outcome.mail.text, ...(lang ? { lang } : {}), ...(sentAt ? { sentAt } : {}) }).findings;
      }
      const transfer: ArrayBuffer[] = [];
      for (const a of outcome.mail.attachments) if (a.bytes && a.bytes.buffer instanceof ArrayBuffer) transfer.push(a.bytes.buffer);
      port.postMessage({ id: req.id, ok: true, outcome }, transfer);
    } catch (error) {
      port.postMessage({ id: req.id, ok: false, error: (error as Error)?.message ?? String(error) });
    }
  });
}
