/** Advice on keys: `fk_without_index`, `table_without_primary_key`, `constraint_not_valid`. */
import { oneLine, plural, qualified } from '../findings/words.js';
import { objectKey, quoteIdent } from '../model/identifiers.js';
import { columnsText, foreignKeys, isReferencedPartitionCopy, tableKey } from './context.js';
import { columnSetKey, supportsForeignKey } from './index-structure.js';
/**
 * `fk_without_index`: a foreign key none of whose table's indexes supports
 * it (see `supportsForeignKey`). Foreign keys on the same column set share
 * one index, so they make one finding, on the first by name; the others are
 * listed in `actual.alsoForeignKeys`.
 */
export function fkWithoutIndex(ctx, table, indexes, constraints, out) {
    const groups = new Map();
    for (const fk of foreignKeys(ctx, table, constraints)) {
        const key = columnSetKey(fk.columns);
        const group = groups.get(key);
        if (group)
            group.push(fk);
        else
            groups.set(key, [fk]);
    }
    for (const [key, group] of groups) {
        const fk = group[0];
        if (indexes.some((i) => supportsForeignKey(i, fk.columns)))
            continue;
        const ref = qualified(fk.references.schema, fk.references.table);
        const others = group.slice(1).map((c) => c.name);
        out.push({
            kind: 'fk_without_index',
            table,
            object: { schema: table.schema, table: table.name, constraint: fk.name },
            actual: {
                constraint: fk.name,
                columns: fk.columns,
                references: fk.references,
                onDelete: fk.onDelete,
                onUpdate: fk.onUpdate,
                alsoForeignKeys: others,
            },
            message: `foreign key ${qualified(table.schema, table.name, fk.name)} ${columnsText(fk.columns)}` +
                (others.length > 0 ? ` (and ${others.map(quoteIdent).join(', ')})` : '') +
                ` has no index starting with its columns: deletes and key updates on ${ref} scan ${qualified(table.schema, table.name)}; ` +
                `create an index on ${qualified(table.schema, table.name)} ${columnsText(fk.columns)}`,
            sameAs: key,
        });
    }
}
/**
 * `table_without_primary_key`: an ordinary or partitioned table with no
 * primary key constraint. A partition of a table with a primary key always
 * has one (the server adds it), so partitions are reported only when their
 * parent is out of scope (the partition rule folds the rest into the
 * parent). `actual.uniqueCandidates` lists the valid, non-partial unique
 * btree indexes on plain NOT NULL columns, any of which could become it.
 */
export function tableWithoutPrimaryKey(ctx, table, indexes, constraints, out) {
    if (constraints.some((c) => c.kind === 'primary_key'))
        return;
    const notNull = new Set(table.columns.filter((c) => !c.nullable).map((c) => c.name));
    const candidates = indexes
        .filter((i) => i.unique && i.valid && i.where === null && i.method === 'btree' && i.keys.every((k) => k.column !== null && notNull.has(k.column)))
        .map((i) => ({ index: i.name, constraint: i.constraint, columns: i.keys.map((k) => k.column) }));
    const partitions = ctx.partitions.get(tableKey(table))?.length ?? 0;
    const hint = candidates.length > 0
        ? ` (unique ${quoteIdent(candidates[0].constraint ?? candidates[0].index)} on NOT NULL columns ${columnsText(candidates[0].columns)} could become it)`
        : '';
    out.push({
        kind: 'table_without_primary_key',
        table,
        object: { schema: table.schema, table: table.name },
        actual: { kind: table.kind, rowEstimate: table.rowEstimate, partitions, uniqueCandidates: candidates },
        message: `table ${qualified(table.schema, table.name)}` +
            (table.kind === 'partitioned_table' ? ` (partitioned, ${plural(partitions, 'partition')})` : '') +
            ` has no primary key: its rows have no guaranteed identity (logical replication cannot replicate its UPDATEs and DELETEs, ` +
            `tools and ORMs expect one); add a primary key${hint}`,
        sameAs: '',
    });
}
/**
 * `constraint_not_valid`: a constraint added NOT VALID and never validated
 * (`pg_constraint.convalidated` false): a foreign key or a check. New writes
 * are checked, rows written before it are not. The copies of a foreign key
 * the server adds for a partitioned referenced table are part of the
 * original and not reported again.
 */
export function constraintsNotValid(ctx, table, constraints, out) {
    for (const c of constraints) {
        if (c.validated)
            continue;
        if (c.kind === 'foreign_key' && isReferencedPartitionCopy(ctx, table, c))
            continue;
        const name = qualified(table.schema, table.name, c.name);
        const what = c.kind === 'foreign_key'
            ? `foreign key ${name} ${columnsText(c.columns)} referencing ${qualified(c.references.schema, c.references.table)}`
            : c.kind === 'check'
                ? `check constraint ${name} ${oneLine(c.definition)}`
                : `constraint ${name} ${oneLine(c.definition)}`;
        out.push({
            kind: 'constraint_not_valid',
            table,
            object: { schema: table.schema, table: table.name, constraint: c.name },
            actual: c,
            message: `${what} is NOT VALID: rows written before it was added were never checked (new writes are) and the planner cannot rely on it; ` +
                `fix violating rows, then ALTER TABLE ${qualified(table.schema, table.name)} VALIDATE CONSTRAINT ${quoteIdent(c.name)} (it does not block writes)`,
            sameAs: objectKey(c.kind, c.definition),
        });
    }
}
//# sourceMappingURL=key-checks.js.map