/**
 * `audit --targets FILE`: a fleet of databases audited concurrently. The
 * targets file is read and checked first (file:line, exit 2), discovery
 * entries list their databases, `--shard` keeps this run's share, then each
 * target is audited as `audit` would audit it alone, at most
 * `--concurrency` at a time. A target that fails (unreachable: exit 3; its
 * expected side does not load: exit 2) is reported and never stops the
 * others. The expected side is loaded once per source and server major and
 * shared; the reports are written all or nothing to --out-dir; the summary
 * goes to stdout. See the README's "Fleets".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditReport } from '../../audit.js';
import { describeTarget } from '../../db/connect.js';
import { AuditError, UsageError } from '../../errors.js';
import { preflightExpected, resolveExpected, type ExpectedSchema } from '../../expected/resolve-expected.js';
import { reconcileFromVerdicts } from '../../expected/reconcile.js';
import type { SchemaModel } from '../../model/schema-model.js';
import { discoverDatabases, discoveredUrl } from '../../fleet/discover.js';
import { fleetReport, renderFleetJson, renderFleetText, compare, type FleetDiscoveryFailure, type FleetTargetResult } from '../../fleet/fleet-report.js';
import { mapConcurrently } from '../../fleet/pool.js';
import { inShard } from '../../fleet/shard.js';
import { TargetsFileError, readTargetsFile, type TargetEntry } from '../../fleet/targets-file.js';
import { registerTempPath } from '../../io/cleanup.js';
import { writeOutputs, type Output } from '../../io/write-file.js';
import { displayInput, redactSecrets } from '../../redact.js';
import type { SpecLocator } from '../../render/ci/locate.js';
import { visible } from '../../safe-text.js';
import { safeFileName } from '../../snapshot/file-names.js';
import { ExitCode, exitCodeFor } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import type { AuditOptions } from '../options.js';
import { progress } from '../output.js';
import { renderReport, type ReportFormat } from '../report-formats.js';
import { VERSION } from '../version.js';
import { auditTarget } from './audit.js';
import { warnTo } from './read-target.js';
import { renderContext } from './report.js';

/** One database of the fleet. */
interface FleetTarget {
  readonly name: string;
  readonly url: string;
  readonly expected: string;
}

/** A report file's extension per format. */
const EXTENSIONS: Readonly<Record<ReportFormat, string>> = { auto: 'txt', text: 'txt', json: 'json', markdown: 'md', html: 'html', junit: 'xml', sarif: 'sarif', gitlab: 'gitlab.json' };

export async function fleetCommand(options: AuditOptions, io: CliIo): Promise<ExitCode> {
  const fleet = options.fleet!;
  const say = progress(io, options.verbose);
  const file = path.resolve(io.cwd, fleet.targets);
  const entries = readTargetsFile(file, io.env, fleet.connectTimeoutS);
  const missing = entries.filter((e) => e.expected === undefined && options.expected === '');
  if (missing.length > 0) {
    throw new TargetsFileError(missing.map((e) => ({ file, line: e.line, path: '', message: "no expected source: give 'expected:' here, or --expected" })));
  }
  const sources = [...new Set(entries.map((e) => e.expected ?? options.expected))];
  say(`checking ${sources.length === 1 ? 'the expected schema' : `${sources.length} expected schemas`}`);
  for (const source of sources) await preflightExpected(source, options.limits, options.cacheDir ? { dir: options.cacheDir, toolVersion: VERSION } : undefined);

  const { targets, failures } = await listTargets(entries, options, say, warnTo(io));
  const mine = inShard(targets, fleet.shard);
  if (fleet.shard) say(`shard ${fleet.shard.index}/${fleet.shard.count}: ${mine.length} of ${targets.length} targets`);

  // The expected-model cache carries one load per source and major to every target: a temporary one under --no-cache.
  let cacheDir = options.cacheDir;
  let unregister: (() => void) | undefined;
  if (cacheDir === undefined) {
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'schema-audit-fleet-'));
    unregister = registerTempPath(cacheDir);
  }
  try {
    const resolve = sharedExpected(cacheDir);
    const done = await mapConcurrently(mine, fleet.concurrency, (t) => auditOne(t, { ...options, cacheDir }, io, resolve, fleet.outDir !== undefined));
    const results: FleetTargetResult[] = [];
    const files: { name: string; content: string }[] = [];
    for (const d of done) {
      results.push(d.result);
      if (d.content !== undefined) files.push({ name: d.result.reports![0]!, content: d.content });
    }
    const report = fleetReport(results, failures, {
      version: VERSION,
      generatedAt: options.now ?? new Date().toISOString(),
      ...(fleet.shard ? { shard: fleet.shard } : {}),
    });
    const text = renderFleetText(report);
    if (fleet.outDir !== undefined) {
      const dir = path.resolve(io.cwd, fleet.outDir);
      const outputs: Output[] = [
        { kind: 'file', label: path.join(fleet.outDir, 'fleet.json'), path: path.join(dir, 'fleet.json'), content: renderFleetJson(report) },
        { kind: 'file', label: path.join(fleet.outDir, 'summary.txt'), path: path.join(dir, 'summary.txt'), content: text },
      ];
      if (files.length > 0) outputs.push({ kind: 'dir', label: `the reports in ${path.join(fleet.outDir, 'targets')}`, dir: path.join(dir, 'targets'), files });
      writeOutputs(outputs);
    }
    io.stdout.write(options.format === 'json' ? renderFleetJson(report) : text);
    return report.exitCode as ExitCode;
  } finally {
    if (unregister) {
      rmSync(cacheDir, { recursive: true, force: true });
      unregister();
    }
  }
}

/** The targets of the file, discoveries run (a failed one is kept, exit 3); names unique. */
async function listTargets(
  entries: readonly TargetEntry[],
  options: AuditOptions,
  say: (message: string) => void,
  warn: (message: string) => void,
): Promise<{ targets: FleetTarget[]; failures: FleetDiscoveryFailure[] }> {
  const targets: FleetTarget[] = [];
  const failures: FleetDiscoveryFailure[] = [];
  const where = new Map<string, string>();
  const add = (t: FleetTarget, origin: string): void => {
    const first = where.get(t.name);
    if (first !== undefined) throw new UsageError(`target name "${visible(t.name)}" is given twice (${first} and ${origin})`);
    where.set(t.name, origin);
    targets.push(t);
  };
  for (const e of entries) {
    const expected = e.expected ?? options.expected;
    if (e.kind === 'target') {
      add({ name: e.name, url: e.url, expected }, `line ${e.line}`);
      continue;
    }
    say(`listing the databases of ${describeTarget(e.server)} LIKE '${e.like}'`);
    try {
      const names = await discoverDatabases(e.server, e.like, options.statementTimeoutMs);
      say(`found ${names.length} database${names.length === 1 ? '' : 's'}`);
      for (const db of names) add({ name: `${e.namePrefix}${db}`, url: discoveredUrl(e.server, db), expected }, `discovered by line ${e.line}`);
    } catch (err) {
      if (!(err instanceof AuditError)) throw err;
      const server = describeTarget(e.server).replace(/\/[^/]*$/, '');
      failures.push({ server, like: e.like, error: redactSecrets(err.message, [e.server]) });
      warn(`discovery on ${server} failed: ${redactSecrets(err.message, [e.server])}`);
    }
  }
  targets.sort((a, b) => compare(a.name, b.name));
  return { targets, failures };
}

/**
 * The expected side, shared: the first target of a source and major loads
 * it (through the cache); the others wait for that, then take the model
 * from the cache — a spec's, SQL source's or compiled model's reconciliation
 * with each target's own spelling of expressions comes from the verdicts
 * kept there (a spelling no earlier target had loads the source again).
 * Where the target needs no reconciling (see {@link shared}), the first
 * load is used as is, without reading the cache again.
 */
function sharedExpected(cacheDir: string): typeof resolveExpected {
  const first = new Map<string, Promise<ExpectedSchema>>();
  return (source, options) => {
    const withCache = { ...options, cache: { dir: cacheDir, toolVersion: VERSION } };
    const key = `${source}\0${options.major}`;
    const known = first.get(key);
    if (known === undefined) {
      const loading = resolveExpected(source, withCache);
      first.set(key, loading);
      return loading;
    }
    return known.then((e) => shared(e, options.live) ?? resolveExpected(source, withCache));
  };
}

/**
 * The first target's expected side, when it serves this target as is: a
 * reference database or a plain snapshot always; a SQL source, migrations or
 * a compiled model when the target's expressions all read as the model's
 * (nothing to reconcile: no scratch database, no cache read). A spec's
 * model takes the target's own comments (spec-expectations.ts): never.
 */
function shared(first: ExpectedSchema, live: SchemaModel | undefined): ExpectedSchema | undefined {
  if (first.kind === 'database' || (first.kind === 'snapshot' && first.compiled !== true)) return first;
  if (first.kind === 'spec' || live === undefined || reconcileFromVerdicts(first.model, live, []) !== live) return undefined;
  const { live: _firstTargets, ...rest } = first;
  return { ...rest, ...(first.fromCache !== undefined ? { fromCache: true } : {}) };
}

interface Audited {
  readonly result: FleetTargetResult;
  /** Its report, rendered, when there is an --out-dir. */
  readonly content?: string;
}

/** One target, audited alone: never throws; a failure is its result. */
async function auditOne(t: FleetTarget, options: AuditOptions, io: CliIo, resolve: typeof resolveExpected, render: boolean): Promise<Audited> {
  const tag = `schema-audit: [${visible(t.name)}] `;
  const stderr = { write: (chunk: string): unknown => io.stderr.write(redactSecrets(String(chunk), [t.url]).replace(/^schema-audit: /gm, tag)), isTTY: io.stderr.isTTY };
  const tio: CliIo = {
    ...io,
    stderr,
    stdout: {
      write: (): never => {
        throw new Error('a fleet target writes nothing to stdout');
      },
    },
  };
  const say = progress(tio, options.verbose);
  let kept: { report: AuditReport; locate: SpecLocator | undefined } | undefined;
  const base = { name: t.name, location: describeTarget(t.url), expected: displayInput(t.expected) };
  try {
    const exitCode = await auditTarget({ ...options, db: t.url, expected: t.expected }, tio, say, resolve, (report, locate) => {
      kept = { report, locate };
    });
    const report = kept!.report;
    const counted = report.findings.filter((f) => f.category === 'drift' || options.failOnAdvice);
    const findings = counted.map((f) => ({ id: f.id, severity: f.severity, message: f.message })).sort((a, b) => compare(a.id, b.id));
    if (!render) return { result: { ...base, exitCode, findings } };
    const fileName = `${safeFileName(t.name)}.${EXTENSIONS[options.format]}`;
    const context = renderContext({ ...options, out: fileName }, io, kept!.locate);
    return { result: { ...base, exitCode, findings, reports: [fileName] }, content: renderReport(report, options.format, context) };
  } catch (err) {
    const exitCode = err instanceof AuditError ? exitCodeFor(err.code) : ExitCode.Usage;
    const message = err instanceof AuditError ? err.message : `unexpected error: ${(err as Error)?.message ?? String(err)}`;
    const error = visible(redactSecrets(message, [t.url, t.expected]));
    io.stderr.write(`${tag}${error}\n`);
    return { result: { ...base, exitCode, error, findings: [] } };
  }
}
