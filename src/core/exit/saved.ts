/**
 * The saved exit plan's rules (issue 5, "in the product"): the plan the user keeps and works
 * through as a checklist. Pure: `today` is an argument.
 *
 * - Re-planning keeps the done state of every step that still exists (matched by its stable key).
 * - The user may move a step's due date or owner, but may not date a step the plan leaves undated:
 *   those wait for the contract check (C1, C3).
 * - Referral (X8): a colleague only when the plan allows it (the client paid and was not abusive),
 *   and only one the user has checked first; otherwise resources only.
 * - Handover (X9): the inventory records which files, materials and access exist and their state,
 *   never a secret. `secretLikeReason` is the guard every text field of the inventory goes through.
 */
import { daysBetween, isIsoDate } from '../dates.js';
import { DomainError, type FieldIssue } from '../errors.js';
import type { ExitPath, PlanStep } from './types.js';

/** What a line of the handover inventory is about: the client's files and materials, or an access. */
export const HANDOVER_KINDS = ['files', 'materials', 'hosting', 'domains', 'ad_accounts', 'repositories', 'analytics', 'other'] as const;
export type HandoverKind = (typeof HANDOVER_KINDS)[number];

/** Files and materials are sent; access is transferred, revoked or kept. */
export const MATERIAL_STATES = ['to_send', 'sent'] as const;
export const ACCESS_STATES = ['to_transfer', 'transferred', 'to_revoke', 'revoked', 'kept'] as const;
export const HANDOVER_STATES = [...MATERIAL_STATES, ...ACCESS_STATES] as const;
export type HandoverState = (typeof HANDOVER_STATES)[number];

/** Whether the kind is something sent (files, materials) rather than an access. */
export function isMaterialKind(kind: HandoverKind): boolean {
  return kind === 'files' || kind === 'materials';
}

/** The states a kind may be in. */
export function statesFor(kind: HandoverKind): readonly HandoverState[] {
  return isMaterialKind(kind) ? MATERIAL_STATES : ACCESS_STATES;
}

/** The state a new line of this kind starts in. */
export function initialState(kind: HandoverKind): HandoverState {
  return isMaterialKind(kind) ? 'to_send' : 'to_transfer';
}

/** Why a text looks like a secret, so the UI can explain the refusal in the user's language. */
export type SecretReason = 'credential_label' | 'private_key' | 'known_token' | 'url_credentials' | 'password_like';

// A label in any of the product's languages followed by ":" or "=" and a value.
const CREDENTIAL_LABEL =
  /(?:^|[^\p{L}])(?:pass(?:word|wd|phrase)?|pwd|pin|parol[aă]|пароль|slaptažod[\p{L}]*|secret|token|api[\s_-]?key|private[\s_-]?key|client[\s_-]?secret|otp|2fa)\s*[:=]\s*\S/iu;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----|ssh-(?:rsa|ed25519) AAAA/;
const KNOWN_TOKENS = [
  /\bgh[pousr]_[A-Za-z0-9]{20,}/, // GitHub
  /\bgithub_pat_[A-Za-z0-9_]{20,}/,
  /\bsk-[A-Za-z0-9_-]{20,}/, // OpenAI, Stripe secret keys
  /\b[rs]k_live_[A-Za-z0-9]{16,}/, // Stripe
  /\bAKIA[0-9A-Z]{16}\b/, // AWS access key id
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/, // Slack
  /\bAIza[0-9A-Za-z_-]{35}\b/, // Google API key
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./, // a JWT
];
const URL_CREDENTIALS = /[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i;

/**
 * Why `text` looks like a password, key or token, or null when it does not. Deliberately
 * cautious: a line of the inventory says "admin access to the Hetzner project", never the
 * credential itself, so a false alarm costs a rewording while a stored secret is a leak.
 */
export function secretLikeReason(text: string): SecretReason | null {
  if (PRIVATE_KEY.test(text)) return 'private_key';
  if (URL_CREDENTIALS.test(text)) return 'url_credentials';
  if (KNOWN_TOKENS.some((re) => re.test(text))) return 'known_token';
  if (CREDENTIAL_LABEL.test(text)) return 'credential_label';
  for (const word of text.split(/\s+/)) {
    if (passwordLike(word.replace(/^[("'«„]+|[)"'»“,;.]+$/g, ''))) return 'password_like';
  }

  return null;
}

/**
 * A word built like a password or a generated key: 8+ characters mixing lower case, upper case,
 * digits and symbols (all four), or 24+ characters of a key alphabet mixing letters and digits.
 * Addresses and domains (with a dot or "@") and paths are not words of that kind.
 */
function passwordLike(word: string): boolean {
  if (word.length < 8 || /[./@\\]/.test(word)) return false;
  const lower = /\p{Ll}/u.test(word);
  const upper = /\p{Lu}/u.test(word);
  const digit = /\d/.test(word);
  const symbol = /[^\p{L}\d]/u.test(word);
  if (lower && upper && digit && symbol) return true;

  return word.length >= 24 && /^[A-Za-z0-9+=_-]+$/.test(word) && digit && (lower || upper) && !/^\d+$/.test(word);
}

/** The user's change to one generated step. */
export interface StepAdjustment {
  key: string;
  due?: string | undefined;
  owner?: string | undefined;
}

/** A step as it was saved before, with its done state. */
export interface PreviousStep {
  key: string;
  done_at: string | null;
  done_by: string | null;
  done_note: string | null;
}

/** A step of the saved plan: the generated step, the user's changes, and the done state kept. */
export interface MergedStep {
  key: string;
  title: string;
  due: string | null;
  owner: string;
  rule: PlanStep['rule'];
  ord: number;
  /** True when the user moved the due date or changed the owner. */
  adjusted: boolean;
  done_at: string | null;
  done_by: string | null;
  done_note: string | null;
}

/**
 * The steps to save: the plan's steps in order, with the user's adjustments applied and the done
 * state of every step that was saved before under the same key. Throws VALIDATION_FAILED naming
 * each adjustment at fault (unknown key, a date on a step the contract check keeps undated).
 */
export function mergeSteps(
  generated: readonly PlanStep[],
  adjustments: readonly StepAdjustment[],
  previous: readonly PreviousStep[],
): MergedStep[] {
  const issues: FieldIssue[] = [];
  const byKey = new Map(generated.map((s) => [s.id, s]));
  const adjusted = new Map<string, StepAdjustment>();
  adjustments.forEach((a, i) => {
    const step = byKey.get(a.key);
    if (!step) issues.push({ path: `steps[${i}].key`, message: `is not a step of this plan: "${a.key}"` });
    else if (adjusted.has(a.key)) issues.push({ path: `steps[${i}].key`, message: `"${a.key}" is adjusted twice` });
    else if (a.due !== undefined && !isIsoDate(a.due))
      issues.push({ path: `steps[${i}].due`, message: 'must be a calendar date written YYYY-MM-DD' });
    else if (a.due !== undefined && step.due === null && a.due !== null)
      issues.push({
        path: `steps[${i}].due`,
        message: 'cannot be dated yet: this step waits for the contract check (whether and how you may end the contract, C1, C3)',
      });
    else adjusted.set(a.key, a);
  });
  if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', 'Some step changes cannot be applied.', { issues });
  const done = new Map(previous.map((p) => [p.key, p]));

  return generated.map((s, ord) => {
    const a = adjusted.get(s.id);
    const due = a?.due ?? s.due;
    const owner = a?.owner ?? s.owner;
    const before = done.get(s.id);

    return {
      key: s.id,
      title: s.title,
      due,
      owner,
      rule: s.rule,
      ord,
      adjusted: due !== s.due || owner !== s.owner,
      done_at: before?.done_at ?? null,
      done_by: before?.done_by ?? null,
      done_note: before?.done_note ?? null,
    };
  });
}

/** Days a step is overdue on `today`: null when it is done, undated, or not yet due. */
export function daysOverdue(step: { due: string | null; done_at: string | null }, today: string): number | null {
  if (step.done_at !== null || step.due === null || step.due >= today) return null;

  return daysBetween(step.due, today);
}

export type ReferralMode = 'colleague' | 'resources_only';

/** The user's referral choice (X8). */
export interface ReferralChoice {
  mode: ReferralMode;
  /** X8 (004): the colleague was checked before being recommended. */
  checked_first: boolean;
}

/**
 * Enforces X8: a colleague is recommended only to a client who paid and was not abusive (the
 * plan's `allowed` mode), and only one the user has checked first.
 */
export function checkReferral(allowed: ReferralMode, reasons: readonly string[], choice: ReferralChoice): void {
  if (choice.mode === 'colleague' && allowed === 'resources_only') {
    throw new DomainError('VALIDATION_FAILED', `Recommend resources only, not a colleague (X8): ${reasons.join(' ')}`, {
      issues: [{ path: 'referral.mode', message: `must be resources_only: ${reasons.join(' ')}` }],
    });
  }
  if (choice.mode === 'colleague' && !choice.checked_first) {
    throw new DomainError('VALIDATION_FAILED', 'Check the colleague before recommending them (X8).', {
      issues: [{ path: 'referral.checked_first', message: 'must be true: check the recommendation first' }],
    });
  }
}

/**
 * Whether the user must write why: always when the chosen path is not the one the assessment
 * recommends (or the assessment recommends no exit at all).
 */
export function pathNeedsReason(chosen: ExitPath, recommended: ExitPath | null): boolean {
  return chosen !== recommended;
}
