/**
 * The tone checker's lexicon format and its compiler. Each language's lexicon
 * (tone-lexicons/<lang>.ts) is plain data the team can read and extend; this module turns it into
 * regular expressions once, at module load.
 *
 * Pattern syntax (matched case-insensitively, with diacritics folded, so "mulțumesc",
 * "multumesc" and "MULȚUMESC" meet, and Russian "ё"/"е" too):
 * - words separated by spaces must follow one another (any punctuation or spaces between them);
 * - `a|b` is either word; a trailing `*` makes a stem ("thank*" matches "thanks", "thanked");
 * - `~N` lets up to N other words sit between its neighbours ("you ~2 never");
 * - `#num` is a number ("15", "15th", "15-го").
 */

/** One rule: the patterns that trigger it, optionally only in a sentence with (or without) others. */
export interface ToneRuleSpec {
  /** stable id, reported with each finding as `<lang>.<code>.<id>` */
  id: string;
  /** any of these patterns */
  match: string[];
  /** the sentence must also contain one of these (e.g. a second-person reference) */
  with?: string[];
  /** the rule does not fire in a sentence containing one of these (e.g. "thanks for nothing") */
  unless?: string[];
}

/** A language's tone lexicon: what counts as each problem, and as each required part. */
export interface ToneLexiconSpec {
  /** criticism of the client as a person (X5); also counts as a reason given (badly) */
  blame: ToneRuleSpec[];
  /**
   * reproach without a blaming verb ("I expected better from you"): reported as blame (X5), but
   * unlike blame it gives no reason for the decision
   */
  reproach: ToneRuleSpec[];
  /** insults, sarcasm, outbursts (X5, "stay calm"); shouting and !!! are found without words */
  emotional: ToneRuleSpec[];
  /**
   * words that, standing alone in quotation marks, mock what the client called them (your
   * 'feedback', the «небольшие правки»): a rule fires when its pattern is the whole quoted text,
   * written in lower case (titles of deliverables and names are capitalised), of at most three words
   */
  scareQuoted: ToneRuleSpec[];
  /** a break or pause framing (X6) */
  breakupWord: ToneRuleSpec[];
  /** reopening or hedging the decision (X3 "firmly", A1) */
  wavering: ToneRuleSpec[];
  /** a recommendation of another specialist (X8; a problem only for a client who did not pay or was abusive) */
  referral: ToneRuleSpec[];
  /** signs that a reason is given (X3, X4) */
  reason: ToneRuleSpec[];
  /** stock phrases that stand in for a reason without giving one ("for various reasons") */
  vagueReason: ToneRuleSpec[];
  /** dates, deadlines and notice periods (X1, X3) */
  timeline: ToneRuleSpec[];
  /** what a warning says happens if it repeats (D4) */
  consequence: ToneRuleSpec[];
  /** files, access, materials handed over (X9) */
  handoff: ToneRuleSpec[];
  /** thanks for the work together (X7) */
  thanks: ToneRuleSpec[];
}

export type ToneRuleGroup = keyof ToneLexiconSpec;

export interface CompiledToneRule {
  id: string;
  /** any of the rule's patterns */
  match: RegExp;
  with: RegExp | null;
  unless: RegExp | null;
}

export type CompiledToneLexicon = Record<ToneRuleGroup, CompiledToneRule[]>;

/**
 * Lower-cases and strips diacritics one character at a time, so every offset in the folded text
 * is the offset of the same character in the original (findings point into the original).
 */
export function foldForMatching(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const base = lower.normalize('NFD')[0] ?? lower;
    // Astral characters (emoji) and characters whose lower case is longer keep their width as they are.
    const folded = ch.length === 1 && lower.length === 1 ? base : ch;
    out += folded === '’' || folded === 'ʼ' ? "'" : folded;
  }

  return out;
}

// Letters of the scripts the lexicons are written in (Latin with its extensions, Cyrillic), as
// ranges: the regular expressions hold these classes dozens of times, and \p{L} would make each
// one costly to compile (seconds for a whole lexicon on a busy machine, paid on first use).
const LETTERS = 'a-zA-Z\\u00c0-\\u024f\\u1e00-\\u1eff\\u0400-\\u04ff';
const ALNUM = `${LETTERS}0-9`;
const WORD = `[${ALNUM}'-]`;
const START = `(?<![${ALNUM}])`;
const END = `(?![${ALNUM}])`;
// Between words: spaces and punctuation, but never a sentence end or a line break (a phrase does
// not run across sentences); a dot between digits is part of a date ("31.03.2026").
const SEP = `(?:[^${ALNUM}.!?…\\n]|\\.(?=\\d))+`;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileAlternative(alt: string): string {
  if (alt === '#num') return `\\d{1,4}(?:[-.]?[${LETTERS}]{1,3})?`;
  const stem = alt.length > 1 && alt.endsWith('*');
  const word = foldForMatching(stem ? alt.slice(0, -1) : alt);
  // Inside a word, a space or hyphen in the pattern accepts either ("m-am", "m am").
  const body = escapeRegExp(word).replace(/\\-|-| /g, '[\\s-]+');

  return stem ? `${body}${WORD}*` : body;
}

/** The regular expression source of one pattern, without the word-boundary guards. */
function patternSource(pattern: string): string {
  const parts = pattern.split(/\s+/).filter((p) => p !== '');
  let source = '';
  let pendingGap = 0;
  let words = 0;
  for (const part of parts) {
    const gap = /^~(\d+)$/.exec(part);
    if (gap) {
      pendingGap += Number(gap[1]);
      continue;
    }
    const alternatives = part.split('|').filter((a) => a !== '');
    if (alternatives.length === 0) throw new Error(`tone pattern "${pattern}": empty word`);
    const group = `(?:${alternatives.map(compileAlternative).join('|')})`;
    if (words > 0) source += pendingGap > 0 ? `(?:${SEP}${WORD}+){0,${pendingGap}}${SEP}` : SEP;
    source += group;
    pendingGap = 0;
    words++;
  }
  if (words === 0) throw new Error(`tone pattern "${pattern}" has no words`);

  return source;
}

/**
 * Compiles patterns (syntax above) into one regular expression over folded text that matches
 * any of them: one pass over the text per rule instead of one per pattern.
 */
export function compileTonePattern(...patterns: string[]): RegExp {
  if (patterns.length === 0) throw new Error('no tone pattern to compile');

  return new RegExp(`${START}(?:${patterns.map((p) => `(?:${patternSource(p)})`).join('|')})${END}`, 'gu');
}

function compileRule(rule: ToneRuleSpec): CompiledToneRule {
  if (rule.match.length === 0) throw new Error(`tone rule "${rule.id}" has no patterns`);

  return {
    id: rule.id,
    match: compileTonePattern(...rule.match),
    with: rule.with?.length ? compileTonePattern(...rule.with) : null,
    unless: rule.unless?.length ? compileTonePattern(...rule.unless) : null,
  };
}

/** Compiles a whole lexicon; throws on a malformed pattern, naming it (lexicons are checked by tests). */
export function compileToneLexicon(spec: ToneLexiconSpec): CompiledToneLexicon {
  const out = {} as CompiledToneLexicon;
  for (const group of Object.keys(spec) as ToneRuleGroup[]) out[group] = spec[group].map(compileRule);

  return out;
}
