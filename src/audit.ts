import { diffSchemas, type DiffOptions, type DiffResult, type Severity } from './diff/index.js';
import type { ServerInfo } from './introspect/introspector.js';
import type { SchemaModel } from './model/schema-model.js';

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
  readonly live: { readonly model: SchemaModel; readonly server: ServerInfo; readonly target: TargetInfo };
  readonly expected: { readonly model: SchemaModel; readonly kind: string; readonly source: string; readonly sha256: string };
  readonly toolVersion: string;
  /** ISO 8601 time of the run (the CLI's `--now` pins it, for reproducible reports). */
  readonly generatedAt: string;
  readonly diff?: DiffOptions;
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

export interface AuditReport {
  readonly formatVersion: number;
  readonly tool: { readonly name: 'schema-audit'; readonly version: string };
  readonly generatedAt: string;
  readonly target: TargetInfo & { readonly database: string; readonly serverVersion: string };
  readonly expected: { readonly kind: string; readonly source: string; readonly sha256: string };
  readonly summary: DiffResult['summary'];
  readonly findings: DiffResult['findings'];
  readonly present: DiffResult['present'];
  readonly ignored: readonly { readonly findingId: string; readonly pattern: string; readonly reason: string }[];
  /** The live schema at a glance: tables with descriptions, enums with values. */
  readonly inventory: {
    readonly tables: readonly InventoryTable[];
    readonly enums: readonly { readonly schema: string; readonly name: string; readonly values: readonly string[] }[];
  };
}

export function audit(input: AuditInput): AuditReport {
  const result = diffSchemas(input.expected.model, input.live.model, input.diff);
  // Descriptions come from the expected side when it has them (the spec
  // owns them), else from the live comments.
  const expectedComment = new Map(input.expected.model.tables.map((t) => [`${t.schema}\0${t.name}`, t.comment]));
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    tool: { name: 'schema-audit', version: input.toolVersion },
    generatedAt: input.generatedAt,
    target: { ...input.live.target, database: input.live.server.database, serverVersion: input.live.server.version },
    expected: { kind: input.expected.kind, source: input.expected.source, sha256: input.expected.sha256 },
    summary: result.summary,
    findings: result.findings,
    present: result.present,
    ignored: result.ignored.map((i) => ({ findingId: i.findingId, pattern: i.rule.pattern, reason: i.rule.reason })),
    inventory: {
      tables: input.live.model.tables
        .filter((t) => t.partitionOf === null)
        .map((t) => ({
          schema: t.schema,
          name: t.name,
          description: expectedComment.get(`${t.schema}\0${t.name}`) ?? t.comment,
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
    },
  };
}

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** True when some finding is at or above the --fail-on threshold. */
export function failsGate(report: AuditReport, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return report.findings.some((f) => RANK[f.severity] >= RANK[failOn]);
}
