/**
 * `schema-audit merge REPORTS…`: the fleet reports (fleet.json) of the
 * shards of one fleet combined into the report one unsharded run would have
 * written: targets together (sorted by name), discovery failures once,
 * groups and the exit code computed again. Each file is untrusted input:
 * size-limited, JSON-Schema-checked. Shards of different counts, a shard
 * given twice or missing, or a target in two files: exit 2.
 */
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { UsageError } from '../../errors.js';
import {
  FLEET_FORMAT_VERSION,
  compare,
  fleetReport,
  renderFleetJson,
  renderFleetText,
  type FleetDiscoveryFailure,
  type FleetReport,
  type FleetTargetResult,
} from '../../fleet/fleet-report.js';
import { readInputFile } from '../../spec-file/input-limits.js';
import { createAjv } from '../../spec-file/validate-spec.js';
import { visible } from '../../safe-text.js';
import type { ExitCode } from '../exit-codes.js';
import type { MergeOptions } from '../fleet-options.js';
import type { CliIo } from '../io.js';
import { emit } from '../output.js';

const STRING = { type: 'string', maxLength: 100_000 } as const;
const FINDING = { type: 'object', required: ['id', 'severity', 'message'], properties: { id: STRING, severity: STRING, message: STRING } } as const;

/** What merge relies on in a fleet report (other keys are recomputed). */
const FLEET_JSON_SCHEMA = {
  type: 'object',
  required: ['formatVersion', 'generatedAt', 'targets', 'discoveryFailures', 'tool'],
  properties: {
    formatVersion: { const: FLEET_FORMAT_VERSION },
    tool: { type: 'object', required: ['version'], properties: { version: STRING } },
    generatedAt: STRING,
    shard: { type: 'object', required: ['index', 'count'], properties: { index: { type: 'integer', minimum: 1 }, count: { type: 'integer', minimum: 1 } } },
    discoveryFailures: { type: 'array', items: { type: 'object', required: ['server', 'like', 'error'], properties: { server: STRING, like: STRING, error: STRING } } },
    targets: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'location', 'exitCode', 'expected', 'findings'],
        properties: {
          name: STRING,
          location: STRING,
          exitCode: { type: 'integer', minimum: 0, maximum: 3 },
          error: STRING,
          expected: STRING,
          findings: { type: 'array', items: FINDING },
          reports: { type: 'array', items: STRING },
        },
      },
    },
  },
} as const;

/** A fleet report is at most 256 MiB. */
const LIMITS = { maxBytes: 256 * 1024 * 1024, maxNodes: Number.MAX_SAFE_INTEGER };

let validator: ValidateFunction | undefined;

function readFleetReport(file: string, shown: string): FleetReport {
  const text = readInputFile(file, LIMITS).toString('utf8');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${visible(shown)} is not JSON: ${(err as Error).message}`);
  }
  validator ??= createAjv().compile(FLEET_JSON_SCHEMA);
  if (!validator(doc)) {
    const e = validator.errors?.[0];
    throw new UsageError(`${visible(shown)} is not a schema-audit fleet report (formatVersion ${FLEET_FORMAT_VERSION}): ${visible(e?.instancePath || '/')} ${e?.message ?? ''}`.trimEnd());
  }
  return doc as FleetReport;
}

/** The reports as one: see the module comment. */
export function mergeFleetReports(reports: readonly { readonly shown: string; readonly report: FleetReport }[]): FleetReport {
  const sharded = reports.filter((r) => r.report.shard !== undefined);
  if (sharded.length > 0) {
    const count = sharded[0]!.report.shard!.count;
    if (sharded.length !== reports.length || sharded.some((r) => r.report.shard!.count !== count)) {
      throw new UsageError('merge: the reports are not the shards of one split (each must come from --shard I/N with the same N)');
    }
    const seen = new Map<number, string>();
    for (const r of sharded) {
      const i = r.report.shard!.index;
      if (seen.has(i)) throw new UsageError(`merge: shard ${i}/${count} is given twice (${visible(seen.get(i)!)} and ${visible(r.shown)})`);
      seen.set(i, r.shown);
    }
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
    if (missing.length > 0) throw new UsageError(`merge: shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing`);
  }
  const targets = new Map<string, FleetTargetResult>();
  for (const r of reports) {
    for (const t of r.report.targets) {
      if (targets.has(t.name)) throw new UsageError(`merge: the target "${visible(t.name)}" is in two reports`);
      targets.set(t.name, t);
    }
  }
  // Every shard lists the discoveries that failed (each ran them all): once here.
  const failures = new Map<string, FleetDiscoveryFailure>();
  for (const r of reports) for (const d of r.report.discoveryFailures) failures.set(JSON.stringify([d.server, d.like]), d);
  const generatedAt = reports.map((r) => r.report.generatedAt).sort(compare).at(-1) ?? new Date().toISOString();
  return fleetReport([...targets.values()], [...failures.values()], { version: reports[0]?.report.tool.version ?? '', generatedAt });
}

export async function mergeCommand(options: MergeOptions, io: CliIo): Promise<ExitCode> {
  if (options.reports.length === 0) throw new UsageError('merge needs fleet reports (fleet.json of each shard)');
  const reports = options.reports.map((shown) => ({ shown, report: readFleetReport(path.resolve(io.cwd, shown), shown) }));
  const merged = mergeFleetReports(reports);
  emit(io, options.format === 'json' ? renderFleetJson(merged) : renderFleetText(merged), options.out);
  return merged.exitCode as ExitCode;
}
