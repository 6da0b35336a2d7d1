/**
 * The constraints of the spec's tables as DDL: ALTER TABLE … ADD, after every
 * table exists, all tables' primary keys, then unique constraints, checks,
 * exclusions, and foreign keys last; within each, deepest partitions first
 * (a parent's constraint then adopts its partitions' instead of adding its
 * own). A constraint the spec does not name stays unnamed, so PostgreSQL
 * picks the name a database built the usual way has; the column `check:`
 * shorthand is named `<table>_<column>_check`, as documented.
 */
import { quoteIdent } from '../../model/identifiers.js';
import { defaultNames } from '../../model/naming.js';
import { splitQualified } from '../../spec-file/names.js';
import { addConstraintSql } from './sql.js';
import { qualifiedName } from '../../model/identifiers.js';
const ACTION_SQL = {
    'no action': 'NO ACTION',
    restrict: 'RESTRICT',
    cascade: 'CASCADE',
    'set null': 'SET NULL',
    'set default': 'SET DEFAULT',
};
function columnList(columns) {
    return `(${columns.map(quoteIdent).join(', ')})`;
}
function deferrable(d) {
    return `${d.deferrable || d.initiallyDeferred ? ' DEFERRABLE' : ''}${d.initiallyDeferred ? ' INITIALLY DEFERRED' : ''}`;
}
/** One ADD statement: the spec's body, or the model's constraint when `modelToDdl` has it (DdlHooks.constraint). */
function add(ctx, entry, node, body, path) {
    const model = ctx.hooks.constraint?.(entry.schema, entry.name, node);
    return { sql: model ? addConstraintSql(entry.schema, entry.name, model.name, model.body) : addConstraintSql(entry.schema, entry.name, node.name, body), path };
}
function primaryKeys(ctx, entry) {
    const pk = entry.spec.primaryKey;
    if (pk === undefined)
        return [];
    const named = Array.isArray(pk) ? { name: undefined, columns: pk } : pk;
    const node = { kind: 'primary_key', name: named.name };
    return [add(ctx, entry, node, `PRIMARY KEY ${columnList(named.columns)}`, [...entry.path, 'primaryKey'])];
}
function uniques(ctx, entry) {
    const out = [];
    for (const [column, c] of Object.entries(entry.spec.columns)) {
        if (c.unique === undefined || c.unique === false)
            continue;
        const node = { kind: 'unique', name: typeof c.unique === 'string' ? c.unique : undefined, columns: [column] };
        out.push(add(ctx, entry, node, `UNIQUE ${columnList([column])}`, [...entry.path, 'columns', column, 'unique']));
    }
    (entry.spec.unique ?? []).forEach((u, i) => {
        const body = `UNIQUE ${u.nullsNotDistinct ? 'NULLS NOT DISTINCT ' : ''}${columnList(u.columns)}${deferrable(u)}`;
        out.push(add(ctx, entry, { kind: 'unique', name: u.name, columns: u.columns }, body, [...entry.path, 'unique', String(i)]));
    });
    return out;
}
function checks(ctx, entry) {
    const out = [];
    for (const [column, c] of Object.entries(entry.spec.columns)) {
        if (c.check === undefined)
            continue;
        const node = { kind: 'check', name: defaultNames.columnCheck(entry.name, column), columns: [column] };
        out.push(add(ctx, entry, node, `CHECK (${c.check})`, [...entry.path, 'columns', column, 'check']));
    }
    (entry.spec.checks ?? []).forEach((c, i) => {
        const node = { kind: 'check', name: c.name, check: { expression: c.expression, noInherit: c.noInherit ?? false } };
        out.push(add(ctx, entry, node, `CHECK (${c.expression})${c.noInherit ? ' NO INHERIT' : ''}`, [...entry.path, 'checks', String(i)]));
    });
    return out;
}
function exclusions(ctx, entry) {
    return Object.entries(entry.spec.exclusions ?? {}).map(([name, definition]) => add(ctx, entry, { kind: 'exclusion', name }, definition, [...entry.path, 'exclusions', name]));
}
function foreignKeyBody(entry, columns, r) {
    const target = splitQualified(r.table, entry.schema);
    const refColumns = r.columns ?? (r.column !== undefined ? [r.column] : undefined);
    let body = `FOREIGN KEY ${columnList(columns)} REFERENCES ${qualifiedName(target.schema, target.name)}`;
    if (refColumns)
        body += ` ${columnList(refColumns)}`;
    if (r.match === 'full')
        body += ' MATCH FULL';
    if (r.onDelete !== undefined)
        body += ` ON DELETE ${ACTION_SQL[r.onDelete] ?? String(r.onDelete).toUpperCase()}`;
    if (r.onUpdate !== undefined)
        body += ` ON UPDATE ${ACTION_SQL[r.onUpdate] ?? String(r.onUpdate).toUpperCase()}`;
    return body + deferrable(r);
}
function foreignKeys(ctx, entry) {
    const out = [];
    for (const [column, c] of Object.entries(entry.spec.columns)) {
        if (c.references === undefined)
            continue;
        const node = { kind: 'foreign_key', name: c.references.name, columns: [column] };
        out.push(add(ctx, entry, node, foreignKeyBody(entry, [column], c.references), [...entry.path, 'columns', column, 'references']));
    }
    (entry.spec.foreignKeys ?? []).forEach((fk, i) => {
        const node = { kind: 'foreign_key', name: fk.name ?? fk.references.name, columns: fk.columns };
        out.push(add(ctx, entry, node, foreignKeyBody(entry, fk.columns, fk.references), [...entry.path, 'foreignKeys', String(i)]));
    });
    return out;
}
/** Every table's constraints, one kind of constraint at a time (see the module comment). */
export function constraintStatements(ctx) {
    const out = [];
    for (const ofKind of [primaryKeys, uniques, checks, exclusions, foreignKeys]) {
        for (const entry of ctx.tables.leavesFirst)
            for (const s of ofKind(ctx, entry))
                out.push(s);
    }
    return out;
}
//# sourceMappingURL=ddl.js.map