import pg from 'pg';
import { connectClient } from '../db/connect.js';
import type { IntrospectionResult } from '../introspect/introspector.js';
import { readLiveSchema } from '../introspect/read-live-schema.js';
import type { SupportedMajor } from '../server/binaries.js';
import type { InputLimits } from '../spec-file/input-limits.js';
import { loadSpecAsync } from '../spec-file/load-spec-async.js';
import { SpecError } from '../spec-file/spec-error.js';
import { specToDdl } from '../spec-file/spec-to-ddl.js';
import type { LoadedSpec, SpecProblem } from '../spec-file/spec-types.js';
import type { SchemaModel } from '../model/schema-model.js';
import { specExtensionNames } from '../kinds/extension/spec.js';
import { specPolicyRoles } from '../kinds/policy/spec.js';
import { specGovernedRoles } from '../kinds/privilege/spec.js';
import { keepOwnership } from './load-sql.js';
import { reconcileExpressions, type ReconcileVerdict } from './reconcile.js';
import { queryOne, withScratchDatabase } from './scratch.js';

/**
 * Expected schema from a spec (YAML/JSON file or directory): validate it
 * (every problem at once, with file:line), turn it into DDL, load that into a
 * scratch server of the audited server's major, and introspect the result.
 * PostgreSQL itself then normalises every spelling the spec may use.
 *
 * Each statement runs under its own savepoint, so one bad type or expression
 * does not hide the others: every statement PostgreSQL rejects becomes a
 * problem at the spec node it came from. Each is sent alone (the extended
 * protocol refuses a string holding several), as the scratch database's
 * unprivileged owner (scratch.ts), after every SQL fragment of the spec was
 * parsed as the one expression, type or clause it stands for
 * (spec-file/expressions.ts).
 */
export interface LoadSpecOptions {
  readonly major: SupportedMajor;
  readonly serverUrl?: string;
  readonly schemas?: readonly string[];
  /** Schemas left out (`--exclude-schema`). */
  readonly excludeSchemas?: readonly string[];
  readonly onProgress?: (message: string) => void;
  /** The live model, to reconcile expressions with (see reconcile.ts). */
  readonly reconcile?: SchemaModel;
  /** Limits on the spec's files (input-limits.ts). */
  readonly limits?: InputLimits;
  /** Receives the reconciliation's verdicts (for the cache). */
  readonly verdicts?: ReconcileVerdict[];
}

export interface SpecSourceResult {
  readonly spec: LoadedSpec;
  /** The expected schema, as the scratch server holds it. */
  readonly live: IntrospectionResult;
  readonly reconciledLive?: SchemaModel;
}

/** `loaded`: the spec, when the caller loaded it already. */
export async function loadSpecSource(source: string, options: LoadSpecOptions, loaded?: LoadedSpec): Promise<SpecSourceResult> {
  const spec = loaded ?? (await loadSpecAsync(source, options.limits));
  const statements = specToDdl(spec);
  options.onProgress?.(`loading the spec ${source} (${statements.length} statements) into a scratch PostgreSQL ${options.major}`);
  const scratch = {
    major: options.major,
    ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
    extensions: specExtensionNames(spec.extensions),
    // The roles its policies name and the roles it governs (created NOLOGIN on the scratch server, never on the audited one).
    roles: [...new Set([...specPolicyRoles(spec.tables.values()), ...specGovernedRoles(spec)])].sort(),
    what: source,
  };
  const live = await withScratchDatabase(scratch, async (url, { unusableRoles }) => {
    const client = await connectClient(url);
    let problems: SpecProblem[] = [];
    try {
      // Every statement at once, one round trip each; only when one fails, the
      // load is run again statement by statement under savepoints, to report
      // every statement PostgreSQL rejects (three round trips each).
      if (!(await loadAll(client, statements, unusableRoles))) problems = await loadEach(client, statements, unusableRoles, spec, source);
    } finally {
      await client.end();
    }
    if (problems.length) throw new SpecError(problems);
    const result = await readLiveSchema(url, {
      ...(options.schemas?.length ? { schemas: options.schemas } : {}),
      ...(options.excludeSchemas?.length ? { excludeSchemas: options.excludeSchemas } : {}),
    });
    return { result, reconciledLive: options.reconcile ? await reconcileExpressions(result.model, options.reconcile, url, options.verdicts) : undefined };
  });
  return { spec, live: live.result, ...(live.reconciledLive ? { reconciledLive: live.reconciledLive } : {}) };
}

type Statements = ReturnType<typeof specToDdl>;

/** All statements in one transaction, committed; false (rolled back) when one fails. */
async function loadAll(client: pg.Client, statements: Statements, unusableRoles: ReadonlySet<string>): Promise<boolean> {
  await client.query('BEGIN');
  // As up.sql and pg_dump: a function body may name a table created later.
  await client.query('SET LOCAL check_function_bodies = false');
  try {
    // Ownership given to a role the loader may not become (a superuser) stays with the loader, as for SQL sources.
    for (const statement of statements) await queryOne(client, keepOwnership(statement.sql, unusableRoles));
  } catch {
    await client.query('ROLLBACK');
    return false;
  }
  await client.query('COMMIT');
  return true;
}

/** Each statement under a savepoint: what PostgreSQL rejects, with the spec's file and line; committed when nothing is. */
async function loadEach(client: pg.Client, statements: Statements, unusableRoles: ReadonlySet<string>, spec: LoadedSpec, source: string): Promise<SpecProblem[]> {
  const problems: SpecProblem[] = [];
  await client.query('BEGIN');
  await client.query('SET LOCAL check_function_bodies = false');
  for (const statement of statements) {
    await client.query('SAVEPOINT stmt');
    try {
      await queryOne(client, keepOwnership(statement.sql, unusableRoles));
      await client.query('RELEASE SAVEPOINT stmt');
    } catch (err) {
      await client.query('ROLLBACK TO SAVEPOINT stmt');
      const where = spec.locate(statement.path) ?? { file: source, line: 1, path: statement.path.join('.') };
      problems.push({ ...where, message: `PostgreSQL rejects it: ${(err as Error).message}` });
    }
  }
  await client.query(problems.length ? 'ROLLBACK' : 'COMMIT');
  return problems;
}
