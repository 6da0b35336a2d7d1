import { type FindingKind } from '../findings/kinds.js';
/** Suppresses matching findings; they are counted in `DiffResult.ignored`. */
export interface IgnoreRule {
    /**
     * A glob over display names, matched part by part against the stored
     * (unquoted, case-sensitive) names: `public.spatial_ref_sys`, `audit.*`,
     * `*.tmp_*`, `public.leads.legacy_*`. `*` matches within one name part,
     * `**` (a whole part) matches any number of parts. Double-quote a part to
     * match a dot or `*` literally (`public."my.table"`). A rule that matches an
     * object also matches everything inside it (a table's columns, indexes and
     * constraints; an enum's values; a schema's objects).
     */
    readonly pattern: string;
    /** Restrict the rule to these kinds; default all kinds. */
    readonly kinds?: readonly FindingKind[];
    /** Why the drift is accepted; shown in reports. Required so ignores stay explained. */
    readonly reason: string;
}
/** A compiled pattern part: a glob within one name, or `**` across names. */
export type PatternPart = {
    readonly kind: 'glob';
    readonly regex: RegExp;
} | {
    readonly kind: 'globstar';
};
/** A rule, validated and compiled. */
export interface CompiledIgnoreRule {
    readonly rule: IgnoreRule;
    readonly parts: readonly PatternPart[];
    /** Null for "every kind". */
    readonly kinds: ReadonlySet<FindingKind> | null;
}
/**
 * Compile a pattern. Throws an `AuditError` (code `spec`) for an empty
 * pattern, an empty part (`a..b`, a leading or trailing dot) or an
 * unterminated quote.
 */
export declare function parseIgnorePattern(pattern: string): PatternPart[];
/** True when the compiled pattern matches the whole path (one name per part). */
export declare function matchesPath(parts: readonly PatternPart[], path: readonly string[]): boolean;
/** True when the pattern matches the path or one of its prefixes (the object or a container of it). */
export declare function matchesPathOrContainer(parts: readonly PatternPart[], path: readonly string[]): boolean;
/** Validate and compile rules; throws an `AuditError` (code `spec`) on a bad pattern or kind. */
export declare function compileIgnoreRules(rules: readonly IgnoreRule[]): CompiledIgnoreRule[];
/** The first rule that matches a finding of `kind` about the object at `path`, if any. */
export declare function findIgnoreRule(rules: readonly CompiledIgnoreRule[], kind: FindingKind, path: readonly string[]): IgnoreRule | undefined;
