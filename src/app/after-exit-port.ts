/**
 * The store port for what happens after the exit (migration 0008), reached as `repos.afterExit`:
 * the marks of contact after close (A1) and the review dates (A2). Like every repository method,
 * each takes the workspace id and treats a row of another workspace as absent.
 */

export type MarkedItemKind = 'message' | 'incident';

export interface NewAfterCloseMark {
  id: string;
  clientId: string;
  kind: MarkedItemKind;
  itemId: string;
  /** The item's day (YYYY-MM-DD). */
  itemDate: string;
  /** The client's status when the item arrived, and the day the relationship had ended. */
  status: string;
  endedOn: string | null;
  markedAt: string;
}

export interface AfterCloseMarkRow {
  id: string;
  client_id: string;
  kind: MarkedItemKind;
  item_id: string;
  item_date: string;
  status: string;
  ended_on: string | null;
  marked_at: string;
}

export interface StoredReview {
  client_id: string;
  review_on: string;
  note: string;
  set_on: string;
  set_by: string;
  updated_at: string;
}

export interface AfterExitRepos {
  /** Stores the marks; an item already marked keeps its first mark. */
  insertMarks(workspaceId: string, marks: readonly NewAfterCloseMark[]): Promise<void>;
  /** The marks of one client (or the whole workspace), newest item first, at most `limit`. */
  listMarks(workspaceId: string, options: { clientId?: string; limit: number }): Promise<AfterCloseMarkRow[]>;
  /** How many items of each client are marked. */
  countMarks(workspaceId: string, clientIds: readonly string[]): Promise<Map<string, number>>;
  /** Which of these items are marked. */
  markedIds(workspaceId: string, kind: MarkedItemKind, ids: readonly string[]): Promise<Set<string>>;
  /** The mark of one item, if it has one. */
  getMarkOf(workspaceId: string, kind: MarkedItemKind, itemId: string): Promise<AfterCloseMarkRow | undefined>;
  /** Removes a mark (an item re-dated to before the end is no longer contact after close). */
  deleteMark(workspaceId: string, markId: string): Promise<boolean>;

  getReview(workspaceId: string, clientId: string): Promise<StoredReview | undefined>;
  /** Sets (or replaces) the client's review date. */
  putReview(workspaceId: string, review: StoredReview): Promise<StoredReview>;
  deleteReview(workspaceId: string, clientId: string): Promise<boolean>;
  /** Every review date of the workspace, earliest first. */
  listReviews(workspaceId: string): Promise<StoredReview[]>;
}
