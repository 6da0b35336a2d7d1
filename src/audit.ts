import { adviseSchema, ADVICE_KINDS, type AdviceKind } from './advice/index.js';
import { auditScope, diffSchemas, type DiffOptions, type DiffResult } from './diff/index.js';
import { SEVERITY_RANK, summarize, type DiffSummary, type Severity } from './findings/finding.js';
import type { DriftFinding } from './findings/kinds.js';
import type { AdviceFinding } from './advice/kinds.js';
import { auditCoverage, type Coverage } from './audit-coverage.js';
import { driftRelations, type InventoryForeignKey } from './audit-relations.js';
import type { IndexUsageStats, NotReadTable, NotVisible, ServerInfo, UncoveredObject } from './introspect/introspector.js';
import { KINDS } from './kinds/registry.js';
import { objectKey } from './model/identifiers.js';
import type { SchemaModel } from './model/schema-model.js';
import { planRemediation, type PlanOptions, type RemediationPlan } from './plan/index.js';
import { governPrivileges, privilegeCoverage } from './kinds/privilege/govern.js';
import type { ReportHistory } from './history/types.js';
import { acknowledgementPolicy } from './ack/decide.js';
import type { AcknowledgementFile, AcknowledgementsSection } from './ack/types.js';

/**
 * The pure half of the pipeline: live model + expected model → report.
 * No I/O; the same inputs give the same report.
 */
export const REPORT_FORMAT_VERSION = 1;

export type FailOn = Severity | 'never';

/** Where the audited database is; never a password. */
export interface TargetInfo {
  readonly host: string;
  readonly port: number;
  readonly user: string | null;
  /** `host:port/database`, for one-line mentions. */
  readonly location: string;
}

export interface AuditInput {
  readonly live: {
    readonly model: SchemaModel;
    readonly server: ServerInfo;
    readonly target: TargetInfo;
    /** Tables left unread (`--lock-wait skip`): not compared, reported under `coverage`. */
    readonly notRead?: readonly NotReadTable[];
    /** The server's roles, when read: the plan never creates roles (see PlanOptions.liveRoles). */
    readonly roles?: readonly string[];
    /** Objects of kinds not compared (`IntrospectionResult.uncovered`); absent: none known (a model from a file). */
    readonly uncovered?: readonly UncoveredObject[];
    /** Kinds the audit role could not read (`IntrospectionResult.notVisible`): not compared, named in `coverage.notVisible`. */
    readonly notVisible?: NotVisible;
  };
  readonly expected: { readonly model: SchemaModel; readonly kind: string; readonly source: string; readonly sha256: string; readonly fromCache?: boolean };
  readonly toolVersion: string;
  /** ISO 8601 time of the run (the CLI's `--now` pins it, for reproducible reports). */
  readonly generatedAt: string;
  readonly diff?: DiffOptions;
  /**
   * DBA advice on the live model (src/advice). Absent or `enabled: false`:
   * none, and the report is exactly what it was before advice existed.
   */
  readonly advice?: AdviceInput;
  /** Plan the remediation SQL (src/plan) for the drift found; absent: no plan in the report. */
  readonly remediation?: PlanOptions;
  /** Acknowledged findings (--ack-file): listed apart, not counted (src/ack). */
  readonly acknowledgements?: AcknowledgementFile;
}

export interface AdviceInput {
  readonly enabled: boolean;
  /** Kinds not to check (`--disable-advice KIND`). */
  readonly disabled?: readonly AdviceKind[];
  /** Index usage counters (`IntrospectionResult.indexUsage`); without them `unused_index` is skipped. */
  readonly stats?: IndexUsageStats;
  /** Why there are no `stats` (`IntrospectionResult.indexUsageUnavailable`), for the report. */
  readonly statsUnavailable?: string;
}

export interface InventoryIndex {
  readonly name: string;
  /** Key columns, or expression texts, in order. */
  readonly columns: readonly string[];
  readonly unique: boolean;
  readonly primary: boolean;
  readonly method: string;
  readonly partial: boolean;
  /** `CREATE INDEX ...` as PostgreSQL prints it. */
  readonly definition: string;
}

export interface InventoryTable {
  readonly schema: string;
  readonly name: string;
  readonly description: string | null;
  readonly rowEstimate: number | null;
  readonly columns: number;
  readonly indexes: readonly InventoryIndex[];
}

/** A finding of a report: drift (by the kind of object) or advice. */
export type ReportFinding = DriftFinding | AdviceFinding;

export interface AuditReport {
  readonly formatVersion: number;
  readonly tool: { readonly name: 'schema-audit'; readonly version: string };
  readonly generatedAt: string;
  readonly target: TargetInfo & { readonly database: string; readonly serverVersion: string };
  /** `fromCache`: spec, sql and migrations sources under the expected-model cache: whether the model came from it. */
  readonly expected: { readonly kind: string; readonly source: string; readonly sha256: string; readonly fromCache?: boolean };
  /** Drift findings only: what `--fail-on` counts. */
  readonly summary: DiffSummary;
  /**
   * Drift findings (sorted by object, then kind), followed by advice findings
   * when advice ran (sorted the same way): `category` tells them apart.
   */
  readonly findings: readonly ReportFinding[];
  readonly present: DiffResult['present'];
  readonly ignored: readonly { readonly findingId: string; readonly pattern: string; readonly reason: string; readonly owner?: string; readonly expires?: string; readonly ticket?: string }[];
  /** Acknowledged findings, expired acknowledgements and ignore rules, stale ones (src/ack); present when there is one. */
  readonly acknowledgements?: AcknowledgementsSection<ReportFinding>;
  /** Advice findings by severity; present only when advice ran. */
  readonly adviceSummary?: DiffSummary;
  /** What advice checked; present only when advice ran. */
  readonly advice?: AdviceRun;
  /** The remediation plan (up/down SQL per finding, hazards, manual steps); present when asked for. */
  readonly remediation?: RemediationPlan;
  /**
   * What the audit covered (src/audit-coverage.ts): per kind, the objects
   * compared, out of scope and ignored; by name, the objects of kinds not
   * compared and the tables not read (`--lock-wait skip`).
   */
  readonly coverage: Coverage;
  /** The live schema at a glance: tables with descriptions, enums with values. */
  readonly inventory: {
    readonly tables: readonly InventoryTable[];
    readonly enums: readonly { readonly schema: string; readonly name: string; readonly values: readonly string[] }[];
    /** The foreign keys of the tables with drift and of the tables referencing them, from both sides (src/audit-relations.ts). */
    readonly foreignKeys: readonly InventoryForeignKey[];
  };
  /** Since the previous run (--history, --previous; src/history): new, still open, resolved, came back, renamed. */
  readonly history?: ReportHistory;
}

/** The checks advice ran, and the statistics window behind `unused_index`. */
export interface AdviceRun {
  /** Advice kinds checked, in ADVICE_KINDS order (`unused_index` only with statistics). */
  readonly checked: readonly AdviceKind[];
  /** The index usage window, or null when no statistics were given. */
  readonly indexUsage: { readonly since: string | null; readonly sinceKind: IndexUsageStats['sinceKind'] } | null;
  /** Checks that could not run, and why (`unused_index` without readable statistics); present only when some could not. */
  readonly notChecked?: readonly { readonly kind: AdviceKind; readonly reason: string }[];
}

export function audit(input: AuditInput): AuditReport {
  // The audited schemas, once: the diff and the advice cover the same ones.
  const schemas = auditScope(input.expected.model, input.diff?.schemas, input.diff?.excludeSchemas);
  // Tables not read are not compared: absent from the live model, they must not count as missing.
  const notRead = input.live.notRead ?? [];
  const readable = notRead.length > 0 ? withoutTables(input.expected.model, notRead) : input.expected.model;
  // Kinds the role could not read are not compared either: unseen, never missing.
  const expectedModel = input.live.notVisible ? withoutKinds(readable, input.live.notVisible) : readable;
  const policy = acknowledgementPolicy(input.diff?.ignore, input.acknowledgements, input.generatedAt);
  const result = diffSchemas(expectedModel, input.live.model, { ...input.diff, schemas, ignore: policy.ignore });
  const advice = input.advice?.enabled ? runAdvice(input.live.model, schemas, input.advice) : undefined;
  const decided = policy.decide(result.findings, advice?.findings ?? [], result.ignored);
  // Descriptions come from the expected side when it has them (the spec
  // owns them), else from the live comments.
  const expectedComment = new Map(input.expected.model.tables.map((t) => [objectKey(t.schema, t.name), t.comment]));
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    tool: { name: 'schema-audit', version: input.toolVersion },
    generatedAt: input.generatedAt,
    target: { ...input.live.target, database: input.live.server.database, serverVersion: input.live.server.version },
    expected: {
      kind: input.expected.kind,
      source: input.expected.source,
      sha256: input.expected.sha256,
      ...(input.expected.fromCache !== undefined ? { fromCache: input.expected.fromCache } : {}),
    },
    summary: summarize(decided.drift),
    findings: advice ? [...decided.drift, ...decided.advice] : decided.drift,
    present: result.present,
    ignored: result.ignored.map(({ findingId, rule: { pattern, reason, owner, expires, ticket } }) => ({ findingId, pattern, reason, ...(owner ? { owner } : {}), ...(expires ? { expires } : {}), ...(ticket ? { ticket } : {}) })),
    ...(decided.section ? { acknowledgements: decided.section } : {}),
    ...(advice ? { adviceSummary: summarize(decided.advice), advice: advice.run } : {}),
    ...(input.remediation
      ? {
          remediation: planRemediation({
            findings: decided.drift,
            // Privileges: the governed ones, the expected side's role names mapped to the live ones.
            expected: governPrivileges(expectedModel, input.live.model, input.diff?.privileges).expected,
            live: input.live.model,
            // The server's major, and the roles policies may name there (the plan never creates roles).
            options: { serverMajor: input.live.server.major, ...input.remediation, ...(input.live.roles ? { liveRoles: input.live.roles } : {}) },
          }),
        }
      : {}),
    coverage: auditCoverage({
      live: input.live.model,
      scope: schemas,
      ignored: result.ignored,
      ...(input.live.uncovered ? { uncovered: input.live.uncovered } : {}),
      notRead,
      ...(input.live.notVisible ? { notVisible: { read: input.live.notVisible, expected: readable } } : {}),
      privileges: privilegeCoverage(input.live.model, input.diff?.privileges, (s) => schemas.includes(s)),
    }),
    inventory: {
      tables: input.live.model.tables
        .filter((t) => t.partitionOf === null)
        .map((t) => ({
          schema: t.schema,
          name: t.name,
          description: expectedComment.get(objectKey(t.schema, t.name)) ?? t.comment,
          rowEstimate: t.rowEstimate,
          columns: t.columns.length,
          indexes: t.indexes.map((i) => ({
            name: i.name,
            columns: i.keys.map((k) => k.column ?? k.expression ?? ''),
            unique: i.unique,
            primary: i.primary,
            method: i.method,
            partial: i.where !== null,
            definition: i.definition,
          })),
        })),
      enums: input.live.model.enums.map((e) => ({ schema: e.schema, name: e.name, values: e.values })),
      foreignKeys: driftRelations(result.findings, expectedModel, input.live.model, (s) => schemas.includes(s)),
    },
  };
}

/** Advice on the live model, in the drift comparison's scope: never on tables the drift audit does not cover. */
function runAdvice(live: SchemaModel, schemas: readonly string[], options: AdviceInput): { findings: readonly AdviceFinding[]; run: AdviceRun } {
  const findings = adviseSchema(live, {
    schemas,
    ...(options.disabled ? { disabled: options.disabled } : {}),
    ...(options.stats ? { stats: options.stats } : {}),
  });
  const disabled = new Set<AdviceKind>(options.disabled ?? []);
  const unusedSkipped = !disabled.has('unused_index') && options.stats === undefined && options.statsUnavailable !== undefined;
  return {
    findings,
    run: {
      checked: ADVICE_KINDS.filter((k) => !disabled.has(k) && (k !== 'unused_index' || options.stats !== undefined)),
      indexUsage:
        options.stats && !disabled.has('unused_index') ? { since: options.stats.since, sinceKind: options.stats.sinceKind } : null,
      ...(unusedSkipped ? { notChecked: [{ kind: 'unused_index' as const, reason: options.statsUnavailable! }] } : {}),
    },
  };
}

/** `model` without the tables of `tables` (and so without their columns, indexes, constraints and triggers). */
/** `model` without the objects of the kinds the role could not read (sections emptied, a table's member lists emptied). */
function withoutKinds(model: SchemaModel, notVisible: NotVisible): SchemaModel {
  let out: Record<string, unknown> = { ...model };
  for (const { kind: name } of notVisible.kinds) {
    const placement = KINDS.find((k) => k.name === name)?.placement;
    if (placement === undefined) continue;
    if ('section' in placement) out = { ...out, [placement.section]: [] };
    else if ('container' in placement) {
      const container = KINDS.find((k) => k.name === placement.container)?.placement;
      if (container === undefined || !('section' in container)) continue;
      const objects = out[container.section] as readonly Record<string, unknown>[];
      out = { ...out, [container.section]: objects.map((o) => ({ ...o, [placement.list]: [] })) };
    }
  }
  return out as unknown as SchemaModel;
}

function withoutTables(model: SchemaModel, tables: readonly NotReadTable[]): SchemaModel {
  const out = new Set(tables.map((t) => objectKey(t.schema, t.name)));
  return { ...model, tables: model.tables.filter((t) => !out.has(objectKey(t.schema, t.name))) };
}


export interface GateOptions {
  /** Count advice findings too (`--fail-on-advice`); default false: only drift fails a run. */
  readonly includeAdvice?: boolean;
  /** Objects not compared (kinds schema-audit does not compare, tables not read) fail the run too (`--strict-coverage`). */
  readonly strictCoverage?: boolean;
}

/**
 * True when some drift finding (and, with `includeAdvice`, advice finding)
 * is at or above the --fail-on threshold, or, with `strictCoverage`, when
 * something present was not compared.
 */
export function failsGate(report: AuditReport, failOn: FailOn, options: GateOptions = {}): boolean {
  if (failOn === 'never') return false;
  if (options.strictCoverage === true && !report.coverage.complete) return true;
  return report.findings.some((f) => (f.category === 'drift' || options.includeAdvice === true) && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}
