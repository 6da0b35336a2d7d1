import { splitQualified } from '../../spec-file/names.js';
import { commentOnTypeSql, createEnumSql } from './sql.js';
export function enumObjects(ctx) {
    return [...ctx.spec.enums].map(([key, e]) => {
        const { schema, name } = splitQualified(key, 'public');
        return { sql: createEnumSql(schema, name, e.values), path: ['enums', schema, name] };
    });
}
export function enumComments(ctx) {
    const out = [];
    for (const [key, e] of ctx.spec.enums) {
        if (e.description === undefined)
            continue;
        const { schema, name } = splitQualified(key, 'public');
        out.push({ sql: commentOnTypeSql(schema, name, e.description), path: ['enums', schema, name, 'description'] });
    }
    return out;
}
//# sourceMappingURL=ddl.js.map