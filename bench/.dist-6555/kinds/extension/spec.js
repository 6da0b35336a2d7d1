/**
 * The spec's `extensions:` section: the extensions the database needs, by
 * name, or as an object saying where and which version:
 *
 *   extensions:
 *     - pgcrypto                                   # in public, any version
 *     - { name: pg_trgm, schema: ext, version: '1.6' }
 *
 * A version left out: any version will do (see expected/spec-expectations.ts).
 * A schema left out: `public` (where CREATE EXTENSION puts it).
 */
import { text } from '../../spec-file/json-schema.js';
import { listItemName } from '../../spec-file/spec-section.js';
/** Name, schema and version of a spec's extension (schema and version undefined when left out). */
export function specExtension(item) {
    return typeof item === 'string' ? { name: item } : item;
}
/** The names of a spec's extensions. */
export function specExtensionNames(items) {
    return items.map(listItemName);
}
/** The `extensions:` section. */
export const EXTENSION_SPEC = {
    key: 'extensions',
    shape: 'list',
    jsonSchema: {
        property: {
            description: 'Extensions the database needs: a name (`pgcrypto`: in public, any version), or `{ name, schema, version }`.',
            type: 'array',
            items: {
                description: 'An extension: its name, or an object naming it, the schema its objects go in (default public) and its version (default any).',
                type: ['string', 'object'],
                minLength: 1,
                additionalProperties: false,
                required: ['name'],
                properties: {
                    name: text('The extension name.'),
                    schema: text('The schema its objects go in (default public).'),
                    version: text('The version it must be at (default: any).'),
                },
            },
            uniqueItems: true,
            examples: [['pgcrypto', 'citext', { name: 'pg_trgm', schema: 'ext', version: '1.6' }]],
        },
        definitions: {},
    },
    // Every extension of the database, whatever the schemas written (an extension is not in the spec's schemas);
    // its schema when not public; never its version (pin one by hand: a snapshot loads on other majors too).
    fromModel: ({ model }) => {
        const items = model.extensions.map((e) => {
            return e.schema === 'public' ? e.name : { name: e.name, schema: e.schema };
        });
        return items.length > 0 ? items : undefined;
    },
    layout: () => ({ flow: [[]], spaced: false }),
};
//# sourceMappingURL=spec.js.map