/**
 * A file opened for import: the matching streaming reader, its messages in the shape the import
 * use case takes (app/imports.ts `MessageSource`, matched structurally: ingest does not import
 * app), each with a readable position in the file for problems.
 */
import { type ReadOptions, readMessages } from './index.js';
import type { ImportedMessage, ImportSource } from './types.js';

/** Where a message or problem is in its file: `#12`, `line 40`, `general/2024-12-31.json#3`. */
export function positionOf(source: ImportSource): string {
  if (source.entry !== undefined)
    return `${source.entry}${source.index !== undefined ? `#${source.index}` : source.line !== undefined ? ` line ${source.line}` : ''}`;
  if (source.line !== undefined) return `line ${source.line}`;

  return `#${source.index ?? 0}`;
}

/** One message as app/imports.ts's IncomingMessage expects it. */
export interface SourceMessage {
  position: string;
  messageId?: string | undefined;
  sentAt: string;
  from: { name?: string | undefined; address?: string | undefined };
  subject?: string | undefined;
  text: string;
  attachments: ImportedMessage['attachments'];
  langHint?: string | undefined;
}

export interface SourceProblem {
  position: string;
  severity: 'error' | 'warning';
  message: string;
}

/** A source over `path` read with `options` (the format resolved already). */
export function fileMessageSource(
  path: string,
  options: ReadOptions,
): { open(onProblem: (problem: SourceProblem) => void): AsyncIterable<SourceMessage> } {
  return {
    async *open(onProblem) {
      const reader = readMessages(path, {
        ...options,
        onProblem: (p) => {
          options.onProblem?.(p);
          onProblem({ position: positionOf(p.source), severity: p.severity, message: p.message });
        },
      });
      for await (const m of reader) {
        yield {
          position: positionOf(m.source),
          messageId: m.message_id,
          sentAt: m.sent_at,
          from: m.from,
          subject: m.subject,
          text: m.text,
          attachments: m.attachments,
          langHint: m.lang_hint,
        };
      }
    },
  };
}
