/**
 * DBA advice on the live schema: what an experienced reviewer flags even when
 * the database matches the expected schema exactly. Pure: no I/O, no clock;
 * the same model (and statistics) give the same findings in the same order,
 * whatever the order of the input lists.
 *
 * Every finding has `category: 'advice'`, `expected: null`, `actual` holding
 * the facts behind it, and a one-line message with the reason and the fix.
 *
 * Partitions. A partition inherits its parent's indexes, foreign keys, checks
 * and primary key, so most advice on a parent would repeat once per
 * partition, with a fix that only works on the parent (an index attached to a
 * partitioned index cannot be dropped alone). Rule: when a partition and its
 * parent (in scope) carry the same advice for the same thing, only the
 * parent's is reported. "The same thing" is, per kind: the foreign key's
 * column set; the index structure (for redundant: both structures); the
 * constraint's kind and definition; for a table without primary key, the
 * table. Sub-partitions chain up to the topmost parent in scope.
 */
import { compareFindingObjects, findingId } from '../findings/finding.js';
import { UsageError } from '../errors.js';
import { compareText, sortBy } from '../model/sort.js';
import { context, foldPartitions } from './context.js';
import { duplicateIndexes, invalidIndexes, redundantIndexes, unusedIndexes } from './index-checks.js';
import { constraintsNotValid, fkWithoutIndex, tableWithoutPrimaryKey } from './key-checks.js';
import { ADVICE_KINDS, ADVICE_SEVERITY, isAdviceKind } from './kinds.js';
/**
 * Advice on `live`: foreign keys without a supporting index, duplicate and
 * redundant indexes, tables without a primary key, invalid indexes,
 * constraints left NOT VALID and (given statistics) unused indexes. Sorted
 * like drift findings: by schema, table, member kind and name, then kind.
 *
 * Throws an `AuditError` (code `usage`) for an unknown kind in `disabled`.
 */
export function adviseSchema(live, options = {}) {
    const disabled = new Set(options.disabled ?? []);
    for (const kind of disabled) {
        if (!isAdviceKind(kind)) {
            throw new UsageError(`unknown advice kind ${JSON.stringify(kind)}: expected one of ${ADVICE_KINDS.join(', ')}`);
        }
    }
    const ctx = context(live, options.schemas);
    const on = (kind) => !disabled.has(kind);
    const drafts = [];
    for (const table of ctx.tables) {
        const indexes = sortBy(table.indexes, (i) => i.name);
        const constraints = sortBy(table.constraints, (c) => c.name);
        if (on('fk_without_index'))
            fkWithoutIndex(ctx, table, indexes, constraints, drafts);
        if (on('duplicate_index') || on('redundant_index')) {
            const duplicates = duplicateIndexes(table, indexes);
            if (on('duplicate_index'))
                drafts.push(...duplicates.drafts);
            if (on('redundant_index'))
                redundantIndexes(table, indexes, duplicates.reported, drafts);
        }
        if (on('table_without_primary_key'))
            tableWithoutPrimaryKey(ctx, table, indexes, constraints, drafts);
        if (on('invalid_index'))
            invalidIndexes(table, indexes, drafts);
        if (on('constraint_not_valid'))
            constraintsNotValid(ctx, table, constraints, drafts);
        if (on('unused_index') && options.stats !== undefined)
            unusedIndexes(ctx, table, indexes, constraints, options.stats, drafts);
    }
    return foldPartitions(ctx, drafts)
        .sort(compareDrafts)
        .map((d) => ({
        id: findingId(d.kind, d.object),
        kind: d.kind,
        category: 'advice',
        severity: ADVICE_SEVERITY[d.kind],
        object: d.object,
        expected: null,
        actual: d.actual,
        message: d.message,
    }));
}
const KIND_RANK = new Map(ADVICE_KINDS.map((k, i) => [k, i]));
function compareDrafts(x, y) {
    return (compareFindingObjects(x.object, y.object) ||
        (KIND_RANK.get(x.kind) ?? 0) - (KIND_RANK.get(y.kind) ?? 0) ||
        compareText(findingId(x.kind, x.object), findingId(y.kind, y.object)));
}
//# sourceMappingURL=advise.js.map