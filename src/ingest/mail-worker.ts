/**
 * Worker thread entry: parses mail for MailPool (pool.ts). The pool may hand over several messages
 * at once; they are parsed strictly one after another, in order, so the pool knows which message
 * is running when it enforces the time limit. A message that makes the parser hang is ended by
 * the pool terminating this thread; one that exhausts its heap limit crashes only this thread.
 */
import { parentPort } from 'node:worker_threads';
import { ConcatBlob } from './concat-blob.js';
import { type ParseOutcome, parseMail } from './mail-parse.js';

export interface ParseRequest {
  id: number;
  raw: Uint8Array;
  withAttachmentBytes: boolean;
  fallbackDate?: string;
}

export type ParseResponse = { id: number; ok: true; outcome: ParseOutcome } | { id: number; ok: false; error: string };

if (parentPort) {
  // postal-mime is the only user of Blob in this thread (concat-blob.ts says why).
  globalThis.Blob = ConcatBlob as unknown as typeof Blob;
  const port = parentPort;
  const waiting: ParseRequest[] = [];
  let running = false;

  const parseOne = async (req: ParseRequest) => {
    try {
      const outcome = await parseMail(req.raw, { withAttachmentBytes: req.withAttachmentBytes, fallbackDate: req.fallbackDate });
      const transfer: ArrayBuffer[] = [];
      for (const a of outcome.mail.attachments) if (a.bytes && a.bytes.buffer instanceof ArrayBuffer) transfer.push(a.bytes.buffer);
      port.postMessage({ id: req.id, ok: true, outcome } satisfies ParseResponse, transfer);
    } catch (error) {
      port.postMessage({ id: req.id, ok: false, error: (error as Error)?.message ?? String(error) } satisfies ParseResponse);
    }
  };

  // parseMail awaits inside, so without this queue a second message would start before the first ends.
  port.on('message', (req: ParseRequest) => {
    waiting.push(req);
    if (running) return;
    running = true;
    void (async () => {
      for (let next = waiting.shift(); next; next = waiting.shift()) await parseOne(next);
      running = false;
    })();
  });
  // Loaded: the pool starts the time limit of what it sends from now on.
  port.postMessage('ready');
}
