/**
 * The reflection after an exit (DOMAIN.md A3, A4): what the first signs were and when, what the
 * contract lacked (C1, C4), and what to do earlier next time. Pure.
 */
import type { RedFlagCode } from '../vocabulary.js';

/** Contract terms RedCard knows (C1, C4, X10, the money rules): what a reflection can say was missing. */
export const CONTRACT_GAPS = ['termination_right', 'notice', 'deposit', 'late_interest', 'scope_definition', 'change_requests'] as const;
export type ContractGap = (typeof CONTRACT_GAPS)[number];

/** Only a relationship that is over is reflected on; before that, the client page has the next step instead. */
export const REFLECTABLE_STATUSES = ['ended', 'closed'] as const;

/**
 * The first signs as the record shows them: the earliest incident's date and code (ties go to the
 * more severe, then by code so the answer is stable). Null when no incident was recorded.
 */
export function firstSignsOf(
  incidents: readonly { date: string; code: RedFlagCode; severity: number }[],
): { date: string; code: RedFlagCode } | null {
  let first: { date: string; code: RedFlagCode; severity: number } | null = null;
  for (const i of incidents) {
    if (
      !first ||
      i.date < first.date ||
      (i.date === first.date && (i.severity > first.severity || (i.severity === first.severity && i.code < first.code)))
    )
      first = i;
  }

  return first && { date: first.date, code: first.code };
}

/** Case-folded text for searching lessons the same way on every backend. */
export function searchKey(...parts: readonly (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .join('\n')
    .normalize('NFC')
    .toLowerCase();
}
