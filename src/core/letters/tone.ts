/**
 * The tone checker (issue 6): reads a draft the way DOMAIN.md X1–X11, D4 and A1 say a letter to
 * a client should read, and reports each problem with the span it concerns and how to fix it.
 * Pure and synchronous (the UI runs it on every keystroke): rules are per-language data in
 * tone-lexicons/, compiled once.
 *
 * Which problems are looked for depends on the kind of text (TONE_CODES_BY_KIND below). Codes
 * about something *missing* (no_reason, no_timeline, no_handoff, no_thanks) point at the place
 * a misleading stand-in sits ("for various reasons") or else at the whole text.
 */
import { DomainError } from '../errors.js';
import {
  type CompiledToneLexicon,
  type CompiledToneRule,
  compileToneLexicon,
  foldForMatching,
  type ToneLexiconSpec,
  type ToneRuleGroup,
} from './tone-lexicon.js';
import { en } from './tone-lexicons/en.js';
import { lt } from './tone-lexicons/lt.js';
import { ro } from './tone-lexicons/ro.js';
import { ru } from './tone-lexicons/ru.js';

export const TONE_CODES = [
  'blame',
  'emotional',
  'no_reason',
  'no_timeline',
  'no_handoff',
  'no_thanks',
  'breakup_word',
  'too_long',
  'wavering',
  'referral_to_abuser',
] as const;
export type ToneCode = (typeof TONE_CODES)[number];

export const LETTER_LANGS = ['en', 'ru', 'ro', 'lt'] as const;
export type LetterLang = (typeof LETTER_LANGS)[number];

export const LETTER_KINDS = ['termination', 'warning', 'debt_demand', 're_engagement_reply', 'call_script'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** What the case says about the client; decides whether a referral is allowed (X8). */
export interface ToneContext {
  client_paid?: boolean;
  abusive?: boolean;
}

export interface ToneFinding {
  code: ToneCode;
  start: number;
  end: number;
  /** how to fix it, in English; the UI translates by code */
  message: string;
  /** which rule fired, `<lang>.<code>.<rule id>` (stable, for tests and tuning) */
  rule: string;
}

export interface ToneResult {
  /** the sorted unique codes found */
  violations: ToneCode[];
  /** in text order */
  findings: ToneFinding[];
  /** words in the text, as counted for too_long */
  words: number;
}

export interface CheckToneOptions {
  lang: LetterLang;
  context?: ToneContext;
  /** default 'termination' */
  kind?: LetterKind;
}

/** A termination letter longer than this is too long (X3 "short"); a re-engagement reply has its own limit. */
export const MAX_LETTER_WORDS = 250;
/** A reply to a re-engagement attempt is short and closed (A1). */
export const MAX_REPLY_WORDS = 120;

/**
 * The codes checked per kind, and why:
 * - termination: all ten (X3–X9).
 * - warning (D4, yellow card): say what crossed the line (no_reason) and what happens if it
 *   repeats (reported as no_timeline: a warning's "what happens next"); calm, firm, short. No
 *   handoff or thanks (the work goes on), no referral.
 * - debt_demand: calm and firm with a deadline (no_timeline); the debt itself is the reason.
 * - re_engagement_reply (A1/A2): short, kind and closed: no wavering, no break/pause framing that
 *   reopens it, no blame; no reason, dates or handoff required.
 * - call_script: the decision, the reason and what happens next, said without blame or wavering;
 *   a script is longer than a letter, so no length limit; thanks and handoff go in the letter.
 */
export const TONE_CODES_BY_KIND: Readonly<Record<LetterKind, readonly ToneCode[]>> = {
  termination: TONE_CODES,
  warning: ['blame', 'emotional', 'no_reason', 'no_timeline', 'breakup_word', 'too_long', 'wavering'],
  debt_demand: ['blame', 'emotional', 'no_timeline', 'too_long', 'wavering'],
  re_engagement_reply: ['blame', 'emotional', 'breakup_word', 'too_long', 'wavering', 'referral_to_abuser'],
  call_script: ['blame', 'emotional', 'no_reason', 'no_timeline', 'breakup_word', 'wavering', 'referral_to_abuser'],
};

const LEXICONS: Record<LetterLang, CompiledToneLexicon> = {
  en: compileToneLexicon(en),
  ru: compileToneLexicon(ru),
  ro: compileToneLexicon(ro),
  lt: compileToneLexicon(lt),
};

/** The lexicon specs, for tests and for anyone extending them. */
export const TONE_LEXICONS: Readonly<Record<LetterLang, ToneLexiconSpec>> = { en, ru, ro, lt };

const MESSAGES: Record<ToneCode, string> = {
  blame:
    'This criticises the client as a person. State the facts of what happened (dates, events) and how it affects your work, without judging them (X5).',
  emotional: 'This reads as anger, an insult or sarcasm. Remove it and keep a calm, neutral tone; the facts are enough (X5).',
  no_reason: 'Give the honest, concrete reason for the decision, framed around facts or your own situation, not a vague stand-in (X3, X4).',
  no_timeline:
    'Say when the work ends and what happens until then: the last working day, what you will finish, and by which date (X1, X3).',
  no_handoff: 'Say what you will hand over and when: files, access, passwords, materials, notes for whoever takes over (X9).',
  no_thanks: 'Thank the client for the work together, briefly and sincerely (X7).',
  breakup_word: 'Do not frame the end as a break, a pause or a breakup; say plainly that the cooperation ends (X6).',
  too_long: 'The letter is too long. Keep to the decision, the reason, the dates, the handoff and thanks (X3: short).',
  wavering: 'This reopens or softens the decision. State it firmly and do not invite the client to change it (X3, A1).',
  referral_to_abuser:
    'Recommend another specialist only to a client who paid and was not abusive; here, point to general resources at most, or remove it (X8).',
};

const WARNING_NO_CONSEQUENCE = 'Say what happens if it repeats (for example: "if this happens again, I will end our cooperation") (D4).';
const WARNING_NO_REASON = 'Name what crossed the line: the specific event and when it happened (D4).';
const DEBT_NO_DEADLINE = 'Give the deadline for payment and the next step if it is missed.';

/** A span of the text: [start, end). */
interface Span {
  start: number;
  end: number;
}

interface RuleHit extends Span {
  rule: string;
}

/**
 * Checks a draft's tone and completeness. Throws a DomainError (VALIDATION_FAILED) for an unknown
 * language or kind (callers outside TypeScript). An empty or blank draft has no findings: there is
 * nothing to judge yet, and the editor shows findings while typing.
 */
export function checkTone(text: string, options: CheckToneOptions): ToneResult {
  const { lang, context } = options;
  const kind = options.kind ?? 'termination';
  if (!(LETTER_LANGS as readonly string[]).includes(lang)) {
    throw new DomainError('VALIDATION_FAILED', `Unknown letter language "${String(lang)}"; use one of ${LETTER_LANGS.join(', ')}.`, {
      issues: [{ path: 'lang', message: `must be one of ${LETTER_LANGS.join(', ')}` }],
    });
  }
  if (!(LETTER_KINDS as readonly string[]).includes(kind)) {
    throw new DomainError('VALIDATION_FAILED', `Unknown letter kind "${String(kind)}"; use one of ${LETTER_KINDS.join(', ')}.`, {
      issues: [{ path: 'kind', message: `must be one of ${LETTER_KINDS.join(', ')}` }],
    });
  }
  const words = countWords(text);
  if (text.trim() === '') return { violations: [], findings: [], words };

  const lexicon = LEXICONS[lang];
  const doc = analyse(text);
  const applies = new Set<ToneCode>(TONE_CODES_BY_KIND[kind]);
  const findings: ToneFinding[] = [];
  const add = (code: ToneCode, span: Span, rule: string, message = MESSAGES[code]) => {
    if (applies.has(code)) findings.push({ code, start: span.start, end: span.end, message, rule });
  };
  const whole: Span = { start: 0, end: text.length };

  // Problems present in the text. Words inside quotation marks are someone else's (the client's
  // message quoted, a company name), so they are not the writer's blame, anger or wavering.
  const problems: Array<[ToneCode, ToneRuleGroup[]]> = [
    ['blame', ['blame', 'reproach']],
    ['emotional', ['emotional']],
    ['breakup_word', ['breakupWord']],
    ['wavering', ['wavering']],
  ];
  // Needed whatever the kind: thanks inside sarcasm ("thanks for finally paying") is no thanks (X7).
  const emotionalHits = findRules(doc, lexicon.emotional, `${lang}.emotional`).filter((hit) => !doc.inQuotes(hit));
  for (const [code, groups] of problems) {
    if (!applies.has(code)) continue;
    for (const group of groups) {
      const hits =
        group === 'emotional' ? emotionalHits : findRules(doc, lexicon[group], `${lang}.${code}`).filter((h) => !doc.inQuotes(h));
      for (const hit of hits) add(code, hit, hit.rule);
    }
  }
  if (applies.has('emotional')) {
    for (const hit of findScareQuotes(text, doc, lexicon.scareQuoted, `${lang}.emotional`)) add('emotional', hit, hit.rule);
    for (const hit of findShouting(text)) add('emotional', hit, `${lang}.emotional.shouting`);
    for (const hit of findRepeatedPunctuation(text)) add('emotional', hit, `${lang}.emotional.repeated-punctuation`);
  }
  // X8: without context nothing says the referral is wrong, so nothing is reported.
  if (context?.client_paid === false || context?.abusive === true) {
    for (const hit of findRules(doc, lexicon.referral, `${lang}.referral_to_abuser`)) add('referral_to_abuser', hit, hit.rule);
  }
  const limit = kind === 're_engagement_reply' ? MAX_REPLY_WORDS : MAX_LETTER_WORDS;
  if (words > limit) {
    add(
      'too_long',
      { start: offsetOfWord(text, limit), end: text.length },
      `${lang}.too_long.words`,
      `${MESSAGES.too_long} It has ${words} words; keep it to ${limit}.`,
    );
  }

  // Parts that must be there.
  if (applies.has('no_reason')) {
    const vague = findRules(doc, lexicon.vagueReason, `${lang}.no_reason`);
    const vagueSentences = new Set(vague.map((v) => doc.sentenceOf(v.start)));
    // Blame is a reason given badly (reported as blame), not a reason missing.
    const given =
      findRules(doc, lexicon.reason, `${lang}.reason`).some((hit) => !vagueSentences.has(doc.sentenceOf(hit.start))) ||
      anyRule(doc, lexicon.blame);
    if (!given) {
      const message = kind === 'warning' ? WARNING_NO_REASON : MESSAGES.no_reason;
      const first = vague[0];
      if (first) add('no_reason', first, first.rule, message);
      else add('no_reason', whole, `${lang}.no_reason.absent`, message);
    }
  }
  if (applies.has('no_timeline')) {
    if (kind === 'warning') {
      if (!anyRule(doc, lexicon.consequence)) add('no_timeline', whole, `${lang}.no_timeline.no-consequence`, WARNING_NO_CONSEQUENCE);
    } else if (!anyRule(doc, lexicon.timeline)) {
      add('no_timeline', whole, `${lang}.no_timeline.absent`, kind === 'debt_demand' ? DEBT_NO_DEADLINE : MESSAGES.no_timeline);
    }
  }
  if (applies.has('no_handoff') && !anyRule(doc, lexicon.handoff)) add('no_handoff', whole, `${lang}.no_handoff.absent`);
  if (applies.has('no_thanks')) {
    const sincere = findRules(doc, lexicon.thanks, '').some((t) => !emotionalHits.some((e) => e.start <= t.start && t.end <= e.end));
    if (!sincere) add('no_thanks', whole, `${lang}.no_thanks.absent`);
  }

  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code));
  const found = new Set(findings.map((f) => f.code));

  return { violations: TONE_CODES.filter((c) => found.has(c)), findings, words };
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Words as a reader counts them: letters or digits, with inner apostrophes and hyphens ("don't", "e-mail"). */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(WORD_RE)) n++;

  return n;
}

/** Offset where word number `index` (0-based) starts, or the text's end. */
function offsetOfWord(text: string, index: number): number {
  let n = 0;
  for (const m of text.matchAll(WORD_RE)) {
    if (n === index) return m.index;
    n++;
  }

  return text.length;
}

interface Analysed {
  folded: string;
  sentences: Span[];
  sentenceOf(offset: number): number;
  inQuotes(span: Span): boolean;
}

// A sentence ends at . ! ? … followed by a space, or at a line break.
const SENTENCE_END = /[.!?…]+(?=\s)|\n/g;
const QUOTED = /«[^«»\n]*»|„[^„“”\n]*[“”]|“[^“”\n]*”|"[^"\n]*"/g;

function analyse(text: string): Analysed {
  const folded = foldForMatching(text);
  const sentences: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (end > start) sentences.push({ start, end });
    start = end;
  }
  if (start < text.length) sentences.push({ start, end: text.length });
  const quotes = [...text.matchAll(QUOTED)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

  return {
    folded,
    sentences,
    sentenceOf(offset) {
      // Sentences are sorted and contiguous: binary search for the last one starting at or before offset.
      let lo = 0;
      let hi = sentences.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((sentences[mid] as Span).start <= offset) lo = mid;
        else hi = mid - 1;
      }

      return lo;
    },
    inQuotes(span) {
      return quotes.some((q) => span.start >= q.start && span.end <= q.end);
    },
  };
}

/** Every match of the rules, with their `with`/`unless` conditions checked in the match's sentence. */
function findRules(doc: Analysed, rules: CompiledToneRule[], prefix: string): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const rule of rules) {
    for (const m of doc.folded.matchAll(rule.match)) {
      if (!conditionsHold(doc, rule, m.index)) continue;
      hits.push({ start: m.index, end: m.index + m[0].length, rule: `${prefix}.${rule.id}` });
    }
  }

  return hits.sort((a, b) => a.start - b.start);
}

function conditionsHold(doc: Analysed, rule: CompiledToneRule, offset: number): boolean {
  if (!rule.with && !rule.unless) return true;
  const sentence = doc.sentences[doc.sentenceOf(offset)] as Span;
  const within = doc.folded.slice(sentence.start, sentence.end);
  if (rule.with && !matches(rule.with, within)) return false;

  return !(rule.unless && matches(rule.unless, within));
}

// Quoted text for scare quotes: the marks of QUOTED, and single quotes that open after a non-letter
// and close before one (so the apostrophes of "don't" and "clients'" are not taken for quotes).
const SCARE_QUOTED = new RegExp(`${QUOTED.source}|(?<![\\p{L}\\p{N}])['‘][^'‘’"“”«»\\n]+['’](?![\\p{L}\\p{N}])`, 'gu');
const MAX_SCARE_QUOTED_WORDS = 3;

/**
 * Scare quotes: a quotation whose whole text is one of the lexicon's mocked words, in lower case.
 * A quoted title or name starts with a capital, a quoted sentence is longer, so neither is taken.
 */
function findScareQuotes(text: string, doc: Analysed, rules: CompiledToneRule[], prefix: string): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const q of text.matchAll(SCARE_QUOTED)) {
    const start = q.index + 1;
    const end = q.index + q[0].length - 1;
    const inner = text.slice(start, end);
    if (!/^\p{Ll}/u.test(inner) || countWords(inner) > MAX_SCARE_QUOTED_WORDS) continue;
    const folded = doc.folded.slice(start, end);
    for (const rule of rules) {
      if (!matchesWhole(rule.match, folded) || !conditionsHold(doc, rule, q.index)) continue;
      hits.push({ start: q.index, end: q.index + q[0].length, rule: `${prefix}.${rule.id}` });
      break;
    }
  }

  return hits;
}

function matches(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const found = re.test(text);
  re.lastIndex = 0;

  return found;
}

const anchoredCache = new WeakMap<RegExp, RegExp>();

/** Whether the whole text is one match: anchored, because a shorter alternative may match first ("small" of "small tweaks"). */
function matchesWhole(re: RegExp, text: string): boolean {
  let anchored = anchoredCache.get(re);
  if (!anchored) {
    anchored = new RegExp(`^(?:${re.source})$`, re.flags.replace('g', ''));
    anchoredCache.set(re, anchored);
  }

  return anchored.test(text);
}

function anyRule(doc: Analysed, rules: CompiledToneRule[]): boolean {
  return findRules(doc, rules, '').length > 0;
}

// Runs of capitalised words: a word in capitals of 6+ letters, or two or more capitalised words
// with 7+ letters together. Short acronyms (SEO, PDF, UAB) stay below both thresholds.
const CAPS_RUN = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?:[\s,'’]+\p{Lu}{2,})*(?![\p{L}\p{N}])/gu;
// Company names are often written in capitals after the legal form or inside quotes.
const LEGAL_FORM_BEFORE = /(?:UAB|AB|MB|SRL|SA|LLC|LTD|INC|GMBH|ООО|ОАО|АО|ИП)\s*[„“"«]?\s*$/u;

function findShouting(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(CAPS_RUN)) {
    const capsWords = m[0].split(/[\s,'’]+/).filter((w) => w !== '');
    const letters = capsWords.reduce((n, w) => n + [...w].length, 0);
    const loud = capsWords.length === 1 ? letters >= 6 : letters >= 7;
    if (!loud) continue;
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    if (LEGAL_FORM_BEFORE.test(before) || /[„“"«]\s*$/.test(before)) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }

  return out;
}

/** "!!", "?!", "??": shouting on the page. A single "!" after a greeting is normal in Russian. */
function findRepeatedPunctuation(text: string): Span[] {
  return [...text.matchAll(/[!?]{2,}/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
