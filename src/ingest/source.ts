/**
 * A file opened for import: the matching streaming reader, its messages in the shape the import
 * use case takes (app/imports.ts `MessageSource`, matched structurally: ingest does not import
 * app), each with a readable position in the file for problems.
 */
import type { DetectLang, Finding } from '../detect/detect.js';
import { DetectThread } from './detect-thread.js';
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
  /** The detector's findings on `text` (run in its own thread, detect-thread.ts). */
  findings: Finding[];
}

export interface SourceProblem {
  position: string;
  severity: 'error' | 'warning';
  message: string;
}

/** Messages read ahead of the one handed out, so the detector thread always has the next ones. */
const DETECT_AHEAD = 256;
const LANGS = new Set<string>(['en', 'ru', 'ro', 'lt']);

/**
 * A source over `path` read with `options` (the format resolved already), each message with the
 * detector's findings: the detector runs in one thread of its own (detect-thread.ts says why).
 */
export function fileMessageSource(
  path: string,
  options: ReadOptions,
): { open(onProblem: (problem: SourceProblem) => void): AsyncIterable<SourceMessage> } {
  return {
    async *open(onProblem) {
      // Messages wait here for their findings; a problem the reader reports meanwhile waits
      // behind the messages read before it, so problems still come in file order.
      const queue: Array<{ problem: SourceProblem } | { message: Omit<SourceMessage, 'findings'>; findings: Promise<Finding[]> }> = [];
      let waitingMessages = 0;
      const reportProblems = () => {
        while (queue[0] && 'problem' in queue[0]) onProblem((queue.shift() as { problem: SourceProblem }).problem);
      };
      const next = async (): Promise<SourceMessage> => {
        const head = queue.shift() as { message: Omit<SourceMessage, 'findings'>; findings: Promise<Finding[]> };
        waitingMessages--;

        return { ...head.message, findings: await head.findings };
      };
      const reader = readMessages(path, {
        ...options,
        onProblem: (p) => {
          options.onProblem?.(p);
          queue.push({ problem: { position: positionOf(p.source), severity: p.severity, message: p.message } });
          reportProblems();
        },
      });
      const detector = new DetectThread();
      try {
        for await (const m of reader) {
          const hint = m.lang_hint?.slice(0, 2).toLowerCase();
          const lang = hint !== undefined && LANGS.has(hint) ? (hint as DetectLang) : undefined;
          const findings = detector.detect({ text: m.text, ...(lang ? { lang } : {}), ...(m.sent_at ? { sentAt: m.sent_at } : {}) });
          // Awaited in turn below; until then a failure must not count as unhandled.
          findings.catch(() => undefined);
          queue.push({
            message: {
              position: positionOf(m.source),
              messageId: m.message_id,
              sentAt: m.sent_at,
              from: m.from,
              subject: m.subject,
              text: m.text,
              attachments: m.attachments,
              langHint: m.lang_hint,
            },
            findings,
          });
          waitingMessages++;
          if (waitingMessages >= DETECT_AHEAD) {
            yield await next();
            // The caller has handled the message: now what the reader reported after it.
            reportProblems();
          }
        }
        while (waitingMessages > 0) {
          yield await next();
          reportProblems();
        }
      } finally {
        await detector.close();
      }
    },
  };
}
