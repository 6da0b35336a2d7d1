/**
 * The fleet report: one entry per target (its exit code, the findings that
 * count, or why it could not be audited), the discoveries that failed, and
 * the targets grouped by identical findings. Its JSON (`fleet.json` in
 * --out-dir, `merge --format json`) is what `schema-audit merge` combines:
 * deterministic (targets sorted by name, no timings), so the shards of a
 * fleet merged give the same document as one unsharded run.
 */
import { visible } from '../safe-text.js';

export const FLEET_FORMAT_VERSION = 1;

/** One finding as the fleet keeps it: enough to group and to show. */
export interface FleetFinding {
  readonly id: string;
  readonly severity: string;
  readonly message: string;
}

export interface FleetTargetResult {
  readonly name: string;
  /** `host:port/database` (never a password). */
  readonly location: string;
  /** 0 clean, 1 drift, 2 the expected side or an output failed, 3 unreachable or unreadable. */
  readonly exitCode: number;
  /** The one-line error (exit 2 and 3), password redacted. */
  readonly error?: string;
  /** The expected source it was compared with (as given, password redacted). */
  readonly expected: string;
  /** Findings that count (drift; advice too with --fail-on-advice), sorted by id. */
  readonly findings: readonly FleetFinding[];
  /** Its report's file names in --out-dir. */
  readonly reports?: readonly string[];
}

export interface FleetDiscoveryFailure {
  /** `host:port` of the server and the pattern. */
  readonly server: string;
  readonly like: string;
  readonly error: string;
}

export interface FleetReport {
  readonly formatVersion: number;
  readonly tool: { readonly name: 'schema-audit'; readonly version: string };
  readonly generatedAt: string;
  /** This run's share of the fleet (`--shard i/n`); absent for a whole fleet (unsharded, or merged). */
  readonly shard?: { readonly index: number; readonly count: number };
  readonly exitCode: number;
  readonly summary: FleetSummary;
  readonly discoveryFailures: readonly FleetDiscoveryFailure[];
  readonly targets: readonly FleetTargetResult[];
}

export interface FleetGroup {
  /** The findings every target of the group has, exactly. */
  readonly findings: readonly FleetFinding[];
  readonly targets: readonly string[];
}

export interface FleetSummary {
  readonly targets: number;
  /** Audited with no finding that counts. */
  readonly matching: number;
  /** Two or more targets with the same non-empty findings. */
  readonly shared: readonly FleetGroup[];
  /** A target whose findings no other has. */
  readonly unique: readonly FleetGroup[];
  /** Not audited: exit 2 or 3. */
  readonly failed: number;
}

/**
 * The fleet's exit code: the worst of its targets' and discoveries', by
 * number — 3 (a target or a discovery's server unreachable or unreadable)
 * over 2 (a target's expected side did not load) over 1 (drift at or above
 * --fail-on) over 0.
 */
export function fleetExitCode(targets: readonly FleetTargetResult[], discoveryFailures: readonly FleetDiscoveryFailure[]): number {
  return Math.max(0, discoveryFailures.length > 0 ? 3 : 0, ...targets.map((t) => t.exitCode));
}

function groupKey(findings: readonly FleetFinding[]): string {
  return JSON.stringify(findings.map((f) => [f.id, f.severity, f.message]));
}

/** Targets audited, grouped by identical findings (largest group first, then by first name). */
export function summarize(targets: readonly FleetTargetResult[]): FleetSummary {
  const audited = targets.filter((t) => t.error === undefined);
  const groups = new Map<string, FleetGroup & { targets: string[] }>();
  for (const t of audited) {
    if (t.findings.length === 0) continue;
    const key = groupKey(t.findings);
    const g = groups.get(key) ?? { findings: t.findings, targets: [] };
    g.targets.push(t.name);
    groups.set(key, g);
  }
  const all = [...groups.values()].sort((a, b) => b.targets.length - a.targets.length || compare(a.targets[0]!, b.targets[0]!));
  return {
    targets: targets.length,
    matching: audited.filter((t) => t.findings.length === 0).length,
    shared: all.filter((g) => g.targets.length > 1),
    unique: all.filter((g) => g.targets.length === 1),
    failed: targets.length - audited.length,
  };
}

/** Code-unit order: the same on every machine. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The fleet report of these results (sorted here). */
export function fleetReport(
  results: readonly FleetTargetResult[],
  discoveryFailures: readonly FleetDiscoveryFailure[],
  meta: { readonly version: string; readonly generatedAt: string; readonly shard?: { readonly index: number; readonly count: number } },
): FleetReport {
  const targets = [...results].sort((a, b) => compare(a.name, b.name));
  const failures = [...discoveryFailures].sort((a, b) => compare(`${a.server}\0${a.like}`, `${b.server}\0${b.like}`));
  return {
    formatVersion: FLEET_FORMAT_VERSION,
    tool: { name: 'schema-audit', version: meta.version },
    generatedAt: meta.generatedAt,
    ...(meta.shard ? { shard: meta.shard } : {}),
    exitCode: fleetExitCode(targets, failures),
    summary: summarize(targets),
    discoveryFailures: failures,
    targets,
  };
}

export function renderFleetJson(report: FleetReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** At most `max` names, then how many more. */
function names(list: readonly string[], max = 8): string {
  const shown = list.slice(0, max).map(visible).join(', ');
  return list.length > max ? `${shown}, and ${list.length - max} more` : shown;
}

function findingLines(findings: readonly FleetFinding[], indent: string): string[] {
  return findings.map((f) => `${indent}${f.severity.padEnd(7)} ${visible(f.id)}: ${visible(f.message)}`);
}

/**
 * The summary a person reads (stdout): how many targets match, the groups
 * that share the same findings (with the findings), those that differ
 * uniquely, and those not audited, with why.
 */
export function renderFleetText(report: FleetReport): string {
  const s = report.summary;
  const out: string[] = [];
  const shard = report.shard ? ` (shard ${report.shard.index}/${report.shard.count})` : '';
  out.push(`schema-audit fleet: ${plural(s.targets, 'target')}${shard}`);
  if (s.matching > 0) out.push(`${s.matching} ${s.matching === 1 ? 'matches' : 'match'} the expected schema`);
  for (const g of s.shared) {
    out.push(`${g.targets.length} share the same ${plural(g.findings.length, 'difference')}: ${names(g.targets)}`);
    out.push(...findingLines(g.findings, '    '));
  }
  if (s.unique.length > 0) {
    out.push(`${s.unique.length} ${s.unique.length === 1 ? 'differs' : 'differ'} uniquely:`);
    for (const g of s.unique) {
      out.push(`  ${visible(g.targets[0]!)}: ${plural(g.findings.length, 'difference')}`);
      out.push(...findingLines(g.findings, '    '));
    }
  }
  const failed = report.targets.filter((t) => t.error !== undefined);
  if (failed.length > 0) {
    out.push(`${failed.length} not audited:`);
    for (const t of failed) out.push(`  ${visible(t.name)} (exit ${t.exitCode}): ${visible(t.error!)}`);
  }
  for (const d of report.discoveryFailures) out.push(`discovery on ${visible(d.server)} (LIKE '${visible(d.like)}') failed (exit 3): ${visible(d.error)}`);
  out.push(`exit code ${report.exitCode}${report.exitCode === 0 ? '' : ' (the worst of the targets\': 3 unreachable, 2 not loaded, 1 drift)'}`);
  return `${out.join('\n')}\n`;
}
