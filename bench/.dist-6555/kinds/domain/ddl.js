/** The domains of a spec as DDL: a domain over another spec domain after it. */
import { qualifiedKey, splitQualified } from '../../spec-file/names.js';
import { writtenNameSql } from '../sql.js';
import { commentOnDomainSql, createDomainSql } from './sql.js';
export function domainObjects(ctx) {
    const out = [];
    const done = new Set();
    const create = (key, d, visiting) => {
        if (done.has(key) || visiting.has(key))
            return;
        visiting.add(key);
        const { schema, name } = splitQualified(key, 'public');
        const base = ctx.userType(d.type, schema);
        const baseKey = base ? qualifiedKey(base.schema, base.name) : null;
        const baseDomain = baseKey === null ? undefined : ctx.spec.domains.get(baseKey);
        if (baseKey !== null && baseDomain)
            create(baseKey, baseDomain, visiting);
        done.add(key);
        const path = ['domains', schema, name];
        const sql = createDomainSql({
            schema,
            name,
            baseType: ctx.typeSql(d.type, schema),
            collation: d.collation === undefined ? null : writtenNameSql(d.collation, ctx.knownSchemas),
            default: d.default ?? null,
            notNull: d.nullable === false,
            checks: Object.entries(d.checks ?? {}).map(([check, expression]) => ({ name: check, body: `CHECK (${expression})` })),
        });
        out.push({ sql, path });
        for (const after of ctx.hooks.afterDomain?.(schema, name) ?? [])
            out.push({ sql: after, path });
    };
    for (const [key, d] of ctx.spec.domains)
        create(key, d, new Set());
    return out;
}
export function domainComments(ctx) {
    const out = [];
    for (const [key, d] of ctx.spec.domains) {
        if (d.description === undefined)
            continue;
        const { schema, name } = splitQualified(key, 'public');
        out.push({ sql: commentOnDomainSql(schema, name, d.description), path: ['domains', schema, name, 'description'] });
    }
    return out;
}
//# sourceMappingURL=ddl.js.map