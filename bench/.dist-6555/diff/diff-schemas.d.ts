import { type DiffSummary, type PresentObject, type Severity } from '../findings/finding.js';
import { type DriftFinding, type FindingKind } from '../findings/kinds.js';
import type { SchemaModel } from '../model/schema-model.js';
import { type IgnoreRule } from './ignore.js';
/** A finding an ignore rule suppressed. */
export interface IgnoredFinding {
    /** The first rule (in the given order) that matched. */
    readonly rule: IgnoreRule;
    readonly findingId: string;
}
/** The result of `diffSchemas`. All lists are deterministically ordered. */
export interface DiffResult {
    /** Sorted by schema, container (enums before tables), member, kind. */
    readonly findings: readonly DriftFinding[];
    /** Expected objects that exist in the actual schema, in the same order. */
    readonly present: readonly PresentObject[];
    /** Suppressed findings, in the order they would have been reported. */
    readonly ignored: readonly IgnoredFinding[];
    /** Counts of the returned (not ignored) findings. */
    readonly summary: DiffSummary;
}
/** Options for `diffSchemas`. */
export interface DiffOptions {
    /** Per-kind severity overrides of `DEFAULT_SEVERITY`. */
    readonly severity?: Partial<Record<FindingKind, Severity>>;
    /** Findings to suppress (first matching rule wins). */
    readonly ignore?: readonly IgnoreRule[];
    /** Compare only objects in these schemas (both sides). Default: `auditScope(expected)`. */
    readonly schemas?: readonly string[];
}
/**
 * The schemas an audit covers: the ones given (`--schema`), else those of
 * the expected model: its `schemas` list, and the schemas of the objects of
 * every kind the diff compares. Advice and --verify use the same scope.
 */
export declare function auditScope(expected: SchemaModel, schemas?: readonly string[]): readonly string[];
/**
 * Compare `expected` with `actual` and report the drift (see the module
 * comment). Renames are never guessed: a renamed column is one missing and
 * one unexpected column.
 *
 * Throws an `InvalidSpecError` when an ignore rule or a severity override
 * is invalid.
 */
export declare function diffSchemas(expected: SchemaModel, actual: SchemaModel, options?: DiffOptions): DiffResult;
