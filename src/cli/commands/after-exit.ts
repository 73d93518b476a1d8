/**
 * After the exit (issue 8): `redcard review-date CLIENT [DATE] [--note] [--clear]` shows, sets or
 * clears the day to reconsider an ended relationship (A2); `redcard year-review [YEAR]` prints the
 * yearly review (exits and their costs, clients by health).
 */
import { Command } from 'commander';
import { clearReviewDate, getAfterExit, setReviewDate } from '../../app/after-exit.js';
import { resolveClient } from '../../app/clients.js';
import { getYearReview } from '../../app/year-review.js';
import { formatMoney as money } from '../../core/money/money.js';
import { type Io, printJson, type StoreOptions, storeOptions, table, withWorkspace } from '../io.js';

export function reviewDateCommand(io: Io): Command {
  return storeOptions(
    new Command('review-date')
      .description('show, set or clear the day to reconsider an ended relationship (it reopens nothing)')
      .argument('<client>', 'client name (or part of it) or id')
      .argument('[date]', 'the day to reconsider, YYYY-MM-DD, after today')
      .option('--note <text>', 'what to look at then', '')
      .option('--clear', 'remove the review date'),
  ).action(async (ref: string, date: string | undefined, options: StoreOptions & { note: string; clear?: boolean }) => {
    await withWorkspace(io, options, async (deps, workspace) => {
      const client = await resolveClient(deps, workspace.id, ref);
      if (options.clear) {
        await clearReviewDate(deps, workspace.id, client.id);
        if (options.json) printJson(io, { client_id: client.id, review: null });
        else io.out(`${client.name}: review date cleared.\n`);

        return;
      }
      if (date !== undefined) {
        const review = await setReviewDate(deps, workspace.id, client.id, { review_on: date, note: options.note });
        if (options.json) printJson(io, review);
        else io.out(`${client.name}: review on ${review.review_on}. The relationship stays closed until then.\n`);

        return;
      }
      const view = await getAfterExit(deps, workspace.id, client.id);
      if (options.json) {
        printJson(io, view);

        return;
      }
      io.out(`${client.name}: ${view.status}${view.ended_on ? `, ended on ${view.ended_on}` : ''}\n`);
      io.out(
        view.review
          ? `Review on ${view.review.review_on}${view.review.due ? ' (due)' : ''}${view.review.note ? `: ${view.review.note}` : ''}\n`
          : 'No review date.\n',
      );
      io.out(`Contacts after the end: ${view.contacts_total}\n`);
    });
  });
}

export function yearReviewCommand(io: Io): Command {
  return storeOptions(
    new Command('year-review')
      .description('the yearly review: exits and what they recovered, wrote off and cost in hours; clients by health per month')
      .argument('[year]', 'the year (default: this year)'),
  ).action(async (year: string | undefined, options: StoreOptions) => {
    await withWorkspace(io, options, async (deps, workspace) => {
      const review = await getYearReview(deps, workspace.id, year ?? String(new Date().getUTCFullYear()));
      if (options.json) {
        printJson(io, review);

        return;
      }
      const c = review.currency;
      io.out(`The year ${review.year} in review, up to ${review.as_of}\n\n`);
      io.out(
        `Exits: ${review.totals.exits}; recovered ${money(review.totals.recovered_minor, c)}; written off ${money(review.totals.written_off_minor, c)}; still to collect ${money(review.totals.still_to_collect_minor, c)}; hours after red cards ${review.totals.hours_after_start}\n\n`,
      );
      if (review.exits.length > 0) {
        const rows = review.exits.map((e) => [
          e.name,
          e.exit_started_on ?? '',
          e.ended_on ?? 'under way',
          money(e.recovered_minor, c),
          money(e.outstanding_minor, c),
          String(e.hours_after_start),
        ]);
        io.out(table([['CLIENT', 'RED CARD', 'ENDED', 'RECOVERED', 'STILL OWED', 'HOURS'], ...rows]));
        io.out('\n');
      }
      io.out(
        table([
          ['MONTH', 'GREEN', 'YELLOW', 'RED'],
          ...review.health.map((m) => [m.month, String(m.green), String(m.yellow), String(m.red)]),
        ]),
      );
      io.out(review.screening === null ? '\nWhat changed in screening: no screening data yet.\n' : '');
    });
  });
}
