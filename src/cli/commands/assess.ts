import { Command } from 'commander';
import { systemClock } from '../../app/adapters/system.js';
import { assessCaseFile } from '../../app/assess-case.js';
import { type Assessment, DIMENSIONS, type ExitPath, type Recommendation } from '../../core/assessment/types.js';
import { dateInZone, isIsoDate, isValidTimeZone } from '../../core/dates.js';
import { assertNever, DomainError } from '../../core/errors.js';
import { formatMoney } from '../../core/money/money.js';
import { type Io, printJson } from '../io.js';
import { readCaseJson } from '../read-case.js';

/** `redcard assess CASE.json [--today YYYY-MM-DD] [--json]`: what to do about a client, and why. Touches no store. */
export function assessCommand(io: Io): Command {
  return new Command('assess')
    .description('assess a case file: the recommendation (keep, watch, yellow card, reassign, red card), the score and the reasons')
    .argument('<case>', 'the case file (JSON), or - for stdin')
    .option('--today <date>', "judge the case on this date, YYYY-MM-DD (default: the file's today, else the current date)")
    .option('--json', 'print the assessment as JSON')
    .action(async (path: string, options: { today?: string; json?: boolean }) => {
      if (options.today !== undefined && !isIsoDate(options.today)) {
        throw new DomainError('VALIDATION_FAILED', `--today must be a calendar date written YYYY-MM-DD, not "${options.today}".`, {
          issues: [{ path: '--today', message: 'must be a calendar date written YYYY-MM-DD' }],
        });
      }
      const parsed = await readCaseJson(path);
      const result = assessCaseFile(parsed, {
        ...(options.today === undefined ? {} : { today: options.today }),
        clockToday: dateInZone(systemClock.now(), timeZoneOf(parsed)),
      });
      if (options.json) printJson(io, result);
      else io.out(present(result));
    });
}

/** The case's own time zone decides what "today" is by the clock; the file is validated afterwards. */
function timeZoneOf(parsed: unknown): string {
  const zone = typeof parsed === 'object' && parsed !== null ? (parsed as { timezone?: unknown }).timezone : undefined;

  return typeof zone === 'string' && isValidTimeZone(zone) ? zone : 'UTC';
}

function recommendationInWords(recommendation: Recommendation): string {
  switch (recommendation) {
    case 'keep':
      return 'keep the client';
    case 'watch':
      return 'watch: nothing to act on yet, but follow the pattern';
    case 'yellow_card':
      return 'yellow card: warn the client explicitly, and say what happens if it repeats';
    case 'reassign':
      return 'reassign: move the client to another team member';
    case 'red_card':
      return 'red card: end the relationship';
    default:
      return assertNever(recommendation, 'recommendation');
  }
}

function pathInWords(path: ExitPath): string {
  switch (path) {
    case 'immediate':
      return 'at once, without a warning';
    case 'stop_and_collect':
      return 'stop work now and collect what is owed';
    case 'finish_then_exit':
      return 'finish the current work to its checkpoints, then exit as the contract says';
    default:
      return assertNever(path, 'exit path');
  }
}

/** The assessment as text for a person. */
export function present(a: Assessment): string {
  const lines: string[] = [];
  const cur = a.impact.currency;
  lines.push(`${a.client_name}, judged on ${a.today}`, '');
  lines.push(
    `Recommendation: ${recommendationInWords(a.recommendation)}${a.path === null ? '' : `, ${pathInWords(a.path)}`} (DOMAIN.md section 7, rule ${a.reference_rule})`,
  );
  lines.push(`Score: ${a.score}/100. ${a.score_explanation}`, '');

  lines.push('Dimensions');
  const width = Math.max(...DIMENSIONS.map((d) => d.length));
  for (const d of DIMENSIONS) {
    const dim = a.dimensions[d];
    lines.push(`  ${d.padEnd(width)}  ${String(dim.score).padStart(3)}/100  (weight ${Math.round(dim.weight * 100)}%)  ${dim.explanation}`);
  }
  lines.push('', 'Reasons');
  for (const r of a.reasons) lines.push(`  ${r.rule}  ${r.text}`);

  const i = a.impact;
  lines.push('', `If the client goes (D6), ${i.window.from_month} to ${i.window.to_month}`);
  lines.push(
    i.provider_revenue_minor === null
      ? `  Revenue from this client: ${formatMoney(i.client_revenue_minor, cur)} (the provider's total revenue is not given)`
      : `  Revenue: ${formatMoney(i.provider_revenue_minor, cur)} with this client, ${formatMoney(i.revenue_without_client_minor ?? 0, cur)} without (this client ${formatMoney(i.client_revenue_minor, cur)}${i.client_share === null ? '' : `, ${Math.round(i.client_share * 100)}%`})`,
  );
  lines.push(`  Hours freed: ${i.hours_freed === null ? 'unknown (no time recorded)' : i.hours_freed}`);
  const rate = (minor: number | null) => (minor === null ? 'unknown' : `${formatMoney(minor, cur)} per hour`);
  lines.push(`  Hourly rate: this client ${rate(i.client_hourly_rate_minor)}; the rest ${rate(i.rest_hourly_rate_minor)}`);
  if (i.outstanding_minor > 0)
    lines.push(`  Still owed: ${formatMoney(i.outstanding_minor, cur)}, of which ${formatMoney(i.overdue_minor, cur)} overdue`);

  return `${lines.join('\n')}\n`;
}
