/**
 * The plan's part for table constraints on existing tables: checks and
 * foreign keys added NOT VALID, then VALIDATEd (a scan that blocks neither
 * reads nor writes); primary keys and unique constraints through a unique
 * index built CONCURRENTLY and ADD CONSTRAINT … USING INDEX; replaced under a
 * temporary name and renamed; dropped when unexpected (foreign keys first).
 */
import { displayName, qualifiedName, quoteIdent } from '../../model/identifiers.js';
import { makeObjectName } from '../../model/naming.js';
import { IN_DROP_PASS } from '../../plan/kind-plan.js';
import { longRunning, stmt } from '../../plan/statements.js';
import { createIndexSql, dropIndexSql, dropInvalidIndexSql } from '../index/sql.js';
import { addConstraintIfMissingSql, constraintBody, dropConstraintSql, renameConstraintIfExistsSql, swapKeyConstraintSql, usingIndexBody, validateConstraintSql, } from './sql.js';
/** `primary key`, `unique constraint`, `foreign key`... as step summaries and reasons say it. */
export function constraintNoun(c) {
    switch (c.kind) {
        case 'primary_key':
            return 'primary key';
        case 'unique':
            return 'unique constraint';
        case 'foreign_key':
            return 'foreign key';
        case 'check':
            return 'check';
        case 'exclusion':
            return 'exclusion constraint';
    }
}
/** A check or foreign key: NOT VALID then VALIDATE, except on a partitioned table (PostgreSQL refuses NOT VALID there). */
function addCheckOrForeignKey(ctx, t, c, name, partitioned) {
    const size = ctx.sizeOf(t.schema, t.name);
    const hazards = [];
    const notValid = !partitioned;
    const up = [stmt(addConstraintIfMissingSql(t.schema, t.name, name, `${constraintBody(c)}${notValid ? ' NOT VALID' : ''}`))];
    if (notValid && c.validated) {
        up.push(longRunning(validateConstraintSql(t.schema, t.name, name)));
        hazards.push({
            kind: 'validation_scan',
            message: `validating ${quoteIdent(name)} scans ${size}${c.kind === 'foreign_key' ? ' and looks up every referenced row' : ''}; reads and writes continue`,
        });
    }
    if (!notValid) {
        hazards.push({ kind: 'long_lock', message: `${quoteIdent(name)} is added in one step on partitioned ${size}, which blocks writes while every row is checked` });
    }
    hazards.push({
        kind: 'may_fail',
        message: c.kind === 'foreign_key'
            ? `fails if a row of ${size} references no row of ${displayName(c.references.schema, c.references.table)}: fix or delete those rows first`
            : `fails if a row of ${size} violates CHECK (${c.expression}): fix those rows first`,
    });
    return { phase: c.kind === 'foreign_key' ? 'foreign_keys' : 'constraints', up, down: [stmt(dropConstraintSql(t.schema, t.name, name))], hazards };
}
/**
 * Up and down statements that add constraint `c` (of table `t`, expected
 * or live) to the existing table under `name`, in the production-safe form
 * for its kind.
 */
export function addConstraintOnExisting(ctx, t, c, name = c.name) {
    const live = ctx.live.table(t.schema, t.name);
    const partitioned = live?.kind === 'partitioned_table' || t.kind === 'partitioned_table';
    if (c.kind === 'foreign_key' || c.kind === 'check')
        return addCheckOrForeignKey(ctx, t, c, name, partitioned);
    const size = ctx.sizeOf(t.schema, t.name);
    const hazards = [];
    const up = [];
    const down = [stmt(dropConstraintSql(t.schema, t.name, name))];
    if ((c.kind === 'primary_key' || c.kind === 'unique') && !partitioned) {
        const index = t.indexes.find((i) => i.constraint === c.name);
        if (index) {
            up.push(stmt(dropInvalidIndexSql(t.schema, name)));
            up.push(longRunning(createIndexSql(index, { concurrently: true, name }), false));
            up.push(stmt(addConstraintIfMissingSql(t.schema, t.name, name, usingIndexBody(c, name))));
            down.push(stmt(dropIndexSql(t.schema, name, true), { transactional: false }));
            hazards.push({ kind: 'may_fail', message: `the unique index fails to build if ${size} holds duplicate (${c.columns.join(', ')}) values: remove the duplicates first` });
            if (c.kind === 'primary_key') {
                const nullable = c.columns.filter((n) => live?.columns.find((col) => col.name === n)?.nullable === true);
                if (nullable.length) {
                    hazards.push({
                        kind: 'long_lock',
                        message: `the primary key sets NOT NULL on ${nullable.map(quoteIdent).join(', ')}, scanning ${size} under an ACCESS EXCLUSIVE lock`,
                    });
                }
            }
            return { phase: 'constraints', up, down, hazards };
        }
    }
    up.push(stmt(addConstraintIfMissingSql(t.schema, t.name, name, constraintBody(c))));
    hazards.push({ kind: 'long_lock', message: `adding ${quoteIdent(name)} builds its index on ${size} while blocking writes` });
    if (c.kind !== 'exclusion')
        hazards.push({ kind: 'may_fail', message: `fails if ${size} holds duplicate (${c.columns.join(', ')}) values` });
    else
        hazards.push({ kind: 'may_fail', message: `fails if rows of ${size} conflict under the exclusion constraint` });
    return { phase: 'constraints', up, down, hazards };
}
function planMissingConstraint(f, ctx) {
    const o = f.object;
    const t = ctx.expected.table(o.schema, o.table ?? '');
    if (!t)
        return;
    const c = f.expected;
    const r = addConstraintOnExisting(ctx, t, c);
    ctx.add({
        object: displayName(o.schema, o.table ?? '', c.name),
        phase: r.phase,
        findingIds: [f.id],
        summary: `add ${constraintNoun(c)} ${quoteIdent(c.name)} to ${displayName(o.schema, o.table ?? '')}`,
        up: r.up,
        down: r.down,
        hazards: r.hazards,
    });
}
function sameList(a, b) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}
/**
 * A check or foreign key of another definition: the expected one added
 * under a temporary name (NOT VALID, VALIDATE), the old one dropped, the
 * new one renamed; down does the same with the old definition, after
 * dropping what a failed VALIDATE left under the temporary name (NOT VALID,
 * yet enforced on every write).
 */
function replaceCheckOrForeignKey(f, ctx, et, at, tmp) {
    const o = f.object;
    const e = f.expected;
    const name = displayName(o.schema, at.name, e.name);
    const replace = (table, c) => {
        const r = addConstraintOnExisting(ctx, table, c, tmp);
        return {
            up: [...r.up, stmt(dropConstraintSql(o.schema, at.name, e.name)), stmt(renameConstraintIfExistsSql(o.schema, at.name, tmp, e.name))],
            hazards: r.hazards,
        };
    };
    const up = replace(et, e);
    const down = replace(at, f.actual);
    ctx.add({
        object: name,
        phase: e.kind === 'foreign_key' ? 'foreign_keys' : 'constraints',
        findingIds: [f.id],
        summary: `replace ${constraintNoun(e)} ${name} with the expected definition`,
        up: up.up,
        down: [stmt(dropConstraintSql(o.schema, at.name, tmp)), ...down.up],
        hazards: up.hazards,
    });
}
/**
 * A primary key or unique constraint of another definition, on a plain
 * table: its new unique index built CONCURRENTLY under a temporary name,
 * then the constraint swapped onto it in one statement. False when a side
 * has no index to build from.
 */
function swapKey(f, ctx, et, at, tmp) {
    const o = f.object;
    const e = f.expected;
    const swap = (table, c) => {
        const index = table.indexes.find((i) => i.constraint === c.name);
        if (!index)
            return [];
        return [
            stmt(dropInvalidIndexSql(o.schema, tmp)),
            longRunning(createIndexSql(index, { concurrently: true, name: tmp }), false),
            stmt(swapKeyConstraintSql(o.schema, at.name, c, tmp)),
        ];
    };
    const up = swap(et, e);
    const down = swap(at, f.actual);
    if (!up.length || !down.length)
        return false;
    const name = displayName(o.schema, at.name, e.name);
    const size = ctx.sizeOf(o.schema, at.name);
    ctx.add({
        object: name,
        phase: 'constraints',
        findingIds: [f.id],
        summary: `replace ${constraintNoun(e)} ${name} with the expected definition`,
        up,
        down,
        hazards: [
            { kind: 'may_fail', message: `the new unique index fails to build if ${size} holds duplicates` },
            ...(e.kind === 'primary_key'
                ? [{ kind: 'long_lock', message: `swapping the primary key sets NOT NULL on its columns, which scans ${size} under an ACCESS EXCLUSIVE lock where they were nullable` }]
                : []),
        ],
    });
    return true;
}
/** A constraint of another definition: replaced where that is safe, else a manual step (another kind, a key foreign keys reference). */
function planConstraintMismatch(f, ctx) {
    const o = f.object;
    const e = f.expected;
    const a = f.actual;
    const et = ctx.expected.table(o.schema, o.table ?? '');
    const at = ctx.live.table(o.schema, o.table ?? '');
    if (!et || !at)
        return;
    const tmp = makeObjectName(e.name, null, 'sa_new');
    if ((e.kind === 'foreign_key' || e.kind === 'check') && e.kind === a.kind) {
        replaceCheckOrForeignKey(f, ctx, et, at, tmp);
        return;
    }
    const referenced = (e.kind === 'primary_key' || e.kind === 'unique') &&
        ctx.live.model.tables.some((t) => t.constraints.some((c) => c.kind === 'foreign_key' && c.references.schema === o.schema && c.references.table === at.name && sameList(c.references.columns, a.columns)));
    const plain = at.kind !== 'partitioned_table' && at.partitionOf === null;
    if ((e.kind === 'primary_key' || e.kind === 'unique') && e.kind === a.kind && !referenced && plain && swapKey(f, ctx, et, at, tmp))
        return;
    const name = displayName(o.schema, at.name, e.name);
    ctx.manual(f, referenced
        ? `${name} is referenced by foreign keys: replacing it means dropping and re-adding them too; decide when`
        : `${name} is a ${constraintNoun(a)} in the database and a ${constraintNoun(e)} in the expected schema, or cannot be replaced without blocking writes: decide how`, [`${dropConstraintSql(o.schema, at.name, e.name)};`, `ALTER TABLE ${qualifiedName(o.schema, at.name)} ADD CONSTRAINT ${quoteIdent(e.name)} ${constraintBody(e)};`], [{ kind: 'long_lock', message: `blocks writes to ${ctx.sizeOf(o.schema, at.name)}` }]);
}
/** Unexpected constraints, foreign keys first (a key they reference may be among them); down adds each back in its safe form. */
function planDrops(findings, ctx) {
    const drops = findings.filter((f) => f.kind === 'unexpected_constraint');
    const fkFirst = (f) => (f.actual.kind === 'foreign_key' ? 0 : 1);
    for (const f of [...drops].sort((x, y) => fkFirst(x) - fkFirst(y))) {
        const o = f.object;
        const c = f.actual;
        const at = ctx.live.table(o.schema, o.table ?? '');
        if (!at)
            continue;
        const r = addConstraintOnExisting(ctx, at, at.constraints.find((x) => x.name === c.name) ?? c);
        ctx.add({
            object: displayName(o.schema, at.name, c.name),
            phase: 'drop_constraints',
            findingIds: [f.id],
            summary: `drop unexpected ${constraintNoun(c)} ${quoteIdent(c.name)} on ${displayName(o.schema, at.name)}`,
            up: [stmt(dropConstraintSql(o.schema, at.name, c.name))],
            down: r.up,
            hazards: [],
        });
    }
}
export const CONSTRAINT_PLAN = {
    findings: {
        missing_constraint: planMissingConstraint,
        unexpected_constraint: IN_DROP_PASS,
        constraint_mismatch: planConstraintMismatch,
    },
    drop: planDrops,
};
//# sourceMappingURL=plan.js.map