/**
 * The fleet's targets file (`audit --targets FILE`): untrusted input, read
 * as a spec file is (size and node limits, YAML parsed with the line of
 * every node, duplicate keys refused), checked against its JSON Schema, and
 * every problem reported as `file:line: path: message` (exit 2), before any
 * connection.
 *
 * ```yaml
 * targets:
 *   - name: eu-prod
 *     url_env: EU_PROD_URL           # the URL is in an environment variable (a CI secret)
 *     expected: schema/eu.yaml       # optional: relative to this file; else --expected
 *   - name: reporting
 *     url: postgres://audit@reporting.internal/app   # a literal URL only without a password (.pgpass, PGPASSWORD)
 *   - discover:
 *       server_env: TENANTS_URL      # a server (any of its databases)
 *       like: 'tenant\_%'            # pg_database.datname LIKE this pattern
 *     name_prefix: 'tenants/'        # optional: the targets' names are prefix + database
 * ```
 *
 * A password never appears in the file: `url:` and `server:` refuse one
 * (libpq's other sources supply it); `url_env` / `server_env` name a
 * variable whose value is never printed (connection strings are shown
 * redacted everywhere). Discovery takes a LIKE pattern, never SQL: the
 * query is fixed and run read-only (discover.ts).
 */
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { looksLikeConnectionString, parseConnectionString } from '../redact.js';
import { readInputFile, type InputLimits } from '../spec-file/input-limits.js';
import { parseSpecFile } from '../spec-file/spec-file.js';
import { SpecError } from '../spec-file/spec-error.js';
import type { SpecProblem } from '../spec-file/spec-types.js';
import { createAjv, validateWith } from '../spec-file/validate-spec.js';
import { resolveConnection } from '../db/conninfo.js';

/** A targets file is small: 4 MiB and 200,000 nodes (a fleet of tens of thousands of named targets). */
export const TARGETS_FILE_LIMITS: InputLimits = { maxBytes: 4 * 1024 * 1024, maxNodes: 200_000 };

/** A target's name: also its report's file name in --out-dir and its shard key. */
export const TARGET_NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$';

const NAME = { type: 'string', pattern: TARGET_NAME_PATTERN } as const;
const ENV = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]{0,127}$' } as const;
const TEXT = { type: 'string', minLength: 1, maxLength: 4096 } as const;

export const TARGETS_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['targets'],
  properties: {
    targets: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: NAME,
          url_env: ENV,
          url: TEXT,
          expected: TEXT,
          discover: {
            type: 'object',
            additionalProperties: false,
            required: ['like'],
            properties: { server_env: ENV, server: TEXT, like: { type: 'string', minLength: 1, maxLength: 1024 } },
          },
          name_prefix: { type: 'string', pattern: '^[A-Za-z0-9._/-]{0,64}$' },
        },
      },
    },
  },
} as const;

/** One entry of the file, checked: a named target, or a discovery on a server. */
export type TargetEntry =
  | { readonly kind: 'target'; readonly name: string; readonly url: string; readonly expected?: string; readonly line: number }
  | {
      readonly kind: 'discover';
      readonly server: string;
      readonly like: string;
      readonly namePrefix: string;
      readonly expected?: string;
      readonly line: number;
    };

let validator: ValidateFunction | undefined;

/** Problems of a targets file (printed as a spec's are: file:line: path: message); exit 2. */
export class TargetsFileError extends SpecError {
  constructor(problems: readonly SpecProblem[]) {
    super(problems);
    this.message = `the targets file has ${this.problems.length} ${this.problems.length === 1 ? 'error' : 'errors'}`;
  }
}

interface RawEntry {
  name?: string;
  url_env?: string;
  url?: string;
  expected?: string;
  discover?: { server_env?: string; server?: string; like: string };
  name_prefix?: string;
}

/**
 * Read and check the targets file. URLs come from the environment (`url_env`)
 * or the file (`url`, no password), resolved as psql would (PG* variables,
 * services, .pgpass). An `expected:` path is relative to the file's folder.
 * Throws SpecError (every problem, file:line) or UsageError (over a limit).
 */
export function readTargetsFile(file: string, env: NodeJS.ProcessEnv, connectTimeoutS?: number): TargetEntry[] {
  const bytes = readInputFile(file, TARGETS_FILE_LIMITS);
  const parsed = parseSpecFile({ file, name: path.basename(file), bytes }, () => false, TARGETS_FILE_LIMITS);
  const problems: SpecProblem[] = [...parsed.problems];
  if (!parsed.wellFormed) throw new TargetsFileError(problems);
  validator ??= createAjv().compile(TARGETS_JSON_SCHEMA);
  problems.push(...validateWith(parsed, validator));
  if (problems.length > 0) throw new TargetsFileError(problems);
  const at = (p: readonly string[]): number => parsed.locate(p).line;
  const problem = (p: readonly string[], message: string): void => void problems.push({ file, line: at(p), path: p.join('.'), message });
  const entries: TargetEntry[] = [];
  const names = new Map<string, number>();
  const base = path.dirname(path.resolve(file));
  const timeout = connectTimeoutS === undefined ? {} : { connectTimeoutS };
  const raw = (parsed.data as { targets: RawEntry[] }).targets;
  raw.forEach((t, i) => {
    const where = ['targets', String(i)];
    const line = at(where);
    /** A path (relative to the file), or a reference database's URL without a password. */
    const expectedSource = (given: string, p: readonly string[]): string => {
      if (!looksLikeConnectionString(given)) return path.resolve(base, given);
      if (parseConnectionString(given)?.hasPassword) problem(p, 'holds a password: keep it in .pgpass / PGPASSWORD, or give the reference database with --expected');
      try {
        return resolveConnection(given, env, timeout);
      } catch (err) {
        problem(p, (err as Error).message);
        return given;
      }
    };
    /** A connection string from `VAR` or the file; undefined (and a problem) when unusable. */
    const connection = (envKey: 'url_env' | 'server_env', literalKey: 'url' | 'server', holder: Record<string, unknown>, p: readonly string[]): string | undefined => {
      const fromEnv = holder[envKey] as string | undefined;
      const literal = holder[literalKey] as string | undefined;
      if ((fromEnv === undefined) === (literal === undefined)) {
        problem(p, `needs one of '${envKey}' (an environment variable holding the connection string) or '${literalKey}'`);
        return undefined;
      }
      if (literal !== undefined) {
        const c = parseConnectionString(literal);
        if (c === null) return void problem([...p, literalKey], 'not a connection string (postgres://… or key=value pairs)');
        if (c.hasPassword || c.params.some(([k]) => k === 'password' || k === 'sslpassword')) {
          return void problem([...p, literalKey], `holds a password: put the connection string in an environment variable and name it with '${envKey}', or keep the password in .pgpass / PGPASSWORD`);
        }
      }
      const value = fromEnv !== undefined ? env[fromEnv] : literal;
      if (value === undefined || value.trim() === '') return void problem([...p, envKey], `the environment variable ${fromEnv} is not set`);
      try {
        return resolveConnection(value, env, timeout);
      } catch (err) {
        // The message names parts, never the value (see src/db/conninfo.ts).
        return void problem([...p, fromEnv !== undefined ? envKey : literalKey], (err as Error).message);
      }
    };
    const expected = t.expected === undefined ? {} : { expected: expectedSource(t.expected, [...where, 'expected']) };
    if (t.discover !== undefined) {
      if (t.name !== undefined) problem([...where, 'name'], "a 'discover' entry names its targets by database ('name_prefix' + the database's name), not with 'name'");
      if (t.url !== undefined || t.url_env !== undefined) problem(where, "a 'discover' entry takes its server from 'discover.server_env' or 'discover.server'");
      const server = connection('server_env', 'server', t.discover, [...where, 'discover']);
      if (server !== undefined) entries.push({ kind: 'discover', server, like: t.discover.like, namePrefix: t.name_prefix ?? '', ...expected, line });
      return;
    }
    if (t.name === undefined) return problem(where, "missing required key 'name' (or a 'discover' entry)");
    if (t.name_prefix !== undefined) problem([...where, 'name_prefix'], "'name_prefix' belongs to a 'discover' entry");
    const first = names.get(t.name);
    if (first !== undefined) problem([...where, 'name'], `duplicate target name '${t.name}' (first at line ${first})`);
    else names.set(t.name, at([...where, 'name']));
    const url = connection('url_env', 'url', t as Record<string, unknown>, where);
    if (url !== undefined) entries.push({ kind: 'target', name: t.name, url, ...expected, line });
  });
  if (problems.length > 0) throw new TargetsFileError(problems);
  return entries;
}
