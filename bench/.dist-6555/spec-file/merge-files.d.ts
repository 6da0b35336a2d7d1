import type { ParsedSpecFile } from './spec-file.js';
import { type ListItem, type SourceLocation, type SpecProblem } from './spec-section.js';
import type { Severity, SpecIgnoreRule } from './spec-types.js';
/** The files' sections merged, with where everything came from. */
export interface MergedFiles {
    /** Each map section's objects by qualified key, as written (in load order). */
    readonly maps: ReadonlyMap<string, ReadonlyMap<string, unknown>>;
    /** Each list section's items (names, or objects with a name), by name once. */
    readonly lists: ReadonlyMap<string, readonly ListItem[]>;
    readonly ignore: readonly SpecIgnoreRule[];
    readonly severity: Readonly<Record<string, Severity>>;
    /** See `LoadedSpec.locate`. */
    locate(path: readonly string[]): SourceLocation | undefined;
}
/** Merge the well-formed files' sections, in load order; problems found are added to `problems`. */
export declare function mergeFiles(files: readonly ParsedSpecFile[], problems: SpecProblem[]): MergedFiles;
