import { objectKey, quoteIdent } from '../model/identifiers.js';
import { sortBy } from '../model/sort.js';
export function tableKey(t) {
    return objectKey(t.schema, t.name);
}
export function context(model, schemas) {
    const scope = schemas === undefined ? null : new Set(schemas);
    const tables = sortBy(model.tables.filter((t) => scope === null || scope.has(t.schema)), (t) => t.schema, (t) => t.name);
    const partitions = new Map();
    for (const t of sortBy(model.tables, (x) => x.schema, (x) => x.name)) {
        if (t.partitionOf === null)
            continue;
        const parent = objectKey(t.partitionOf.schema, t.partitionOf.table);
        const list = partitions.get(parent);
        if (list)
            list.push(t);
        else
            partitions.set(parent, [t]);
    }
    return {
        tables,
        all: new Map(model.tables.map((t) => [tableKey(t), t])),
        inScope: new Set(tables.map(tableKey)),
        partitions,
    };
}
/** The partition rule (see the module comment): drop a partition's draft its parent in scope also has. */
export function foldPartitions(ctx, drafts) {
    const held = new Set(drafts.flatMap((d) => (d.sameAs === null ? [] : [objectKey(d.table.schema, d.table.name, d.kind, d.sameAs)])));
    return drafts.filter((d) => {
        const parent = d.table.partitionOf;
        if (d.sameAs === null || parent === null || !ctx.inScope.has(objectKey(parent.schema, parent.table)))
            return true;
        return !held.has(objectKey(parent.schema, parent.table, d.kind, d.sameAs));
    });
}
export function columnsText(columns) {
    return `(${columns.map(quoteIdent).join(', ')})`;
}
export function sameList(a, b) {
    return a.length === b.length && a.every((x, k) => x === b[k]);
}
/**
 * True for the copies of a foreign key the server adds when the referenced
 * table is partitioned: one constraint per referenced partition, on the same
 * columns (`orders_cid_fkey1 ... REFERENCES customers_1`). They are part of
 * the constraint on the partitioned table, which is the one advised on.
 * Recognised when the referenced tables are in the model.
 */
export function isReferencedPartitionCopy(ctx, table, fk) {
    return table.constraints.some((other) => other.kind === 'foreign_key' &&
        other.name !== fk.name &&
        sameList(other.columns, fk.columns) &&
        sameList(other.references.columns, fk.references.columns) &&
        isPartitionOf(ctx, fk.references, other.references));
}
/** True when table `t` is a partition, at any depth, of `ancestor`. */
export function isPartitionOf(ctx, t, ancestor) {
    const target = objectKey(ancestor.schema, ancestor.table);
    const seen = new Set();
    let current = ctx.all.get(objectKey(t.schema, t.table));
    while (current?.partitionOf && !seen.has(tableKey(current))) {
        seen.add(tableKey(current));
        const parent = objectKey(current.partitionOf.schema, current.partitionOf.table);
        if (parent === target)
            return true;
        current = ctx.all.get(parent);
    }
    return false;
}
export function foreignKeys(ctx, table, constraints) {
    return constraints.filter((c) => c.kind === 'foreign_key' && !isReferencedPartitionCopy(ctx, table, c));
}
/** The partitions of `table` that hold rows (not partitioned themselves), at any depth, in name order. */
export function leafPartitions(ctx, table) {
    const out = [];
    const seen = new Set();
    const walk = (t) => {
        for (const child of ctx.partitions.get(tableKey(t)) ?? []) {
            if (seen.has(tableKey(child)))
                continue;
            seen.add(tableKey(child));
            if (child.kind === 'partitioned_table')
                walk(child);
            else
                out.push(child);
        }
    };
    walk(table);
    return out;
}
//# sourceMappingURL=context.js.map