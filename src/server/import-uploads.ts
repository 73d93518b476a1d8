/**
 * Imports started over HTTP: the upload is streamed to a temporary file under the data directory
 * (never held in memory, refused past the size limit with nothing stored), then read in the
 * background by the same use case the CLI runs. The server waits for running imports when it
 * closes, and removes each temporary file when its import ends.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { runImport, startImport } from '../app/imports.js';
import { IMPORT_FILE_FORMATS, type Import, type ImportFileFormat } from '../contracts/imports.js';
import { DomainError } from '../core/errors.js';
import { LIMITS } from '../core/limits.js';
import { detectFormat } from '../ingest/detect-format.js';
import { fileMessageSource } from '../ingest/source.js';
import { IngestError } from '../ingest/types.js';
import type { ServerDeps } from './context.js';

export interface UploadedImport {
  workspaceId: string;
  clientId: string;
  format: string | undefined;
  fileName: string;
  content: AsyncIterable<Uint8Array>;
}

/** Imports running in this process, so closing the server can wait for them. */
const running = new Set<Promise<unknown>>();

/** Resolves when every import this process started over HTTP has ended. */
export async function settleRunningImports(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}

function invalid(path: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `Invalid import: ${path}: ${message}`, { issues: [{ path, message }] });
}

/** Writes the upload to `path`, failing with FILE_TOO_LARGE as soon as it passes `maxBytes`. */
async function receive(content: AsyncIterable<Uint8Array>, path: string, maxBytes: number): Promise<number> {
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) {
        done(
          new DomainError('FILE_TOO_LARGE', `The file is larger than the import limit of ${maxBytes} bytes; nothing was imported.`, {
            details: { limit_bytes: maxBytes },
          }),
        );
      } else done(null, chunk);
    },
  });
  await pipeline(content, limit, createWriteStream(path, { flags: 'wx' }));

  return size;
}

/**
 * Validates the fields, receives the file and starts its import; answers the new Import (status
 * `running`). Any failure before the import starts removes the file and stores nothing.
 */
export async function acceptUpload(deps: ServerDeps, upload: UploadedImport): Promise<Import> {
  if (upload.format !== undefined && !(IMPORT_FILE_FORMATS as readonly string[]).includes(upload.format)) {
    throw invalid('format', `must be one of ${IMPORT_FILE_FORMATS.join(', ')}`);
  }
  const maxBytes = deps.settings.importMaxBytes ?? LIMITS.importFileMaxBytes;
  const dir = deps.settings.importTempDir ?? join(tmpdir(), 'redcard-import-uploads');
  await mkdir(dir, { recursive: true });
  // The original extension helps format detection; nothing else of the client's name reaches the path.
  const ext = extname(upload.fileName)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '')
    .slice(0, 10);
  const path = join(dir, `${randomUUID()}${ext}`);
  let handedOver = false;
  try {
    const size = await receive(upload.content, path, maxBytes);
    if (size === 0) throw invalid('file', 'is empty');
    let format: ImportFileFormat;
    try {
      format = (upload.format as ImportFileFormat | undefined) ?? (await detectFormat(path));
    } catch (error) {
      if (error instanceof IngestError) {
        throw invalid('format', `could not tell the file's format (${error.message.replace(path, upload.fileName)}); send format`);
      }
      throw error;
    }
    const record = await startImport(deps, {
      workspaceId: upload.workspaceId,
      clientId: upload.clientId,
      fileName: upload.fileName,
      format,
    });
    const job = runImport(deps, {
      workspaceId: upload.workspaceId,
      importId: record.id,
      source: withFileName(fileMessageSource(path, { format }), path, upload.fileName),
    })
      .catch(() => undefined)
      .finally(async () => {
        running.delete(job);
        await rm(path, { force: true });
      });
    running.add(job);
    handedOver = true;

    return record;
  } finally {
    if (!handedOver) await rm(path, { force: true });
  }
}

/** Shows the file's own name instead of the temporary path in the problems and errors of a source. */
function withFileName(source: ReturnType<typeof fileMessageSource>, path: string, name: string): ReturnType<typeof fileMessageSource> {
  return {
    async *open(onProblem) {
      try {
        yield* source.open((p) => onProblem({ ...p, message: p.message.replaceAll(path, name) }));
      } catch (error) {
        if (error instanceof Error) error.message = error.message.replaceAll(path, name);
        throw error;
      }
    },
  };
}
