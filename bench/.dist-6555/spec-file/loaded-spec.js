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
/** The loaded spec of these parts. */
export function assembleLoadedSpec(parts) {
    const sections = [
        ...LIST_SECTIONS.map(({ section }) => [section.key, parts.lists.get(section.key) ?? []]),
        ...MAP_SECTIONS.map(({ section }) => [section.key, parts.maps.get(section.key) ?? new Map()]),
    ];
    const { files, sha256, ignore, severity, locate } = parts;
    // The values are the kinds' nodes as loaded: what each section's type in LoadedSpec says.
    return { files, sha256, ...Object.fromEntries(sections), ignore, severity, locate };
}
/** A map section's objects in a loaded spec, by qualified key. */
export function loadedObjects(spec, section) {
    const objects = spec[section.key];
    return objects instanceof Map ? objects : new Map();
}
/** A map section's node as the loader hands it on (see `MapSection.asLoaded`). */
export function loadedNode(section, value) {
    return section.asLoaded === undefined ? value : section.asLoaded(value);
}
//# sourceMappingURL=loaded-spec.js.map