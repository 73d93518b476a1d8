/**
 * `redcard letter CASE.json --kind KIND --lang LANG`: drafts a letter or call script for a case
 * file (issue 6) and prints it, or writes it as PDF, DOCX or .eml with --format and --out.
 * Touches no store: the case is validated, assessed and planned on the spot, as `assess` and
 * `plan` do.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { CaseFile } from '../../contracts/case-file.js';
import { parseOrThrow } from '../../contracts/issues.js';
import { assess } from '../../core/assessment/assess.js';
import type { CaseRecord } from '../../core/case.js';
import { dateInZone, isIsoDate, isValidTimeZone } from '../../core/dates.js';
import { DomainError } from '../../core/errors.js';
import { type ExitPlan, planExit } from '../../core/exit/index.js';
import {
  CHANNELS,
  type Channel,
  type Draft,
  draftLetter,
  LETTER_KINDS,
  type LetterKind,
  type LetterPath,
  type ReasonKey,
} from '../../core/letters/drafts.js';
import { LANGUAGES, type Language } from '../../core/vocabulary.js';
import { letterToDocx } from '../../exports/letter-docx.js';
import { letterToEml } from '../../exports/letter-eml.js';
import { letterToPdf } from '../../exports/letter-pdf.js';
import type { Io } from '../io.js';
import { readCaseJson } from '../read-case.js';

export const LETTER_FORMATS = ['text', 'pdf', 'docx', 'eml'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

const LETTER_PATHS: readonly LetterPath[] = ['immediate', 'stop_and_collect', 'finish_then_exit'];

interface LetterOptions {
  kind?: string;
  lang?: string;
  reason?: string;
  path?: string;
  today?: string;
  from?: string;
  to?: string;
  fromEmail?: string;
  toEmail?: string;
  channel?: string;
  format?: string;
  out?: string;
}

/** What a file-writing format needs from the outside world: the time and a unique id. */
export interface LetterClock {
  now(): Date;
  messageId(): string;
}

const systemLetterClock: LetterClock = {
  now: () => new Date(),
  messageId: () => `${randomUUID()}@redcard.local`,
};

function usage(option: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', message, { details: { option } });
}

function choice<T extends string>(option: string, value: string | undefined, valid: readonly T[], fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (value !== undefined && (valid as readonly string[]).includes(value)) return value as T;

  throw new DomainError(
    'VALIDATION_FAILED',
    `${value === undefined ? `${option} is required` : `Unknown ${option} "${value}"`}: use one of ${valid.join(', ')}.`,
    { issues: [{ path: option, message: `must be one of ${valid.join(', ')}` }] },
  );
}

/** The case's own time zone decides what "today" is by the clock. */
function timeZoneOf(parsed: unknown): string {
  const zone = typeof parsed === 'object' && parsed !== null ? (parsed as { timezone?: unknown }).timezone : undefined;

  return typeof zone === 'string' && isValidTimeZone(zone) ? zone : 'UTC';
}

/** The assessment's red-card path; without one the user is ending a relationship that "simply is not working" (D3). */
function pathFor(assessed: LetterPath | null, option: string | undefined): LetterPath {
  if (option !== undefined) return choice('--path', option, LETTER_PATHS);

  return assessed ?? 'finish_then_exit';
}

/** Drafts the letter the options ask for (exported for the tests and for anyone scripting the CLI). */
export function draftFromCaseFile(input: unknown, options: LetterOptions, clockToday: string): { draft: Draft; record: CaseRecord } {
  if (options.today !== undefined && !isIsoDate(options.today)) {
    throw usage('--today', `--today must be a calendar date written YYYY-MM-DD, not "${options.today}".`);
  }
  // CASE_FORMAT.md writes the after-exit reply as `reengagement_reply`; both spellings are accepted.
  const kindGiven = options.kind === 'reengagement_reply' ? 're_engagement_reply' : options.kind;
  const kind = choice<LetterKind>('--kind', kindGiven, LETTER_KINDS);
  const record: CaseRecord = parseOrThrow(CaseFile, input, 'INVALID_CASE_FILE', 'case file');
  const lang = choice<Language>('--lang', options.lang, LANGUAGES, record.client.language);
  const channel = choice<Channel>('--channel', options.channel, CHANNELS, 'email');
  const today = options.today ?? record.today ?? clockToday;
  const assessment = assess(record, { today });
  const plan: ExitPlan | null = kind === 'warning' ? null : planExit(record, { today, path: pathFor(assessment.path, options.path) });
  const draft = draftLetter({
    record,
    assessment,
    plan,
    today,
    lang,
    kind,
    reason: (options.reason as ReasonKey | undefined) ?? null,
    sender: options.from ?? null,
    recipient: options.to ?? null,
    channel,
  });

  return { draft, record };
}

export function letterCommand(io: Io, clock: LetterClock = systemLetterClock): Command {
  return new Command('letter')
    .description('draft a letter for a case file: warning, termination, call script, debt demand or reply to a re-engagement attempt')
    .argument('<case>', 'the case file (JSON), or - for stdin')
    .option('--kind <kind>', `what to draft: ${LETTER_KINDS.join(', ')}`)
    .option('--lang <lang>', `the language: ${LANGUAGES.join(', ')} (default: the client's)`)
    .option('--reason <key>', 'the reason framing, among those the recorded facts allow (default: the likeliest)')
    .option('--path <path>', `the exit path (default: the assessment's, else finish_then_exit): ${LETTER_PATHS.join(', ')}`)
    .option('--today <date>', "draft as of this date, YYYY-MM-DD (default: the file's today, else the current date)")
    .option('--from <name>', "who signs (default: the provider's name in the case)")
    .option('--to <name>', "whom it addresses (default: the client's name)")
    .option('--from-email <address>', 'the sender address, for --format eml')
    .option('--to-email <address>', 'the recipient address, for --format eml (without it the message opens as a draft)')
    .option('--channel <channel>', `email or letter (a letter carries a date line) (default: email)`)
    .option('--format <format>', `${LETTER_FORMATS.join(', ')} (default: text, printed)`)
    .option('--out <file>', 'write the file here (required for pdf, docx and eml)')
    .action(async (file: string, options: LetterOptions) => {
      const format = choice<LetterFormat>('--format', options.format, LETTER_FORMATS, 'text');
      if (format !== 'text' && !options.out) throw usage('--out', `--format ${format} writes a file: say where with --out FILE.`);
      const parsed = await readCaseJson(file);
      const { draft, record } = draftFromCaseFile(parsed, options, dateInZone(clock.now(), timeZoneOf(parsed)));
      const sender = options.from ?? record.provider.name ?? '';
      let bytes: Uint8Array;
      switch (format) {
        case 'text':
          if (!options.out) {
            io.out(`${draft.subject}\n\n${draft.body}\n`);

            return;
          }
          bytes = new TextEncoder().encode(`${draft.subject}\n\n${draft.body}\n`);
          break;
        case 'pdf':
          bytes = await letterToPdf({ draft, author: sender, now: clock.now() });
          break;
        case 'docx':
          bytes = letterToDocx(draft, clock.now());
          break;
        case 'eml':
          try {
            bytes = letterToEml({
              draft,
              from: { name: sender, address: options.fromEmail ?? null },
              to: { name: options.to ?? record.client.name, address: options.toEmail ?? null },
              date: clock.now(),
              messageId: clock.messageId(),
            });
          } catch (error) {
            // The only outside input the renderer checks is the addresses given on the command line.
            if (error instanceof RangeError) throw usage('--from-email/--to-email', error.message);
            throw error;
          }
          break;
      }
      await writeFile(options.out as string, bytes);
      io.out(`Wrote ${options.out} (${format}, ${bytes.length} bytes).\n`);
    });
}
