/**
 * The kinds' sections of the spec file, from the registry: what the
 * loader, the checker, `modelToSpec`, the YAML writer and the JSON Schema
 * walk. A kind adds its section by giving its `ObjectKind` a `spec`.
 */
import type { ObjectKind } from '../kinds/kind.js';
import { KINDS } from '../kinds/registry.js';
import type { ListSection, MapSection, SpecSection } from './spec-section.js';

/** A section with the kind it belongs to (whose noun messages use). */
export interface KindSection<S extends SpecSection = SpecSection> {
  readonly kind: ObjectKind;
  readonly section: S;
}

/** Every kind's section, in registry order. */
export const SECTIONS: readonly KindSection[] = KINDS.flatMap((kind: ObjectKind) => (kind.spec === null ? [] : [{ kind, section: kind.spec }]));

/** The sections that are maps of objects by name (`enums`, `tables`, ...). */
export const MAP_SECTIONS: readonly KindSection<MapSection>[] = SECTIONS.flatMap(({ kind, section }) =>
  section.shape === 'map' ? [{ kind, section }] : [],
);

/** The sections that are lists of names (`schemas`, `extensions`). */
export const LIST_SECTIONS: readonly KindSection<ListSection>[] = SECTIONS.flatMap(({ kind, section }) =>
  section.shape === 'list' ? [{ kind, section }] : [],
);

/**
 * Sections in an order the first release fixed where one is visible (the
 * order `snapshot` writes sections in, the order of problems reported on one
 * line): the sections named in `first`, in that order, then every other in
 * registry order, so sections added later never reorder known ones.
 */
export function inFirstReleaseOrder<S extends SpecSection>(sections: readonly KindSection<S>[], first: readonly string[]): KindSection<S>[] {
  const rank = (s: KindSection<S>): number => {
    const i = first.indexOf(s.section.key);
    return i === -1 ? first.length : i;
  };
  return [...sections].sort((a, b) => rank(a) - rank(b));
}
