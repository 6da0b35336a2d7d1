/**
 * Namespaces PostgreSQL shares between kinds of objects, per schema: a
 * table is also a type, so enums, domains and tables cannot share a name;
 * tables, sequences and indexes are all relations. Each kind's section
 * declares the names its objects take (`names`); this module reports two
 * objects of one name in one namespace.
 */
import type { KindSection } from './sections.js';
import { inFirstReleaseOrder, MAP_SECTIONS } from './sections.js';
import type { CheckContext, MapSection, Namespace, NamespaceEntry, SourceLocation, SpecObject } from './spec-section.js';

/** Each namespace: what messages say about it, and which sections list their names first (see below). */
const NAMESPACES: { readonly [N in Namespace]: { readonly note: string; readonly firstRelease: readonly string[] } } = {
  type: { note: 'a table is also a type: enums, domains and tables share one namespace per schema', firstRelease: [] },
  // The first release listed tables (each with its indexes) before sequences.
  relation: { note: 'tables, sequences and indexes share one namespace per schema', firstRelease: ['tables'] },
};

/** The names every object of the spec takes, by namespace; within one, the sections in the namespace's order. */
export function namespaceEntries(objectsOf: (section: MapSection) => readonly SpecObject[]): ReadonlyMap<Namespace, readonly NamespaceEntry[]> {
  const bySection = new Map(MAP_SECTIONS.map(({ section }) => [section, objectsOf(section).flatMap((object) => section.names(object))]));
  const byNamespace = new Map<Namespace, NamespaceEntry[]>();
  for (const namespace of Object.keys(NAMESPACES) as Namespace[]) {
    const sections: readonly KindSection<MapSection>[] = inFirstReleaseOrder(MAP_SECTIONS, NAMESPACES[namespace].firstRelease);
    byNamespace.set(
      namespace,
      sections.flatMap(({ section }) => (bySection.get(section) ?? []).filter((entry) => entry.namespace === namespace)),
    );
  }
  return byNamespace;
}

/**
 * Two objects of one name in one namespace: each but the first written (by
 * file, then line; on one line, in the namespace's order) is reported,
 * naming the first and the namespace.
 */
export function checkNamespaces(
  context: CheckContext,
  entries: ReadonlyMap<Namespace, readonly NamespaceEntry[]>,
  locate: (path: readonly string[]) => SourceLocation | undefined,
): void {
  for (const [namespace, list] of entries) {
    const byKey = new Map<string, NamespaceEntry[]>();
    for (const entry of list) {
      const same = byKey.get(entry.key);
      if (same) same.push(entry);
      else byKey.set(entry.key, [entry]);
    }
    for (const [key, entries] of byKey) {
      if (entries.length < 2) continue;
      // Located only here: placing every name would parse each file again for its lines (spec-file.ts).
      const group = entries.map((entry) => {
        const location = locate(entry.path);
        return { what: entry.what, path: entry.path, file: location?.file ?? '', line: location?.line ?? 0 };
      });
      group.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
      const first = group[0]!;
      for (const other of group.slice(1)) {
        context.report(other.path, `${other.what} ${key} has the same name as the ${first.what} at ${first.file}:${first.line} (${NAMESPACES[namespace].note})`);
      }
    }
  }
}
