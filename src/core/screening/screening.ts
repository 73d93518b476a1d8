/**
 * Screening a prospect (DOMAIN.md A4): the questionnaire built from the red-flag codes and the
 * workspace's own lessons (a lesson's codes weigh or add questions; its text becomes a reminder), the fit score with its reasons, and the early signs the detector finds
 * in the prospect's first messages. Pure: lessons, answers and text come in, nothing is read.
 */
import { detect, type Finding } from '../../detect/detect.js';
import type { Language, RedFlagCode } from '../vocabulary.js';
import { BASE_QUESTIONS, LESSON_ADDED_QUESTIONS, LESSON_OPTIONS, LESSON_PROMPT } from './questions.js';

/** A lesson as the questionnaire reads it. */
export interface LessonInput {
  id: string;
  text: string;
  codes: readonly RedFlagCode[];
}

export interface BuiltOption {
  id: string;
  weight: number;
  text: string;
}

export interface BuiltQuestion {
  id: string;
  /** `code`: a fixed question about one red flag; `lesson`: a reminder made from one of the user's lessons. */
  source: 'code' | 'lesson';
  codes: RedFlagCode[];
  importance: number;
  text: string;
  /** For lesson questions: the localized prompt shown above the lesson's own words. */
  prompt: string | null;
  lesson_id: string | null;
  /** Lessons that made this question count more. */
  emphasised_by: string[];
  options: BuiltOption[];
}

export type Audience = 'user' | 'prospect';

/** A lesson raises a related question's importance by this much, up to EMPHASIS_MAX in all. */
const EMPHASIS_STEP = 1;
const EMPHASIS_MAX = 2;
const LESSON_IMPORTANCE = 2;
/** Enough reminders to be read after a call; the newest lessons come first. */
export const LESSON_QUESTIONS_MAX = 8;

/**
 * The questions for one prospect. The prospect's own form (a public link) gets only the fixed
 * questions: the user's lessons are their private notes about past clients and never leave the
 * workspace; lessons still weigh those questions, which the prospect does not see.
 */
export function buildQuestionnaire(options: { lang: Language; lessons: readonly LessonInput[]; audience: Audience }): BuiltQuestion[] {
  const { lang, lessons, audience } = options;
  const named = new Set(lessons.flatMap((l) => l.codes));
  const fixed = [...BASE_QUESTIONS, ...LESSON_ADDED_QUESTIONS.filter((q) => named.has(q.code))];
  const out: BuiltQuestion[] = fixed.map((q) => {
    const by = lessons.filter((l) => l.codes.includes(q.code)).map((l) => l.id);

    return {
      id: q.id,
      source: 'code',
      codes: [q.code],
      importance: q.importance + Math.min(EMPHASIS_MAX, by.length * EMPHASIS_STEP),
      text: q.text[lang],
      prompt: null,
      lesson_id: null,
      emphasised_by: by,
      options: q.options.map((o) => ({ id: o.id, weight: o.weight, text: o.text[lang] })),
    };
  });
  if (audience === 'prospect') return out;
  for (const lesson of lessons.slice(0, LESSON_QUESTIONS_MAX)) {
    out.push({
      id: lessonQuestionId(lesson.id),
      source: 'lesson',
      codes: [...lesson.codes],
      importance: LESSON_IMPORTANCE,
      text: lesson.text,
      prompt: LESSON_PROMPT[lang],
      lesson_id: lesson.id,
      emphasised_by: [],
      options: LESSON_OPTIONS.map((o) => ({ id: o.id, weight: o.weight, text: o.text[lang] })),
    });
  }

  return out;
}

export function lessonQuestionId(lessonId: string): string {
  return `lesson:${lessonId}`;
}

/** Answers as question id -> option id. */
export type Answers = Readonly<Record<string, string>>;

/** Answers that name no question or no option of it, as `{ question, problem }`. */
export function answerProblems(questions: readonly BuiltQuestion[], answers: Answers): { question: string; problem: string }[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const problems: { question: string; problem: string }[] = [];
  for (const [qid, oid] of Object.entries(answers)) {
    const q = byId.get(qid);
    if (!q) problems.push({ question: qid, problem: 'is not a question of this questionnaire' });
    else if (!q.options.some((o) => o.id === oid))
      problems.push({ question: qid, problem: `has no option "${oid}" (options: ${q.options.map((o) => o.id).join(', ')})` });
  }

  return problems;
}

// ------------------------------------------------------------------ early signs

export const EARLY_SIGN_KINDS = ['price_pressure', 'rush_before_contract', 'deposit_refusal'] as const;
export type EarlySignKind = (typeof EARLY_SIGN_KINDS)[number];

const SIGN_OF: Partial<Record<RedFlagCode, EarlySignKind>> = {
  price_pressure: 'price_pressure',
  urgency_pressure: 'rush_before_contract',
  payment: 'deposit_refusal',
};

/** Points a sign takes from the fit score: refusing a deposit is the costliest habit to meet early. */
export const SIGN_POINTS: Record<EarlySignKind, number> = { price_pressure: 10, rush_before_contract: 10, deposit_refusal: 15 };

export interface EarlySign {
  kind: EarlySignKind;
  code: RedFlagCode;
  rule: string;
  severity: number;
  /** Offsets into the whole pasted text (UTF-16), end exclusive. */
  start: number;
  end: number;
  /** The matched words and evidence, when they are not one stretch. */
  spans: { start: number; end: number }[];
  /** 0 for the first message. */
  message: number;
}

/** A line of three or more dashes separates pasted messages; without one the text is one message. */
const SEPARATOR = /\n[ \t]*-{3,}[ \t]*(?:\n|$)/g;

/** The pasted messages with their offsets in the whole text. */
export function splitMessages(text: string): { start: number; text: string }[] {
  const parts: { start: number; text: string }[] = [];
  let from = 0;
  for (const m of text.matchAll(SEPARATOR)) {
    parts.push({ start: from, text: text.slice(from, m.index) });
    from = m.index + m[0].length;
  }
  parts.push({ start: from, text: text.slice(from) });

  return parts.filter((p) => p.text.trim() !== '');
}

/**
 * The known early signs in a prospect's first messages, found by the red-flag detector: price
 * pressure, a rush while no contract exists yet, refusing a deposit (or any payment pressure).
 * Once a contract exists a rush is no longer "before any contract", so it is not reported.
 */
export function detectEarlySigns(text: string, options: { contractExists?: boolean } = {}): EarlySign[] {
  const signs: EarlySign[] = [];
  splitMessages(text).forEach((message, index) => {
    const result = detect({ text: message.text });
    for (const f of result.findings as Finding[]) {
      const kind = SIGN_OF[f.code];
      if (!kind || (kind === 'rush_before_contract' && options.contractExists)) continue;
      signs.push({
        kind,
        code: f.code,
        rule: f.rule,
        severity: f.severity,
        start: message.start + f.start,
        end: message.start + f.end,
        spans: (f.spans ?? [{ start: f.start, end: f.end }]).map((s) => ({ start: message.start + s.start, end: message.start + s.end })),
        message: index,
      });
    }
  });

  return signs.sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind));
}

// ------------------------------------------------------------------ fit score

export type FitBand = 'good' | 'caution' | 'poor';

export type FitReason =
  | {
      kind: 'answer';
      question_id: string;
      option_id: string;
      codes: RedFlagCode[];
      lesson_id: string | null;
      /** Points of 100 this answer cost (0 for the best answer). */
      points_lost: number;
    }
  | { kind: 'sign'; sign: EarlySignKind; code: RedFlagCode; rule: string; start: number; end: number; points_lost: number };

export interface FitResult {
  /** 0..100, or null while no question is answered. */
  score: number | null;
  band: FitBand | null;
  answered: number;
  total: number;
  /** The costliest first; answers that cost nothing last. */
  reasons: FitReason[];
}

export function bandOf(score: number): FitBand {
  if (score >= 75) return 'good';
  if (score >= 50) return 'caution';

  return 'poor';
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The fit score: the importance-weighted mean of the answers' weights over the questions
 * answered, as 0..100, less a fixed amount per kind of early sign found (each kind once).
 * A worse answer (lower weight) can only lower it; the order of answers and signs does not matter.
 * Unknown question or option ids are ignored here (the use case refuses them first).
 */
export function scoreProspect(questions: readonly BuiltQuestion[], answers: Answers, signs: readonly EarlySign[]): FitResult {
  const answered = questions
    .map((q) => ({ q, o: q.options.find((o) => o.id === answers[q.id]) }))
    .filter((x): x is { q: BuiltQuestion; o: BuiltOption } => x.o !== undefined)
    .sort((a, b) => (a.q.id < b.q.id ? -1 : a.q.id > b.q.id ? 1 : 0));
  const reasons: FitReason[] = [];
  if (answered.length === 0) {
    return { score: null, band: null, answered: 0, total: questions.length, reasons: signReasons(signs) };
  }
  const totalImportance = answered.reduce((s, x) => s + x.q.importance, 0);
  let lost = 0;
  for (const { q, o } of answered) {
    const points = (100 * q.importance * (1 - o.weight)) / totalImportance;
    lost += points;
    reasons.push({
      kind: 'answer',
      question_id: q.id,
      option_id: o.id,
      codes: q.codes,
      lesson_id: q.lesson_id,
      points_lost: round1(points),
    });
  }
  const fromSigns = signReasons(signs);
  const signPoints = fromSigns.reduce((s, r) => s + r.points_lost, 0);
  const score = Math.max(0, Math.min(100, Math.round(100 - lost - signPoints)));
  reasons.push(...fromSigns);
  reasons.sort((a, b) => b.points_lost - a.points_lost || reasonKey(a).localeCompare(reasonKey(b)));

  return { score, band: bandOf(score), answered: answered.length, total: questions.length, reasons };
}

function reasonKey(r: FitReason): string {
  return r.kind === 'answer' ? `a:${r.question_id}` : `s:${r.sign}`;
}

/** One reason per kind of sign, citing its first occurrence. */
function signReasons(signs: readonly EarlySign[]): FitReason[] {
  const first = new Map<EarlySignKind, EarlySign>();
  for (const s of [...signs].sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule)))
    if (!first.has(s.kind)) first.set(s.kind, s);

  return [...first.values()]
    .sort((a, b) => a.kind.localeCompare(b.kind))
    .map((s) => ({ kind: 'sign', sign: s.kind, code: s.code, rule: s.rule, start: s.start, end: s.end, points_lost: SIGN_POINTS[s.kind] }));
}
