import { splitQualified } from '../../spec-file/names.js';
import { columnComments, partitionColumnOption, specColumnDefinition } from '../column/ddl.js';
import { alterColumnSql, columnDefinitionSql } from '../column/sql.js';
import { indexComments } from '../index/ddl.js';
import { commentOnTableSql, createPartitionSql, createTableSql } from './sql.js';
/** Column names in the model's order when `modelToDdl` knows it (a stable sort: spec order otherwise). */
function inColumnOrder(ctx, entry, items, nameOf) {
    const facts = ctx.hooks.columns?.(entry.schema, entry.name);
    if (facts === undefined)
        return [...items];
    const position = (item) => facts.get(nameOf(item))?.position ?? Number.MAX_SAFE_INTEGER;
    return [...items].sort((a, b) => position(a) - position(b));
}
function partitionStatements(ctx, entry) {
    const t = entry.spec;
    const partitionOf = t.partitionOf;
    const parent = splitQualified(partitionOf.table, entry.schema);
    const listed = inColumnOrder(ctx, entry, Object.entries(t.columns), ([name]) => name);
    const columnOptions = listed.flatMap(([name, c]) => partitionColumnOption(name, c) ?? []);
    const out = [
        {
            sql: createPartitionSql({
                schema: entry.schema,
                name: entry.name,
                unlogged: t.unlogged === true,
                parent: { schema: parent.schema, table: parent.name },
                bound: partitionOf.bound,
                columnOptions,
                partitionBy: t.partitionBy ?? null,
            }, { ifNotExists: false }),
            path: entry.path,
        },
    ];
    // A default the parent gives that the partition does not keep.
    const parentEntry = entry.parentKey === null ? undefined : ctx.tables.entries.get(entry.parentKey);
    for (const [name, c] of Object.entries(t.columns)) {
        if (c.default === undefined && parentEntry && ctx.tables.effectiveDefault(parentEntry, name) !== undefined) {
            out.push({ sql: alterColumnSql(entry.schema, entry.name, name, 'DROP DEFAULT'), path: [...entry.path, 'columns', name] });
        }
    }
    return out;
}
function tableStatement(ctx, entry) {
    const facts = ctx.hooks.columns?.(entry.schema, entry.name);
    const definitions = Object.entries(entry.spec.columns).map(([name, c]) => {
        const d = specColumnDefinition(ctx, entry, name, c);
        // A virtual generated column (18+): the spec knows one kind, stored.
        return facts?.get(name)?.virtual && d.generated ? { ...d, generated: { ...d.generated, kind: 'virtual' } } : d;
    });
    const items = inColumnOrder(ctx, entry, definitions, (d) => d.name).map(columnDefinitionSql);
    const t = entry.spec;
    const inherits = (t.inherits ?? []).map((ref) => {
        const q = splitQualified(ref, entry.schema);
        return { schema: q.schema, table: q.name };
    });
    return {
        sql: createTableSql({ schema: entry.schema, name: entry.name, unlogged: t.unlogged === true, items, partitionBy: t.partitionBy ?? null, inherits }, { ifNotExists: false }),
        path: entry.path,
    };
}
export function tableObjects(ctx) {
    const out = [];
    for (const entry of ctx.tables.creationOrder) {
        if (entry.spec.partitionOf)
            out.push(...partitionStatements(ctx, entry));
        else
            out.push(tableStatement(ctx, entry));
    }
    return out;
}
export function tableComments(ctx) {
    const out = [];
    for (const entry of ctx.tables.creationOrder) {
        if (entry.spec.description !== undefined) {
            out.push({ sql: commentOnTableSql(entry.schema, entry.name, entry.spec.description), path: [...entry.path, 'description'] });
        }
        out.push(...columnComments(entry), ...indexComments(entry));
    }
    return out;
}
//# sourceMappingURL=ddl.js.map