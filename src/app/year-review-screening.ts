/**
 * What changed in screening in a year (A4), for the yearly review: the lessons recorded that year
 * (each one becomes a question or a reminder in the prospect questionnaire) and the prospects
 * screened and declined. Read from the lessons and prospects the screening use cases keep.
 */
import type { ScreeningChanges } from '../core/after-exit/year-review.js';
import type { Deps } from './ports.js';
import { listProspects } from './prospects.js';
import { listLessons } from './reflections.js';

/** Lesson texts listed in the review; the rest are counted and searchable on the lessons page. */
const CHANGES_LISTED = 10;

/** Counts by the year of the stored instant (UTC): close enough for a yearly summary. */
export async function screeningChangesIn(deps: Pick<Deps, 'store'>, workspaceId: string, year: number): Promise<ScreeningChanges | null> {
  const prefix = `${year}-`;
  const lessons = (await listLessons(deps, workspaceId)).filter((l) => l.created_at.startsWith(prefix));
  const prospects = await listProspects(deps, workspaceId);
  const screened = prospects.filter((p) => p.created_at.startsWith(prefix) && p.score !== null);
  const declined = prospects.filter((p) => p.status === 'declined' && p.updated_at.startsWith(prefix));
  if (lessons.length === 0 && screened.length === 0 && declined.length === 0) return null;

  return {
    lessons_recorded: lessons.length,
    prospects_screened: screened.length,
    prospects_declined: declined.length,
    // Oldest first: the order in which screening changed over the year.
    changes: lessons
      .slice()
      .reverse()
      .slice(0, CHANGES_LISTED)
      .map((l) => l.text),
  };
}
