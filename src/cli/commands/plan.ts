import { Command, Option } from 'commander';
import { planCaseFile } from '../../app/plan-case.js';
import type { CaseRecord } from '../../core/case.js';
import { dateInZone, isValidTimeZone } from '../../core/dates.js';
import { DomainError } from '../../core/errors.js';
import { describeNotice, EXIT_PATHS, type ExitPath, type ExitPlan } from '../../core/exit/index.js';
import { formatMoney, formatRate } from '../../core/money/index.js';
import { type Io, printJson, table } from '../io.js';
import { readCaseJson } from '../read-case.js';

/** Chooses the path when --path is absent (the assessment's path, once the lead wires it). */
export type ChoosePath = (record: CaseRecord, today: string) => ExitPath | null;

export function planCommand(io: Io, choosePath?: ChoosePath): Command {
  return new Command('plan')
    .description('plan the exit for a case file: dates, lawyer check, steps, handover and money')
    .argument('<case>', 'the case file (JSON), or - for stdin')
    .option('--today <date>', "judge the case on this date, YYYY-MM-DD (default: the file's today, else the current date)")
    .addOption(new Option('--path <path>', 'the exit path (default: the one the assessment recommends)').choices(EXIT_PATHS))
    .option('--json', 'print the plan as JSON')
    .action(async (file: string, options: { today?: string; path?: ExitPath; json?: boolean }) => {
      const input = await readCaseJson(file);
      const plan = planCaseFile(input, {
        clockToday: dateInZone(new Date(), zoneOf(input)),
        ...(options.today !== undefined ? { today: options.today } : {}),
        ...(options.path !== undefined ? { path: options.path } : {}),
        choosePath: (record, today) => {
          const path = choosePath?.(record, today) ?? null;
          if (!path) throw new DomainError('VALIDATION_FAILED', `No exit path to plan: add --path ${EXIT_PATHS.join('|')}.`);

          return path;
        },
      });
      if (options.json) printJson(io, plan);
      else io.out(renderPlan(plan, clientName(input)));
    });
}

/** The plan as a dated checklist for people. */
export function renderPlan(plan: ExitPlan, client: string | null): string {
  const out: string[] = [];
  const cur = plan.money.currency;
  const m = (n: number) => formatMoney(n, cur);
  out.push(`Exit plan${client ? ` for ${client}` : ''}: ${plan.path.replaceAll('_', ' ')}, as of ${plan.today}`, '');
  out.push(`Tell the client:  ${plan.tell_client_on ?? 'not yet: check the contract first (C1, C3)'}`);
  out.push(
    `Work ends:        ${plan.work_ends_on ?? (plan.path === 'reassign' ? 'no end: the client moves to another manager' : 'not yet scheduled')}`,
  );
  out.push(`Lawyer first:     ${plan.lawyer_first ? 'yes' : 'no'}`);
  for (const r of plan.lawyer_reasons) out.push(`  - ${r.text} (${r.rule})`);
  const c = plan.contract_check;
  const may = c.written ? (c.may_terminate === null ? 'unknown' : c.may_terminate ? 'yes' : 'no') : 'no written contract';
  out.push(
    `Contract:         may end it: ${may}; notice: ${c.notice ? describeNotice(c.notice) : 'none'}${c.notice_used && !c.notice ? ` (using ${describeNotice(c.notice_used)}, X1)` : ''}; penalty: ${c.penalty ? m(c.penalty.amount_minor) : 'none'}`,
  );
  if (c.to_find_out.length > 0) {
    out.push('To find out first:');
    for (const q of c.to_find_out) out.push(`  - ${q}`);
  }

  out.push('', 'Steps');
  out.push(
    table(plan.steps.map((s) => [`  [${s.done ? 'x' : ' '}]`, s.due ?? 'after the check', s.title, `${s.owner}, ${s.rule}`])).trimEnd(),
  );

  const money = plan.money;
  out.push('', `Money (${cur})`);
  out.push(
    table([
      ['  Owed to you', m(money.owed_to_you_minor), money.overdue_minor > 0 ? `${m(money.overdue_minor)} overdue` : ''],
      ['  Late-payment interest', m(money.interest_minor), money.interest_rule ? money.interest_rule.law : ''],
      [
        '  Recovery compensation',
        m(money.compensation_minor),
        money.compensation_minor > 0 ? 'EUR 40 per late invoice (Directive 2011/7/EU art. 6)' : '',
      ],
      ['  Refund to the client', m(money.refund_minor), 'prepaid work not done (X10)'],
      ['  Final invoice', m(money.final_invoice_minor), 'work done and not billed (X10)'],
    ]).trimEnd(),
  );
  const late = money.per_invoice.filter((i) => i.owed_minor > 0 || i.interest_minor > 0 || i.compensation_minor > 0);
  if (late.length > 0) {
    out.push('', 'Invoices');
    out.push(
      table([
        ['  number', 'due', 'owed', 'days overdue', 'interest', 'rates'],
        ...late.map((i) => [
          `  ${i.number}`,
          i.due,
          m(i.owed_minor),
          String(i.days_overdue),
          m(i.interest_minor),
          [...new Set(i.interest_segments.map((s) => formatRate(s.rate_bp)))].join(', '),
        ]),
      ]).trimEnd(),
    );
  }
  for (const note of money.notes) out.push(`  * ${note}`);

  if (plan.collection) {
    out.push('', 'Collection');
    for (const s of plan.collection) out.push(`  ${s.due}  ${s.title}`, `              ${s.about}`);
  }
  if (plan.warnings.length > 0) {
    out.push('', 'Warnings');
    for (const w of plan.warnings) out.push(`  ! ${w}`);
  }

  return `${out.join('\n')}\n`;
}

function zoneOf(input: unknown): string {
  const tz = (input as { timezone?: unknown } | null)?.timezone;

  return typeof tz === 'string' && isValidTimeZone(tz) ? tz : 'UTC';
}

function clientName(input: unknown): string | null {
  const name = (input as { client?: { name?: unknown } } | null)?.client?.name;

  return typeof name === 'string' ? name : null;
}
