/** Reads a case file given on the command line (a path, or - for stdin) and parses its JSON. */
import { readFile, stat } from 'node:fs/promises';
import { DomainError } from '../core/errors.js';
import { LIMITS } from '../core/limits.js';

export async function readCaseJson(path: string): Promise<unknown> {
  const text = await readCaseText(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DomainError('INVALID_CASE_FILE', `${path === '-' ? 'stdin' : path} is not valid JSON: ${(error as Error).message}`, {
      issues: [{ path: '(root)', message: 'is not valid JSON' }],
    });
  }
}

async function readCaseText(path: string): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).byteLength;
      if (size > LIMITS.caseFileMaxBytes) throw tooLarge('stdin', size);
      chunks.push(chunk as Buffer);
    }

    return Buffer.concat(chunks).toString('utf8');
  }
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new DomainError('NOT_FOUND', `No case file at ${path}.`);
  if (info.size > LIMITS.caseFileMaxBytes) throw tooLarge(path, info.size);

  return readFile(path, 'utf8');
}

function tooLarge(what: string, size: number): DomainError {
  return new DomainError(
    'PAYLOAD_TOO_LARGE',
    `${what} is ${size} bytes or more; case files are limited to ${LIMITS.caseFileMaxBytes} bytes.`,
  );
}
