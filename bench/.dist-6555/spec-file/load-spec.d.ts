import { type InputLimits } from './input-limits.js';
import { type SpecFileSource } from './spec-file.js';
import type { LoadedSpec } from './spec-types.js';
export { splitQualified, splitIdentifiers, qualifiedKey, NameError } from './names.js';
export type { QualifiedName } from './names.js';
/**
 * The files of a spec source, in load order, read. A directory contributes
 * every `*.yaml`, `*.yml` and `*.json` below it, sorted by relative path
 * (code-unit order, `/` separators); files and directories whose name starts
 * with a dot are skipped, and so is every other file.
 */
export declare function readSpecSources(source: string, limits?: InputLimits): SpecFileSource[];
/** sha256 over each file's relative name and bytes, in load order. */
export declare function specSha256(sources: readonly SpecFileSource[]): string;
/**
 * Load, merge and validate a spec, but for its SQL fragments (see
 * {@link loadSpecChecked}). Throws a {@link SpecError} listing every
 * problem, or a `UsageError` when the source cannot be read.
 */
export declare function loadSpec(source: string, limits?: InputLimits): LoadedSpec;
/** {@link loadSpec} of files already read. */
export declare function loadSpecSources(sources: readonly SpecFileSource[], limits?: InputLimits): LoadedSpec;
/**
 * Every SQL fragment of a loaded spec parsed as the one expression, type or
 * clause it stands for (check-spec-sql.ts): what must hold before the spec's
 * DDL goes anywhere near a database. Throws a {@link SpecError}.
 */
export declare function checkSpecFragments(spec: LoadedSpec): Promise<LoadedSpec>;
/** {@link loadSpec}, then {@link checkSpecFragments}, in this thread. */
export declare function loadSpecChecked(source: string, limits?: InputLimits): Promise<LoadedSpec>;
