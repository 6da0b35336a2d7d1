/**
 * The diff engine: `diffSchemas(expected, actual, options)` compares two
 * canonical schema models and reports drift as findings.
 */
export { diffSchemas } from './diff-schemas.js';
export {
  FINDING_KINDS,
  SEVERITIES,
  findingId,
  isFindingKind,
  isSeverity,
  objectPath,
  type DiffOptions,
  type DiffResult,
  type DiffSummary,
  type Finding,
  type FindingCategory,
  type FindingKind,
  type FindingObject,
  type IgnoreRule,
  type IgnoredFinding,
  type PresentKind,
  type PresentObject,
  type Severity,
} from './findings.js';
export { DEFAULT_SEVERITY, severityOf } from './rules.js';
export { compileIgnoreRules, parseIgnorePattern, matchesPath, matchesPathOrContainer, type CompiledIgnoreRule } from './ignore.js';
export { diffKeyed, type KeyedDiff, type KeyedPair } from './diff-keyed.js';
export { constraintShape, indexShape } from './compare-table.js';
