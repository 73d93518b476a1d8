/**
 * After the exit (issue 8; DOMAIN.md A1, A2, A4): contact after close, the review date with the
 * history summarised, how early the signs showed, and the yearly review.
 */
import { z } from 'zod';
import { CLIENT_STATUSES, LANGUAGES, RED_FLAG_CODES } from '../core/vocabulary.js';
import { id, isoDate, note } from './common.js';

const status = z.enum(CLIENT_STATUSES);

/** One message or incident that arrived after the relationship ended (A1). */
export const AfterCloseContact = z
  .object({
    id,
    client_id: id,
    kind: z.enum(['message', 'incident']),
    item_id: id,
    /** The item's day (YYYY-MM-DD). */
    item_date: z.string(),
    /** The day the relationship had ended, or null when no end step is recorded. */
    ended_on: z.string().nullable(),
    marked_at: z.string(),
  })
  .meta({ id: 'AfterCloseContact' });
export type AfterCloseContact = z.infer<typeof AfterCloseContact>;

export const AfterCloseList = z.object({ items: z.array(AfterCloseContact) });

export const AfterCloseQuery = z.strictObject({ client: id.optional() });

/** A2: the day to reconsider, in the future, with a note. */
export const ReviewDateInput = z.strictObject({
  review_on: isoDate,
  note: note.default(''),
});
export type ReviewDateInput = z.input<typeof ReviewDateInput>;

export const ClientReview = z
  .object({
    client_id: id,
    review_on: z.string(),
    note: z.string(),
    set_on: z.string(),
    set_by: z.string(),
    /** The day is reached: time to reconsider (nothing is reopened by itself). */
    due: z.boolean(),
  })
  .meta({ id: 'ClientReview' });
export type ClientReview = z.infer<typeof ClientReview>;

export const HistorySummary = z.object({
  first_incident_on: z.string().nullable(),
  last_incident_on: z.string().nullable(),
  yellow_card_on: z.string().nullable(),
  red_card_on: z.string().nullable(),
  ended_on: z.string().nullable(),
  incidents: z.number().int(),
  incidents_by_code: z.array(z.object({ code: z.enum(RED_FLAG_CODES), count: z.number().int() })),
  owed_minor: z.number().int(),
  recovered_minor: z.number().int(),
  contacts_after_close: z.number().int(),
});

/** The suggested short, closed reply (the letters' re-engagement reply kind), in the client's language. */
export const ClosedReply = z.object({
  lang: z.enum(LANGUAGES),
  subject: z.string(),
  body: z.string(),
});

/** Everything the client page shows once a relationship is over. */
export const AfterExitView = z
  .object({
    client_id: id,
    status,
    /** The relationship is over (ended or closed): new contact is marked, the review date may be set. */
    over: z.boolean(),
    ended_on: z.string().nullable(),
    currency: z.string(),
    /** The latest contacts after close, newest first (at most 20), and how many there are. */
    contacts: z.array(AfterCloseContact),
    contacts_total: z.number().int(),
    review: ClientReview.nullable(),
    history: HistorySummary.nullable(),
    /** Null when nothing is over, or when the record cannot back a reply (then `reply_problem` says why). */
    reply: ClosedReply.nullable(),
    reply_problem: z.string().nullable(),
  })
  .meta({ id: 'AfterExitView' });
export type AfterExitView = z.infer<typeof AfterExitView>;

export const LeadTimeRow = z.object({
  client_id: id,
  name: z.string(),
  status,
  first_incident_on: z.string().nullable(),
  ended_on: z.string().nullable(),
  lead_days: z.number().int().nullable(),
  lead_months: z.number().int().nullable(),
});

export const ReviewDue = z.object({ client_id: id, name: z.string(), review_on: z.string(), note: z.string() });

/** The dashboard's after-exit section: how early the signs showed, and the review dates reached. */
export const AfterExitOverview = z
  .object({
    today: z.string(),
    lead_times: z.array(LeadTimeRow),
    median_lead_days: z.number().int().nullable(),
    reviews_due: z.array(ReviewDue),
  })
  .meta({ id: 'AfterExitOverview' });
export type AfterExitOverview = z.infer<typeof AfterExitOverview>;

export const YearParams = z.object({ ws: z.string().min(1).max(100), year: z.string().min(1).max(10) });

const lightCounts = z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() });

export const ScreeningChanges = z.object({
  lessons_recorded: z.number().int(),
  prospects_screened: z.number().int(),
  prospects_declined: z.number().int(),
  changes: z.array(z.string()),
});

export const YearReview = z
  .object({
    year: z.number().int(),
    as_of: z.string(),
    currency: z.string(),
    health: z.array(lightCounts.extend({ month: z.string() })),
    start: lightCounts.nullable(),
    end: lightCounts.nullable(),
    exits: z.array(
      z.object({
        client_id: id,
        name: z.string(),
        status,
        exit_started_on: z.string().nullable(),
        ended_on: z.string().nullable(),
        in_progress: z.boolean(),
        owed_at_start_minor: z.number().int(),
        recovered_minor: z.number().int(),
        outstanding_minor: z.number().int(),
        hours_after_start: z.number(),
      }),
    ),
    totals: z.object({
      exits: z.number().int(),
      recovered_minor: z.number().int(),
      written_off_minor: z.number().int(),
      still_to_collect_minor: z.number().int(),
      hours_after_start: z.number(),
    }),
    /** What changed in screening: null until lessons and prospect screening provide it. */
    screening: ScreeningChanges.nullable(),
  })
  .meta({ id: 'YearReview' });
export type YearReview = z.infer<typeof YearReview>;
