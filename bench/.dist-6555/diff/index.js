/**
 * The diff engine: `diffSchemas(expected, actual, options)` compares two
 * canonical schema models and reports drift as findings.
 */
export { auditScope, diffSchemas } from './diff-schemas.js';
export { compileIgnoreRules, parseIgnorePattern, matchesPath, matchesPathOrContainer } from './ignore.js';
export { diffKeyed } from './diff-keyed.js';
export { SEVERITIES, findingId, isSeverity, objectPath, } from '../findings/finding.js';
export { DEFAULT_SEVERITY, FINDING_KINDS, isFindingKind, severityOf } from '../findings/kinds.js';
//# sourceMappingURL=index.js.map