/**
 * DBA advice: `adviseSchema(live, options)` reviews the live schema for what
 * an audit checks beyond the expected schema (missing foreign key indexes,
 * duplicate and redundant indexes, tables without a primary key, invalid
 * indexes, NOT VALID constraints, unused indexes). Findings of category
 * `advice`; see kinds.ts for the kinds and their severities.
 */
export { adviseSchema } from './advise.js';
export { ADVICE_KINDS, ADVICE_SEVERITY, isAdviceKind } from './kinds.js';
//# sourceMappingURL=index.js.map