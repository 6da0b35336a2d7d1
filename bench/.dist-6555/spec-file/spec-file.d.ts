import { type InputLimits } from './input-limits.js';
import type { SourceLocation, SpecProblem } from './spec-section.js';
/** One file of a spec source, read. */
export interface SpecFileSource {
    /** The path shown in problems (the source as given, joined with the relative name). */
    readonly file: string;
    /** The name relative to the source (posix separators), hashed with the bytes. */
    readonly name: string;
    readonly bytes: Buffer;
}
/** One file, parsed: its data and where each node was written. */
export interface ParsedSpecFile extends SpecFileSource {
    /** The file's content as plain JS; `{}` for an empty file; undefined when it does not parse. */
    readonly data: unknown;
    /** False when the file is not well-formed YAML / JSON (its data is then unusable). */
    readonly wellFormed: boolean;
    /** Syntax problems and duplicate keys. */
    readonly problems: readonly SpecProblem[];
    /** The line of the node at exactly this written path, if written. */
    lineOf(path: readonly string[]): number | undefined;
    /** The nearest written node at or above `path` (the file's first line for the root). */
    locate(path: readonly string[]): SourceLocation;
}
/** `a.b.c`: a written path as shown in problems. */
export declare function joinPath(path: readonly string[]): string;
type SqlText = (path: readonly string[]) => boolean;
/**
 * Parse one file. `isSqlText` says which written paths hold SQL text: their
 * number and boolean values are taken as written, so `default: 0` means the
 * expression `0`, `default: 1.50` the expression `1.50`. Throws an
 * `InvalidSpecError` (one line) when the file is over a limit.
 */
export declare function parseSpecFile(source: SpecFileSource, isSqlText: SqlText, limits?: InputLimits): ParsedSpecFile;
export {};
