/**
 * The red-flag detector in a worker thread of its own, one for a whole import.
 *
 * Why a thread, and only one: the detector's language model (eld) takes about 145 MB of memory in
 * each thread that loads it, so the mail parse workers do not load it; on the main thread, its
 * 50 MB of live heap let V8 grow the main heap with garbage to several times that over a long
 * import (peak RSS rose with the archive's size). Here the heap has a limit, and the main thread
 * keeps its time for reading and storing. Texts go in batches: one message per text would cost
 * more in messaging than in detecting.
 */
import type { Worker } from 'node:worker_threads';
import type { DetectInput, Finding } from '../detect/detect.js';
import type { DetectAnswer, DetectBatch } from './detect-worker.js';
import { startWorker } from './pool.js';

const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './detect-worker.ts' : './detect-worker.js', import.meta.url);
/** Texts per batch sent to the thread. */
const BATCH = 64;
/** The thread's heap limit: the detector's live data is about 60 MB. */
const HEAP_MB = 256;

interface Waiting {
  resolve(findings: Finding[][]): void;
  reject(error: Error): void;
}

export class DetectThread {
  #worker: Worker | undefined;
  #failure: Error | undefined;
  #nextId = 1;
  #inputs: DetectInput[] = [];
  #callbacks: Array<{ resolve(f: Finding[]): void; reject(e: Error): void }> = [];
  #inFlight = new Map<number, Waiting>();
  #scheduled = false;

  /** The findings of `input`; texts are sent in batches, so several calls may be pending at once. */
  detect(input: DetectInput): Promise<Finding[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise<Finding[]>((resolve, reject) => {
      this.#inputs.push(input);
      this.#callbacks.push({ resolve, reject });
      if (this.#inputs.length >= BATCH) this.#send();
      else if (!this.#scheduled) {
        // A partial batch goes once the caller stops adding (the end of the file, a slow reader).
        this.#scheduled = true;
        setImmediate(() => {
          this.#scheduled = false;
          this.#send();
        });
      }
    });
  }

  #start(): Worker {
    const worker = startWorker(WORKER_URL, HEAP_MB);
    worker.on('message', (answer: DetectAnswer) => {
      const waiting = this.#inFlight.get(answer.id);
      this.#inFlight.delete(answer.id);
      waiting?.resolve(answer.findings);
      if (this.#inFlight.size === 0) worker.unref();
    });
    worker.on('error', (error) => this.#fail(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => this.#fail(new Error(`the detector thread stopped (code ${code})`)));
    return worker;
  }

  #send(): void {
    if (this.#inputs.length === 0 || this.#failure) return;
    const inputs = this.#inputs;
    const callbacks = this.#callbacks;
    this.#inputs = [];
    this.#callbacks = [];
    const id = this.#nextId++;
    this.#inFlight.set(id, {
      resolve: (findings) => {
        for (const [i, c] of callbacks.entries()) c.resolve(findings[i] ?? []);
      },
      reject: (error) => {
        for (const c of callbacks) c.reject(error);
      },
    });
    this.#worker ??= this.#start();
    // Pending answers keep the process alive; an idle thread does not.
    this.#worker.ref();
    this.#worker.postMessage({ id, inputs } satisfies DetectBatch);
  }

  #fail(error: Error): void {
    if (this.#failure) return;
    this.#failure = error;
    for (const waiting of this.#inFlight.values()) waiting.reject(error);
    this.#inFlight.clear();
    for (const c of this.#callbacks.splice(0)) c.reject(error);
    this.#inputs = [];
  }

  async close(): Promise<void> {
    this.#fail(new Error('the detector thread was closed'));
    await this.#worker?.terminate();
  }
}
