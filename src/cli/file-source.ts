/** A file on disk as a byte stream for the use cases, checked before anything is written. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { DomainError } from '../core/errors.js';

/** Fails with NOT_FOUND when `path` is not a readable file; the stream opens only when read. */
export async function fileSource(path: string): Promise<AsyncIterable<Uint8Array>> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new DomainError('NOT_FOUND', `No such file: ${path}`);

  return {
    async *[Symbol.asyncIterator]() {
      yield* createReadStream(path) as AsyncIterable<Uint8Array>;
    },
  };
}
