/** A text file as a stream of decoded strings: the encoding is chosen from the first 64 KB (decode.ts). */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { streamDecoderFor } from './decode.js';
import { type ImportFormat, IngestError } from './types.js';

export interface TextStream {
  encoding: string;
  guessed: boolean;
  size: number;
  chunks: AsyncGenerator<string>;
}

const HEAD = 64 * 1024;

/** Opens `file` as text. Throws IngestError for an empty file or one with NUL bytes in its first 64 KB (binary). */
export async function openText(
  file: string,
  format: ImportFormat,
  opts: { encoding?: string; onBytes?: (read: number, total: number) => void } = {},
): Promise<TextStream> {
  const size = (await stat(file)).size;
  if (size === 0) throw new IngestError(`${file} is empty`, file, format);
  const stream = createReadStream(file, { highWaterMark: HEAD });
  const it = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const first = await it.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
  const { encoding, guessed, skip, decoder } = streamDecoderFor(head, opts.encoding);
  if (!encoding.startsWith('utf-16') && head.subarray(0, 8192).includes(0)) {
    stream.destroy();
    throw new IngestError(`${file} is not a text file (it contains NUL bytes)`, file, format);
  }
  async function* chunks(): AsyncGenerator<string> {
    let read = head.length;
    try {
      const s = decoder.write(skip ? head.subarray(skip) : head);
      opts.onBytes?.(read, size);
      if (s) yield s;
      for (;;) {
        const r = await it.next();
        if (r.done) break;
        read += r.value.length;
        const t = decoder.write(r.value);
        opts.onBytes?.(read, size);
        if (t) yield t;
      }
      const tail = decoder.end();
      if (tail) yield tail;
    } finally {
      stream.destroy();
    }
  }
  return { encoding, guessed, size, chunks: chunks() };
}

/** Splits string chunks into lines (without the line break), with 1-based numbers. */
export async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<{ text: string; line: number }> {
  let rest = '';
  let line = 0;
  for await (const chunk of chunks) {
    const s = rest + chunk;
    let pos = 0;
    for (;;) {
      const nl = s.indexOf('\n', pos);
      if (nl < 0) break;
      yield { text: s.slice(pos, nl > pos && s[nl - 1] === '\r' ? nl - 1 : nl), line: ++line };
      pos = nl + 1;
    }
    rest = s.slice(pos);
  }
  if (rest) yield { text: rest.replace(/\r$/, ''), line: ++line };
}
