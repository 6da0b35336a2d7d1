import yargs, { type Argv } from 'yargs';
import { SUPPORTED_MAJORS, parseMajor, type SupportedMajor } from '../server/binaries.js';
import { ExitCode } from '../errors.js';

/**
 * The command line: a yargs table turned into typed, validated options.
 * Parsing never runs a command and never exits the process.
 */

export interface GlobalOptions {
  readonly verbose: boolean;
  /** true / false when given, undefined = decide from TTY and NO_COLOR. */
  readonly color: boolean | undefined;
}

export interface SnapshotOptions extends GlobalOptions {
  readonly command: 'snapshot';
  readonly db: string;
  readonly schemas: readonly string[];
  readonly out: string | undefined;
  readonly statementTimeoutMs: number;
}

export interface DemoOptions extends GlobalOptions {
  readonly command: 'demo';
  /** Server to create the demo database on; undefined = embedded/container. */
  readonly db: string | undefined;
  readonly pgMajor: SupportedMajor;
  readonly out: string | undefined;
}

export type CommandOptions = SnapshotOptions | DemoOptions;

export type ParseResult =
  | { readonly kind: 'run'; readonly options: CommandOptions }
  /** Help, version or a usage error: print `output` and exit with `exitCode`. */
  | { readonly kind: 'exit'; readonly exitCode: ExitCode; readonly stdout: string; readonly stderr: string };

const EPILOG = `Exit codes: 0 clean, 1 drift at or above --fail-on, 2 bad usage or spec, 3 database unreachable or unreadable.
schema-audit only reads the audited database (read-only transaction); it never runs DDL against it.`;

function globalOptions(y: Argv): Argv<{ verbose: boolean; color: boolean | undefined }> {
  return y
    .option('verbose', { type: 'boolean', default: false, describe: 'Show stack traces and server logs on errors' })
    .option('color', { type: 'boolean', describe: 'Colour output (--no-color to disable; NO_COLOR is honoured)' }) as Argv<{
    verbose: boolean;
    color: boolean | undefined;
  }>;
}

function parseTimeout(value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`--statement-timeout must be a positive number of milliseconds, not "${String(value)}"`);
  return n;
}

export async function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv, version: string): Promise<ParseResult> {
  let selected: CommandOptions | undefined;
  let failure: string | undefined;

  const parser = globalOptions(yargs([...argv]))
    .scriptName('schema-audit')
    .usage('$0 <command> [options]\n\nAudit a live PostgreSQL schema against the schema your application expects.')
    .command(
      'snapshot',
      'Write the live schema of a database as JSON (read-only)',
      (y) =>
        y
          .option('db', { type: 'string', describe: 'Connection URL of the database to read (default: $DATABASE_URL)' })
          .option('schema', { type: 'string', array: true, describe: 'Schema to read; repeat for several (default: every non-system schema)' })
          .option('out', { type: 'string', describe: 'Write to this file (atomically) instead of stdout' })
          .option('statement-timeout', { type: 'number', default: 30_000, describe: 'Per-query timeout in ms' })
          .example('$0 snapshot --db postgres://audit@db/app --out s.json', 'Snapshot every non-system schema')
          .example('$0 snapshot --schema public --schema billing', 'Two schemas of $DATABASE_URL'),
      (a) => {
        const db = (a.db as string | undefined) ?? env.DATABASE_URL;
        if (!db) throw new RangeError('snapshot needs a database: pass --db URL or set DATABASE_URL');
        selected = {
          command: 'snapshot',
          verbose: a.verbose,
          color: a.color,
          db,
          schemas: ((a.schema as string[] | undefined) ?? []).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean),
          out: a.out as string | undefined,
          statementTimeoutMs: parseTimeout(a['statement-timeout']),
        };
      },
    )
    .command(
      'demo',
      'Load the OneKeel Swarm fixture into a throw-away server and show the result',
      (y) =>
        y
          .option('db', { type: 'string', describe: 'Use this server (a scratch database is created and dropped) instead of an embedded one' })
          .option('pg-major', {
            type: 'string',
            describe: `PostgreSQL major of the embedded server (${SUPPORTED_MAJORS.join(', ')}; default $PG_MAJOR or 17)`,
          })
          .option('out', { type: 'string', describe: 'Write to this file (atomically) instead of stdout' }),
      (a) => {
        selected = {
          command: 'demo',
          verbose: a.verbose,
          color: a.color,
          db: (a.db as string | undefined) ?? env.DATABASE_URL,
          pgMajor: parseMajor((a['pg-major'] as string | undefined) ?? env.PG_MAJOR),
          out: a.out as string | undefined,
        };
      },
    )
    .demandCommand(1, 'name a command: snapshot or demo')
    .strict()
    .epilog(EPILOG)
    .version(version)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((msg, err) => {
      failure = err ? err.message : msg;
    });

  let output = '';
  try {
    await parser.parseAsync([...argv], {}, (_err, _argv, out) => {
      output = out;
    });
  } catch (err) {
    failure ??= err instanceof Error ? err.message : String(err);
  }
  if (failure !== undefined) {
    const usage = await parser.getHelp();
    return { kind: 'exit', exitCode: ExitCode.Usage, stdout: '', stderr: `schema-audit: ${failure}\n\n${usage}\n` };
  }
  if (selected) return { kind: 'run', options: selected };
  // --help or --version
  return { kind: 'exit', exitCode: ExitCode.Clean, stdout: output ? `${output}\n` : '', stderr: '' };
}
