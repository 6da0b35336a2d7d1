import { KINDS } from '../kinds/registry.js';
/** Every kind's section, in registry order. */
export const SECTIONS = KINDS.flatMap((kind) => (kind.spec === null ? [] : [{ kind, section: kind.spec }]));
/** The sections that are maps of objects by name (`enums`, `tables`, ...). */
export const MAP_SECTIONS = SECTIONS.flatMap(({ kind, section }) => section.shape === 'map' ? [{ kind, section }] : []);
/** The sections that are lists of names (`schemas`, `extensions`). */
export const LIST_SECTIONS = SECTIONS.flatMap(({ kind, section }) => section.shape === 'list' ? [{ kind, section }] : []);
/**
 * Sections in an order the first release fixed where one is visible (the
 * order `snapshot` writes sections in, the order of problems reported on one
 * line): the sections named in `first`, in that order, then every other in
 * registry order, so sections added later never reorder known ones.
 */
export function inFirstReleaseOrder(sections, first) {
    const rank = (s) => {
        const i = first.indexOf(s.section.key);
        return i === -1 ? first.length : i;
    };
    return [...sections].sort((a, b) => rank(a) - rank(b));
}
//# sourceMappingURL=sections.js.map