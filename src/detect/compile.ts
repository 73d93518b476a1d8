/**
 * Compiles lexicon patterns (see RuleSpec in types.ts) into per-language indexes, once at module
 * load, and matches them over a token sequence. Each pattern is indexed by its first element
 * (stem key, exact form, or 3-letter prefix bucket), and every later element by the same keys.
 * A word asks the indexes once (`langWord`): which patterns can start at it, and which later
 * elements it satisfies (a bit set). Matching a message then reads those answers per token, with
 * no look-up, string comparison or regular expression in the loop.
 */
import { foldLower, ruKey, translitToCyr } from './normalize.js';
import { stemKey } from './stem.js';
import type { DetectLang } from './types.js';

export type Alt = { t: 'stem'; v: string } | { t: 'pre'; v: string } | { t: 'exact'; v: string } | { t: 'num' };

export interface Elem {
  alts: Alt[];
  /** how many arbitrary tokens may precede this element */
  gap: number;
  /** number of this element among the lexicon's non-first elements (-1 for a first element) */
  id: number;
}

export interface CPattern {
  /** index of the owner (rule, group or inline and/unless pattern) in CompiledLexicon.owners */
  owner: number;
  elems: Elem[];
  src: string;
  /** id of the second element (-1: a one-element pattern) and its gap, read inline by matchAll */
  e2: number;
  g2: number;
}

export interface CompiledLexicon {
  lang: DetectLang;
  owners: string[];
  byStem: Map<string, CPattern[]>;
  byExact: Map<string, CPattern[]>;
  byPre: Map<string, CPattern[]>;
  shortPre: CPattern[];
  byNum: CPattern[];
  /** the non-first elements, indexed the same way, so a word learns once which of them it matches */
  later: ElemIndex;
}

interface ElemIndex {
  count: number;
  /** id per element signature: equal elements (the same alternatives) share one id */
  ids: Map<string, number>;
  byStem: Map<string, Elem[]>;
  byExact: Map<string, Elem[]>;
  byPre: Map<string, Elem[]>;
  shortPre: Elem[];
  byNum: Elem[];
}

/**
 * A word as one language's matcher sees it: its stem key and folded form (both null when the
 * word is not in that language's script, or is a number), and the patterns whose first element
 * it matches, in index order. Computed once per distinct word and language, then reused.
 */
export interface LangWord {
  key: string | null;
  norm: string | null;
  isNum: boolean;
  /** Patterns that can start at this word (first element already checked). */
  first: CPattern[];
  /** bit set of the ids of the non-first elements this word matches (null: none) */
  later: Uint32Array | null;
  /** those ids folded into 32 bits (bit id & 31): a quick "may match" summary */
  laterSum: number;
  /** the folded ids of the second elements of the `first` patterns that have one */
  secondSum: number;
  /** the largest gap before such a second element */
  secondGap: number;
  /** per `first` pattern, its second element's folded id as a bit (0: a one-word pattern) */
  secondBit: Int32Array | null;
  /** the one-word patterns of `first`, in order */
  firstSingles: CPattern[];
}

/** The per-language token sequence the matcher works on. */
export interface TokenView {
  n: number;
  words: LangWord[];
  sent: Int32Array;
}

function normWord(lang: DetectLang, w: string): string {
  const f = foldLower(w);
  return lang === 'ru' ? ruKey(f) : f;
}

function parseAlt(lang: DetectLang, a: string): Alt {
  if (a === '#num') return { t: 'num' };
  if (a.startsWith('=')) return { t: 'exact', v: normWord(lang, a.slice(1)) };
  if (a.length > 1 && a.endsWith('*')) return { t: 'pre', v: normWord(lang, a.slice(0, -1)) };
  const lower = a.toLowerCase();
  const key = stemKey(lang, lower);
  // A stem of one or two letters would match unrelated short words ("зая" → "за"): match exactly.
  if (key.length <= 2 && key !== normWord(lang, lower)) return { t: 'exact', v: normWord(lang, lower) };
  return { t: 'stem', v: key };
}

export function parsePattern(lang: DetectLang, src: string, owner: number): CPattern {
  const elems: Elem[] = [];
  let gap = 0;
  for (const part of src.trim().split(/\s+/)) {
    if (part === '') continue;
    const g = /^~(\d+)$/.exec(part);
    if (g) {
      gap += Number(g[1]);
      continue;
    }
    elems.push({
      alts: part
        .split('|')
        .filter((x) => x !== '')
        .map((a) => parseAlt(lang, a)),
      gap,
      id: -1,
    });
    gap = 0;
  }
  if (elems.length === 0) throw new Error(`empty pattern: ${src}`);
  const first = elems[0] as Elem;
  first.gap = 0;
  return { owner, elems, src, e2: -1, g2: 0 };
}

export function newLexicon(lang: DetectLang): CompiledLexicon {
  return {
    lang,
    owners: [],
    byStem: new Map(),
    byExact: new Map(),
    byPre: new Map(),
    shortPre: [],
    byNum: [],
    later: { count: 0, ids: new Map(), byStem: new Map(), byExact: new Map(), byPre: new Map(), shortPre: [], byNum: [] },
  };
}

function push<T>(map: Map<string, T[]>, k: string, p: T): void {
  const arr = map.get(k);
  if (arr) {
    if (!arr.includes(p)) arr.push(p);
  } else map.set(k, [p]);
}

/** Adds the patterns of one owner; returns the owner index. */
export function addOwner(lex: CompiledLexicon, name: string, patterns: string[]): number {
  const owner = lex.owners.length;
  lex.owners.push(name);
  for (const src of patterns) {
    const p = parsePattern(lex.lang, src, owner);
    const first = p.elems[0] as Elem;
    for (const a of first.alts) {
      if (a.t === 'stem') push(lex.byStem, a.v, p);
      else if (a.t === 'exact') push(lex.byExact, a.v, p);
      else if (a.t === 'num') {
        if (!lex.byNum.includes(p)) lex.byNum.push(p);
      } else if (a.v.length >= 3) push(lex.byPre, a.v.slice(0, 3), p);
      else if (!lex.shortPre.includes(p)) lex.shortPre.push(p);
    }
    const idx = lex.later;
    for (const e of p.elems.slice(1)) {
      const sig = e.alts.map((a) => (a.t === 'num' ? '#' : `${a.t}:${a.v}`)).join('|');
      const known = idx.ids.get(sig);
      if (known !== undefined) {
        e.id = known;
        continue;
      }
      e.id = idx.count++;
      idx.ids.set(sig, e.id);
      for (const a of e.alts) {
        if (a.t === 'stem') push(idx.byStem, a.v, e);
        else if (a.t === 'exact') push(idx.byExact, a.v, e);
        else if (a.t === 'num') {
          if (!idx.byNum.includes(e)) idx.byNum.push(e);
        } else if (a.v.length >= 3) push(idx.byPre, a.v.slice(0, 3), e);
        else if (!idx.shortPre.includes(e)) idx.shortPre.push(e);
      }
    }
    const second = p.elems[1];
    if (second) {
      p.e2 = second.id;
      p.g2 = second.gap;
    }
  }

  return owner;
}

function altMatches(a: Alt, w: LangWord): boolean {
  switch (a.t) {
    case 'stem':
      return w.key === a.v;
    case 'exact':
      return w.norm === a.v;
    case 'pre':
      return w.norm?.startsWith(a.v) ?? false;
    case 'num':
      return w.isNum;
  }
}

function elemMatches(e: Elem, w: LangWord): boolean {
  for (const a of e.alts) if (altMatches(a, w)) return true;

  return false;
}

const NO_PATTERNS: CPattern[] = [];

/**
 * The patterns that can start at a word with this key, folded form and number flag: the union of
 * the index buckets (stem, exact form, prefix, short prefixes, numbers) in that order, without
 * duplicates, keeping those whose first element really matches.
 */
export function langWord(lex: CompiledLexicon, key: string | null, norm: string | null, isNum: boolean): LangWord {
  const w: LangWord = {
    key,
    norm,
    isNum,
    first: NO_PATTERNS,
    later: null,
    laterSum: 0,
    secondSum: 0,
    secondGap: 0,
    secondBit: null,
    firstSingles: NO_PATTERNS,
  };
  if (key === null && !isNum) return w;
  const later = laterElems(lex.later, w);
  w.later = later;
  if (later !== null) {
    for (let id = 0; id < later.length * 32; id++) if (((later[id >>> 5] as number) & (1 << (id & 31))) !== 0) w.laterSum |= 1 << (id & 31);
  }
  const buckets: CPattern[][] = [];
  if (key) {
    const a = lex.byStem.get(key);
    if (a) buckets.push(a);
  }
  if (norm) {
    const b = lex.byExact.get(norm);
    if (b) buckets.push(b);
    if (norm.length >= 3) {
      const c = lex.byPre.get(norm.slice(0, 3));
      if (c) buckets.push(c);
    }
    if (lex.shortPre.length > 0) buckets.push(lex.shortPre);
  }
  if (isNum && lex.byNum.length > 0) buckets.push(lex.byNum);
  const first: CPattern[] = [];
  for (const list of buckets) {
    for (const p of list) if (!first.includes(p) && elemMatches(p.elems[0] as Elem, w)) first.push(p);
  }
  if (first.length === 0) return w;
  w.first = first;
  w.secondBit = new Int32Array(first.length);
  const singles: CPattern[] = [];
  first.forEach((p, c) => {
    if (p.e2 < 0) {
      singles.push(p);
      return;
    }
    const bit = 1 << (p.e2 & 31);
    (w.secondBit as Int32Array)[c] = bit;
    w.secondSum |= bit;
    w.secondGap = Math.max(w.secondGap, p.g2);
  });
  if (singles.length > 0) w.firstSingles = singles;

  return w;
}

/** The ids of the non-first elements a word matches, from the same kind of buckets as `first`. */
function laterElems(idx: ElemIndex, w: LangWord): Uint32Array | null {
  let out: Uint32Array | null = null;
  const consider = (list: Elem[] | undefined): void => {
    if (!list) return;
    for (const e of list) {
      if (!elemMatches(e, w)) continue;
      out ??= new Uint32Array((idx.count + 31) >>> 5);
      out[e.id >>> 5] = (out[e.id >>> 5] as number) | (1 << (e.id & 31));
    }
  };
  if (w.key) consider(idx.byStem.get(w.key));
  if (w.norm) {
    consider(idx.byExact.get(w.norm));
    if (w.norm.length >= 3) consider(idx.byPre.get(w.norm.slice(0, 3)));
    consider(idx.shortPre);
  }
  if (w.isNum) consider(idx.byNum);

  return out;
}

/** Token positions of the match being built (shared: matching is synchronous). */
const path: number[] = [];

/** Matches elems[k..] starting at or after token `from` (respecting gaps), recording positions in `path`. */
function matchRest(p: CPattern, k: number, from: number, sent: number, v: TokenView): boolean {
  if (k >= p.elems.length) return true;
  const e = p.elems[k] as Elem;
  const id = e.id;
  const n = v.n;
  for (let j = from; j <= from + e.gap && j < n; j++) {
    if (v.sent[j] !== sent) return false;
    const later = (v.words[j] as LangWord).later;
    if (later !== null && ((later[id >>> 5] as number) & (1 << (id & 31))) !== 0) {
      path[k] = j;
      if (matchRest(p, k + 1, j + 1, sent, v)) return true;
    }
  }

  return false;
}

export interface RawMatch {
  owner: number;
  /** token positions, ascending; read-only (one-word matches share theirs) */
  readonly tokens: readonly number[];
}

/** Where matchAll puts matches: per owner, plus the owners that have any in order of their first. */
export interface MatchSink {
  hits: Array<RawMatch[] | undefined>;
  owners: number[];
}

/**
 * The token list `[i]` of a one-word match, shared by all such matches at position i (nothing
 * writes to a match's tokens): a message makes a dozen of these, which showed up as garbage.
 */
const ONE_WORD: number[][] = [];
const ONE_WORD_KEEP = 4096;

function oneWord(i: number): number[] {
  if (i >= ONE_WORD_KEEP) return [i];
  let t = ONE_WORD[i];
  if (t === undefined) {
    t = [i];
    ONE_WORD[i] = t;
  }

  return t;
}

function put(sink: MatchSink, m: RawMatch): void {
  const arr = sink.hits[m.owner];
  if (arr !== undefined) arr.push(m);
  else {
    sink.hits[m.owner] = [m];
    sink.owners.push(m.owner);
  }
}

/**
 * All matches of a lexicon's patterns over a token view, in token order and, at one token, in
 * the order of its `first` list, put into the sink per owner. A word with an empty `first` list
 * costs one length check.
 */
export function matchAll(v: TokenView, out: MatchSink): void {
  const n = v.n;
  const words = v.words;
  const sents = v.sent;
  for (let i = 0; i < n; i++) {
    const w = words[i] as LangWord;
    const first = w.first;
    const count = first.length;
    if (count === 0) continue;
    const sent = sents[i] as number;
    // A frequent first word ("not", "не", "nu") starts dozens of patterns, and nearly all fail on
    // their second element. The folded ids the next words can match (up to the widest gap), against
    // the folded id of each candidate's second element, rule most of them out with one AND.
    let near = 0;
    if (w.secondSum !== 0) {
      const lastNear = Math.min(n - 1, i + 1 + w.secondGap);
      for (let j = i + 1; j <= lastNear && sents[j] === sent; j++) near |= (words[j] as LangWord).laterSum;
      near &= w.secondSum;
    }
    if (near === 0) {
      // only the one-word patterns can match here
      for (const p of w.firstSingles) put(out, { owner: p.owner, tokens: oneWord(i) });
      continue;
    }
    const secondBit = w.secondBit as Int32Array;
    for (let c = 0; c < count; c++) {
      const sb = secondBit[c] as number;
      if (sb !== 0 && (near & sb) === 0) continue;
      const p = first[c] as CPattern;
      const e2 = p.e2;
      if (e2 < 0) {
        put(out, { owner: p.owner, tokens: oneWord(i) });
        continue;
      }
      // Same order and backtracking as matchRest(p, 1, i + 1, ...), with the second element inline.
      const wi = e2 >>> 5;
      const bit = 1 << (e2 & 31);
      const last = Math.min(n - 1, i + 1 + p.g2);
      for (let j = i + 1; j <= last; j++) {
        if (sents[j] !== sent) break;
        const later = (words[j] as LangWord).later;
        if (later === null || ((later[wi] as number) & bit) === 0) continue;
        path[0] = i;
        path[1] = j;
        if (matchRest(p, 2, j + 1, sent, v)) {
          put(out, { owner: p.owner, tokens: path.slice(0, p.elems.length) });
          break;
        }
      }
    }
  }
}

/** Key and norm of a token for a language (translit: Latin token read as Russian). */
export function keyFor(lang: DetectLang, lower: string, norm: string, translit: boolean): [string, string] {
  if (translit) {
    const cyr = translitToCyr(norm);
    return [stemKey('ru', cyr), ruKey(cyr)];
  }
  return [stemKey(lang, lower), lang === 'ru' ? ruKey(norm) : norm];
}
