import { inFirstReleaseOrder, MAP_SECTIONS, SECTIONS } from './sections.js';
import { SPEC_VERSION } from './spec-types.js';
export { oneLine } from './one-line.js';
/**
 * The order `snapshot` writes sections in: the first release wrote
 * `extensions` before `schemas`, and a snapshot committed then must not
 * change; every other section follows in registry order.
 */
const FIRST_RELEASE_SECTION_ORDER = ['extensions'];
/** `typeIn` (see {@link FromModelContext}) for a model. */
function typeSpelling(model) {
    // Known limitation: only the types the sections declare (enums, domains)
    // are qualified; a table's row type used from another schema is not.
    const publicTypes = new Set(MAP_SECTIONS.flatMap(({ section }) => section.modelTypes?.(model) ?? [])
        .filter((x) => x.schema === 'public')
        .map((x) => x.name));
    return (type, schema) => {
        if (schema === 'public')
            return type;
        const m = /^("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)((?:\[\])*)$/.exec(type);
        if (!m)
            return type;
        const name = m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1];
        return publicTypes.has(name) ? `public.${m[1]}${m[2]}` : type;
    };
}
/** What the kinds' `fromModel` pieces get for a model (see {@link FromModelContext}). */
export function fromModelContext(model, options = {}) {
    const inScope = (schema) => !options.schemas || options.schemas.includes(schema);
    const objectSchemas = new Set();
    for (const { kind } of MAP_SECTIONS) {
        if (!('section' in kind.placement))
            continue;
        // A map section's kind holds objects of a schema (enums, tables, ...).
        for (const object of model[kind.placement.section]) {
            if (inScope(object.schema))
                objectSchemas.add(object.schema);
        }
    }
    return { model, inScope, typeIn: typeSpelling(model), objectSchemas, specKinds: new Set(SECTIONS.map(({ kind }) => kind.name)) };
}
/** The model as a spec file (see the module comment). */
export function modelToSpec(model, options = {}) {
    const context = fromModelContext(model, options);
    const spec = { version: SPEC_VERSION };
    for (const { section } of inFirstReleaseOrder(SECTIONS, FIRST_RELEASE_SECTION_ORDER)) {
        const written = section.fromModel(context);
        if (written !== undefined)
            spec[section.key] = written;
    }
    return spec;
}
//# sourceMappingURL=model-to-spec.js.map