import { looksLikeConnectionString, redactSecrets } from '../redact.js';
import { visible, visibleLines } from '../safe-text.js';
import { AuditError } from '../errors.js';
import { ExitCode, exitCodeFor } from './exit-codes.js';
import { SpecError, formatProblems } from '../spec-file/spec-error.js';
import { auditCommand } from './commands/audit.js';
import { compileCommand } from './commands/compile.js';
import { fleetCommand } from './commands/fleet.js';
import { mergeCommand } from './commands/merge.js';
import { ackCommand } from './commands/ack.js';
import { demoCommand } from './commands/demo.js';
import { snapshotCommand } from './commands/snapshot.js';
import type { CliIo } from './io.js';
import { parseOptions, type CommandOptions } from './options.js';
import { VERSION } from './version.js';


/**
 * Run one command line and return its exit code. Writes only to `io`; never
 * exits the process. Errors become one line on stderr (stack with --verbose),
 * with every connection password redacted.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const parsed = await parseOptions(argv, io.env, VERSION);
  if (parsed.kind === 'exit') {
    io.stdout.write(parsed.stdout);
    io.stderr.write(visibleLines(redactAll(parsed.stderr, argv, io.env)).join('\n'));
    return parsed.exitCode;
  }
  const options = parsed.options;
  try {
    return await dispatch(options, io);
  } catch (err) {
    const exitCode = err instanceof AuditError ? exitCodeFor(err.code) : ExitCode.Usage;
    const message = err instanceof AuditError ? err.message : `unexpected error: ${(err as Error)?.message ?? String(err)}`;
    // One line, whatever the message quotes (names from a database, paths): control characters escaped.
    io.stderr.write(`schema-audit: ${visible(redactAll(message, argv, io.env))}${err instanceof SpecError ? ':' : ''}\n`);
    if (err instanceof SpecError) io.stderr.write(`${visibleLines(redactAll(formatProblems(err.problems), argv, io.env)).map((l) => `  ${l}`).join('\n')}\n`);
    if (options.verbose && err instanceof Error) io.stderr.write(`${visibleLines(redactAll(stackOf(err), argv, io.env)).join('\n')}\n`);
    else if (!(err instanceof AuditError)) io.stderr.write('schema-audit: run with --verbose for details\n');
    return exitCode;
  }
}

function dispatch(options: CommandOptions, io: CliIo): Promise<ExitCode> {
  switch (options.command) {
    case 'snapshot':
      return snapshotCommand(options, io);
    case 'audit':
      return options.fleet ? fleetCommand(options, io) : auditCommand(options, io);
    case 'merge':
      return mergeCommand(options, io);
    case 'demo':
      return demoCommand(options, io);
    case 'compile':
      return compileCommand(options, io);
    case 'ack':
      return ackCommand(options, io);
  }
}

function stackOf(err: Error): string {
  let out = err.stack ?? String(err);
  let cause = err.cause;
  while (cause instanceof Error) {
    out += `\nCaused by: ${cause.stack ?? cause.message}`;
    cause = cause.cause;
  }
  return out;
}

/**
 * Every connection string the user gave (an argument, the value of
 * `--flag=value`, DATABASE_URL), replaced as a whole by its redacted form
 * wherever a message quotes it (src/redact.ts): by parsing, never by
 * searching for a password's value.
 */
function redactAll(text: string, argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const given = [...argv, ...argv.map((a) => /^--?[^=\s]+=(.*)$/s.exec(a)?.[1] ?? ''), env.DATABASE_URL ?? ''];
  return redactSecrets(text, given.filter(looksLikeConnectionString));
}
