/**
 * Evidence files, content-addressed by SHA-256 in a directory: <dir>/<aa>/<bb>/<sha256>.
 * Files are written to a temporary name, fsynced, then renamed, so a crash never leaves a
 * half-written file under a valid hash.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DomainError } from '../../core/errors.js';
import type { Files } from '../ports.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function blobDirFiles(root: string): Files {
  const pathOf = (sha256: string): string => {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);

    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  async function exists(path: string): Promise<boolean> {
    try {
      await stat(path);

      return true;
    } catch {
      return false;
    }
  }

  async function commit(tmp: string, sha256: string): Promise<void> {
    const final = pathOf(sha256);
    await mkdir(dirname(final), { recursive: true });
    if (await exists(final)) {
      await rm(tmp, { force: true });

      return;
    }
    await rename(tmp, final);
    // Make the rename itself durable.
    const dirHandle = await open(dirname(final), 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  }

  async function putStream(source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<{ sha256: string; size: number }> {
    await mkdir(join(root, 'tmp'), { recursive: true });
    const tmp = join(root, 'tmp', `${randomUUID()}.part`);
    const hash = createHash('sha256');
    const handle = await open(tmp, 'w');
    let size = 0;
    try {
      for await (const chunk of source) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          throw new DomainError('FILE_TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes.`, {
            details: { limit_bytes: maxBytes },
          });
        }
        hash.update(chunk);
        await handle.write(chunk);
      }
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(tmp, { force: true });
      throw error;
    }
    await handle.close();
    const sha256 = hash.digest('hex');
    await commit(tmp, sha256);

    return { sha256, size };
  }

  return {
    pathOf,
    putStream,
    async put(bytes) {
      return putStream(
        (async function* () {
          yield bytes;
        })(),
        Number.POSITIVE_INFINITY,
      );
    },
    async get(sha256) {
      try {
        return new Uint8Array(await readFile(pathOf(sha256)));
      } catch {
        return undefined;
      }
    },
    async rehash(sha256) {
      const path = pathOf(sha256);
      if (!(await exists(path))) return undefined;
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);

      return hash.digest('hex');
    },
  };
}
