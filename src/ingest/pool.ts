/**
 * A small pool of worker threads parsing mail (FACTS.md: MIME parsing is the slow step, and one bad
 * part can stall a parser for minutes).
 *
 * Each worker is handed several messages at once and parses them one at a time, in order: the
 * main thread also writes to the store (a commit holds it for tens of milliseconds),
 * and a worker given one message at a time sat idle through that (43% of the time in profiles).
 * The queue per worker is bounded in messages and bytes, so memory does not depend on the file.
 *
 * Each message gets a time limit, counted from when its worker starts it (not from when a new
 * worker was still loading): past it, the worker is terminated and replaced, the message is
 * rejected with a `MailParseTimeout`, and the messages queued behind it go to the new worker.
 * Each worker has a heap limit, so a message that explodes in memory takes down only its worker
 * and fails only that message.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParseOutcome } from './mail-parse.js';
import type { ParseRequest, ParseResponse } from './mail-worker.js';

export class MailParseTimeout extends Error {
  constructor(ms: number) {
    super(`parsing took longer than ${ms} ms and was stopped`);
    this.name = 'MailParseTimeout';
  }
}

/**
 * One worker per core but one, at least 1, at most 4: the detector's thread (detect-thread.ts) and
 * the main thread (the store) need time too, parsing is no longer the largest share
 * (concat-blob.ts), and past 4 the store is the limit.
 */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(availableParallelism() - 1, 4));
}

export interface MailPoolOptions {
  /** Worker threads (default: one per core, at most 4). */
  workers?: number | undefined;
  /** Time limit per message (default 10 s). */
  timeoutMs?: number | undefined;
  /** Heap limit per worker (default 512 MB). */
  heapMb?: number | undefined;
  /** Messages handed to one worker ahead (default 128): enough to cover a commit on the main thread. */
  queuedPerWorker?: number | undefined;
  /** Bytes handed to one worker ahead (default 1 MB); a larger message still goes, alone. */
  queuedBytesPerWorker?: number | undefined;
}

interface Job {
  req: ParseRequest;
  resolve(o: ParseOutcome): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded its code: the time limit of what it is sent starts at once. */
  ready: boolean;
  /** Sent to the worker, in the order it parses them; the first is being parsed. */
  sent: Job[];
  sentBytes: number;
  /** The time limit of the first job in `sent`. */
  timer?: NodeJS.Timeout;
}

const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './mail-worker.ts' : './mail-worker.js', import.meta.url);

/**
 * Starts the worker thread at `url` (a .js file, or a .ts one when running from source). The young
 * generation is kept small: parsing and detecting allocate short-lived objects fast, and V8's
 * default let each thread's nursery grow to tens of MB (peak RSS of the 20k bench: median 440 MB
 * with the default, 408 MB with 8 MB, for 3% more CPU).
 */
export function startWorker(url: URL, heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 8 };
  if (!url.href.endsWith('.ts')) return new Worker(url, { resourceLimits });
  // Running from source (tests, tsx): load the TypeScript worker through tsx's loader.
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(code, { eval: true, resourceLimits });
}

export class MailPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly heapMb: number;
  private readonly queuedPerWorker: number;
  private readonly queuedBytesPerWorker: number;

  constructor(options: MailPoolOptions = {}) {
    this.size = Math.max(1, options.workers ?? defaultWorkerCount());
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.heapMb = options.heapMb ?? 512;
    this.queuedPerWorker = Math.max(1, options.queuedPerWorker ?? 128);
    this.queuedBytesPerWorker = options.queuedBytesPerWorker ?? 1 << 20;
    for (let i = 0; i < this.size; i++) this.slots.push(this.newSlot());
    this.pump();
  }

  private newSlot(): Slot {
    const slot: Slot = { worker: startWorker(WORKER_URL, this.heapMb), ready: false, sent: [], sentBytes: 0 };
    slot.worker.on('message', (msg: ParseResponse | 'ready') => {
      if (msg === 'ready') {
        slot.ready = true;
        this.pump();
        return;
      }
      const job = slot.sent[0];
      if (!job || job.req.id !== msg.id) return;
      slot.sent.shift();
      slot.sentBytes -= job.req.raw.byteLength;
      // The worker goes on with the next message it holds: its time starts now.
      this.arm(slot);
      if (msg.ok) job.resolve(msg.outcome);
      else job.reject(new Error(msg.error));
      this.pump();
    });
    slot.worker.on('error', (error) => this.replace(slot, error instanceof Error ? error : new Error(String(error))));
    slot.worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) this.replace(slot, new Error(`mail worker exited (code ${code})`));
    });
    return slot;
  }

  private arm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer =
      slot.sent.length > 0 ? setTimeout(() => this.replace(slot, new MailParseTimeout(this.timeoutMs)), this.timeoutMs) : undefined;
  }

  /**
   * Ends a worker that hung or crashed: its current message fails, the ones queued behind it are
   * re-sent. A worker that could not even start fails what is waiting (nothing could parse it);
   * its replacement is started when there is work again, so a broken install does not respawn for ever.
   */
  private replace(slot: Slot, error: Error): void {
    const [failed, ...waiting] = slot.sent;
    slot.sent = [];
    this.arm(slot);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
    if (this.closed) for (const job of waiting) job.reject(new Error('pool closed'));
    else this.queue.unshift(...waiting);
    failed?.reject(error);
    if (!slot.ready && !this.slots.some((s) => s.ready)) for (const job of this.queue.splice(0)) job.reject(error);
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.queue.length > 0 && this.slots.length < this.size) this.slots.push(this.newSlot());
    while (this.queue.length > 0) {
      // The worker with the least work that can take the next message.
      const next = this.queue[0]!;
      let best: Slot | undefined;
      for (const slot of this.slots) {
        const fits =
          slot.sent.length === 0 ||
          (slot.sent.length < this.queuedPerWorker && slot.sentBytes + next.req.raw.byteLength <= this.queuedBytesPerWorker);
        if (slot.ready && fits && (!best || slot.sentBytes < best.sentBytes)) best = slot;
      }
      if (!best) break;
      this.queue.shift();
      best.sent.push(next);
      best.sentBytes += next.req.raw.byteLength;
      if (best.sent.length === 1) this.arm(best);
      // Copied, not transferred: the main thread keeps the bytes to re-send if the worker dies.
      best.worker.postMessage(next.req);
    }
    // Work waiting (also for a worker still loading) keeps the process alive; idle workers do not.
    for (const slot of this.slots) {
      if (this.queue.length > 0 || slot.sent.length > 0) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  /** Parses one message. */
  parse(raw: Uint8Array, opts: { withAttachmentBytes?: boolean | undefined; fallbackDate?: string } = {}): Promise<ParseOutcome> {
    if (this.closed) return Promise.reject(new Error('pool closed'));
    // A view into a larger buffer would be copied whole to the worker: give it its own.
    const own = raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength ? raw : new Uint8Array(raw);
    return new Promise<ParseOutcome>((resolve, reject) => {
      const req: ParseRequest = { id: this.nextId++, raw: own, withAttachmentBytes: !!opts.withAttachmentBytes };
      if (opts.fallbackDate) req.fallbackDate = opts.fallbackDate;
      this.queue.push({ req, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('pool closed'));
    await Promise.all(
      this.slots.map((s) => {
        for (const job of s.sent.splice(0)) job.reject(new Error('pool closed'));
        this.arm(s);
        return s.worker.terminate();
      }),
    );
    this.slots = [];
  }
}
