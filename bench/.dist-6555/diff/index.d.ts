/**
 * The diff engine: `diffSchemas(expected, actual, options)` compares two
 * canonical schema models and reports drift as findings.
 */
export { auditScope, diffSchemas, type DiffOptions, type DiffResult, type IgnoredFinding } from './diff-schemas.js';
export { compileIgnoreRules, parseIgnorePattern, matchesPath, matchesPathOrContainer, type CompiledIgnoreRule, type IgnoreRule } from './ignore.js';
export { diffKeyed, type KeyedDiff, type KeyedPair } from './diff-keyed.js';
export { SEVERITIES, findingId, isSeverity, objectPath, type DiffSummary, type Finding, type FindingCategory, type FindingObject, type PresentObject, type Severity, } from '../findings/finding.js';
export { DEFAULT_SEVERITY, FINDING_KINDS, isFindingKind, severityOf, type DriftFinding, type FindingKind } from '../findings/kinds.js';
