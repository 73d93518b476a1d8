/**
 * A minimal in-memory Blob for the mail parse workers. postal-mime joins the decoded lines of every
 * MIME part by building a Blob and reading it back (`new Blob(chunks).arrayBuffer()`), which is
 * portable to browsers; Node 20's Blob reads back through a stream, and that took about a fifth
 * of a worker's time in profiles of the import bench. This one concatenates at once.
 *
 * Installed as the global Blob only inside the worker threads (mail-worker.ts), where postal-mime
 * is the only user; it implements what postal-mime calls (`size`, `type`, `arrayBuffer()`).
 */
const utf8 = new TextEncoder();

type Part = ArrayBuffer | ArrayBufferView | string | ConcatBlob;

function bytesOf(part: Part): Uint8Array {
  if (typeof part === 'string') return utf8.encode(part);
  if (part instanceof ConcatBlob) return part.bytes;
  if (part instanceof ArrayBuffer) return new Uint8Array(part);

  return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
}

export class ConcatBlob {
  readonly type: string;
  /** @internal the content; never handed out (arrayBuffer() copies). */
  readonly bytes: Uint8Array;

  constructor(parts: Iterable<Part> = [], options: { type?: string } = {}) {
    this.type = (options.type ?? '').toLowerCase();
    const list: Uint8Array[] = [];
    let size = 0;
    for (const part of parts) {
      const b = bytesOf(part);
      list.push(b);
      size += b.byteLength;
    }
    this.bytes = new Uint8Array(size);
    let at = 0;
    for (const b of list) {
      this.bytes.set(b, at);
      at += b.byteLength;
    }
  }

  get size(): number {
    return this.bytes.byteLength;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.bytes.slice().buffer);
  }

  text(): Promise<string> {
    return Promise.resolve(new TextDecoder().decode(this.bytes));
  }

  get [Symbol.toStringTag](): string {
    return 'Blob';
  }
}
