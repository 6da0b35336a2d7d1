/**
 * The plan's part for indexes: built CONCURRENTLY on existing tables (a
 * failed build's INVALID index dropped first, so a re-run rebuilds it),
 * rebuilt beside the old one and swapped in, dropped when unexpected.
 */
import { makeObjectName } from '../../model/naming.js';
import { displayName, quoteIdent } from '../../model/identifiers.js';
import { IN_DROP_PASS } from '../../plan/kind-plan.js';
import { commented, longRunning, stmt } from '../../plan/statements.js';
import { commentOnIndexSql, createIndexSql, dropIndexSql, dropInvalidIndexSql, renameIndexSql } from './sql.js';
/** Index build on an existing table (named `name`): concurrent unless the table is partitioned. */
export function createIndexOnExisting(ctx, schema, table, index, name = index.name) {
    const live = ctx.live.table(schema, table);
    const size = ctx.sizeOf(schema, table);
    const hazards = [];
    if (live?.kind === 'partitioned_table') {
        hazards.push({ kind: 'long_lock', message: `PostgreSQL cannot build an index CONCURRENTLY on partitioned ${size}: the build blocks writes to every partition` });
        if (index.unique)
            hazards.push({ kind: 'may_fail', message: `the unique index fails to build if ${size} holds duplicates` });
        return {
            up: [stmt(createIndexSql(index, { concurrently: false, name }))],
            down: [stmt(dropIndexSql(schema, name, false))],
            hazards,
        };
    }
    if (index.unique)
        hazards.push({ kind: 'may_fail', message: `the unique index fails to build if ${size} holds duplicates: remove them first` });
    return {
        up: [stmt(dropInvalidIndexSql(schema, name)), longRunning(createIndexSql(index, { concurrently: true, name }), false)],
        down: [stmt(dropIndexSql(schema, name, true), { transactional: false })],
        hazards,
    };
}
function planMissingIndex(f, ctx) {
    const o = f.object;
    const t = ctx.expected.table(o.schema, o.table ?? '');
    const index = t?.indexes.find((i) => i.name === o.index) ?? f.expected;
    if (!t)
        return;
    const r = createIndexOnExisting(ctx, o.schema, t.name, index);
    ctx.add({
        object: displayName(o.schema, t.name, index.name),
        phase: 'indexes',
        findingIds: [f.id],
        summary: `create index ${quoteIdent(index.name)} on ${displayName(o.schema, t.name)}`,
        up: [...r.up, ...commented(index.comment, (text) => commentOnIndexSql(o.schema, index.name, text))],
        down: r.down,
        hazards: r.hazards,
    });
}
/**
 * A different index of the same name: built CONCURRENTLY under a temporary
 * name beside the old one, then swapped in (down swaps the old one back).
 * An index behind a constraint, or in a partitioned index tree: manual.
 */
function planIndexMismatch(f, ctx) {
    const o = f.object;
    const e = f.expected;
    const a = f.actual;
    const at = ctx.live.table(o.schema, o.table ?? '');
    const partition = at?.partitionOf !== null || at?.kind === 'partitioned_table';
    if (e.constraint !== null || a.constraint !== null || partition) {
        ctx.manual(f, e.constraint !== null || a.constraint !== null
            ? `index ${quoteIdent(e.name)} implements constraint ${quoteIdent(e.constraint ?? a.constraint ?? '')}: rebuilding it means replacing the constraint; decide when`
            : `index ${quoteIdent(e.name)} is part of a partitioned index tree: rebuild it from the partitioned parent`, [`${dropIndexSql(o.schema, a.name, false)};`, `${createIndexSql(e, { concurrently: false })};`], [{ kind: 'long_lock', message: `rebuilding blocks writes to ${ctx.sizeOf(o.schema, o.table ?? '')}` }]);
        return;
    }
    const tmp = makeObjectName(e.name, null, 'sa_new');
    const swap = (from) => [
        stmt(dropInvalidIndexSql(o.schema, tmp)),
        longRunning(createIndexSql(from, { concurrently: true, name: tmp }), false),
        stmt(dropIndexSql(o.schema, e.name, true), { transactional: false }),
        stmt(renameIndexSql(o.schema, tmp, e.name)),
    ];
    ctx.add({
        object: displayName(o.schema, o.table ?? '', e.name),
        phase: 'indexes',
        findingIds: [f.id],
        summary: `rebuild index ${quoteIdent(e.name)} on ${displayName(o.schema, o.table ?? '')} as expected: built CONCURRENTLY as ${quoteIdent(tmp)} beside the old one, then swapped in`,
        up: swap(e),
        down: swap(a),
        hazards: [...(e.unique ? [{ kind: 'may_fail', message: 'the unique index fails to build if the table holds duplicates' }] : [])],
    });
}
/** Unexpected indexes dropped CONCURRENTLY; down builds them again. */
function planDrops(findings, ctx) {
    for (const f of findings) {
        if (f.kind !== 'unexpected_index')
            continue;
        const o = f.object;
        const i = f.actual;
        const r = createIndexOnExisting(ctx, o.schema, o.table ?? '', i);
        ctx.add({
            object: displayName(o.schema, o.table ?? '', i.name),
            phase: 'drop_indexes',
            findingIds: [f.id],
            summary: `drop unexpected index ${quoteIdent(i.name)} on ${displayName(o.schema, o.table ?? '')}`,
            up: r.down,
            down: r.up,
            hazards: [],
        });
    }
}
export const INDEX_PLAN = {
    findings: {
        missing_index: planMissingIndex,
        unexpected_index: IN_DROP_PASS,
        index_mismatch: planIndexMismatch,
    },
    drop: planDrops,
};
//# sourceMappingURL=plan.js.map