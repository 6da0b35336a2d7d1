import { readdirSync, statSync } from 'node:fs';
import { DEFAULT_INPUT_LIMITS, readInputFile, type InputLimits } from '../spec-file/input-limits.js';
import path from 'node:path';
import pg from 'pg';
import { connectClient } from '../db/connect.js';
import { UsageError } from '../errors.js';
import { readLiveSchema } from '../introspect/read-live-schema.js';
import type { IntrospectionResult } from '../introspect/introspector.js';
import type { SchemaModel } from '../model/schema-model.js';
import { reconcileExpressions, type ReconcileVerdict } from './reconcile.js';
import { withScratchDatabase } from './scratch.js';
import type { SupportedMajor } from '../server/binaries.js';

/**
 * Expected schema from SQL: a DDL file, or a folder of migrations applied in
 * name order, loaded into a scratch server of the audited server's major and
 * introspected exactly as the live database is. PostgreSQL itself then
 * normalises every spelling (int/int4/integer, BETWEEN, inline foreign keys),
 * so equivalent spellings can never show up as drift.
 *
 * The scratch server is ours alone (embedded, or a container); the audited
 * database is never written to.
 */
export interface SqlSource {
  /** The files, in the order they are applied. */
  readonly files: readonly string[];
}

export function sqlSourceFiles(source: string): SqlSource {
  let stat;
  try {
    stat = statSync(source);
  } catch {
    throw new UsageError(`expected source not found: ${source}`);
  }
  if (stat.isDirectory()) {
    const files = readdirSync(source)
      .filter((f) => f.endsWith('.sql'))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((f) => path.join(source, f));
    if (files.length === 0) throw new UsageError(`no .sql files in ${source}`);
    return { files };
  }
  return { files: [source] };
}

/**
 * Make a DDL script loadable as one simple-protocol query into the empty
 * scratch database: drop psql meta-commands (`\restrict`, `\connect`, ...),
 * which are not SQL, and CONCURRENTLY, which cannot run inside the implicit
 * transaction of a multi-statement query and buys nothing on an empty
 * database. Line numbers are kept, so errors still point into the file.
 */
export function prepareForScratch(sqlText: string): string {
  return sqlText
    .replace(/^\\.*$/gm, '')
    .replace(/\b((?:CREATE\s+(?:UNIQUE\s+)?|DROP\s+|RE)INDEX)\s+CONCURRENTLY\b/gi, '$1');
}

const ROLE_PATTERNS = [
  /\bOWNER\s+TO\s+("(?:[^"]|"")+"|[A-Za-z_][\w$]*)/gi,
  /\bAUTHORIZATION\s+("(?:[^"]|"")+"|[A-Za-z_][\w$]*)/gi,
  /\bGRANT\s+[\s\S]*?\bTO\s+("(?:[^"]|"")+"|[A-Za-z_][\w$]*)/gi,
  /\bFOR\s+(?:ROLE|USER)\s+("(?:[^"]|"")+"|[A-Za-z_][\w$]*)/gi,
];

/** A role list (`a, "B", c`) after GRANT … TO or REVOKE … FROM: every name in it. */
const ROLE_LISTS = [/\bGRANT\s+[^;]*?\bTO\s+((?:(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)\s*,\s*)+(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*))/gi, /\bREVOKE\s+[^;]*?\bFROM\s+((?:(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)\s*,\s*)*(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*))/gi];
const ONE_ROLE = /"(?:[^"]|"")+"|[A-Za-z_][\w$]*/g;
const BUILTIN_ROLES = new Set(['public', 'current_user', 'session_user', 'current_role']);

const ROLE_NAME = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)`;
/** `CREATE POLICY … TO a, b` and `ALTER POLICY … TO …`: every role of the list. */
const POLICY_ROLES = new RegExp(String.raw`\b(?:CREATE|ALTER)\s+POLICY\b[^;]*?\bTO\s+(${ROLE_NAME}(?:\s*,\s*${ROLE_NAME})*)`, 'gi');

function roleName(raw: string): string {
  return raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw.toLowerCase();
}

/** Roles the DDL names (owners, grantees, policies' roles), so the scratch server can create them. */
export function rolesNamed(sqlText: string): string[] {
  const roles = new Set<string>();
  const add = (raw: string): void => {
    const name = roleName(raw);
    if (!BUILTIN_ROLES.has(name.toLowerCase()) && !name.startsWith('pg_')) roles.add(name);
  };
  for (const re of ROLE_PATTERNS) for (const m of sqlText.matchAll(re)) add(m[1]!);
  for (const re of ROLE_LISTS) for (const m of sqlText.matchAll(re)) for (const r of m[1]!.match(ONE_ROLE) ?? []) add(r);
  for (const m of sqlText.matchAll(POLICY_ROLES)) for (const raw of m[1]!.matchAll(new RegExp(ROLE_NAME, 'g'))) add(raw[0]);
  return [...roles].sort();
}

const OWNER_CLAUSES = /\b(OWNER\s+TO|AUTHORIZATION|FOR\s+(?:ROLE|USER))(\s+)("(?:[^"]|"")+"|[A-Za-z_][\w$]*)/gi;

/**
 * Ownership given to a role the scratch loader may not become (a superuser
 * such as `postgres` in a pg_dump script) stays with the loader: owners are
 * not part of the model, and the loader never acts as a privileged role.
 */
export function keepOwnership(sqlText: string, unusable: ReadonlySet<string>): string {
  if (unusable.size === 0) return sqlText;
  return sqlText.replace(OWNER_CLAUSES, (whole, clause: string, space: string, raw: string) =>
    unusable.has(roleName(raw)) ? `${clause}${space}CURRENT_USER` : whole,
  );
}

/** Extensions the DDL creates. */
export function extensionsNamed(sqlText: string): string[] {
  const out = new Set<string>();
  for (const m of sqlText.matchAll(/\bCREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?("(?:[^"]|"")+"|[A-Za-z_][\w$-]*)/gi)) {
    const raw = m[1]!;
    out.add(raw.startsWith('"') ? raw.slice(1, -1) : raw.toLowerCase());
  }
  return [...out].sort();
}

function lineOf(text: string, position: number): number {
  return text.slice(0, Math.max(0, position - 1)).split('\n').length;
}

export interface LoadSqlOptions {
  readonly major: SupportedMajor;
  /**
   * A server of ours to load into (the demo's); a scratch database is created
   * there and dropped. Default: start an embedded server of `major`.
   */
  readonly serverUrl?: string;
  readonly schemas?: readonly string[];
  /** Schemas left out (`--exclude-schema`). */
  readonly excludeSchemas?: readonly string[];
  readonly onProgress?: (message: string) => void;
  /** The live model, to reconcile expressions with (see reconcile.ts). */
  readonly reconcile?: SchemaModel;
  /** Limits on the files read (input-limits.ts). */
  readonly limits?: InputLimits;
  /** Receives the reconciliation's verdicts (for the cache). */
  readonly verdicts?: ReconcileVerdict[];
}

export interface LoadedExpected extends IntrospectionResult {
  /** The live model with equivalent expressions reconciled, when asked for. */
  readonly reconciledLive?: SchemaModel;
}

export async function loadSqlSource(source: string, options: LoadSqlOptions): Promise<LoadedExpected> {
  const { files } = sqlSourceFiles(source);
  let used = 0;
  const texts = files.map((f) => {
    const bytes = readInputFile(f, options.limits ?? DEFAULT_INPUT_LIMITS, used);
    used += bytes.length;
    return { file: f, text: prepareForScratch(bytes.toString('utf8')) };
  });
  const all = texts.map((t) => t.text).join('\n');
  options.onProgress?.(`loading ${files.length === 1 ? files[0] : `${files.length} migrations from ${source}`} into a scratch PostgreSQL ${options.major}`);
  const scratch = {
    major: options.major,
    ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
    roles: rolesNamed(all),
    extensions: extensionsNamed(all),
    what: source,
  };
  // Runs as the scratch database's unprivileged owner (see scratch.ts): a
  // script is arbitrary SQL, so the role is what confines it.
  return withScratchDatabase(scratch, async (url, { unusableRoles }) => {
    const client = await connectClient(url);
    try {
      for (const { file, text } of texts) {
        const loaded = keepOwnership(text, unusableRoles);
        try {
          await client.query(loaded);
        } catch (err) {
          const e = err as { message?: string; position?: string };
          const where = e.position ? `${file}:${lineOf(loaded, Number(e.position))}` : file;
          throw new UsageError(`cannot load ${where}: ${e.message ?? String(err)}`, { cause: err });
        }
      }
    } finally {
      await client.end();
    }
    const result = await readLiveSchema(url, {
      ...(options.schemas?.length ? { schemas: options.schemas } : {}),
      ...(options.excludeSchemas?.length ? { excludeSchemas: options.excludeSchemas } : {}),
    });
    if (!options.reconcile) return result;
    return { ...result, reconciledLive: await reconcileExpressions(result.model, options.reconcile, url, options.verdicts) };
  });
}
