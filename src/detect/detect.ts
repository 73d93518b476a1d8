/**
 * RedCard's red-flag detector: pure, synchronous, explainable.
 *
 *   detect({ text, lang?, sentAt? }) → { lang, labels, findings }
 *
 * Each finding names its code, severity, the matched span(s) as UTF-16 offsets into the original
 * text, and the stable id of the lexicon rule that fired (or `time.offhours_immediate`).
 *
 * Pipeline: tokenise (Unicode-aware, one pass, tokenize.ts) → look each word up in the word cache
 * (folding, script, function-word flags, and per language its stem key and the patterns that can
 * start or continue there) → identify language (langid.ts) → for the message's language and any
 * other language it mixes in, match the lexicon's patterns (compile.ts) → apply context: negation,
 * quotation and reported speech, harmless idioms, waived replies, polite offers (`unless`),
 * co-occurrence (`and`) and the sending time.
 *
 * Speed comes from doing per distinct word what does not depend on the message: client mail
 * repeats a small vocabulary, so most tokens cost a cache hit and a look at an empty candidate
 * list. A message where nothing matched returns before any context is computed.
 *
 * Lexicons are data in ./lexicons/<lang>.ts, compiled once when this module loads.
 * No I/O, no clock, no node:* imports: the browser runs the same code. Module-level scratch
 * buffers are reused between calls; detect() is synchronous, so calls never overlap.
 */
import { MESSAGE_RED_FLAG_CODES } from '../core/vocabulary.js';
import {
  addOwner,
  type CompiledLexicon,
  keyFor,
  type LangWord,
  langWord,
  type MatchSink,
  matchAll,
  newLexicon,
  type RawMatch,
  type TokenView,
} from './compile.js';
import { identify, type LangScores, RU_TRANSLIT_WORDS } from './langid.js';
import { en } from './lexicons/en.js';
import { lt } from './lexicons/lt.js';
import { ro } from './lexicons/ro.js';
import { ru } from './lexicons/ru.js';
import { foldLower, scriptOf } from './normalize.js';
import { NUM_RE, quoteRanges, scanWords, type WordStream } from './tokenize.js';
import type {
  DetectInput,
  DetectionResult,
  DetectLang,
  Finding,
  FindingSeverity,
  LexiconSpec,
  MessageRedFlagCode,
  RuleSpec,
  Span,
} from './types.js';
import { WordTable } from './wordtable.js';

export type { DetectInput, DetectionResult, DetectLang, Finding, MessageRedFlagCode } from './types.js';

/** Groups the engine itself looks at (lexicons may define more for `and`/`unless`). */
const ENGINE_GROUPS = ['negator', 'postneg', 'waiver', 'immediate', 'dayoff', 'report', 'distance', 'idiom'] as const;

interface CompiledRule {
  spec: RuleSpec;
  /** an urgency or availability rule: waived by "no rush", stronger off-hours */
  timed: boolean;
  owner: number;
  andOwners: number[];
  unlessOwners: number[];
}

interface Compiled {
  spec: LexiconSpec;
  lex: CompiledLexicon;
  rules: CompiledRule[];
  /** rule index per owner (-1: the owner is a group or an inline and/unless list) */
  ruleOfOwner: Int32Array;
  group: Map<string, number>;
  /** owner index of each group the engine reads */
  engine: Record<EngineGroup, number>;
  /** this lexicon's matches in the current message (a lexicon runs at most once per message) */
  run: LangRun;
}

type EngineGroup = (typeof ENGINE_GROUPS)[number];

function compileLexicon(spec: LexiconSpec): Compiled {
  const lex = newLexicon(spec.lang);
  const group = new Map<string, number>();
  for (const [name, pats] of Object.entries(spec.groups)) group.set(name, addOwner(lex, `@${name}`, pats));
  for (const g of ENGINE_GROUPS) if (!group.has(g)) group.set(g, addOwner(lex, `@${g}`, []));
  const refs = (list: string[] | undefined, kind: string, id: string): number[] => {
    if (!list || list.length === 0) return [];
    const owners: number[] = [];
    const inline: string[] = [];
    for (const x of list) {
      if (x.startsWith('@')) {
        const o = group.get(x.slice(1));
        if (o === undefined) throw new Error(`${id}: unknown group ${x}`);
        owners.push(o);
      } else inline.push(x);
    }
    if (inline.length > 0) owners.push(addOwner(lex, `${kind}:${id}`, inline));
    return owners;
  };
  const seen = new Set<string>();
  const rules: CompiledRule[] = spec.rules.map((r) => {
    if (seen.has(r.id)) throw new Error(`duplicate rule id ${r.id}`);
    // ids are unique across lexicons too, so a rule fires at most once per message
    if (!r.id.startsWith(`${spec.lang}.`)) throw new Error(`rule id ${r.id} must start with ${spec.lang}.`);
    seen.add(r.id);
    return {
      spec: r,
      timed: r.code === 'urgency_pressure' || r.code === 'availability_demands',
      owner: addOwner(lex, r.id, r.p),
      andOwners: refs(r.and, 'and', r.id),
      unlessOwners: refs(r.unless, 'unless', r.id),
    };
  });
  const ruleOfOwner = new Int32Array(lex.owners.length).fill(-1);
  rules.forEach((r, i) => {
    ruleOfOwner[r.owner] = i;
  });

  const engine = Object.fromEntries(ENGINE_GROUPS.map((g) => [g, group.get(g) as number])) as Record<EngineGroup, number>;

  const c: Compiled = { spec, lex, rules, ruleOfOwner, group, engine, run: undefined as unknown as LangRun };
  c.run = { c, hits: new Array<RawMatch[] | undefined>(lex.owners.length).fill(undefined), owners: [] };

  return c;
}

const COMPILED: Record<DetectLang, Compiled> = {
  en: compileLexicon(en),
  ru: compileLexicon(ru),
  ro: compileLexicon(ro),
  lt: compileLexicon(lt),
};

// ---------------------------------------------------------------------------------------------
// Words: everything the detector needs to know about a distinct word is worked out once (case and
// diacritic folding, script, stems per language, which patterns can start there) and kept in a
// bounded cache, because client mail repeats a small vocabulary. Per token, a message then costs
// one cache look-up and, per active language, one check of the word's candidate patterns.

const FW_EN = 1;
const FW_RO = 2;
const FW_LT = 4;
const FW_RU_LAT = 8;
const FUNCTION_WORDS: Array<[number, Set<string>]> = [
  [FW_EN, new Set(en.functionWords)],
  [FW_RO, new Set(ro.functionWords)],
  [FW_LT, new Set(lt.functionWords)],
  [FW_RU_LAT, RU_TRANSLIT_WORDS],
];

/** Matcher slots: one per lexicon, plus Russian with Latin words read as transliteration. */
const SLOT_EN = 0;
const SLOT_RU = 1;
const SLOT_RO = 2;
const SLOT_LT = 3;
const SLOT_RU_TRANSLIT = 4;
const SLOT_OF: Record<DetectLang, number> = { en: SLOT_EN, ru: SLOT_RU, ro: SLOT_RO, lt: SLOT_LT };
const SLOT_LANG: DetectLang[] = ['en', 'ru', 'ro', 'lt', 'ru'];

interface Word {
  /** lower-cased as written */
  lower: string;
  /** lower-cased, diacritics folded */
  norm: string;
  script: 'cyr' | 'lat' | 'other';
  isNum: boolean;
  /** function-word flags (FW_*), for Latin-script words */
  fw: number;
  /** an English contracted negation ("don't") */
  nt: boolean;
  /** the word per matcher slot, filled on first use */
  slots: Array<LangWord | undefined>;
}

function newWord(surface: string): Word {
  const lower = surface.toLowerCase();
  const norm = foldLower(lower);
  const script = scriptOf(lower);
  let fw = 0;
  if (script === 'lat') for (const [flag, set] of FUNCTION_WORDS) if (set.has(norm)) fw |= flag;

  const slots: Array<LangWord | undefined> = [undefined, undefined, undefined, undefined, undefined];

  return { lower, norm, script, isNum: NUM_RE.test(surface), fw, nt: norm.endsWith("n't"), slots };
}

/** How a word looks to one slot's matcher (see viewFor in the git history for the original rule). */
function slotWord(w: Word, slot: number): LangWord {
  const lang = SLOT_LANG[slot] as DetectLang;
  const translit = slot === SLOT_RU_TRANSLIT;
  const ok = lang === 'ru' ? w.script === 'cyr' || (translit && w.script === 'lat') : w.script === 'lat';
  const lex = (COMPILED[lang] as Compiled).lex;
  let lw: LangWord;
  if (!ok || w.isNum) lw = langWord(lex, null, null, w.isNum);
  else {
    const [key, norm] = keyFor(lang, w.lower, w.norm, lang === 'ru' && w.script === 'lat');
    lw = langWord(lex, key, norm, false);
  }
  w.slots[slot] = lw;

  return lw;
}

/** Up to 2 × 32,768 distinct words are kept (a few MB); a mailbox's working vocabulary fits. */
const words = new WordTable<Word>(32_768, newWord);

// ---------------------------------------------------------------------------------------------
// Sending time

export interface SendTime {
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday, in the sender's local time */
  weekday: number;
  night: boolean;
  weekend: boolean;
}

/** Reads the sender's local wall-clock time from an ISO timestamp with offset (no clock, no tz db). */
export function parseSentAt(sentAt: string | undefined): SendTime | null {
  if (!sentAt) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(sentAt);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || hour > 23 || minute > 59) return null;
  const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return { hour, minute, weekday, night: hour >= 22 || hour < 6, weekend: weekday === 0 || weekday === 6 };
}

// ---------------------------------------------------------------------------------------------
// One message's matches and the context rules are judged in (negation, quotation, idioms).

/** One lexicon's matches in the current message (the lexicon's scratch, reset per message). */
interface LangRun extends MatchSink {
  c: Compiled;
}

const NO_MATCHES: RawMatch[] = [];
const TOK_NEGATOR = 1;
const TOK_POSTNEG = 2;
const TOK_IDIOM = 4;

interface MessageContext {
  text: string;
  ts: WordStream;
  n: number;
  runs: LangRun[];
  /** TOK_* flags per token (shared scratch, valid for this message) */
  flags: Uint8Array;
  /** first tokens of reported-speech cues ("said", "wrote") */
  reportAt: number[];
  /** quotation ranges, found on first need (most messages never ask) */
  quotes: Array<[number, number]> | undefined;
}

let tokFlags = new Uint8Array(256);

function matchesOf(run: LangRun, owner: number): RawMatch[] {
  return run.hits[owner] ?? NO_MATCHES;
}

function anyGroupMatch(runs: LangRun[], g: EngineGroup): boolean {
  for (const r of runs) if (r.hits[r.c.engine[g]] !== undefined) return true;

  return false;
}

/** A negator stands up to 4 tokens before the match, or a postposed one right after it, in the same clause. */
function negated(c: MessageContext, m: RawMatch): boolean {
  const clauses = c.ts.clause;
  const first = m.tokens[0] as number;
  const clause = clauses[first];
  for (let j = first - 1; j >= 0 && j >= first - 4; j--) {
    if (clauses[j] !== clause) break;
    if ((c.flags[j] as number) & TOK_NEGATOR) return true;
  }
  // postposed negation ("платить не будем"): a `postneg` match right after, same clause
  const last = m.tokens[m.tokens.length - 1] as number;
  for (let j = last + 1; j <= last + 2 && j < c.n; j++) {
    if (clauses[j] !== clause) break;
    if ((c.flags[j] as number) & TOK_POSTNEG) return true;
  }

  return false;
}

function quoted(c: MessageContext, i: number): boolean {
  if (!c.ts.quotes) return false;
  c.quotes ??= quoteRanges(c.text);
  const start = c.ts.start[i] as number;
  const end = c.ts.end[i] as number;
  for (const [a, b] of c.quotes) if (start >= a && end <= b) return true;

  return false;
}

/** Inside quotation marks, or after a reported-speech cue in the same sentence. */
function reported(c: MessageContext, m: RawMatch): boolean {
  let allQuoted = true;
  for (const i of m.tokens) {
    if (!quoted(c, i)) {
      allQuoted = false;
      break;
    }
  }
  if (allQuoted) return true;
  const first = m.tokens[0] as number;
  const sent = c.ts.sent[first];
  for (const r of c.reportAt) if (r < first && c.ts.sent[r] === sent) return true;

  return false;
}

function inIdiom(c: MessageContext, m: RawMatch): boolean {
  for (const i of m.tokens) if ((c.flags[i] as number) & TOK_IDIOM) return true;

  return false;
}

function usable(c: MessageContext, m: RawMatch): boolean {
  return !negated(c, m) && !inIdiom(c, m);
}

function anyUsable(c: MessageContext, run: LangRun, owners: number[]): boolean {
  for (const o of owners) for (const x of matchesOf(run, o)) if (usable(c, x)) return true;

  return false;
}

/** The first usable match of `owners` in the sentence of `x`, not starting where `x` starts. */
function nearMatch(c: MessageContext, run: LangRun, owners: number[], x: RawMatch): RawMatch | undefined {
  const first = x.tokens[0] as number;
  const sent = c.ts.sent[first];
  for (const o of owners) {
    for (const y of matchesOf(run, o)) {
      const yFirst = y.tokens[0] as number;
      if (usable(c, y) && c.ts.sent[yFirst] === sent && yFirst !== first) return y;
    }
  }

  return undefined;
}

/**
 * Sorts in place, stably. The lists sorted per message (matched rules, a finding's tokens, the
 * findings) hold a handful of items, where Array.prototype.sort's set-up costs more than this.
 */
function sortSmall<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
  for (let i = 1; i < a.length; i++) {
    const x = a[i] as T;
    let j = i - 1;
    while (j >= 0 && cmp(a[j] as T, x) > 0) {
      a[j + 1] = a[j] as T;
      j--;
    }
    a[j + 1] = x;
  }

  return a;
}

function ascending(a: number, b: number): number {
  return a - b;
}

function isAvailability(f: Finding): boolean {
  return f.code === 'availability_demands';
}

function byStartThenCode(a: Finding, b: Finding): number {
  return a.start - b.start || (CODE_ORDER.get(a.code) ?? 0) - (CODE_ORDER.get(b.code) ?? 0);
}

function activeLangs(primary: DetectLang, s: LangScores): { langs: DetectLang[]; translit: boolean } {
  const langs: DetectLang[] = [primary];
  const translit = primary === 'ru' && s.ruLat >= 2 && s.ruLat > s.en;
  if (primary !== 'ru' && s.cyr >= 2) langs.push('ru');
  if (primary !== 'en' && !translit && s.en >= 2 && s.en >= s.ro && s.en >= s.lt) langs.push('en');
  if (primary !== 'ro' && s.ro >= 2 && s.ro > s.en && s.ro >= s.lt) langs.push('ro');
  if (primary !== 'lt' && s.lt >= 2 && s.lt > s.en && s.lt > s.ro) langs.push('lt');

  return { langs, translit };
}

// Scratch arrays reused across calls (detect() is synchronous and not re-entrant).
const msgWords: Word[] = [];
const slotViews: LangWord[][] = [[], [], [], [], []];
const view: TokenView = { n: 0, words: [], sent: new Int32Array(0) };

function spansOf(ts: WordStream, idx: readonly number[]): Span[] {
  const out: Span[] = [];
  for (const i of idx) {
    const last = out[out.length - 1];
    if (last && i > 0 && idx.includes(i - 1)) last.end = ts.end[i] as number;
    else out.push({ start: ts.start[i] as number, end: ts.end[i] as number });
  }

  return out;
}

const CODE_ORDER = new Map<string, number>(MESSAGE_RED_FLAG_CODES.map((c, i) => [c, i]));
const ruleScratch: number[] = [];

/** Finds the red flags in one message (see the module comment for the pipeline). */
export function detect(input: DetectInput): DetectionResult {
  const text = typeof input.text === 'string' ? input.text : '';
  const ts = scanWords(text);
  const n = ts.n;
  const scores: LangScores = { en: 0, ro: 0, lt: 0, ruLat: 0, cyr: 0, lat: 0 };
  for (let i = 0; i < n; i++) {
    const w = words.get(text, ts.start[i] as number, ts.end[i] as number, ts.hash[i] as number);
    msgWords[i] = w;
    if (w.script === 'cyr') scores.cyr++;
    else if (w.script === 'lat') {
      scores.lat++;
      const fw = w.fw;
      if (fw !== 0) {
        if (fw & FW_EN) scores.en++;
        if (fw & FW_RO) scores.ro++;
        if (fw & FW_LT) scores.lt++;
        if (fw & FW_RU_LAT) scores.ruLat++;
      }
    }
  }
  const lang: DetectLang = input.lang ?? identify(text, scores);
  if (n === 0) return { lang, labels: [], findings: [] };

  const { langs, translit } = activeLangs(lang, scores);
  const runs: LangRun[] = [];
  let ruleMatched = false;
  let immediateMatched = false;
  for (const L of langs) {
    const c = COMPILED[L];
    const slot = L === 'ru' && translit ? SLOT_RU_TRANSLIT : SLOT_OF[L];
    const lws = slotViews[slot] as LangWord[];
    for (let i = 0; i < n; i++) {
      const w = msgWords[i] as Word;
      lws[i] = w.slots[slot] ?? slotWord(w, slot);
    }
    view.n = n;
    view.words = lws;
    view.sent = ts.sent;
    const run = c.run;
    for (const o of run.owners) run.hits[o] = undefined;
    run.owners.length = 0;
    matchAll(view, run);
    if (!ruleMatched) for (const o of run.owners) if ((c.ruleOfOwner[o] as number) >= 0) ruleMatched = true;
    if (run.hits[c.engine.immediate] !== undefined) immediateMatched = true;
    runs.push(run);
  }
  // No rule matched and no "right now" for the sending-time rule: nothing can be found, so the
  // context (negation, quotes, idioms ...) is not worth working out.
  if (!ruleMatched && !immediateMatched) return { lang, labels: [], findings: [] };

  // --- message context ------------------------------------------------------------------------
  if (tokFlags.length < n) tokFlags = new Uint8Array(Math.max(n, tokFlags.length * 2));
  const flags = tokFlags;
  flags.fill(0, 0, n);
  const reportAt: number[] = [];
  for (const r of runs) {
    const e = r.c.engine;
    for (const m of matchesOf(r, e.negator)) for (const i of m.tokens) flags[i] = (flags[i] as number) | TOK_NEGATOR;
    for (const m of matchesOf(r, e.postneg)) flags[m.tokens[0] as number] = (flags[m.tokens[0] as number] as number) | TOK_POSTNEG;
    for (const m of matchesOf(r, e.idiom)) for (const i of m.tokens) flags[i] = (flags[i] as number) | TOK_IDIOM;
    for (const m of matchesOf(r, e.report)) reportAt.push(m.tokens[0] as number);
  }
  for (let i = 0; i < n; i++) if ((msgWords[i] as Word).nt) flags[i] = (flags[i] as number) | TOK_NEGATOR;
  const ctx: MessageContext = { text, ts, n, runs, flags, reportAt, quotes: undefined };
  const waived = anyGroupMatch(runs, 'waiver');
  const distanced = anyGroupMatch(runs, 'distance');
  const time = parseSentAt(input.sentAt);
  const dayoffText = anyGroupMatch(runs, 'dayoff');
  const offhoursTime = time !== null && (time.night || time.weekend);
  const offhours = offhoursTime || dayoffText;

  // --- rules ------------------------------------------------------------------------------------
  const findings: Finding[] = [];
  for (const run of runs) {
    // the rules that have a match, in lexicon order (as if walking all rules)
    const ruleIdx = ruleScratch;
    ruleIdx.length = 0;
    for (const o of run.owners) {
      const ri = run.c.ruleOfOwner[o] as number;
      if (ri >= 0) ruleIdx.push(ri);
    }
    sortSmall(ruleIdx, ascending);
    for (const ri of ruleIdx) {
      const r = run.c.rules[ri] as CompiledRule;
      const ms = matchesOf(run, r.owner);
      const spec = r.spec;
      if (spec.offhours && !offhours) continue;
      if (r.timed && waived) continue;
      if (spec.code === 'abuse' && distanced) continue;
      if (r.unlessOwners.length > 0 && anyUsable(ctx, run, r.unlessOwners)) continue;
      let andMatch: RawMatch | undefined;
      if (r.andOwners.length > 0) {
        for (const o of r.andOwners) {
          for (const x of matchesOf(run, o)) {
            if (usable(ctx, x)) {
              andMatch = x;
              break;
            }
          }
          if (andMatch) break;
        }
        if (!andMatch) continue;
      }
      let m: RawMatch | undefined;
      for (const x of ms) {
        const ok =
          (spec.negReq === true ? negated(ctx, x) : spec.neg === false || !negated(ctx, x)) &&
          !inIdiom(ctx, x) &&
          (spec.quoteOk === true || !reported(ctx, x));
        if (!ok) continue;
        if (spec.andNear && r.andOwners.length > 0) {
          const near = nearMatch(ctx, run, r.andOwners, x);
          if (!near) continue;
          andMatch = near;
        }
        m = x;
        break;
      }
      if (!m) continue;
      let sev = spec.sev as number;
      if (r.timed && offhoursTime) sev = Math.min(3, sev + 1);
      // a match's own tokens are ascending; only co-occurrence evidence needs merging in
      let idx = m.tokens;
      if (andMatch) {
        const merged = [...m.tokens];
        for (const i of andMatch.tokens) if (!merged.includes(i)) merged.push(i);
        idx = sortSmall(merged, ascending);
      }
      const spans = spansOf(ts, idx);
      const f: Finding = {
        code: spec.code,
        severity: sev as FindingSeverity,
        start: (spans[0] as Span).start,
        end: (spans[spans.length - 1] as Span).end,
        rule: spec.id,
      };
      if (spans.length > 1) f.spans = spans;
      findings.push(f);
    }
  }

  // --- sending time: an off-hours demand for an immediate answer --------------------------------
  if (offhoursTime && !waived && !findings.some(isAvailability)) {
    let imm: RawMatch | undefined;
    for (const r of runs) {
      for (const m of matchesOf(r, r.c.engine.immediate)) {
        if (usable(ctx, m) && !reported(ctx, m)) {
          imm = m;
          break;
        }
      }
      if (imm) break;
    }
    if (imm && time) {
      const spans = spansOf(ts, imm.tokens);
      findings.push({
        code: 'availability_demands',
        severity: time.night ? 2 : 1,
        start: (spans[0] as Span).start,
        end: (spans[spans.length - 1] as Span).end,
        rule: time.night ? 'time.night_immediate' : 'time.weekend_immediate',
        ...(spans.length > 1 ? { spans } : {}),
      });
    }
  }

  sortSmall(findings, byStartThenCode);
  // labels in vocabulary order, as a bit set of code positions
  let codes = 0;
  for (const f of findings) codes |= 1 << (CODE_ORDER.get(f.code) as number);
  const labels: MessageRedFlagCode[] = [];
  for (let k = 0; k < MESSAGE_RED_FLAG_CODES.length; k++)
    if ((codes & (1 << k)) !== 0) labels.push(MESSAGE_RED_FLAG_CODES[k] as MessageRedFlagCode);

  return { lang, labels, findings };
}
