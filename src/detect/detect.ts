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
import { addOwner, type CompiledLexicon, keyFor, matchAll, newLexicon, type RawMatch, type TokenView } from './compile.js';
import { identify, type LangScores, scoreTokens } from './langid.js';
import { en } from './lexicons/en.js';
import { lt } from './lexicons/lt.js';
import { ro } from './lexicons/ro.js';
import { ru } from './lexicons/ru.js';
import { type Token, tokenize } from './tokenize.js';
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
  return { spec, lex, rules, group };
}

const COMPILED: Record<DetectLang, Compiled> = {
  en: compileLexicon(en),
  ru: compileLexicon(ru),
  ro: compileLexicon(ro),
  lt: compileLexicon(lt),
};

const FUNCTION_WORDS = {
  en: new Set(en.functionWords),
  ro: new Set(ro.functionWords),
  lt: new Set(lt.functionWords),
};

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

function viewFor(lang: DetectLang, tokens: Token[], translit: boolean): TokenView {
  const n = tokens.length;
  const v: TokenView = { keys: new Array(n), norms: new Array(n), isNum: new Array(n), sent: new Array(n) };
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    v.isNum[i] = t.isNum;
    v.sent[i] = t.sent;
    const ok = lang === 'ru' ? t.script === 'cyr' || (translit && t.script === 'lat') : t.script === 'lat';
    if (!ok || t.isNum) {
      v.keys[i] = null;
      v.norms[i] = null;
      continue;
    }
    const [k, nn] = keyFor(lang, t.lower, t.norm, lang === 'ru' && t.script === 'lat');
    v.keys[i] = k;
    v.norms[i] = nn;
  }
  return v;
}

function spansOf(tokens: Token[], idx: number[]): Span[] {
  const out: Span[] = [];
  for (const i of idx) {
    const t = tokens[i] as Token;
    const last = out[out.length - 1];
    if (last && i > 0 && idx.includes(i - 1)) last.end = t.end;
    else out.push({ start: t.start, end: t.end });
  }
  return out;
}

const CODE_ORDER = new Map<string, number>(MESSAGE_RED_FLAG_CODES.map((c, i) => [c, i]));
const TIME_CODES = new Set<MessageRedFlagCode>(['urgency_pressure', 'availability_demands']);

export function detect(input: DetectInput): DetectionResult {
  const text = typeof input.text === 'string' ? input.text : '';
  const tokens = tokenize(text);
  const scores = scoreTokens(
    tokens.map((t) => t.norm),
    tokens.map((t) => t.script),
    FUNCTION_WORDS,
  );
  const lang: DetectLang = input.lang ?? identify(text, scores);
  if (tokens.length === 0) return { lang, labels: [], findings: [] };

  const { langs, translit } = activeLangs(lang, scores);
  const runs: LangRun[] = [];
  for (const L of langs) {
    const c = COMPILED[L];
    const view = viewFor(L, tokens, L === 'ru' && translit);
    const byOwner = new Map<number, RawMatch[]>();
    for (const m of matchAll(c.lex, view)) {
      const arr = byOwner.get(m.owner);
      if (arr) arr.push(m);
      else byOwner.set(m.owner, [m]);
    }
    runs.push({ c, byOwner });
  }

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
  for (let i = 0; i < tokens.length; i++) if ((tokens[i] as Token).norm.endsWith("n't")) negTok.add(i);
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
    const clause = (tokens[first] as Token).clause;
    for (let j = first - 1; j >= 0 && j >= first - 4; j--) {
      if ((tokens[j] as Token).clause !== clause) break;
      if (negTok.has(j)) return true;
    }
    // postposed negation ("платить не будем"): a `postneg` match right after, same clause
    const last = m.tokens[m.tokens.length - 1] as number;
    for (let j = last + 1; j <= last + 2 && j < tokens.length; j++) {
      if ((tokens[j] as Token).clause !== clause) break;
      if (postNegAt.has(j)) return true;
    }
    return false;
  };
  const reported = (m: RawMatch): boolean => {
    if (m.tokens.every((i) => (tokens[i] as Token).quoted)) return true;
    const first = m.tokens[0] as number;
    const sent = (tokens[first] as Token).sent;
    return reportAt.some((r) => r < first && (tokens[r] as Token).sent === sent);
  };
  const inIdiom = (m: RawMatch): boolean => m.tokens.some((i) => idiomTok.has(i));
  const usable = (m: RawMatch): boolean => !negated(m) && !inIdiom(m);

  // --- rules ------------------------------------------------------------------------------------
  const findings: Finding[] = [];
  const firedRule = new Set<string>();
  for (const run of runs) {
    for (const r of run.c.rules) {
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
      const sentOf = (x: RawMatch): number => (tokens[x.tokens[0] as number] as Token).sent;
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
      const spans = spansOf(tokens, idx);
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
      const spans = spansOf(tokens, imm.tokens);
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
