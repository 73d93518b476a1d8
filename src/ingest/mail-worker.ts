/**
 * Worker thread entry: parses one message at a time for MailPool (pool.ts). A message that makes
 * the parser hang is ended by the pool terminating this thread; one that exhausts its heap limit
 * crashes only this thread.
 */
import { parentPort } from 'node:worker_threads';
import { parseMail } from './mail-parse.js';

export interface ParseRequest {
  id: number;
  raw: Uint8Array;
  withAttachmentBytes: boolean;
  fallbackDate?: string;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', async (req: ParseRequest) => {
    try {
      const outcome = await parseMail(req.raw, { withAttachmentBytes: req.withAttachmentBytes, fallbackDate: req.fallbackDate });
      const transfer: ArrayBuffer[] = [];
      for (const a of outcome.mail.attachments) if (a.bytes && a.bytes.buffer instanceof ArrayBuffer) transfer.push(a.bytes.buffer);
      port.postMessage({ id: req.id, ok: true, outcome }, transfer);
    } catch (error) {
      port.postMessage({ id: req.id, ok: false, error: (error as Error)?.message ?? String(error) });
    }
  });
}
