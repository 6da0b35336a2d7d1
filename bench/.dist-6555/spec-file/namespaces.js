import { inFirstReleaseOrder, MAP_SECTIONS } from './sections.js';
/** Each namespace: what messages say about it, and which sections list their names first (see below). */
const NAMESPACES = {
    type: { note: 'a table is also a type: enums, domains and tables share one namespace per schema', firstRelease: [] },
    // The first release listed tables (each with its indexes) before sequences.
    relation: { note: 'tables, sequences and indexes share one namespace per schema', firstRelease: ['tables'] },
};
/** The names every object of the spec takes, by namespace; within one, the sections in the namespace's order. */
export function namespaceEntries(objectsOf) {
    const bySection = new Map(MAP_SECTIONS.map(({ section }) => [section, objectsOf(section).flatMap((object) => section.names(object))]));
    const byNamespace = new Map();
    for (const namespace of Object.keys(NAMESPACES)) {
        const sections = inFirstReleaseOrder(MAP_SECTIONS, NAMESPACES[namespace].firstRelease);
        byNamespace.set(namespace, sections.flatMap(({ section }) => (bySection.get(section) ?? []).filter((entry) => entry.namespace === namespace)));
    }
    return byNamespace;
}
/**
 * Two objects of one name in one namespace: each but the first written (by
 * file, then line; on one line, in the namespace's order) is reported,
 * naming the first and the namespace.
 */
export function checkNamespaces(context, entries, locate) {
    for (const [namespace, list] of entries) {
        const groups = new Map();
        for (const entry of list) {
            const location = locate(entry.path);
            const item = { what: entry.what, path: entry.path, file: location?.file ?? '', line: location?.line ?? 0 };
            groups.set(entry.key, [...(groups.get(entry.key) ?? []), item]);
        }
        for (const [key, group] of groups) {
            if (group.length < 2)
                continue;
            group.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
            const first = group[0];
            for (const other of group.slice(1)) {
                context.report(other.path, `${other.what} ${key} has the same name as the ${first.what} at ${first.file}:${first.line} (${NAMESPACES[namespace].note})`);
            }
        }
    }
}
//# sourceMappingURL=namespaces.js.map