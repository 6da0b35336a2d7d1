import { targetInfo } from '../../db/connect.js';
import type { ExitCode } from '../exit-codes.js';
import { preflightExpected, resolveExpected } from '../../expected/resolve-expected.js';
import type { CliIo } from '../io.js';
import type { AuditOptions } from '../options.js';
import { progress } from '../output.js';
import { readTarget, warnTo } from './read-target.js';
import { reportAudit, type ReportContext } from './report.js';
import { VERSION } from '../version.js';
import type { RoleMapping } from '../../kinds/privilege/govern.js';
import { auditScope } from '../../diff/diff-schemas.js';
import type { SchemaModel } from '../../model/schema-model.js';

/** The spec's governed roles, then the command line's (`--role-map` overrides the spec's mapping of a role). */
function mergeRoles(spec: readonly RoleMapping[], cli: readonly RoleMapping[]): RoleMapping[] {
  const out = new Map(spec.map((r) => [r.expected, r]));
  for (const r of cli) out.set(r.expected, r);
  return [...out.values()];
}

/** Every schema of either side (the expected side's as the audit scopes them), less the excluded ones. */
function wholeDatabaseScope(expected: SchemaModel, live: SchemaModel, exclude: readonly string[]): string[] {
  return [...new Set([...auditScope(expected, undefined, exclude), ...live.schemas.map((s) => s.name)])].filter((s) => !exclude.includes(s));
}

export async function auditCommand(options: AuditOptions, io: CliIo): Promise<ExitCode> {
  const say = progress(io, options.verbose);
  say('checking the expected schema');
  await preflightExpected(options.expected, options.limits, options.cacheDir ? { dir: options.cacheDir, toolVersion: VERSION } : undefined);
  return auditTarget(options, io, say);
}

/**
 * One audited database (`options.db`): read it, resolve its expected side
 * with `resolve` (a fleet's shares one load per source and major), and
 * report; with `keep`, the report is handed over instead of written.
 */
export async function auditTarget(
  options: AuditOptions,
  io: CliIo,
  say: (message: string) => void,
  resolve: typeof resolveExpected = resolveExpected,
  keep?: ReportContext['keep'],
): Promise<ExitCode> {
  const scratchServer = options.scratchUrl ?? io.scratchServerUrl;
  const live = await readTarget(options.db, options.schemas, options.statementTimeoutMs, say, options.lockWait, warnTo(io), options.excludeSchemas);
  const schemas = options.schemas.length ? options.schemas : undefined;
  const excludeSchemas = options.excludeSchemas.length ? options.excludeSchemas : undefined;
  say('reading the expected schema');
  const expected = await resolve(options.expected, {
    major: live.server.major,
    ...(schemas ? { schemas } : {}),
    ...(excludeSchemas ? { excludeSchemas } : {}),
    statementTimeoutMs: options.statementTimeoutMs,
    onProgress: say,
    limits: options.limits,
    live: live.model,
    ...(scratchServer ? { serverUrl: scratchServer } : {}),
    ...(options.cacheDir ? { cache: { dir: options.cacheDir, toolVersion: VERSION }, onCache: say } : {}),
  });
  // --all-schemas: the live side's schemas join the expected side's (a schema only one side has is then drift).
  const scope = schemas ?? (options.allSchemas ? wholeDatabaseScope(expected.model, live.model, options.excludeSchemas) : undefined);
  return reportAudit(
    {
      live: {
        model: expected.live ?? live.model,
        server: live.server,
        target: targetInfo(options.db),
        ...(live.notRead ? { notRead: live.notRead } : {}),
        ...(live.notVisible ? { notVisible: live.notVisible } : {}),
        uncovered: live.uncovered,
        ...(live.roles ? { roles: live.roles } : {}),
      },
      expected,
      diff: {
        ...expected.diff,
        ...(scope ? { schemas: scope } : {}),
        ...(excludeSchemas ? { excludeSchemas } : {}),
        privileges: {
          roles: mergeRoles(expected.diff?.privileges?.roles ?? [], options.roles),
          privileges: options.privileges,
          owners: options.owners,
          // A spec or SQL source went through a scratch database: its database-level privileges are the scratch's.
          scratchExpected: expected.kind === 'spec' || expected.kind === 'sql' || expected.kind === 'migrations' || expected.compiled === true,
          // …unless the spec declares them (`database: grants:`): the scratch database was given them.
          ...(expected.diff?.privileges?.databaseDeclared ? { databaseDeclared: true } : {}),
        },
      },
    },
    options,
    io,
    {
      ...(live.indexUsage ? { stats: live.indexUsage } : {}),
      ...(live.indexUsageUnavailable ? { statsUnavailable: live.indexUsageUnavailable } : {}),
      ...(scratchServer ? { scratchServerUrl: scratchServer } : {}),
      ...(keep ? { keep } : {}),
    },
  );
}
