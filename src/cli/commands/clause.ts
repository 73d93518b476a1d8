/**
 * `redcard clause`: the termination, substitution-or-refund and payment-terms clause for a new
 * contract (issue 8), printed as text or written as .docx. Needs no store: everything it writes
 * comes from the options. A template, not legal advice: the output opens with that notice.
 *
 *   redcard clause --lang lt --notice "30 days" --jurisdiction LT [--format txt|docx --out FILE]
 */
import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { clauseInputOf, presentClause } from '../../app/clauses.js';
import { ClauseRequest } from '../../contracts/clauses.js';
import { parseOrThrow } from '../../contracts/issues.js';
import { generateClauses, parseNotice } from '../../core/clauses/generate.js';
import { dateInZone } from '../../core/dates.js';
import { DomainError } from '../../core/errors.js';
import { clauseToDocx } from '../../exports/clause-docx.js';
import type { Io } from '../io.js';
import { printJson } from '../io.js';

interface ClauseOptions {
  lang?: string;
  notice?: string;
  jurisdiction?: string;
  place?: string;
  provider?: string;
  client?: string;
  clientKind?: string;
  paymentDays?: string;
  deposit?: string;
  interest?: string;
  format?: string;
  out?: string;
  json?: boolean;
}

const invalid = (path: string, message: string) =>
  new DomainError('VALIDATION_FAILED', `${path}: ${message}`, { issues: [{ path, message }] });

/** A number option as the schema expects it: a string that is not a number stays a string, so the schema names it. */
const num = (v: string | undefined) => (v === undefined ? undefined : /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v);

/** The options as an API request body (the same schema validates both). */
export function clauseRequestOf(options: ClauseOptions): unknown {
  if (!options.notice) throw invalid('--notice', 'is required, e.g. --notice "30 days", "10 business days" or "2 months"');
  const notice = parseNotice(options.notice);
  if (!notice)
    throw invalid('--notice', `"${options.notice}" is not a notice period: write a whole number and days, business days or months`);
  const interest =
    options.interest === undefined || options.interest === 'statutory'
      ? { kind: 'statutory' }
      : { kind: 'contractual', rate_percent: num(options.interest.replace(/%$/, '')) };

  return {
    notice,
    ...(options.lang ? { lang: options.lang } : {}),
    ...(options.jurisdiction
      ? { jurisdiction: options.jurisdiction.toUpperCase() === 'OTHER' ? 'other' : options.jurisdiction.toUpperCase() }
      : {}),
    ...(options.place ? { place: options.place } : {}),
    ...(options.provider ? { provider_name: options.provider } : {}),
    ...(options.client ? { client_name: options.client } : {}),
    ...(options.clientKind ? { client_kind: options.clientKind } : {}),
    ...(options.paymentDays ? { payment_days: num(options.paymentDays) } : {}),
    ...(options.deposit ? { deposit_percent: num(options.deposit.replace(/%$/, '')) } : {}),
    interest,
  };
}

export function clauseCommand(io: Io, now: () => Date = () => new Date()): Command {
  return new Command('clause')
    .description('write a termination, substitution-or-refund and payment-terms clause for a new contract (a template, not legal advice)')
    .requiredOption('--notice <period>', 'the notice period: "30 days", "10 business days", "2 months"')
    .option('--lang <lang>', 'en, ru, ro or lt (default: en)')
    .option('--jurisdiction <code>', 'LT, RO, RU, EU (generic Directive 2011/7/EU) or other (default: other)')
    .option('--place <country>', 'the country whose law applies, for EU and other')
    .option('--provider <name>', 'your name or company')
    .option('--client <name>', "the client's name")
    .option('--client-kind <kind>', 'business or individual (default: business)')
    .option('--payment-days <n>', 'days the client has to pay an invoice (default: 14)')
    .option('--deposit <percent>', 'a deposit before work starts, percent of the price')
    .option('--interest <rate>', 'late interest: statutory (default) or a yearly percent such as 12.5')
    .option('--format <format>', 'txt (default, printed) or docx')
    .option('--out <file>', 'write the file here (required for docx)')
    .option('--json', 'print the clause as JSON (sections, notes, text)')
    .action(async (options: ClauseOptions) => {
      const format = options.format ?? 'txt';
      if (format !== 'txt' && format !== 'docx') throw invalid('--format', 'must be txt or docx');
      if (format === 'docx' && !options.out) throw invalid('--out', '--format docx writes a file: say where with --out FILE');
      const request = parseOrThrow(ClauseRequest, clauseRequestOf(options), 'VALIDATION_FAILED', 'clause options');
      const input = clauseInputOf(request, { language: 'en', jurisdiction: null, provider_name: null });
      const at = now();
      const clause = presentClause(input, generateClauses(input, { today: dateInZone(at, 'UTC') }));
      if (options.json) return printJson(io, clause);
      if (format === 'txt' && !options.out) return io.out(clause.text);
      const bytes = format === 'docx' ? clauseToDocx(clause, at) : new TextEncoder().encode(clause.text);
      await writeFile(options.out as string, bytes);
      io.out(`Wrote ${options.out} (${format}, ${bytes.length} bytes). A template, not legal advice: have a lawyer review it.\n`);
    });
}
