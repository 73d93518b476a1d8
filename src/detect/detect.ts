/**
 * RedCard's red-flag detector: pure, synchronous, explainable.
 *
 *   detect({ text, lang?, sentAt? }) → { lang, labels, findings }
 *
 * Each finding names its code, severity, the matched span(s) as UTF-16 offsets into the original
 * text, and the stable id of the lexicon rule that fired (or `time.offhours_immediate`).
 *
 * Pipeline: tokenise (Unicode-aware) → identify language (langid.ts) → for the message's language
 * and any other language it mixes in, stem tokens and match the lexicon's rules (compile.ts) →
 * apply context: negation, quotation and reported speech, harmless idioms, waived replies,
 * polite offers (`unless`), co-occurrence (`and`) and the sending time.
 *
 * Lexicons are data in ./lexicons/<lang>.ts, compiled once when this module loads.
 * No I/O, no clock, no node:* imports: the browser runs the same code.
 */
import { MESSAGE_RED_FLAG_CODES } from '../core/vocabulary.js';
import {
  addOwner,
  type CompiledLexicon,
  keyFor,
  type LangWord,
  langWord,
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

export type { DetectInput, DetectionResult, DetectLang, Finding, MessageRedFlagCode } from './types.js';

/** Groups the engine itself looks at (lexicons may define more for `and`/`unless`). */
const ENGINE_GROUPS = ['negator', 'postneg', 'waiver', 'immediate', 'dayoff', 'report', 'distance', 'idiom'] as const;

interface CompiledRule {
  spec: RuleSpec;
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
}

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
    seen.add(r.id);
    return {
      spec: r,
      owner: addOwner(lex, r.id, r.p),
      andOwners: refs(r.and, 'and', r.id),
      unlessOwners: refs(r.unless, 'unless', r.id),
    };
  });
  const ruleOfOwner = new Int32Array(lex.owners.length).fill(-1);
  rules.forEach((r, i) => {
    ruleOfOwner[r.owner] = i;
  });

  return { spec, lex, rules, ruleOfOwner, group };
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

  return { lower, norm, script, isNum: NUM_RE.test(surface), fw, nt: norm.endsWith("n't"), slots: [] };
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

/**
 * Two generations of at most WORD_CACHE_LIMIT words each: when the young one is full it becomes
 * the old one, and words still in use move back on their next look-up. Memory stays bounded over
 * a whole mailbox while the working vocabulary stays cached.
 */
const WORD_CACHE_LIMIT = 40_000;
let youngWords = new Map<string, Word>();
let oldWords = new Map<string, Word>();

function lookupWord(surface: string): Word {
  let w = youngWords.get(surface);
  if (w !== undefined) return w;
  w = oldWords.get(surface) ?? newWord(surface);
  if (youngWords.size >= WORD_CACHE_LIMIT) {
    oldWords = youngWords;
    youngWords = new Map();
  }
  youngWords.set(surface, w);

  return w;
}

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

interface LangRun {
  c: Compiled;
  byOwner: Map<number, RawMatch[]>;
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

function spansOf(ts: WordStream, idx: number[]): Span[] {
  const out: Span[] = [];
  for (const i of idx) {
    const last = out[out.length - 1];
    if (last && i > 0 && idx.includes(i - 1)) last.end = ts.end[i] as number;
    else out.push({ start: ts.start[i] as number, end: ts.end[i] as number });
  }

  return out;
}

const CODE_ORDER = new Map<string, number>(MESSAGE_RED_FLAG_CODES.map((c, i) => [c, i]));
const TIME_CODES = new Set<MessageRedFlagCode>(['urgency_pressure', 'availability_demands']);

/** Finds the red flags in one message (see the module comment for the pipeline). */
export function detect(input: DetectInput): DetectionResult {
  const text = typeof input.text === 'string' ? input.text : '';
  const ts = scanWords(text);
  const n = ts.n;
  const scores: LangScores = { en: 0, ro: 0, lt: 0, ruLat: 0, cyr: 0, lat: 0 };
  for (let i = 0; i < n; i++) {
    const w = lookupWord(ts.words[i] as string);
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
  let matched = 0;
  for (const L of langs) {
    const c = COMPILED[L];
    const slot = L === 'ru' && translit ? SLOT_RU_TRANSLIT : SLOT_OF[L];
    const lws = slotViews[slot] as LangWord[];
    for (let i = 0; i < n; i++) {
      const w = msgWords[i] as Word;
      lws[i] = w.slots[slot] ?? slotWord(w, slot);
    }
    const view: TokenView = { n, words: lws, sent: ts.sent };
    const ms = matchAll(view, []);
    const byOwner = new Map<number, RawMatch[]>();
    for (const m of ms) {
      const arr = byOwner.get(m.owner);
      if (arr) arr.push(m);
      else byOwner.set(m.owner, [m]);
    }
    matched += ms.length;
    runs.push({ c, byOwner });
  }
  // Nothing matched: no rule, no group, so no finding (the sending-time rule needs a match too).
  if (matched === 0) return { lang, labels: [], findings: [] };

  const groupMatches = (name: string): RawMatch[] => {
    const out: RawMatch[] = [];
    for (const r of runs) {
      const o = r.c.group.get(name);
      if (o === undefined) continue;
      const ms = r.byOwner.get(o);
      if (ms) out.push(...ms);
    }
    return out;
  };

  // --- message context ------------------------------------------------------------------------
  const negTok = new Set<number>();
  for (const m of groupMatches('negator')) for (const i of m.tokens) negTok.add(i);
  for (let i = 0; i < n; i++) if ((msgWords[i] as Word).nt) negTok.add(i);
  const postNegAt = new Set<number>();
  for (const m of groupMatches('postneg')) postNegAt.add(m.tokens[0] as number);
  const idiomTok = new Set<number>();
  for (const m of groupMatches('idiom')) for (const i of m.tokens) idiomTok.add(i);
  const reportAt = groupMatches('report').map((m) => m.tokens[0] as number);
  const waived = groupMatches('waiver').length > 0;
  const distanced = groupMatches('distance').length > 0;
  const time = parseSentAt(input.sentAt);
  const dayoffText = groupMatches('dayoff').length > 0;
  const offhoursTime = time !== null && (time.night || time.weekend);
  const offhours = offhoursTime || dayoffText;

  const negated = (m: RawMatch): boolean => {
    const first = m.tokens[0] as number;
    const clause = ts.clause[first];
    for (let j = first - 1; j >= 0 && j >= first - 4; j--) {
      if (ts.clause[j] !== clause) break;
      if (negTok.has(j)) return true;
    }
    // postposed negation ("платить не будем"): a `postneg` match right after, same clause
    const last = m.tokens[m.tokens.length - 1] as number;
    for (let j = last + 1; j <= last + 2 && j < n; j++) {
      if (ts.clause[j] !== clause) break;
      if (postNegAt.has(j)) return true;
    }
    return false;
  };
  // Quotation marks are looked for only when a match needs to know (most messages never ask).
  let quotes: Array<[number, number]> | undefined;
  const quoted = (i: number): boolean => {
    quotes ??= quoteRanges(text);
    const start = ts.start[i] as number;
    const end = ts.end[i] as number;
    for (const [a, b] of quotes) if (start >= a && end <= b) return true;

    return false;
  };
  const reported = (m: RawMatch): boolean => {
    if (m.tokens.every(quoted)) return true;
    const first = m.tokens[0] as number;
    const sent = ts.sent[first];

    return reportAt.some((r) => r < first && ts.sent[r] === sent);
  };
  const inIdiom = (m: RawMatch): boolean => m.tokens.some((i) => idiomTok.has(i));
  const usable = (m: RawMatch): boolean => !negated(m) && !inIdiom(m);

  // --- rules ------------------------------------------------------------------------------------
  const findings: Finding[] = [];
  const firedRule = new Set<string>();
  for (const run of runs) {
    // the rules that have a match, in lexicon order (as if walking all rules)
    const ruleIdx: number[] = [];
    for (const o of run.byOwner.keys()) {
      const ri = run.c.ruleOfOwner[o] as number;
      if (ri >= 0) ruleIdx.push(ri);
    }
    ruleIdx.sort((a, b) => a - b);
    for (const ri of ruleIdx) {
      const r = run.c.rules[ri] as CompiledRule;
      const ms = run.byOwner.get(r.owner);
      if (!ms) continue;
      const spec = r.spec;
      if (firedRule.has(spec.id)) continue;
      if (spec.offhours && !offhours) continue;
      if (TIME_CODES.has(spec.code) && waived) continue;
      if (spec.code === 'abuse' && distanced) continue;
      if (r.unlessOwners.some((o) => (run.byOwner.get(o) ?? []).some(usable))) continue;
      let andMatch: RawMatch | undefined;
      if (r.andOwners.length > 0) {
        const cands: RawMatch[] = [];
        for (const o of r.andOwners) for (const x of run.byOwner.get(o) ?? []) if (usable(x)) cands.push(x);
        if (cands.length === 0) continue;
        andMatch = cands[0];
      }
      const sentOf = (x: RawMatch): number => ts.sent[x.tokens[0] as number] as number;
      let m: RawMatch | undefined;
      for (const x of ms) {
        const ok =
          (spec.negReq === true ? negated(x) : spec.neg === false || !negated(x)) && !inIdiom(x) && (spec.quoteOk === true || !reported(x));
        if (!ok) continue;
        if (spec.andNear && r.andOwners.length > 0) {
          let near: RawMatch | undefined;
          for (const o of r.andOwners) {
            near = (run.byOwner.get(o) ?? []).find((y) => usable(y) && sentOf(y) === sentOf(x) && y.tokens[0] !== x.tokens[0]);
            if (near) break;
          }
          if (!near) continue;
          andMatch = near;
        }
        m = x;
        break;
      }
      if (!m) continue;
      let sev = spec.sev as number;
      if (TIME_CODES.has(spec.code) && offhoursTime) sev = Math.min(3, sev + 1);
      const idx = [...m.tokens];
      if (andMatch) for (const i of andMatch.tokens) if (!idx.includes(i)) idx.push(i);
      idx.sort((a, b) => a - b);
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
      firedRule.add(spec.id);
    }
  }

  // --- sending time: an off-hours demand for an immediate answer --------------------------------
  if (offhoursTime && !waived && !findings.some((f) => f.code === 'availability_demands')) {
    const imm = groupMatches('immediate').find((m) => usable(m) && !reported(m));
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

  findings.sort((a, b) => a.start - b.start || (CODE_ORDER.get(a.code) ?? 0) - (CODE_ORDER.get(b.code) ?? 0));
  const labelSet = new Set(findings.map((f) => f.code));
  const labels = MESSAGE_RED_FLAG_CODES.filter((c) => labelSet.has(c));
  return { lang, labels, findings };
}
