import yargs from 'yargs';
import { ADVICE_KINDS, isAdviceKind } from '../advice/index.js';
import { SUPPORTED_MAJORS, parseMajor } from '../server/binaries.js';
import { DEFAULT_INPUT_LIMITS, inputLimits } from '../spec-file/input-limits.js';
import { ExitCode } from './exit-codes.js';
function outputFlags(y) {
    return y
        .option('format', {
        choices: ['auto', 'text', 'json', 'markdown'],
        default: 'auto',
        describe: 'Report format: text (tables; coloured on a terminal, plain when piped), json, or markdown (the audit document); auto = text',
    })
        .option('out', { type: 'string', describe: 'Write the report to this file (atomically) instead of stdout' })
        .option('fail-on', {
        choices: ['error', 'warning', 'info', 'never'],
        default: 'error',
        describe: 'Exit 1 when a finding has this severity or higher',
    })
        .option('now', { type: 'string', describe: 'Report time to print (ISO 8601), for reproducible reports' })
        .option('advice', { type: 'boolean', default: true, describe: 'Run the DBA advice checks (--no-advice to skip them)' })
        .option('disable-advice', { type: 'string', array: true, describe: `Skip one advice check; repeat for several (${ADVICE_KINDS.join(', ')})` })
        .option('fail-on-advice', { type: 'boolean', default: false, describe: 'Let advice findings count for --fail-on too' })
        .option('migration-dir', {
        type: 'string',
        describe: 'Write the remediation SQL to DIR/up.sql and DIR/down.sql (run each with psql -v ON_ERROR_STOP=1 -f FILE)',
    })
        .option('drop-unexpected', {
        type: 'boolean',
        default: false,
        describe: 'Let the remediation SQL drop tables, columns, indexes, constraints and enums the expected schema does not define',
    })
        .option('verify', {
        type: 'boolean',
        default: false,
        describe: 'Before showing the SQL, apply up.sql and down.sql to a scratch copy of the structure (same major) and re-audit',
    });
}
function adviceFlags(a) {
    const disabled = schemaList(a['disable-advice']);
    for (const kind of disabled) {
        if (!isAdviceKind(kind))
            throw new RangeError(`unknown advice check "${kind}"; known: ${ADVICE_KINDS.join(', ')}`);
    }
    return { advice: a.advice !== false, disabledAdvice: disabled, failOnAdvice: a['fail-on-advice'] === true };
}
function remediationFlags(a) {
    const dir = a['migration-dir'];
    if (dir !== undefined && String(dir).trim() === '')
        throw new RangeError('--migration-dir needs a directory');
    return { migrationDir: dir === undefined ? undefined : String(dir), dropUnexpected: a['drop-unexpected'] === true, verify: a.verify === true };
}
function parseNow(value) {
    if (value === undefined)
        return undefined;
    const t = Date.parse(String(value));
    if (Number.isNaN(t))
        throw new RangeError(`--now must be an ISO 8601 time such as 2026-01-31T09:00:00Z, not "${String(value)}"`);
    return new Date(t).toISOString();
}
function schemaList(value) {
    return (value ?? []).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
}
const EPILOG = `Exit codes: 0 clean, 1 drift at or above --fail-on, 2 bad usage or spec, 3 database unreachable or unreadable.
schema-audit only reads the audited database (read-only transaction); it never runs DDL against it.`;
function globalOptions(y) {
    return y
        .option('verbose', { type: 'boolean', default: false, describe: 'Show stack traces and server logs on errors' })
        .option('color', {
        type: 'boolean',
        describe: 'Colour the text report (default: when stdout is a terminal; NO_COLOR and FORCE_COLOR are honoured; --no-color to disable)',
    });
}
function parseTimeout(value) {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0)
        throw new RangeError(`--statement-timeout must be a positive number of milliseconds, not "${String(value)}"`);
    return n;
}
const STATEMENT_TIMEOUT_HELP = 'Per-query timeout in ms (the server cancels a query after it; a server silent for 10 s longer is given up on)';
/** `--lock-wait`: what to do about a table another session holds (a migration running). */
const LOCK_WAIT_FLAG = {
    choices: ['wait', 'skip'],
    default: 'wait',
    describe: 'A table locked by another session (ACCESS EXCLUSIVE): wait up to the lock timeout (5 s) then fail naming it, or skip it and report it as not read',
};
/** `snapshot`: its flags, and the options they make. */
function snapshotCommand(y, env, select) {
    return y.command('snapshot', 'Write the live schema of a database as an expected-schema spec, the raw model or DDL (read-only)', (y) => y
        .option('db', { type: 'string', describe: 'Connection URL of the database to read (default: $DATABASE_URL)' })
        .option('format', {
        choices: ['yaml', 'json', 'model', 'sql'],
        default: 'yaml',
        describe: 'yaml or json: the spec format; model: the raw introspected model (JSON); sql: DDL that builds the schema in an empty database (psql -v ON_ERROR_STOP=1 -f FILE; no functions or triggers)',
    })
        .option('schema', { type: 'string', array: true, describe: 'Schema to read; repeat for several (default: every non-system schema)' })
        .option('out', { type: 'string', describe: 'Write to this file (atomically) instead of stdout' })
        .option('statement-timeout', { type: 'number', default: 30_000, describe: STATEMENT_TIMEOUT_HELP })
        .option('lock-wait', LOCK_WAIT_FLAG)
        .example('$0 snapshot --db postgres://audit@db/app --out schema.yaml', 'Bootstrap a spec')
        .example('$0 snapshot --schema public --schema billing', 'Two schemas of $DATABASE_URL')
        .example('$0 snapshot --format sql --out schema.sql', 'The schema as DDL, to load elsewhere with psql'), (a) => {
        const db = a.db ?? env.DATABASE_URL;
        if (!db)
            throw new RangeError('snapshot needs a database: pass --db URL or set DATABASE_URL');
        select({
            command: 'snapshot',
            format: a.format,
            verbose: a.verbose,
            color: a.color,
            db,
            schemas: schemaList(a.schema),
            out: a.out,
            statementTimeoutMs: parseTimeout(a['statement-timeout']),
            lockWait: a['lock-wait'],
        });
    });
}
/** `audit`: its flags, and the options they make. */
function auditCommand(y, env, select) {
    return y.command('audit', 'Compare a live database with the expected schema and report the drift (read-only)', (y) => outputFlags(y
        .option('db', { type: 'string', describe: 'Connection URL of the database to audit (default: $DATABASE_URL)' })
        .option('expected', {
        type: 'string',
        describe: 'The expected schema: a .sql file, a folder of .sql migrations, a snapshot .json, or a postgres:// URL',
    })
        .option('schema', { type: 'string', array: true, describe: 'Schema to compare; repeat for several (default: all)' })
        .option('statement-timeout', { type: 'number', default: 30_000, describe: STATEMENT_TIMEOUT_HELP })
        .option('lock-wait', LOCK_WAIT_FLAG)
        .option('max-input-mib', {
        type: 'string',
        describe: `Largest expected source to read, in MiB (a spec's files together; default $SCHEMA_AUDIT_MAX_INPUT_MIB or ${DEFAULT_INPUT_LIMITS.maxBytes / 1024 / 1024})`,
    })
        .option('max-spec-nodes', {
        type: 'string',
        describe: `Most values one spec file may hold, YAML aliases expanded (default $SCHEMA_AUDIT_MAX_SPEC_NODES or ${DEFAULT_INPUT_LIMITS.maxNodes})`,
    })).example('$0 audit --db "$DATABASE_URL" --expected schema.sql --fail-on warning', 'Pre-deploy gate'), (a) => {
        const db = a.db ?? env.DATABASE_URL;
        if (!db)
            throw new RangeError('audit needs a database: pass --db URL or set DATABASE_URL');
        if (!a.expected)
            throw new RangeError('audit needs --expected SOURCE (a .sql file, a migrations folder, a snapshot .json or a postgres:// URL)');
        select({
            command: 'audit',
            verbose: a.verbose,
            color: a.color,
            db,
            expected: String(a.expected),
            schemas: schemaList(a.schema),
            statementTimeoutMs: parseTimeout(a['statement-timeout']),
            lockWait: a['lock-wait'],
            limits: inputLimits({ maxInputMib: a['max-input-mib'], maxSpecNodes: a['max-spec-nodes'] }, env),
            format: a.format,
            failOn: a['fail-on'],
            out: a.out,
            now: parseNow(a.now),
            ...adviceFlags(a),
            ...remediationFlags(a),
        });
    });
}
/** `demo`: its flags, and the options they make. */
function demoCommand(y, env, select) {
    return y.command('demo', 'Audit the OneKeel Swarm fixture (production as found) against its expected schema, on a throw-away server', (y) => outputFlags(y)
        .option('db', { type: 'string', describe: 'Use this server (a scratch database is created and dropped) instead of an embedded one' })
        .option('pg-major', {
        type: 'string',
        describe: `PostgreSQL major of the embedded server (${SUPPORTED_MAJORS.join(', ')}; default $PG_MAJOR or 17)`,
    }), (a) => {
        select({
            command: 'demo',
            verbose: a.verbose,
            color: a.color,
            db: a.db ?? env.DATABASE_URL,
            pgMajor: parseMajor(a['pg-major'] ?? env.PG_MAJOR),
            format: a.format,
            failOn: a['fail-on'],
            out: a.out,
            now: parseNow(a.now),
            ...adviceFlags(a),
            ...remediationFlags(a),
        });
    });
}
export async function parseOptions(argv, env, version) {
    let selected;
    let failure;
    const select = (options) => {
        selected = options;
    };
    const global = globalOptions(yargs([...argv]));
    const parser = demoCommand(auditCommand(snapshotCommand(global, env, select), env, select), env, select)
        .scriptName('schema-audit')
        .usage('$0 <command> [options]\n\nAudit a live PostgreSQL schema against the schema your application expects.')
        .demandCommand(1, 'name a command: audit, snapshot or demo')
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
    }
    catch (err) {
        failure ??= err instanceof Error ? err.message : String(err);
    }
    if (failure !== undefined) {
        const usage = await parser.getHelp();
        return { kind: 'exit', exitCode: ExitCode.Usage, stdout: '', stderr: `schema-audit: ${failure}\n\n${usage}\n` };
    }
    if (selected)
        return { kind: 'run', options: selected };
    // --help or --version
    return { kind: 'exit', exitCode: ExitCode.Clean, stdout: output ? `${output}\n` : '', stderr: '' };
}
//# sourceMappingURL=options.js.map