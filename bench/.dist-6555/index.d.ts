/**
 * schema-audit's programmatic API: the same pipeline the CLI runs, as plain
 * functions over plain data. Only readLiveSchema and resolveExpected touch
 * the network (and resolveExpected only for SQL/spec sources, on a scratch
 * server of ours); everything else is pure.
 *
 *   const live = await readLiveSchema(url);
 *   const expected = await resolveExpected('schema/', { major: live.server.major, live: live.model });
 *   const report = audit({ live: { model: expected.live ?? live.model, server: live.server, target: targetInfo(url) },
 *                          expected, toolVersion, generatedAt: new Date().toISOString(), diff: expected.diff });
 *   console.log(renderMarkdown(report));
 */
export { audit, failsGate, REPORT_FORMAT_VERSION } from './audit.js';
export type { AuditInput, AuditReport, FailOn, InventoryIndex, InventoryTable, TargetInfo } from './audit.js';
export { adviseSchema, ADVICE_KINDS } from './advice/index.js';
export type { AdviceKind } from './advice/index.js';
export { describeTarget, targetInfo } from './db/connect.js';
export { redactCredentials, redactUrl } from './redact.js';
export { modelToDdl, renderDdlScript } from './ddl/model-to-ddl.js';
export type { DdlScriptHeader, ModelToDdlOptions } from './ddl/model-to-ddl.js';
export { diffSchemas, FINDING_KINDS, DEFAULT_SEVERITY } from './diff/index.js';
export type { DiffOptions, DiffResult, Finding, FindingKind, FindingObject, IgnoreRule, PresentObject, Severity } from './diff/index.js';
export { ExitCode, exitCodeFor } from './cli/exit-codes.js';
export { AuditError, ConnectionError, IntrospectionError, InvalidSpecError, ServerError, UsageError } from './errors.js';
export type { ErrorCode } from './errors.js';
export { resolveExpected } from './expected/resolve-expected.js';
export type { ExpectedSchema } from './expected/resolve-expected.js';
export type { IntrospectionResult, ServerInfo } from './introspect/introspector.js';
export { readLiveSchema } from './introspect/read-live-schema.js';
export type * from './model/schema-model.js';
export { planRemediation, renderMigration, HAZARD_KINDS, PLAN_PHASES } from './plan/index.js';
export type { Hazard, HazardKind, ManualStep, MigrationFiles, PlanOptions, PlanStep, RemediationPlan } from './plan/index.js';
export { verifyPlan, verificationText } from './verify/verify.js';
export type { Verification, VerifyInput } from './verify/verify.js';
export { migrationFiles } from './render/migration-files.js';
export { renderJson } from './render/json.js';
export { renderMarkdown } from './render/markdown.js';
export { reportJsonSchema } from './render/report-schema.js';
export { renderTerminal } from './render/terminal.js';
export { loadSpec } from './spec-file/load-spec.js';
export { modelToSpec } from './spec-file/model-to-spec.js';
export { SpecError } from './spec-file/spec-error.js';
export { specToDdl } from './spec-file/spec-to-ddl.js';
export { renderSpecJson, renderSpecYaml } from './spec-file/spec-yaml.js';
export type { LoadedSpec, SpecFile } from './spec-file/spec-types.js';
