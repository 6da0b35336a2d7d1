import { splitQualified } from '../../spec-file/names.js';
import { createSchemaSql } from './sql.js';
/** Every schema a spec names, in first-seen order (its `schemas` list, then its objects' schemas), with the node that brings it in. */
export function specSchemaPaths(spec) {
    const paths = new Map();
    spec.schemas.forEach((s, i) => {
        if (!paths.has(s))
            paths.set(s, ['schemas', String(i)]);
    });
    for (const section of ['enums', 'domains', 'sequences', 'functions', 'tables', 'views']) {
        for (const key of spec[section].keys()) {
            const { schema, name } = splitQualified(key, 'public');
            if (!paths.has(schema))
                paths.set(schema, [section, schema, name]);
        }
    }
    return paths;
}
/** CREATE SCHEMA for every schema but `public`, which every database has. */
export function schemaObjects(ctx) {
    const out = [];
    for (const [schema, path] of specSchemaPaths(ctx.spec))
        if (schema !== 'public')
            out.push({ sql: createSchemaSql(schema), path });
    return out;
}
//# sourceMappingURL=ddl.js.map