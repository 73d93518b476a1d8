/**
 * Types of the red-flag detector. Everything in src/detect is pure: no I/O, no clock, no node:*
 * imports, so the web UI can run the same code in the browser.
 */
import type { MESSAGE_RED_FLAG_CODES } from '../core/vocabulary.js';

export type DetectLang = 'en' | 'ru' | 'ro' | 'lt';
export type MessageRedFlagCode = (typeof MESSAGE_RED_FLAG_CODES)[number];
export type FindingSeverity = 1 | 2 | 3;

export interface Span {
  /** UTF-16 offset into the original text, inclusive. */
  start: number;
  /** UTF-16 offset into the original text, exclusive. */
  end: number;
}

export interface Finding {
  code: MessageRedFlagCode;
  severity: FindingSeverity;
  /** Start of the whole matched stretch (UTF-16 offset into the original text). */
  start: number;
  /** End of the whole matched stretch (exclusive). */
  end: number;
  /** Stable rule id, e.g. `en.payment.refuse` or `time.offhours_immediate`. */
  rule: string;
  /** The matched words (and co-occurring evidence) when they are not one contiguous stretch. */
  spans?: Span[];
}

export interface DetectInput {
  text: string;
  lang?: DetectLang;
  /** ISO 8601 timestamp with the sender's UTC offset, e.g. `2026-02-08T23:50:00-05:00`. */
  sentAt?: string;
}

export interface DetectionResult {
  lang: DetectLang;
  labels: MessageRedFlagCode[];
  findings: Finding[];
}

/**
 * One rule of a lexicon: data the team reads and extends.
 *
 * Pattern syntax (one string = one sequence of token elements separated by spaces):
 * - `word`     matches any token with the same stem (the word is stemmed by the language's stemmer)
 * - `word*`    matches any token starting with `word` (after lower-casing and folding diacritics)
 * - `=word`    matches exactly this (lower-cased, folded) token
 * - `a|b*|=c`  alternatives for one token
 * - `#num`     a number token (digits)
 * - `~N`       up to N arbitrary tokens may stand here (never across a sentence end)
 * Write lexicon words without diacritics or with them: both are folded (ă→a, ș→s, ė→e, ё→е ...).
 */
export interface RuleSpec {
  /** Stable, readable id: `<lang>.<code>.<what>`, e.g. `ru.payment.delay`. */
  id: string;
  code: MessageRedFlagCode;
  sev: FindingSeverity;
  /** Any of these patterns fires the rule. */
  p: string[];
  /**
   * Co-occurrence: at least one of these must also match somewhere in the message (`@group`
   * refers to a named group of the lexicon). Its span is added to the finding as evidence.
   */
  and?: string[];
  /** The `and` evidence must stand in the same sentence as the match (default: anywhere in the message). */
  andNear?: boolean;
  /** If any of these (patterns or `@group`) matches anywhere in the message, the rule does not fire. */
  unless?: string[];
  /** Set false when the pattern itself carries a negation ("won't pay"), so a preceding negator is not checked. */
  neg?: boolean;
  /** Fires only when a negator stands just before the match ("don't need your opinion", "won't pay"). */
  negReq?: boolean;
  /** Only when the message was sent off-hours (night 22:00–06:00 or a weekend) or mentions a day off. */
  offhours?: boolean;
  /** Keep the finding even inside a quotation or reported speech (e.g. threats that quote a review). */
  quoteOk?: boolean;
}

export interface LexiconSpec {
  lang: DetectLang;
  rules: RuleSpec[];
  /**
   * Named pattern groups used by `and`/`unless` (`@name`) and by the engine:
   * - `negator`: single words that negate what follows (`not`, `не`, `nu`, `ne`)
   * - `postneg`: a negation that follows the words it negates (ru "платить не будем")
   * - `waiver`: the sender waives an immediate reply ("no rush", "reply Monday")
   * - `immediate`: asks for something right now ("now", "asap", "call me") — used with send time
   * - `dayoff`: mentions a weekend, holiday or night ("Sunday", "bank holiday")
   * - `report`: reported speech cues ("said", "wrote")
   * - `distance`: the sender distances themselves from a quoted insult ("not aimed at you")
   * - `idiom`: harmless idioms whose words must not fire rules ("killing it")
   */
  groups: Record<string, string[]>;
  /** Frequent function words, used by language identification and mixed-language detection. */
  functionWords: string[];
}
