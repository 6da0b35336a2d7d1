import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { connectClient, validateUrl } from '../db/connect.js';
import { displayInput, looksLikeConnectionString, redactUrl } from '../redact.js';
import { notVisibleKindText } from '../audit-coverage.js';
import { IntrospectionError, UsageError } from '../errors.js';
import { readLiveSchema } from '../introspect/read-live-schema.js';
import type { DiffOptions, FindingKind, Severity } from '../diff/index.js';
import type { SchemaModel } from '../model/schema-model.js';
import { parseMajor, type SupportedMajor } from '../server/binaries.js';
import { SNAPSHOT_FORMAT_VERSION, type SnapshotDocument } from '../snapshot/snapshot.js';
import { checkedSnapshotModel } from '../snapshot/snapshot-check.js';
import { DEFAULT_INPUT_LIMITS, readInputFile, type InputLimits } from '../spec-file/input-limits.js';
import { loadSpecAsync } from '../spec-file/load-spec-async.js';
import { loadSpecSources, readSpecSources, specSha256 } from '../spec-file/load-spec.js';
import { readSpecSummary, specSummary, writeSpecSummary, type SpecSummary } from './spec-cache.js';
import type { LoadedSpec } from '../spec-file/spec-types.js';
import { loadSpecSource } from './load-spec-source.js';
import { specExpectations } from './spec-expectations.js';
import { loadSqlSource, sqlSourceFiles } from './load-sql.js';
import type { IntrospectionResult } from '../introspect/introspector.js';
import { readCacheEntry, writeCacheEntry, type CacheKeyParts, type CachedKind } from './model-cache.js';
import { reconcileExpressions, reconcileFromVerdicts, type ReconcileVerdict } from './reconcile.js';
import { modelToDdl } from '../ddl/model-to-ddl.js';
import { modelPolicyRoles } from '../kinds/policy/spec.js';
import { queryOne, withScratchDatabase } from './scratch.js';

/**
 * `--expected SOURCE` → the expected model. Sources:
 * - `postgres://…`: a reference database (staging), read like the target;
 * - a `.sql` file, or a folder of `.sql` migrations applied in name order,
 *   loaded into a scratch server of the target's major;
 * - a snapshot document (`schema-audit snapshot --format json` output);
 * - an expected-schema spec: a `.yaml`/`.yml`/`.json` file, or a folder of
 *   them, validated, turned into DDL and loaded into a scratch server.
 */
export type ExpectedKind = 'database' | 'sql' | 'migrations' | 'snapshot' | 'spec';

export interface ExpectedSchema {
  readonly kind: ExpectedKind;
  /** The source as given, password redacted. */
  readonly source: string;
  /** sha256 of the source's bytes (files in apply order; for a database, of the model). */
  readonly sha256: string;
  readonly model: SchemaModel;
  /** Ignore rules and severity overrides the source carries (specs do). */
  readonly diff?: Pick<DiffOptions, 'ignore' | 'severity' | 'privileges'>;
  /**
   * The live model with expressions the scratch server found equivalent
   * reconciled to the expected text (SQL and spec sources only).
   */
  readonly live?: SchemaModel;
  /**
   * Data migrations the source declares (a spec column's `backfill:`), by
   * `backfillKey(schema, table, column)`: used by the remediation plan.
   */
  readonly backfills?: ReadonlyMap<string, string>;
  /** A spec source: where each of its objects is written (file and line), for the SARIF, GitLab and GitHub reports. */
  readonly locate?: LoadedSpec['locate'];
  /** Spec, SQL and migrations sources: whether the model came from the cache (no scratch server). */
  readonly fromCache?: boolean;
  /** A snapshot written by `schema-audit compile`: normalised on a scratch server. */
  readonly compiled?: boolean;
}

export interface ResolveOptions {
  /** Major of the audited server: scratch servers use the same one. */
  readonly major: number;
  readonly schemas?: readonly string[];
  /** Schemas left out on the expected side too (`--exclude-schema`). */
  readonly excludeSchemas?: readonly string[];
  readonly serverUrl?: string;
  readonly statementTimeoutMs?: number;
  /** The live model: SQL and spec sources reconcile equivalent expressions against it. */
  readonly live?: SchemaModel;
  readonly onProgress?: (message: string) => void;
  /** Limits on the files read (input-limits.ts); default DEFAULT_INPUT_LIMITS. */
  readonly limits?: InputLimits;
  /**
   * The expected-model cache's directory (model-cache.ts), for spec, SQL and
   * migrations sources; absent: no cache. `toolVersion` is part of the key.
   */
  readonly cache?: { readonly dir: string; readonly toolVersion: string };
  /** Says what the cache did (--verbose). */
  readonly onCache?: (message: string) => void;
}

function sha256(parts: readonly (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

/** What the SQL and spec loaders need from the resolve options. */
function scratchOptions(options: ResolveOptions, verdicts?: ReconcileVerdict[]) {
  return {
    ...(verdicts ? { verdicts } : {}),
    major: scratchMajor(options.major),
    ...(options.live ? { reconcile: options.live } : {}),
    ...(options.schemas ? { schemas: options.schemas } : {}),
    ...(options.excludeSchemas ? { excludeSchemas: options.excludeSchemas } : {}),
    ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  };
}

/** The major a scratch server must run to stand in for the audited one (exit 2 outside 14–18). */
export function scratchMajor(major: number): SupportedMajor {
  try {
    return parseMajor(major);
  } catch {
    throw new UsageError(`the audited server is PostgreSQL ${major}; SQL sources can be loaded only into 14–18: use a reference database URL`);
  }
}

export async function resolveExpected(source: string, options: ResolveOptions): Promise<ExpectedSchema> {
  if (looksLikeConnectionString(source)) {
    validateUrl(source);
    const result = await readLiveSchema(source, {
      ...(options.schemas?.length ? { schemas: options.schemas } : {}),
      ...(options.excludeSchemas?.length ? { excludeSchemas: options.excludeSchemas } : {}),
      ...(options.statementTimeoutMs ? { statementTimeoutMs: options.statementTimeoutMs } : {}),
    });
    // The expected side must be whole: a kind hidden from its reader would make every live object of it unexpected.
    if (result.notVisible) {
      const { role, kinds } = result.notVisible;
      throw new IntrospectionError(
        `cannot read the reference database ${redactUrl(source)} whole: ${kinds.map((k) => notVisibleKindText(k.kind)).join(', ')} not visible to ${role} (lacks SELECT on ${[...new Set(kinds.flatMap((k) => k.lacks))].join(', ')}); read it as a role that may (see the README's least-privileged audit role)`,
      );
    }
    return { kind: 'database', source: redactUrl(source), sha256: sha256([JSON.stringify(result.model)]), model: result.model };
  }
  let stat;
  try {
    stat = statSync(source);
  } catch {
    throw new UsageError(`expected source not found: ${displayInput(source)}`);
  }
  if (!stat.isDirectory() && /\.json$/i.test(source)) {
    const text = readInputFile(source, options.limits ?? DEFAULT_INPUT_LIMITS).toString('utf8');
    let doc: Partial<SnapshotDocument> | null = null;
    try {
      doc = JSON.parse(text) as Partial<SnapshotDocument>;
    } catch {
      // not JSON at all: the spec loader reports it with its line
    }
    if (doc && typeof doc === 'object' && 'formatVersion' in doc) {
      if (doc.formatVersion !== SNAPSHOT_FORMAT_VERSION || typeof doc.schema !== 'object' || !Array.isArray(doc.schema?.tables)) {
        throw new UsageError(`${displayInput(source)} is not a schema-audit snapshot (formatVersion ${SNAPSHOT_FORMAT_VERSION})`);
      }
      // Untrusted: its SQL text reaches the remediation SQL and --verify's scratch database.
      const model = await checkedSnapshotModel(source, doc);
      if (!doc.source?.compiledFrom) return { kind: 'snapshot', source, sha256: sha256([text]), model };
      const live = options.live ? await reconcileCompiled(source, model, options.live, options) : undefined;
      return { kind: 'snapshot', source, sha256: sha256([text]), model, compiled: true, ...(live ? { live } : {}) };
    }
  }
  if (isSpecSource(source, stat.isDirectory())) return resolveSpec(source, options);
  if (stat.isDirectory() || /\.sql$/i.test(source)) {
    const { files } = sqlSourceFiles(source);
    const limits = options.limits ?? DEFAULT_INPUT_LIMITS;
    let used = 0;
    const hash = sha256(
      files.flatMap((f) => {
        const bytes = readInputFile(f, limits, used);
        used += bytes.length;
        return [path.basename(f), '\0', bytes];
      }),
    );
    const kind = stat.isDirectory() ? 'migrations' : 'sql';
    const { model, reconciledLive, fromCache } = await throughCache(kind, hash, options, async (verdicts) => {
      const result = await loadSqlSource(source, scratchOptions(options, verdicts));
      return { result, ...(result.reconciledLive ? { reconciledLive: result.reconciledLive } : {}) };
    });
    return {
      kind,
      source,
      sha256: hash,
      model,
      ...(reconciledLive ? { live: reconciledLive } : {}),
      ...(fromCache !== undefined ? { fromCache } : {}),
    };
  }
  throw new UsageError(
    `cannot tell what ${displayInput(source)} is: expected a postgres:// URL, a spec (.yaml, .yml, .json, or a folder of them), a .sql file, a folder of .sql migrations, or a snapshot .json`,
  );
}

/**
 * A compiled model (`schema-audit compile`) stands for a spec or SQL source,
 * whose audit reconciles the expressions the live database spells otherwise
 * (reconcile.ts) on the scratch server that loaded it. Only when there are
 * such expressions, the model is loaded (model-to-ddl.ts) into a scratch
 * database to reconcile them there; undefined: nothing to reconcile, or the
 * model could not be loaded (said; the expressions are then compared as text).
 */
async function reconcileCompiled(source: string, model: SchemaModel, live: SchemaModel, options: ResolveOptions): Promise<SchemaModel | undefined> {
  if (reconcileFromVerdicts(model, live, []) !== null) return undefined;
  const say = options.onProgress ?? ((): void => undefined);
  say(`loading the compiled model ${source} into a scratch PostgreSQL ${options.major}, to compare expressions the live database spells otherwise`);
  try {
    return await withScratchDatabase(
      {
        major: scratchMajor(options.major),
        ...(options.serverUrl ? { serverUrl: options.serverUrl } : {}),
        extensions: model.extensions.map((e) => e.name),
        roles: modelPolicyRoles([model]),
        what: source,
      },
      async (url) => {
        const client = await connectClient(url);
        try {
          await client.query('SET search_path = pg_catalog, public');
          await client.query('SET check_function_bodies = false');
          for (const sql of modelToDdl(model)) await queryOne(client, sql);
        } finally {
          await client.end();
        }
        return reconcileExpressions(model, live, url);
      },
    );
  } catch (err) {
    say(`could not load ${source} to compare expressions (${(err as Error).message}): comparing them as text`);
    return undefined;
  }
}

/** What loading a source into a scratch database gives. */
interface ScratchLoad {
  readonly result: IntrospectionResult;
  readonly reconciledLive?: SchemaModel;
}

/**
 * The scratch model of a source (and the live model reconciled with it):
 * from the cache when it holds a valid entry for this source and every
 * expression to reconcile has a verdict there; else loaded by `load` (which
 * records its verdicts) and written to the cache. `fromCache` is undefined
 * when there is no cache.
 */
async function throughCache(
  kind: CachedKind,
  contentSha256: string,
  options: ResolveOptions,
  load: (verdicts: ReconcileVerdict[] | undefined) => Promise<ScratchLoad>,
): Promise<{ model: SchemaModel; reconciledLive?: SchemaModel; fromCache?: boolean }> {
  if (!options.cache) {
    const loaded = await load(undefined);
    return { model: loaded.result.model, ...(loaded.reconciledLive ? { reconciledLive: loaded.reconciledLive } : {}) };
  }
  const { hit, parts, verdicts } = await cachedModel(kind, contentSha256, options, options.cache);
  if (hit) return hit;
  const loaded = await load(verdicts);
  writeCacheEntry(options.cache.dir, parts, { model: loaded.result.model, server: loaded.result.server, verdicts }, options.onCache ?? ((): void => undefined));
  return { model: loaded.result.model, ...(loaded.reconciledLive ? { reconciledLive: loaded.reconciledLive } : {}), fromCache: false };
}

/**
 * The cached model of a source, when the cache holds a valid entry for it
 * and every expression to reconcile has a verdict there (`hit`); else the
 * entry's key parts and the verdicts known so far, for the load to add to.
 */
async function cachedModel(
  kind: CachedKind,
  contentSha256: string,
  options: ResolveOptions,
  cache: NonNullable<ResolveOptions['cache']>,
): Promise<{ hit?: { model: SchemaModel; reconciledLive?: SchemaModel; fromCache: true }; parts: CacheKeyParts; verdicts: ReconcileVerdict[] }> {
  const say = options.onCache ?? ((): void => undefined);
  const parts: CacheKeyParts = {
    kind,
    contentSha256,
    major: scratchMajor(options.major),
    toolVersion: cache.toolVersion,
    schemas: options.schemas,
    excludeSchemas: options.excludeSchemas,
  };
  const entry = await readCacheEntry(cache.dir, parts, options.limits ?? DEFAULT_INPUT_LIMITS, say);
  if (entry) {
    if (!options.live) {
      say('cache: using the cached expected model');
      return { hit: { model: entry.model, fromCache: true }, parts, verdicts: [...entry.verdicts] };
    }
    const reconciledLive = reconcileFromVerdicts(entry.model, options.live, entry.verdicts);
    if (reconciledLive) {
      say('cache: using the cached expected model');
      return { hit: { model: entry.model, reconciledLive, fromCache: true }, parts, verdicts: [...entry.verdicts] };
    }
    say('cache: the live database spells an expression the cache has no verdict for: loading the source again');
  }
  return { parts, verdicts: [...(entry?.verdicts ?? [])] };
}

/**
 * A spec source. With a cache holding both this spec's summary (spec-cache.ts:
 * it passed the checks with this version) and its model for this major, the
 * spec is only read and hashed: not parsed, not checked, no scratch server.
 * Where its objects are written (`locate`, for the SARIF, GitLab and GitHub
 * reports) is then found by parsing it only when a finding asks.
 */
async function resolveSpec(source: string, options: ResolveOptions): Promise<ExpectedSchema> {
  const limits = options.limits ?? DEFAULT_INPUT_LIMITS;
  const say = options.onCache ?? ((): void => undefined);
  if (options.cache) {
    const sources = readSpecSources(source, limits);
    const summaryKey = { contentSha256: specSha256(sources), toolVersion: options.cache.toolVersion, maxNodes: limits.maxNodes };
    const summary = await readSpecSummary(options.cache.dir, summaryKey, limits, say);
    const found = summary ? await cachedModel('spec', summaryKey.contentSha256, options, options.cache) : undefined;
    if (summary && found?.hit) {
      let located: LoadedSpec['locate'] | undefined;
      const locate = (logical: readonly string[]): ReturnType<LoadedSpec['locate']> => {
        try {
          located ??= loadSpecSources(sources, limits).locate;
        } catch {
          return undefined;
        }
        return located(logical);
      };
      return specExpected(source, summaryKey.contentSha256, summary, found.hit, locate, options);
    }
  }
  const spec = await loadSpecAsync(source, options.limits);
  const summary = specSummary(spec);
  if (options.cache) writeSpecSummary(options.cache.dir, { contentSha256: spec.sha256, toolVersion: options.cache.toolVersion, maxNodes: limits.maxNodes }, summary, say);
  const found = await throughCache('spec', spec.sha256, options, async (verdicts) => {
    const loaded = await loadSpecSource(source, scratchOptions(options, verdicts), spec);
    return { result: loaded.live, ...(loaded.reconciledLive ? { reconciledLive: loaded.reconciledLive } : {}) };
  });
  return specExpected(source, spec.sha256, summary, found, (logical) => spec.locate(logical), options);
}

/** The expected schema of a spec: its model, and what the audit takes from the spec (its summary). */
function specExpected(
  source: string,
  sha: string,
  summary: SpecSummary,
  found: { model: SchemaModel; reconciledLive?: SchemaModel; fromCache?: boolean },
  locate: LoadedSpec['locate'],
  options: ResolveOptions,
): ExpectedSchema {
  const { model, reconciledLive, fromCache } = found;
  return {
    kind: 'spec',
    source,
    sha256: sha,
    model: specExpectations(model, summary.extensions, options.live),
    ...(reconciledLive ? { live: reconciledLive } : {}),
    ...(fromCache !== undefined ? { fromCache } : {}),
    backfills: new Map(summary.backfills),
    locate,
    diff: {
      ignore: summary.ignore.map(({ kinds, ...r }) => ({ ...r, ...(kinds ? { kinds: kinds as FindingKind[] } : {}) })),
      severity: summary.severity as Partial<Record<FindingKind, Severity>>,
      // The roles the spec governs (`roles:`); the command line's are added by the audit.
      privileges: { roles: [...summary.roles], privileges: true, owners: true, ...(summary.databaseDeclared ? { databaseDeclared: true } : {}) },
    },
  };
}

/**
 * Check what can be checked without a database, before connecting: the
 * source exists, and a spec or a snapshot is valid. A broken spec is then reported as
 * such (exit 2) even when the target is unreachable.
 */
export async function preflightExpected(source: string, limits: InputLimits = DEFAULT_INPUT_LIMITS, cache?: ResolveOptions['cache']): Promise<void> {
  if (looksLikeConnectionString(source)) return validateUrl(source);
  let stat;
  try {
    stat = statSync(source);
  } catch {
    throw new UsageError(`expected source not found: ${displayInput(source)}`);
  }
  if (isSnapshotFile(source, stat.isDirectory(), limits)) {
    const doc = JSON.parse(readInputFile(source, limits).toString('utf8')) as Partial<SnapshotDocument>;
    if (doc.formatVersion === SNAPSHOT_FORMAT_VERSION) await checkedSnapshotModel(source, doc);
  } else if (isSpecSource(source, stat.isDirectory())) {
    // Checked before with this version (its summary is cached): nothing to check again.
    if (cache && (await readSpecSummary(cache.dir, { contentSha256: specSha256(readSpecSources(source, limits)), toolVersion: cache.toolVersion, maxNodes: limits.maxNodes }, limits, () => undefined))) return;
    await loadSpecAsync(source, limits);
  }
}

function isSnapshotFile(source: string, isDirectory: boolean, limits: InputLimits): boolean {
  if (isDirectory || !/\.json$/i.test(source)) return false;
  const bytes = readInputFile(source, limits);
  try {
    const doc = JSON.parse(bytes.toString('utf8')) as unknown;
    return typeof doc === 'object' && doc !== null && 'formatVersion' in doc;
  } catch {
    return false;
  }
}

/** A spec file, or a folder holding spec files and no .sql migrations. */
function isSpecSource(source: string, isDirectory: boolean): boolean {
  if (!isDirectory) return /\.(ya?ml|json)$/i.test(source);
  const names = readdirSync(source, { recursive: true }).map(String);
  return !names.some((n) => n.endsWith('.sql')) && names.some((n) => /\.(ya?ml|json)$/i.test(n));
}

