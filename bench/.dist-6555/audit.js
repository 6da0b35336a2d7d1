import { adviseSchema, ADVICE_KINDS } from './advice/index.js';
import { auditScope, diffSchemas } from './diff/index.js';
import { SEVERITY_RANK, summarize } from './findings/finding.js';
import { objectKey } from './model/identifiers.js';
import { planRemediation } from './plan/index.js';
/**
 * The pure half of the pipeline: live model + expected model → report.
 * No I/O; the same inputs give the same report.
 */
export const REPORT_FORMAT_VERSION = 1;
export function audit(input) {
    // The audited schemas, once: the diff and the advice cover the same ones.
    const schemas = auditScope(input.expected.model, input.diff?.schemas);
    // Tables not read are not compared: absent from the live model, they must not count as missing.
    const notRead = input.live.notRead ?? [];
    const expectedModel = notRead.length > 0 ? withoutTables(input.expected.model, notRead) : input.expected.model;
    const result = diffSchemas(expectedModel, input.live.model, { ...input.diff, schemas });
    const advice = input.advice?.enabled ? runAdvice(input.live.model, schemas, input.advice) : undefined;
    // Descriptions come from the expected side when it has them (the spec
    // owns them), else from the live comments.
    const expectedComment = new Map(input.expected.model.tables.map((t) => [objectKey(t.schema, t.name), t.comment]));
    return {
        formatVersion: REPORT_FORMAT_VERSION,
        tool: { name: 'schema-audit', version: input.toolVersion },
        generatedAt: input.generatedAt,
        target: { ...input.live.target, database: input.live.server.database, serverVersion: input.live.server.version },
        expected: { kind: input.expected.kind, source: input.expected.source, sha256: input.expected.sha256 },
        summary: result.summary,
        findings: advice ? [...result.findings, ...advice.findings] : result.findings,
        present: result.present,
        ignored: result.ignored.map((i) => ({ findingId: i.findingId, pattern: i.rule.pattern, reason: i.rule.reason })),
        ...(advice ? { adviceSummary: summarize(advice.findings), advice: advice.run } : {}),
        ...(input.remediation
            ? {
                remediation: planRemediation({
                    findings: result.findings,
                    expected: expectedModel,
                    live: input.live.model,
                    options: input.remediation,
                }),
            }
            : {}),
        ...(notRead.length > 0 ? { coverage: { notRead } } : {}),
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
        },
    };
}
/** Advice on the live model, in the drift comparison's scope: never on tables the drift audit does not cover. */
function runAdvice(live, schemas, options) {
    const findings = adviseSchema(live, {
        schemas,
        ...(options.disabled ? { disabled: options.disabled } : {}),
        ...(options.stats ? { stats: options.stats } : {}),
    });
    const disabled = new Set(options.disabled ?? []);
    const unusedSkipped = !disabled.has('unused_index') && options.stats === undefined && options.statsUnavailable !== undefined;
    return {
        findings,
        run: {
            checked: ADVICE_KINDS.filter((k) => !disabled.has(k) && (k !== 'unused_index' || options.stats !== undefined)),
            indexUsage: options.stats && !disabled.has('unused_index') ? { since: options.stats.since, sinceKind: options.stats.sinceKind } : null,
            ...(unusedSkipped ? { notChecked: [{ kind: 'unused_index', reason: options.statsUnavailable }] } : {}),
        },
    };
}
/** `model` without the tables of `tables` (and so without their columns, indexes, constraints and triggers). */
function withoutTables(model, tables) {
    const out = new Set(tables.map((t) => objectKey(t.schema, t.name)));
    return { ...model, tables: model.tables.filter((t) => !out.has(objectKey(t.schema, t.name))) };
}
/** True when some drift finding (and, with `includeAdvice`, advice finding) is at or above the --fail-on threshold. */
export function failsGate(report, failOn, options = {}) {
    if (failOn === 'never')
        return false;
    return report.findings.some((f) => (f.category === 'drift' || options.includeAdvice === true) && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}
//# sourceMappingURL=audit.js.map