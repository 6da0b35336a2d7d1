/**
 * A {@link LoadedSpec} built and read section by section, walking the
 * registry: the loader and `inMemorySpec` build one from the kinds'
 * sections, the checker reads each map section's objects. `LoadedSpec`
 * itself names every section (for its users: spec-to-ddl, model-to-ddl,
 * the expected-schema stage); a guard test keeps its keys and the
 * registry's sections equal, so this is the one place that goes from one
 * to the other.
 */
import { LIST_SECTIONS, MAP_SECTIONS } from './sections.js';
import { listItemName, type ListItem, type MapSection, type SourceLocation } from './spec-section.js';
import type { LoadedSpec, Severity, SpecDatabase, SpecDefaultPrivileges, SpecIgnoreRule, SpecRole } from './spec-types.js';

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
  readonly roles?: readonly SpecRole[];
  readonly defaultPrivileges?: readonly SpecDefaultPrivileges[];
  readonly database?: SpecDatabase;
  locate(path: readonly string[]): SourceLocation | undefined;
}

/** The loaded spec of these parts. */
export function assembleLoadedSpec(parts: LoadedSpecParts): LoadedSpec {
  const sections = [
    ...LIST_SECTIONS.map(({ section }) => [section.key, parts.lists.get(section.key) ?? []] as const),
    ...MAP_SECTIONS.map(({ section }) => [section.key, parts.maps.get(section.key) ?? new Map<string, unknown>()] as const),
  ];
  const { files, sha256, ignore, severity, locate } = parts;
  // `schemas` holds names; its items as written (a schema with an owner or grants is an object) stay in `schemaItems`.
  const schemaItems = parts.lists.get('schemas') ?? [];
  const schemas = schemaItems.map(listItemName);
  const privileges = { schemaItems, roles: parts.roles ?? [], defaultPrivileges: parts.defaultPrivileges ?? [], ...(parts.database !== undefined ? { database: parts.database } : {}) };
  // The values are the kinds' nodes as loaded: what each section's type in LoadedSpec says.
  return { files, sha256, ...Object.fromEntries(sections), schemas, ...privileges, ignore, severity, locate } as unknown as LoadedSpec;
}

/** A map section's objects in a loaded spec, by qualified key. */
export function loadedObjects(spec: LoadedSpec, section: MapSection): ReadonlyMap<string, unknown> {
  const objects: unknown = (spec as unknown as Readonly<Record<string, unknown>>)[section.key];
  return objects instanceof Map ? objects : new Map<string, unknown>();
}

/** A map section's node as the loader hands it on (see `MapSection.asLoaded`). */
export function loadedNode(section: MapSection, value: unknown): unknown {
  return section.asLoaded === undefined ? value : section.asLoaded(value);
}
