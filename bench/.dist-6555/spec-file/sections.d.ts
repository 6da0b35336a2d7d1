/**
 * The kinds' sections of the spec file, from the registry: what the
 * loader, the checker, `modelToSpec`, the YAML writer and the JSON Schema
 * walk. A kind adds its section by giving its `ObjectKind` a `spec`.
 */
import type { ObjectKind } from '../kinds/kind.js';
import type { ListSection, MapSection, SpecSection } from './spec-section.js';
/** A section with the kind it belongs to (whose noun messages use). */
export interface KindSection<S extends SpecSection = SpecSection> {
    readonly kind: ObjectKind;
    readonly section: S;
}
/** Every kind's section, in registry order. */
export declare const SECTIONS: readonly KindSection[];
/** The sections that are maps of objects by name (`enums`, `tables`, ...). */
export declare const MAP_SECTIONS: readonly KindSection<MapSection>[];
/** The sections that are lists of names (`schemas`, `extensions`). */
export declare const LIST_SECTIONS: readonly KindSection<ListSection>[];
/**
 * Sections in an order the first release fixed where one is visible (the
 * order `snapshot` writes sections in, the order of problems reported on one
 * line): the sections named in `first`, in that order, then every other in
 * registry order, so sections added later never reorder known ones.
 */
export declare function inFirstReleaseOrder<S extends SpecSection>(sections: readonly KindSection<S>[], first: readonly string[]): KindSection<S>[];
