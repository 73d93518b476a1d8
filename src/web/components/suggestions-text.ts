/**
 * Pure text helpers for the review queue: cut a message into plain and highlighted segments by the
 * detector's spans, and pick an excerpt around them for long messages. Offsets are UTF-16 code
 * units (what `String.prototype.slice` counts), as the API gives them.
 */

export interface Span {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  marked: boolean;
  /** Offset of the segment in the original text (a stable React key). */
  at: number;
}

/** Spans clamped to [from, to), empty ones dropped, sorted, and overlapping or touching ones merged. */
export function normalizeSpans(spans: readonly Span[], from: number, to: number): Span[] {
  const clamped = spans
    .map((s) => ({ start: Math.max(from, Math.min(s.start, s.end)), end: Math.min(to, Math.max(s.start, s.end)) }))
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of clamped) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }

  return merged;
}

/** The text between `from` and `to` as alternating plain and marked segments (never empty ones). */
export function highlightSegments(text: string, spans: readonly Span[], from = 0, to = text.length): Segment[] {
  const segments: Segment[] = [];
  let cursor = from;
  for (const span of normalizeSpans(spans, from, to)) {
    if (span.start > cursor) segments.push({ text: text.slice(cursor, span.start), marked: false, at: cursor });
    segments.push({ text: text.slice(span.start, span.end), marked: true, at: span.start });
    cursor = span.end;
  }
  if (cursor < to) segments.push({ text: text.slice(cursor, to), marked: false, at: cursor });

  return segments;
}

export interface Excerpt {
  from: number;
  to: number;
  /** Whether text was left out before `from` or after `to`. */
  cutBefore: boolean;
  cutAfter: boolean;
}

/**
 * The part of a long message worth reading first: from a little before the first span to a little
 * after the last, widened to word boundaries. Short messages (and messages without spans) are
 * shown whole up to `maxLength`.
 */
export function excerptAround(text: string, spans: readonly Span[], context = 160, maxLength = 700): Excerpt {
  if (text.length <= maxLength) return { from: 0, to: text.length, cutBefore: false, cutAfter: false };
  const valid = normalizeSpans(spans, 0, text.length);
  const first = valid[0];
  const last = valid[valid.length - 1];
  let from = first ? Math.max(0, first.start - context) : 0;
  let to = last ? Math.min(text.length, last.end + context) : maxLength;
  // Start and end on whitespace so no word is cut in half (when a space is near enough).
  if (from > 0) {
    const space = text.lastIndexOf(' ', from);
    if (space >= 0 && from - space < 40) from = space + 1;
  }
  if (to < text.length) {
    const space = text.indexOf(' ', to);
    if (space >= 0 && space - to < 40) to = space;
  }
  // Never split a surrogate pair at the edges.
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from -= 1;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to += 1;

  return { from, to, cutBefore: from > 0, cutAfter: to < text.length };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
