import yargs, { type Argv } from 'yargs';
import { ADVICE_KINDS, isAdviceKind, type AdviceKind } from '../advice/index.js';
import type { LockWait } from '../introspect/introspector.js';
import { SUPPORTED_MAJORS, parseMajor, type SupportedMajor } from '../server/binaries.js';
import { DEFAULT_INPUT_LIMITS, inputLimits, type InputLimits } from '../spec-file/input-limits.js';
import { ExitCode } from './exit-codes.js';
import type { RoleMapping } from '../kinds/privilege/govern.js';
import { environmentNamesServer, resolveConnection } from '../db/conninfo.js';
import { UsageError } from '../errors.js';
import { looksLikeConnectionString } from '../redact.js';
import { REPORT_FLAG, REPORT_FORMATS, REPORT_FORMAT_HELP, parseReports, type ExtraReport, type ReportFormat } from './report-formats.js';
import { historyFlags, historyOptions, type HistoryOptions } from './history-options.js';
import { roleFlags } from './role-options.js';
import { CACHE_DIR_FLAG, CACHE_FLAG, SCRATCH_URL_FLAG, cacheDir, compileCommand, scratchUrl, type CompileOptions } from './compile-options.js';
import { fleetFlags, fleetOptions, mergeCommand, type FleetOptions, type MergeOptions } from './fleet-options.js';
import { ACK_FILE_FLAG, ackCommand, ackFileFlag, type AckCommandOptions, type AckFileOption } from './ack-options.js';

/**
 * The command line: a yargs table turned into typed, validated options.
 * Parsing never runs a command and never exits the process.
 */

export interface GlobalOptions {
  readonly verbose: boolean;
  /** true / false when given, undefined = decide from TTY and NO_COLOR. */
  readonly color: boolean | undefined;
}

export type SnapshotFormat = 'yaml' | 'json' | 'model' | 'sql';

export interface SnapshotOptions extends GlobalOptions {
  readonly command: 'snapshot';
  readonly format: SnapshotFormat;
  readonly db: string;
  readonly schemas: readonly string[];
  /** --exclude-schema: schemas left out. */
  readonly excludeSchemas: readonly string[];
  readonly out: string | undefined;
  readonly statementTimeoutMs: number;
  /** A table locked by another session: wait (then fail) or skip it (--lock-wait). */
  readonly lockWait: LockWait;
  /** Governed roles (--role, --role-map SPEC=LIVE): the spec (yaml, json) gets `roles:` and their owners and grants. */
  readonly roles: readonly RoleMapping[];
}

export type { ReportFormat } from './report-formats.js';
export type FailOnOption = 'error' | 'warning' | 'info' | 'never';

export interface OutputOptions extends HistoryOptions, AckFileOption {
  readonly format: ReportFormat;
  /** More reports of the run, each to its file (--report FORMAT=PATH). */
  readonly reports: readonly ExtraReport[];
  readonly failOn: FailOnOption;
  readonly out: string | undefined;
  /** Pinned report time (ISO 8601), for reproducible reports; default now. */
  readonly now: string | undefined;
  /** Run the DBA advice checks (--no-advice turns them off). */
  readonly advice: boolean;
  /** Advice kinds turned off (--disable-advice KIND). */
  readonly disabledAdvice: readonly AdviceKind[];
  /** Let advice findings count for --fail-on (--fail-on-advice). */
  readonly failOnAdvice: boolean;
  /** Fail the run (exit 1) when objects present were not compared (--strict-coverage). */
  readonly strictCoverage: boolean;
  /** Write the remediation SQL to DIR/up.sql and DIR/down.sql (--migration-dir). */
  readonly migrationDir: string | undefined;
  /** Let the remediation drop unexpected objects (--drop-unexpected). */
  readonly dropUnexpected: boolean;
  /** Plan type changes that convert values instead of leaving them to a person (--convert-types). */
  readonly convertTypes: boolean;
  /** Prove up.sql and down.sql on a scratch copy of the structure before showing them (--verify). */
  readonly verify: boolean;
}

export interface AuditOptions extends GlobalOptions, OutputOptions {
  readonly command: 'audit';
  readonly db: string;
  readonly expected: string;
  readonly schemas: readonly string[];
  /** --all-schemas: every schema of both sides is compared, not only the expected side's. */
  readonly allSchemas: boolean;
  /** --exclude-schema: schemas left out. */
  readonly excludeSchemas: readonly string[];
  readonly statementTimeoutMs: number;
  /** A table locked by another session: wait (then fail) or skip it (--lock-wait). */
  readonly lockWait: LockWait;
  /** Limits on the expected source's files (--max-input-mib, --max-spec-nodes). */
  readonly limits: InputLimits;
  /** Governed roles (--role NAME, --role-map EXPECTED=LIVE), added to the spec's `roles:`. */
  readonly roles: readonly RoleMapping[];
  /** Compare privileges (--no-privileges turns it off). */
  readonly privileges: boolean;
  /** Compare owners (--no-owners turns it off). */
  readonly owners: boolean;
  /** The expected-model cache's directory (--cache-dir); undefined: no cache (--no-cache). */
  readonly cacheDir: string | undefined;
  /** --scratch-url: the server to load a spec or SQL source on (compile-options.ts). */
  readonly scratchUrl: string | undefined;
  /** --targets (fleet-options.ts): audit a fleet; `db` is then '' and `expected` '' when every target names its own. */
  readonly fleet?: FleetOptions;
}

export interface DemoOptions extends GlobalOptions, OutputOptions {
  readonly command: 'demo';
  /** Server to create the demo database on; undefined = embedded/container. */
  readonly db: string | undefined;
  readonly pgMajor: SupportedMajor;
}

export type CommandOptions = SnapshotOptions | AuditOptions | DemoOptions | CompileOptions | MergeOptions | AckCommandOptions;

function outputFlags<T>(y: Argv<T>) {
  return historyFlags(y)
    .option('format', { choices: REPORT_FORMATS, default: 'auto' as const, describe: REPORT_FORMAT_HELP })
    .option('out', { type: 'string', describe: 'Write the report to this file (atomically) instead of stdout' })
    .option('report', REPORT_FLAG).option('ack-file', ACK_FILE_FLAG)
    .option('fail-on', {
      choices: ['error', 'warning', 'info', 'never'] as const,
      default: 'error' as const,
      describe: 'Exit 1 when a finding has this severity or higher',
    })
    .option('now', { type: 'string', describe: 'Report time to print (ISO 8601), for reproducible reports' })
    .option('advice', { type: 'boolean', default: true, describe: 'Run the DBA advice checks (--no-advice to skip them)' })
    .option('disable-advice', { type: 'string', array: true, describe: `Skip one advice check; repeat for several (${ADVICE_KINDS.join(', ')})` })
    .option('fail-on-advice', { type: 'boolean', default: false, describe: 'Let advice findings count for --fail-on too' })
    .option('strict-coverage', {
      type: 'boolean',
      default: false,
      describe: 'Exit 1 when objects present were not compared (kinds schema-audit does not compare, tables not read)',
    })
    .option('migration-dir', {
      type: 'string',
      describe: 'Write the remediation SQL to DIR/up.sql and DIR/down.sql (run each with psql -v ON_ERROR_STOP=1 -f FILE)',
    })
    .option('drop-unexpected', {
      type: 'boolean',
      default: false,
      describe: 'Let the remediation SQL drop what the expected schema does not define (tables, columns, indexes, schemas, …)',
    })
    .option('convert-types', {
      type: 'boolean',
      default: false,
      describe: 'Plan column type changes that convert values (ALTER COLUMN … TYPE … USING: a rewrite, may fail) instead of leaving them to you',
    })
    .option('verify', {
      type: 'boolean',
      default: false,
      describe: 'Before showing the SQL, apply up.sql and down.sql to a scratch copy of the structure (same major) and re-audit',
    });
}

function adviceFlags(a: Record<string, unknown>): Pick<OutputOptions, 'advice' | 'disabledAdvice' | 'failOnAdvice' | 'strictCoverage'> {
  const disabled = schemaList(a['disable-advice']);
  for (const kind of disabled) {
    if (!isAdviceKind(kind)) throw new RangeError(`unknown advice check "${kind}"; known: ${ADVICE_KINDS.join(', ')}`);
  }
  return {
    advice: a.advice !== false,
    disabledAdvice: disabled as AdviceKind[],
    failOnAdvice: a['fail-on-advice'] === true,
    strictCoverage: a['strict-coverage'] === true,
  };
}

function remediationFlags(a: Record<string, unknown>): Pick<OutputOptions, 'migrationDir' | 'dropUnexpected' | 'convertTypes' | 'verify'> {
  const dir = a['migration-dir'];
  if (dir !== undefined && String(dir).trim() === '') throw new RangeError('--migration-dir needs a directory');
  return {
    migrationDir: dir === undefined ? undefined : String(dir),
    dropUnexpected: a['drop-unexpected'] === true,
    convertTypes: a['convert-types'] === true,
    verify: a.verify === true,
  };
}

function parseNow(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(String(value));
  if (Number.isNaN(t)) throw new RangeError(`--now must be an ISO 8601 time such as 2026-01-31T09:00:00Z, not "${String(value)}"`);
  return new Date(t).toISOString();
}

/** `--exclude-schema`, on every command that takes `--schema`. */
const EXCLUDE_SCHEMA_FLAG = {
  type: 'string',
  array: true,
  describe: 'Schema to leave out, on both sides; repeat for several',
} as const;

/** --schema and --exclude-schema (a schema in both is bad usage: see read-target.ts). */
function schemaScope(a: Record<string, unknown>): { schemas: string[]; excludeSchemas: string[] } {
  return { schemas: schemaList(a.schema), excludeSchemas: schemaList(a['exclude-schema']) };
}

function allSchemas(a: Record<string, unknown>): boolean {
  if (a['all-schemas'] === true && schemaList(a.schema).length > 0) throw new UsageError('--all-schemas and --schema: give one or the other');
  return a['all-schemas'] === true;
}

function schemaList(value: unknown): string[] {
  return ((value as string[] | undefined) ?? []).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
}

export type ParseResult =
  | { readonly kind: 'run'; readonly options: CommandOptions }
  /** Help, version or a usage error: print `output` and exit with `exitCode`. */
  | { readonly kind: 'exit'; readonly exitCode: ExitCode; readonly stdout: string; readonly stderr: string };

const EPILOG = `Exit codes: 0 clean, 1 drift at or above --fail-on, 2 bad usage or spec, 3 database unreachable or unreadable.
schema-audit only reads the audited database (read-only transaction); it never runs DDL against it.`;

function globalOptions(y: Argv): Argv<{ verbose: boolean; color: boolean | undefined }> {
  return y
    .option('verbose', { type: 'boolean', default: false, describe: 'Show stack traces and server logs on errors' })
    .option('color', {
      type: 'boolean',
      describe: 'Colour the text report (default: when stdout is a terminal; NO_COLOR and FORCE_COLOR are honoured; --no-color to disable)',
    }) as Argv<{
    verbose: boolean;
    color: boolean | undefined;
  }>;
}

function parseTimeout(value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`--statement-timeout must be a positive number of milliseconds, not "${String(value)}"`);
  return n;
}

const STATEMENT_TIMEOUT_HELP =
  'Per-query timeout in ms (the server cancels a query after it; a server silent for 10 s longer is given up on)';

/** `--lock-wait`: what to do about a table another session holds (a migration running). */
const LOCK_WAIT_FLAG = {
  choices: ['wait', 'skip'] as const,
  default: 'wait' as const,
  describe:
    'A table locked by another session (ACCESS EXCLUSIVE): wait up to the lock timeout (5 s) then fail naming it, or skip it and report it as not read',
};

/** The flags every command takes. */
type Global = Argv<{ verbose: boolean; color: boolean | undefined }>;

/** Receives the options of the command the command line selected. */
type Select = (options: CommandOptions) => void;

const DB_HELP =
  'The database: a postgres:// URL or libpq key=value pairs (default: $DATABASE_URL, else the PG* variables, a service and .pgpass, as psql)';

const CONNECT_TIMEOUT_FLAG = {
  type: 'number' as const,
  describe: 'Seconds to wait for the server to answer when connecting (default: connect_timeout, $PGCONNECT_TIMEOUT, or 10)',
};

function connectTimeout(value: unknown): { connectTimeoutS?: number } {
  if (value === undefined) return {};
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 86_400) throw new RangeError('--connect-timeout must be a whole number of seconds from 1 to 86400');
  return { connectTimeoutS: n };
}

/**
 * The audited database's canonical URL (src/db/conninfo.ts): `--db`, else
 * $DATABASE_URL, else the PG* variables as psql reads them.
 */
function targetConnection(command: string, db: unknown, timeout: unknown, env: NodeJS.ProcessEnv): string {
  const given = (db as string | undefined) ?? (env.DATABASE_URL || undefined);
  if (given === undefined && !environmentNamesServer(env)) {
    throw new RangeError(`${command} needs a database: pass --db URL, set DATABASE_URL, or set PGHOST, PGDATABASE or PGSERVICE as for psql`);
  }
  return resolveConnection(given, env, connectTimeout(timeout));
}

/** `demo --db`: the server to make the demo database on, resolved as psql would. */
function demoServer(db: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return db === undefined || db === '' ? undefined : resolveConnection(db, env);
}

/** `snapshot`: its flags, and the options they make. */
function snapshotCommand(y: Global, env: NodeJS.ProcessEnv, select: Select): Global {
  return y.command(
    'snapshot',
    'Write the live schema of a database as an expected-schema spec, the raw model or DDL (read-only)',
    (y) =>
      y
        .option('db', { type: 'string', describe: DB_HELP })
        .option('connect-timeout', CONNECT_TIMEOUT_FLAG)
        .option('format', {
          choices: ['yaml', 'json', 'model', 'sql'] as const,
          default: 'yaml' as const,
          describe:
            'yaml or json: the spec format; model: the raw introspected model (JSON); sql: DDL that builds the schema in an empty database (psql -v ON_ERROR_STOP=1 -f FILE; no owners, grants or data)',
        })
        .option('schema', { type: 'string', array: true, describe: 'Schema to read; repeat for several (default: every non-system schema)' })
        .option('exclude-schema', EXCLUDE_SCHEMA_FLAG)
        .option('out', { type: 'string', describe: 'Write to this file (atomically) instead of stdout; DIR/ (or an existing folder): yaml or json as a folder, one file per table' })
        .option('statement-timeout', { type: 'number', default: 30_000, describe: STATEMENT_TIMEOUT_HELP })
        .option('lock-wait', LOCK_WAIT_FLAG)
        .option('role', { type: 'string', array: true, describe: 'yaml, json: write the owners and privileges of this role (and PUBLIC), and list it in roles:; repeat for several' })
        .option('role-map', { type: 'string', array: true, describe: 'SPEC=LIVE: as --role, for the role the server calls LIVE, written SPEC in the spec; repeatable' })
        .example('$0 snapshot --db postgres://audit@db/app --out schema.yaml', 'Bootstrap a spec')
        .example('$0 snapshot --role app --role-map readonly=readonly_prod --out schema.yaml', 'A spec with the owners and grants of app, readonly and PUBLIC')
        .example('$0 snapshot --out expected-schema/', 'The spec as a folder: a file per table, a folder per schema')
        .example('$0 snapshot --schema public --schema billing', 'Two schemas of $DATABASE_URL')
        .example('$0 snapshot --format sql --out schema.sql', 'The schema as DDL, to load elsewhere with psql'),
    (a) => {
      const db = targetConnection('snapshot', a.db, a['connect-timeout'], env);
      select({
        command: 'snapshot',
        format: a.format,
        verbose: a.verbose,
        color: a.color,
        db,
        ...schemaScope(a),
        out: a.out as string | undefined,
        statementTimeoutMs: parseTimeout(a['statement-timeout']),
        lockWait: a['lock-wait'],
        roles: roleFlags(a.role, a['role-map']),
      });
    },
  );
}

/** What --expected takes, for its help and its error. */
const EXPECTED_SOURCES =
  'a YAML spec (.yaml or .yml; .json; or a folder of spec files), a .sql file, a folder of .sql migrations, a snapshot .json, or a reference database (a postgres:// URL)';

/** `audit`: its flags, and the options they make. */
function auditCommand(y: Global, env: NodeJS.ProcessEnv, select: Select): Global {
  return y.command(
    'audit',
    'Compare a live database with the expected schema and report the drift (read-only)',
    (y) =>
      outputFlags(
        fleetFlags(y)
          .option('db', { type: 'string', describe: DB_HELP })
          .option('connect-timeout', CONNECT_TIMEOUT_FLAG)
          .option('expected', {
            type: 'string',
            describe: `The expected schema: ${EXPECTED_SOURCES} (a URL or key=value pairs are resolved as --db)`,
          })
          .option('schema', { type: 'string', array: true, describe: 'Schema to compare; repeat for several (default: the schemas the expected side defines)' })
          .option('all-schemas', { type: 'boolean', default: false, describe: 'Compare every schema of both sides, not only the expected side\'s (a whole-database audit)' })
          .option('exclude-schema', EXCLUDE_SCHEMA_FLAG)
          .option('statement-timeout', { type: 'number', default: 30_000, describe: STATEMENT_TIMEOUT_HELP })
          .option('lock-wait', LOCK_WAIT_FLAG)
          .option('max-input-mib', {
            type: 'string',
            describe: `Largest expected source to read, in MiB (a spec's files together; default $SCHEMA_AUDIT_MAX_INPUT_MIB or ${DEFAULT_INPUT_LIMITS.maxBytes / 1024 / 1024})`,
          })
          .option('max-spec-nodes', {
            type: 'string',
            describe: `Most values one spec file may hold, YAML aliases expanded (default $SCHEMA_AUDIT_MAX_SPEC_NODES or ${DEFAULT_INPUT_LIMITS.maxNodes})`,
          })
          .option('role', { type: 'string', array: true, describe: 'Compare the privileges and owners of this role (and PUBLIC); repeat for several' })
          .option('role-map', { type: 'string', array: true, describe: 'EXPECTED=LIVE: govern the role the expected schema calls EXPECTED, named LIVE on the audited server; repeatable' })
          .option('privileges', { type: 'boolean', default: true, describe: 'Compare the governed roles\' privileges (--no-privileges: do not)' })
          .option('owners', { type: 'boolean', default: true, describe: 'Compare owners that are governed roles (--no-owners: do not)' })
          .option('cache-dir', CACHE_DIR_FLAG)
          .option('cache', CACHE_FLAG)
          .option('scratch-url', SCRATCH_URL_FLAG),
      ).example('$0 audit --expected schema.yaml', 'Audit $DATABASE_URL against a YAML spec')
        .example('$0 audit --expected schema.sql --fail-on warning', 'Pre-deploy gate on $DATABASE_URL (or PGHOST, PGDATABASE… as psql)')
        .example('$0 audit --db service=prod --expected service=staging', 'prod against staging, both from pg_service.conf')
        .example('$0 audit --expected schema.sql --role app --role-map readonly=readonly_prod', 'Also compare the grants to app, readonly (readonly_prod here) and PUBLIC'),
    (a) => {
      const fleet = fleetOptions(a);
      if (!a.expected && !fleet) throw new RangeError(`audit needs --expected SOURCE: ${EXPECTED_SOURCES}`);
      const db = fleet ? '' : targetConnection('audit', a.db, a['connect-timeout'], env);
      const expected = String(a.expected ?? '');
      select({
        command: 'audit',
        verbose: a.verbose,
        color: a.color,
        db,
        // A reference database is connected to as the audited one is (the environment, .pgpass, services).
        expected: looksLikeConnectionString(expected) ? resolveConnection(expected, env, connectTimeout(a['connect-timeout'])) : expected,
        ...schemaScope(a),
        allSchemas: allSchemas(a),
        statementTimeoutMs: parseTimeout(a['statement-timeout']),
        lockWait: a['lock-wait'],
        limits: inputLimits({ maxInputMib: a['max-input-mib'], maxSpecNodes: a['max-spec-nodes'] }, env),
        format: a.format,
        reports: parseReports(a.report), ackFile: ackFileFlag(a['ack-file']),
        failOn: a['fail-on'],
        out: a.out as string | undefined,
        now: parseNow(a.now),
        ...adviceFlags(a),
        ...remediationFlags(a),
        ...historyOptions(a),
        roles: roleFlags(a.role, a['role-map']),
        privileges: a.privileges !== false,
        owners: a.owners !== false,
        cacheDir: cacheDir(a, env),
        scratchUrl: scratchUrl(a, env),
        ...(fleet ? { fleet } : {}),
      });
    },
  );
}

/** `demo`: its flags, and the options they make. */
function demoCommand(y: Global, env: NodeJS.ProcessEnv, select: Select): Global {
  return y.command(
    'demo',
    'Audit the OneKeel Swarm fixture (production as found) against its expected schema, on a throw-away server',
    (y) =>
      outputFlags(y)
        .option('db', { type: 'string', describe: 'Use this server (a scratch database is created and dropped) instead of an embedded one' })
        .option('pg-major', {
          type: 'string',
          describe: `PostgreSQL major of the embedded server (${SUPPORTED_MAJORS.join(', ')}; default $PG_MAJOR or 17)`,
        }),
    (a) => {
      select({
        command: 'demo',
        verbose: a.verbose,
        color: a.color,
        db: demoServer((a.db as string | undefined) ?? env.DATABASE_URL, env),
        pgMajor: parseMajor((a['pg-major'] as string | undefined) ?? env.PG_MAJOR),
        format: a.format,
        reports: parseReports(a.report), ackFile: ackFileFlag(a['ack-file']),
        failOn: a['fail-on'],
        out: a.out as string | undefined,
        now: parseNow(a.now),
        ...adviceFlags(a),
        ...remediationFlags(a),
        ...historyOptions(a),
      });
    },
  );
}

export async function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv, version: string): Promise<ParseResult> {
  let selected: CommandOptions | undefined;
  let failure: string | undefined;
  let plainFailure = false;
  const select: Select = (options) => {
    selected = options;
  };

  const global = globalOptions(yargs([...argv]));
  const parser = ackCommand(mergeCommand(compileCommand(demoCommand(auditCommand(snapshotCommand(global, env, select), env, select), env, select), env, select), select), select)
    .scriptName('schema-audit')
    .usage('$0 <command> [options]\n\nAudit a live PostgreSQL schema against the schema your application expects.')
    .demandCommand(1, 'name a command: audit, snapshot, compile, demo, merge or ack')
    .strict()
    .epilog(EPILOG)
    .version(version)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((msg, err) => {
      failure = err ? err.message : msg;
      // A connection string libpq would refuse: one line, no usage text (the flags were right).
      plainFailure = err instanceof UsageError;
    });

  let output = '';
  try {
    await parser.parseAsync([...argv], {}, (_err, _argv, out) => {
      output = out;
    });
  } catch (err) {
    if (failure === undefined) plainFailure = err instanceof UsageError;
    failure ??= err instanceof Error ? err.message : String(err);
  }
  if (failure !== undefined) {
    const usage = await parser.getHelp();
    if (plainFailure) return { kind: 'exit', exitCode: ExitCode.Usage, stdout: '', stderr: `schema-audit: ${failure}\n` };
    return { kind: 'exit', exitCode: ExitCode.Usage, stdout: '', stderr: `schema-audit: ${failure}\n\n${usage}\n` };
  }
  if (selected) return { kind: 'run', options: selected };
  // --help or --version
  return { kind: 'exit', exitCode: ExitCode.Clean, stdout: output ? `${output}\n` : '', stderr: '' };
}
