import type { ListItem, MapSection, SourceLocation } from './spec-section.js';
import type { LoadedSpec, Severity, SpecIgnoreRule } from './spec-types.js';
/** What a loaded spec is made of, the kinds' sections by key. */
export interface LoadedSpecParts {
    readonly files: readonly string[];
    readonly sha256: string;
    /** Each list section's items: names, or objects with a name (a section left out is empty). */
    readonly lists: ReadonlyMap<string, readonly ListItem[]>;
    /** Each map section's objects by qualified key, as loaded (a section left out is empty). */
    readonly maps: ReadonlyMap<string, ReadonlyMap<string, unknown>>;
    readonly ignore: readonly SpecIgnoreRule[];
    readonly severity: Readonly<Record<string, Severity>>;
    locate(path: readonly string[]): SourceLocation | undefined;
}
/** The loaded spec of these parts. */
export declare function assembleLoadedSpec(parts: LoadedSpecParts): LoadedSpec;
/** A map section's objects in a loaded spec, by qualified key. */
export declare function loadedObjects(spec: LoadedSpec, section: MapSection): ReadonlyMap<string, unknown>;
/** A map section's node as the loader hands it on (see `MapSection.asLoaded`). */
export declare function loadedNode(section: MapSection, value: unknown): unknown;
