/**
 * The tone checker's findings as the letter editor shows them: which i18n key explains the fix
 * (some codes mean something else in a warning or a debt demand, as in core/letters/tone.ts), the
 * quoted span, and the spans to highlight in the text. The checker itself runs here in the browser
 * (core is pure), so findings follow every keystroke without a request.
 */
import {
  checkTone,
  type LetterKind,
  MAX_LETTER_WORDS,
  MAX_REPLY_WORDS,
  type ToneContext,
  type ToneFinding,
} from '../../core/letters/tone.js';
import type { Language } from '../../core/vocabulary.js';

export interface ShownFinding {
  code: ToneFinding['code'];
  /** The key under `letters.fix` that says how to fix it. */
  fixKey: string;
  start: number;
  end: number;
  /** The text the finding is about, shortened; null when it concerns the whole letter (something missing). */
  quote: string | null;
}

export interface ToneView {
  findings: ShownFinding[];
  words: number;
  /** The word limit the checker applies to this kind, or null when it applies none (a call script). */
  limit: number | null;
}

const QUOTE_MAX = 90;

/** The word limit of a kind: as the checker's TONE_CODES_BY_KIND applies too_long. */
export function wordLimit(kind: LetterKind): number | null {
  if (kind === 'call_script') return null;

  return kind === 're_engagement_reply' ? MAX_REPLY_WORDS : MAX_LETTER_WORDS;
}

function fixKeyOf(code: ToneFinding['code'], kind: LetterKind): string {
  if (kind === 'warning' && (code === 'no_reason' || code === 'no_timeline')) return `${code}_warning`;
  if (kind === 'debt_demand' && code === 'no_timeline') return 'no_timeline_debt';

  return code;
}

function quoteOf(text: string, f: ToneFinding): string | null {
  // A finding over the whole text reports something missing: there is nothing to quote.
  if (f.start === 0 && f.end >= text.trimEnd().length) return null;
  const span = text.slice(f.start, f.end).replace(/\s+/g, ' ').trim();
  if (span === '') return null;

  return span.length > QUOTE_MAX ? `${span.slice(0, QUOTE_MAX - 1)}…` : span;
}

export function toneView(text: string, options: { lang: Language; kind: LetterKind; context?: ToneContext | undefined }): ToneView {
  const result = checkTone(text, { lang: options.lang, kind: options.kind, ...(options.context ? { context: options.context } : {}) });

  return {
    findings: result.findings.map((f) => ({
      code: f.code,
      fixKey: fixKeyOf(f.code, options.kind),
      start: f.start,
      end: f.end,
      quote: quoteOf(text, f),
    })),
    words: result.words,
    limit: wordLimit(options.kind),
  };
}

export interface TextPiece {
  text: string;
  /** The code whose span this piece lies in, when it is highlighted. */
  code: ToneFinding['code'] | null;
}

/**
 * The text cut into plain and highlighted pieces for the backdrop behind the textarea. Only
 * quoted spans are highlighted (a missing part has no place); where spans overlap, the earlier
 * one wins, so every character belongs to exactly one piece and the pieces join back to the text.
 */
export function highlightPieces(text: string, findings: readonly ShownFinding[]): TextPiece[] {
  const spans = findings
    .filter((f) => f.quote !== null && f.end > f.start)
    .map((f) => ({ start: Math.max(0, f.start), end: Math.min(text.length, f.end), code: f.code }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.end <= at) continue;
    const start = Math.max(s.start, at);
    if (start > at) pieces.push({ text: text.slice(at, start), code: null });
    pieces.push({ text: text.slice(start, s.end), code: s.code });
    at = s.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), code: null });

  return pieces;
}
