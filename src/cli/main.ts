/**
 * `redcard`: the command-line face. Each command parses its arguments, calls the same use cases
 * as the HTTP API, and prints text (or JSON with --json). Errors print one clear line (plus the
 * fields at fault) and exit non-zero with a code from exit-codes.ts.
 */
import { Command, CommanderError } from 'commander';
import { actAs } from '../app/acting.js';
import { ConfigError } from '../config/env.js';
import { assess } from '../core/assessment/assess.js';
import type { CaseRecord } from '../core/case.js';
import { isDomainError } from '../core/errors.js';
import type { ExitPath } from '../core/exit/index.js';
import { packageVersion } from '../server/runtime.js';
import { reviewDateCommand, yearReviewCommand } from './commands/after-exit.js';
import { assessCommand } from './commands/assess.js';
import { auditCommand, cliPrincipal } from './commands/audit.js';
import { cardCommand } from './commands/card.js';
import { caseCommand } from './commands/case.js';
import { clauseCommand } from './commands/clause.js';
import { clientCommand } from './commands/client.js';
import { detectCommand } from './commands/detect.js';
import { evidenceCommand } from './commands/evidence.js';
import { importCommand } from './commands/import.js';
import { incidentCommand } from './commands/incident.js';
import { letterCommand } from './commands/letter.js';
import { lintCommand } from './commands/lint.js';
import { planCommand } from './commands/plan.js';
import { scanCommand } from './commands/scan.js';
import { serveCommand } from './commands/serve.js';
import { statusCommand } from './commands/status.js';
import { userCommand } from './commands/user.js';
import { EXIT, exitCodeOf } from './exit-codes.js';
import type { Io } from './io.js';

const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

/** Runs the CLI with `argv` (as in process.argv) and resolves to the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  let serving: Promise<number> | undefined;

  const program = new Command('redcard')
    .description('RedCard: see a costly client early, decide calmly, end it professionally with nothing lost.')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  let resolveServe: (code: number) => void = () => {};
  program.addCommand(
    serveCommand(io, (code) => resolveServe(code)).hook('preAction', () => {
      serving = new Promise<number>((resolve) => {
        resolveServe = resolve;
      });
    }),
  );
  program.addCommand(clientCommand(io));
  program.addCommand(incidentCommand(io));
  program.addCommand(cardCommand(io));
  program.addCommand(statusCommand(io));
  program.addCommand(evidenceCommand(io, (code) => (exitCode = code)));
  program.addCommand(caseCommand(io));
  program.addCommand(assessCommand(io));
  program.addCommand(planCommand(io, assessedPath));
  program.addCommand(letterCommand(io));
  program.addCommand(detectCommand(io));
  program.addCommand(scanCommand(io));
  program.addCommand(lintCommand(io, (code) => (exitCode = code)));
  // after-exit (issue 8)
  program.addCommand(reviewDateCommand(io));
  program.addCommand(yearReviewCommand(io));
  program.addCommand(importCommand(io));
  // clause-reports
  program.addCommand(clauseCommand(io));
  program.addCommand(userCommand(io));
  program.addCommand(auditCommand(io, (code) => (exitCode = code)));
  for (const cmd of program.commands) applyOverrides(cmd, io);

  try {
    // Every store write of this run is recorded in the audit log as the local user's (issue 7).
    await actAs(cliPrincipal, () => program.parseAsync(argv));
  } catch (error) {
    return report(error, io);
  }
  if (serving) return serving;

  return exitCode;
}

/** Without --path, `plan` follows the assessment: its red-card path, or a reassignment attempt (D5). */
function assessedPath(record: CaseRecord, today: string): ExitPath | null {
  const result = assess(record, { today });
  if (result.recommendation === 'reassign') return 'reassign';

  return result.path;
}

/** Subcommands need the same exit override and output as the program. */
function applyOverrides(cmd: Command, io: Io): void {
  cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }).showHelpAfterError('(add --help for usage)');
  for (const sub of cmd.commands) applyOverrides(sub, io);
}

function report(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // Help and version "errors" are normal exits; usage errors were already printed by commander.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof ConfigError) {
    io.err(`redcard: ${error.message}\n`);

    return EXIT.usage;
  }
  if (isDomainError(error)) {
    // "Invalid X: a; b; c" lists its first issues inline; here every issue gets its own line instead.
    const headline =
      error.issues.length > 0 && error.userMessage.startsWith('Invalid ') ? `${error.userMessage.split(': ')[0]}:` : error.userMessage;
    io.err(`redcard: ${headline}\n`);
    for (const issue of error.issues.slice(0, 50)) io.err(`  ${issue.path}: ${issue.message}\n`);
    if (error.issues.length > 50) io.err(`  ... and ${error.issues.length - 50} more\n`);

    return exitCodeOf(error.code);
  }
  const sys = error as NodeJS.ErrnoException;
  if (sys?.code === 'ENOENT' && sys.path) {
    io.err(`redcard: no such file: ${sys.path}\n`);

    return EXIT.notFound;
  }
  if (sys?.code === 'EADDRINUSE') {
    io.err(`redcard: the port is already in use (${sys.message}). Choose another with --port.\n`);

    return EXIT.failure;
  }
  io.err(`redcard: ${(error as Error)?.message ?? String(error)}\n`);

  return EXIT.failure;
}

// Run directly (tsx src/cli/main.ts ...) as well as through bin/redcard.js.
if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv);
}
