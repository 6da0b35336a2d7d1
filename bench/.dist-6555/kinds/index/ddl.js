import { writtenNameSql } from '../sql.js';
import { commentOnIndexSql, createIndexFromDefinitionSql, indexKeySql } from './sql.js';
const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;
const QUOTED_IDENTIFIER = /^"(?:[^"]|"")+"$/;
/**
 * A key as the spec writes it: a string is a column when the table has a
 * column of exactly that name, when it is a plain identifier, or when it is
 * a double-quoted identifier; anything else is an expression (written in
 * parentheses, so any expression works).
 */
function keyOf(k, columns) {
    if (typeof k !== 'string')
        return k;
    if (columns.has(k) || PLAIN_IDENTIFIER.test(k))
        return { column: k };
    if (QUOTED_IDENTIFIER.test(k))
        return { column: k.slice(1, -1).replace(/""/g, '"') };
    return { expression: k };
}
function structuralIndexSql(ctx, entry, name, idx) {
    const columns = new Set(Object.keys(ctx.tables.rootColumns(entry)));
    const keys = (idx.columns ?? []).map((k) => {
        const key = keyOf(k, columns);
        return indexKeySql({
            ...(key.column !== undefined ? { column: key.column } : { expression: key.expression ?? '' }),
            ...(key.collation !== undefined ? { collation: writtenNameSql(key.collation, ctx.knownSchemas) } : {}),
            ...(key.opclass !== undefined ? { opclass: writtenNameSql(key.opclass, ctx.knownSchemas) } : {}),
            ...(key.order !== undefined ? { order: key.order } : {}),
            ...(key.nulls !== undefined ? { nulls: key.nulls } : {}),
        });
    });
    return createIndexFromDefinitionSql({
        schema: entry.schema,
        table: entry.name,
        name,
        unique: idx.unique === true,
        method: idx.method ?? null,
        keys,
        include: idx.include ?? [],
        nullsNotDistinct: idx.nullsNotDistinct === true,
        where: idx.where ?? null,
    });
}
/** Every table's indexes, deepest partitions first (a parent's index then adopts its partitions'). */
export function indexStatements(ctx) {
    const out = [];
    for (const entry of ctx.tables.leavesFirst) {
        for (const [name, value] of Object.entries(entry.spec.indexes ?? {})) {
            const path = [...entry.path, 'indexes', name];
            // A string is the whole CREATE INDEX statement, like `sql`.
            const statement = typeof value === 'string' ? value : value.sql;
            out.push({ sql: statement !== undefined ? statement.trim().replace(/;\s*$/, '') : structuralIndexSql(ctx, entry, name, value), path });
        }
    }
    return out;
}
export function indexComments(entry) {
    const out = [];
    for (const [name, value] of Object.entries(entry.spec.indexes ?? {})) {
        if (typeof value === 'string' || value.description === undefined)
            continue;
        out.push({ sql: commentOnIndexSql(entry.schema, name, value.description), path: [...entry.path, 'indexes', name, 'description'] });
    }
    return out;
}
//# sourceMappingURL=ddl.js.map