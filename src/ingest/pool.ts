/**
 * A small pool of worker threads parsing mail (FACTS.md: MIME parsing is the slow step, and one bad
 * part can stall a parser for minutes). Each message gets a time limit: past it, the worker is
 * terminated and replaced, and the message is rejected with a `MailParseTimeout`. Each worker has
 * a heap limit, so a message that explodes in memory takes down only its worker.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParseOutcome } from './mail-parse.js';
import type { ParseRequest } from './mail-worker.js';

export class MailParseTimeout extends Error {
  constructor(ms: number) {
    super(`parsing took longer than ${ms} ms and was stopped`);
    this.name = 'MailParseTimeout';
  }
}

interface Job {
  req: ParseRequest;
  resolve(o: ParseOutcome): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

/** Time allowed for detection after a message is parsed (the first call also loads the lexicons). */
const DETECT_TIMEOUT_MS = 120_000;

const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './mail-worker.ts' : './mail-worker.js', import.meta.url);

function spawn(heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  if (!WORKER_URL.href.endsWith('.ts')) return new Worker(WORKER_URL, { resourceLimits });
  // Running from source (tests, tsx): load the TypeScript worker through tsx's loader.
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(code, { eval: true, resourceLimits });
}

export class MailPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    size = 2,
    private readonly timeoutMs = 10_000,
    private readonly heapMb = 512,
  ) {
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push(this.newSlot());
  }

  private newSlot(): Slot {
    const slot: Slot = { worker: spawn(this.heapMb) };
    slot.worker.on('message', (msg: { id: number; ok?: boolean; parsed?: boolean; outcome?: ParseOutcome; error?: string }) => {
      const job = slot.job;
      if (!job || job.req.id !== msg.id) return;
      if (msg.parsed) {
        // The message is parsed; detection (its first call loads the lexicons) gets its own, longer
        // limit. A timer must stay armed: the workers are unref'd, so it keeps the process alive.
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = setTimeout(
          () => this.replace(slot, new Error(`detection took longer than ${DETECT_TIMEOUT_MS} ms`)),
          DETECT_TIMEOUT_MS,
        );
        return;
      }
      this.release(slot);
      if (msg.ok && msg.outcome) job.resolve(msg.outcome);
      else job.reject(new Error(msg.error ?? 'parse failed'));
      this.pump();
    });
    slot.worker.on('error', (error) => this.replace(slot, error instanceof Error ? error : new Error(String(error))));
    slot.worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) this.replace(slot, new Error(`mail worker exited (code ${code})`));
    });
    slot.worker.unref();
    return slot;
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.job = undefined;
  }

  private replace(slot: Slot, error: Error): void {
    const job = slot.job;
    this.release(slot);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
    if (!this.closed) this.slots.push(this.newSlot());
    job?.reject(error);
    this.pump();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.timer = setTimeout(() => this.replace(slot, new MailParseTimeout(this.timeoutMs)), this.timeoutMs);
      const buf = job.req.raw.buffer;
      const whole = buf instanceof ArrayBuffer && job.req.raw.byteOffset === 0 && job.req.raw.byteLength === buf.byteLength;
      slot.worker.postMessage(job.req, whole ? [buf] : []);
    }
  }

  /** Parses one message; `raw` is handed over to the worker (do not use it afterwards). */
  parse(raw: Uint8Array, opts: { withAttachmentBytes?: boolean; fallbackDate?: string; detect?: boolean } = {}): Promise<ParseOutcome> {
    if (this.closed) return Promise.reject(new Error('pool closed'));
    return new Promise<ParseOutcome>((resolve, reject) => {
      const req: ParseRequest = { id: this.nextId++, raw, withAttachmentBytes: !!opts.withAttachmentBytes };
      if (opts.fallbackDate) req.fallbackDate = opts.fallbackDate;
      if (opts.detect) req.detect = true;
      this.queue.push({ req, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('pool closed'));
    await Promise.all(
      this.slots.map((s) => {
        this.release(s);
        return s.worker.terminate();
      }),
    );
    this.slots = [];
  }
}
