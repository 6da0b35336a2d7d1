import type { Argv } from 'yargs';
import { resolveConnection } from '../db/conninfo.js';
import { defaultCacheDir } from '../expected/model-cache.js';
import { SUPPORTED_MAJORS, parseMajor, type SupportedMajor } from '../server/binaries.js';
import { inputLimits, type InputLimits } from '../spec-file/input-limits.js';

/**
 * The `compile` command's options, and the expected-model cache's flags
 * (`--cache-dir`, `--no-cache`) that `audit` takes too.
 */
export interface CompileOptions {
  readonly verbose: boolean;
  readonly color: boolean | undefined;
  readonly command: 'compile';
  readonly source: string;
  readonly out: string | undefined;
  readonly pgMajor: SupportedMajor;
  readonly schemas: readonly string[];
  readonly excludeSchemas: readonly string[];
  readonly limits: InputLimits;
  readonly cacheDir: string | undefined;
  /** --scratch-url (or $SCHEMA_AUDIT_SCRATCH_URL), resolved as libpq would; undefined: an embedded server. */
  readonly scratchUrl: string | undefined;
}

/** `--cache-dir` and `--no-cache`, on audit and compile. */
export const CACHE_DIR_FLAG = {
  type: 'string',
  describe: 'Keep the expected model of a spec or .sql source here, to skip the scratch server while the source is unchanged (default: the user\'s cache directory)',
} as const;
export const CACHE_FLAG = { type: 'boolean', default: true, describe: 'Use the expected-model cache (--no-cache: load the source on a scratch server every time)' } as const;

/** `--scratch-url`, on audit and compile. */
export const SCRATCH_URL_FLAG = {
  type: 'string',
  describe:
    'Load a spec or .sql source on this PostgreSQL server (same major as the audited one; a superuser or a CREATEROLE + CREATEDB role) in a database of its own, dropped after, instead of an embedded server (default $SCHEMA_AUDIT_SCRATCH_URL)',
} as const;

function cacheFlags<T>(y: Argv<T>) {
  return y.option('cache-dir', CACHE_DIR_FLAG).option('cache', CACHE_FLAG).option('scratch-url', SCRATCH_URL_FLAG);
}

/** The scratch server: --scratch-url, else $SCHEMA_AUDIT_SCRATCH_URL, connected to as psql would (PG* variables, .pgpass, services). */
export function scratchUrl(a: Record<string, unknown>, env: NodeJS.ProcessEnv): string | undefined {
  const given = (a['scratch-url'] as string | undefined) ?? (env.SCHEMA_AUDIT_SCRATCH_URL || undefined);
  if (given === undefined) return undefined;
  if (String(given).trim() === '') throw new RangeError('--scratch-url needs a connection string');
  return resolveConnection(String(given), env);
}

/**
 * The cache directory: none with --no-cache (or SCHEMA_AUDIT_NO_CACHE=1 without
 * --cache-dir), else --cache-dir, else the user's cache directory.
 */
export function cacheDir(a: Record<string, unknown>, env: NodeJS.ProcessEnv): string | undefined {
  if (a.cache === false) return undefined;
  const given = a['cache-dir'] as string | undefined;
  if (given !== undefined) {
    if (String(given).trim() === '') throw new RangeError('--cache-dir needs a directory');
    return String(given);
  }
  if (env.SCHEMA_AUDIT_NO_CACHE && env.SCHEMA_AUDIT_NO_CACHE !== '0') return undefined;
  return defaultCacheDir(env);
}

/** `compile`: its flags, and the options they make. */
export function compileCommand<T>(y: Argv<T>, env: NodeJS.ProcessEnv, select: (options: CompileOptions) => void): Argv<T> {
  return y.command(
    'compile <source>',
    'Normalise an expected schema (spec, .sql file, migrations folder) on a scratch server and write it as a model snapshot, for audit --expected',
    (y) =>
      cacheFlags(
        y
          .positional('source', { type: 'string', describe: 'A spec (.yaml/.json or a folder), a .sql file or a folder of .sql migrations' })
          .option('out', { type: 'string', describe: 'Write the model snapshot to this file (atomically) instead of stdout' })
          .option('pg-major', {
            type: 'string',
            describe: `PostgreSQL major to normalise on: the audited server's (${SUPPORTED_MAJORS.join(', ')}; default $PG_MAJOR or 17)`,
          })
          .option('schema', { type: 'string', array: true, describe: 'Schema to keep; repeat for several (default: all)' })
          .option('exclude-schema', { type: 'string', array: true, describe: 'Schema to leave out; repeat for several' })
          .option('max-input-mib', { type: 'string', describe: 'Largest source to read, in MiB (as audit)' })
          .option('max-spec-nodes', { type: 'string', describe: 'Most values one spec file may hold (as audit)' }),
      ).example('$0 compile schema.yaml --pg-major 16 --out expected.model.json', 'Then: audit --expected expected.model.json'),
    (a) => {
      select({
        command: 'compile',
        verbose: a.verbose === true,
        color: a.color as boolean | undefined,
        source: String(a.source),
        out: a.out as string | undefined,
        pgMajor: parseMajor((a['pg-major'] as string | undefined) ?? env.PG_MAJOR),
        schemas: schemaList(a.schema),
        excludeSchemas: schemaList(a['exclude-schema']),
        limits: inputLimits({ maxInputMib: a['max-input-mib'], maxSpecNodes: a['max-spec-nodes'] }, env),
        cacheDir: cacheDir(a, env),
        scratchUrl: scratchUrl(a, env),
      });
    },
  );
}

function schemaList(value: unknown): string[] {
  return ((value as string[] | undefined) ?? []).flatMap((s) => String(s).split(',')).map((s) => s.trim()).filter(Boolean);
}
