import type { CheckContext, MapSection, Namespace, NamespaceEntry, SourceLocation, SpecObject } from './spec-section.js';
/** The names every object of the spec takes, by namespace; within one, the sections in the namespace's order. */
export declare function namespaceEntries(objectsOf: (section: MapSection) => readonly SpecObject[]): ReadonlyMap<Namespace, readonly NamespaceEntry[]>;
/**
 * Two objects of one name in one namespace: each but the first written (by
 * file, then line; on one line, in the namespace's order) is reported,
 * naming the first and the namespace.
 */
export declare function checkNamespaces(context: CheckContext, entries: ReadonlyMap<Namespace, readonly NamespaceEntry[]>, locate: (path: readonly string[]) => SourceLocation | undefined): void;
