/**
 * A table's constraints in the spec: `primaryKey`, `unique`, `foreignKeys`,
 * `checks` and `exclusions` of a table node, and the shorthands a column
 * writes for a one-column constraint (`references`, `unique`, `check`).
 * Their node types, JSON Schema and checks of meaning; the table's section
 * calls these pieces (from-model: spec-from-model.ts).
 *
 *   primaryKey: [id]
 *   unique:
 *     - { columns: [client_id, email] }
 *   foreignKeys:
 *     - { columns: [tenant_id, client_id], references: { table: clients, columns: [tenant_id, id] } }
 */
import { exclusive, flag, ref, text } from '../../spec-file/json-schema.js';
import { qualifiedKey, splitQualified } from '../../spec-file/names.js';
import { isRecord, strings } from '../../spec-file/values.js';
const name = (description) => text(description);
/** The definitions constraint nodes refer to (`columnList` is the column kind's). */
export const CONSTRAINT_DEFINITIONS = {
    referentialAction: {
        description: 'What a foreign key does when the referenced row changes.',
        enum: ['no action', 'restrict', 'cascade', 'set null', 'set default'],
    },
    reference: {
        description: 'The target of a foreign key.',
        type: 'object',
        additionalProperties: false,
        required: ['table'],
        properties: {
            table: text("Referenced table: `clients` (in the referencing table's schema) or `billing.clients`."),
            column: text("Referenced column; default the referenced table's primary key."),
            columns: ref('columnList', "Referenced columns (for a multi-column key); default the referenced table's primary key."),
            onDelete: ref('referentialAction', 'ON DELETE action (default no action).'),
            onUpdate: ref('referentialAction', 'ON UPDATE action (default no action).'),
            match: { description: 'MATCH type (default simple).', enum: ['simple', 'full'] },
            deferrable: flag('DEFERRABLE.'),
            initiallyDeferred: flag('INITIALLY DEFERRED.'),
            name: name("Constraint name (default PostgreSQL's, `<table>_<column>_fkey`)."),
        },
        allOf: exclusive([['column', 'columns']]),
    },
    namedColumns: {
        description: 'A primary key: its columns, and optionally its name.',
        type: 'object',
        additionalProperties: false,
        required: ['columns'],
        properties: {
            name: name('Constraint name (default `<table>_pkey`).'),
            columns: ref('columnList', 'The key columns, in order.'),
        },
    },
    unique: {
        description: 'A unique constraint.',
        type: 'object',
        additionalProperties: false,
        required: ['columns'],
        properties: {
            name: name("Constraint name (default PostgreSQL's, `<table>_<columns>_key`)."),
            columns: ref('columnList', 'The unique columns, in order.'),
            nullsNotDistinct: flag('NULLS NOT DISTINCT (PostgreSQL 15+).'),
            deferrable: flag('DEFERRABLE.'),
            initiallyDeferred: flag('INITIALLY DEFERRED.'),
        },
    },
    foreignKey: {
        description: "A foreign key (use a column's `references` for a single column).",
        type: 'object',
        additionalProperties: false,
        required: ['columns', 'references'],
        properties: {
            name: name("Constraint name (default PostgreSQL's, `<table>_<columns>_fkey`)."),
            columns: ref('columnList', 'The referencing columns of this table, in order.'),
            references: ref('reference', 'The referenced table and columns.'),
        },
    },
    check: {
        description: 'A CHECK constraint.',
        type: 'object',
        additionalProperties: false,
        required: ['expression'],
        properties: {
            name: name("Constraint name (default PostgreSQL's)."),
            expression: text('The boolean expression.', ['ends_at > starts_at']),
            noInherit: flag('NO INHERIT.'),
        },
    },
};
/** The constraint keys of a table node's schema, in the node's key order. */
/** A table's constraints' SQL text (below the table), checked by spec-file/expressions.ts. */
export const CONSTRAINT_SQL_FRAGMENTS = [
    { path: ['checks', '*', 'expression'], kind: 'expression' },
    { path: ['exclusions', '*'], kind: 'constraint' },
];
export const CONSTRAINT_PROPERTIES = {
    primaryKey: {
        description: 'Primary key: a column list, or `{ name, columns }`.',
        type: ['array', 'object'],
        if: { type: 'array' },
        then: ref('columnList'),
        else: ref('namedColumns'),
        examples: [['id'], { name: 'leads_pk', columns: ['tenant_id', 'id'] }],
    },
    unique: { description: 'Unique constraints.', type: 'array', items: ref('unique') },
    foreignKeys: { description: 'Foreign keys (multi-column, or named).', type: 'array', items: ref('foreignKey') },
    checks: { description: 'CHECK constraints.', type: 'array', items: ref('check') },
    exclusions: {
        description: 'Exclusion constraints by name: the `EXCLUDE ...` clause.',
        type: 'object',
        additionalProperties: text('An EXCLUDE clause.'),
        examples: [{ no_overlap: 'EXCLUDE USING gist (room WITH =, during WITH &&)' }],
    },
};
/** Names in `list` that are not columns of the table (`columns`: its own and its parents'). */
export function checkColumnNames(context, table, columns, list, path) {
    if (!Array.isArray(list))
        return;
    list.forEach((column, index) => {
        if (typeof column === 'string' && !columns.has(column)) {
            context.report([...path, String(index)], `${qualifiedKey(table.q.schema, table.q.name)} has no column '${column}'`);
        }
    });
}
/**
 * A reference from `localCount` columns of `from`, written at `path`: the
 * table exists (or is in a schema the spec does not own: external), its
 * columns exist, and as many as reference them. `shorthand`: a column's
 * `references`, which references one column.
 */
export function checkReference(context, tables, from, reference, localCount, path, shorthand) {
    if (!isRecord(reference) || typeof reference.table !== 'string')
        return;
    let q;
    try {
        q = splitQualified(reference.table, from.q.schema);
    }
    catch (err) {
        context.report([...path, 'table'], `invalid table name: ${err.message}`);
        return;
    }
    const key = qualifiedKey(q.schema, q.name);
    if (!tables.has(key)) {
        if (context.ownedSchemas.has(q.schema))
            context.report([...path, 'table'], `references unknown table ${key}`);
        return; // a table in a schema the spec does not own is external
    }
    const targetColumns = tables.columnsOf(key);
    let referenced;
    if (typeof reference.column === 'string') {
        referenced = [reference.column];
        if (!targetColumns.has(reference.column))
            context.report([...path, 'column'], `${key} has no column '${reference.column}'`);
    }
    else if (Array.isArray(reference.columns)) {
        referenced = strings(reference.columns);
        reference.columns.forEach((c, i) => {
            if (typeof c === 'string' && !targetColumns.has(c))
                context.report([...path, 'columns', String(i)], `${key} has no column '${c}'`);
        });
        if (shorthand && referenced.length !== 1) {
            context.report([...path, 'columns'], `a column references one column, not ${referenced.length} (use the table's foreignKeys)`);
            return;
        }
    }
    else {
        referenced = tables.primaryKeyOf(key);
        if (referenced === undefined) {
            context.report([...path, 'table'], `${key} has no primary key: name the referenced column${localCount === 1 ? '' : 's'}`);
            return;
        }
    }
    if (referenced.length !== localCount) {
        context.report(path, `${localCount} column${localCount === 1 ? '' : 's'} cannot reference ${referenced.length} (${referenced.join(', ')})`);
    }
}
/** The column lists of a table's primary key, unique constraints and foreign keys, and its foreign keys' references. */
export function checkConstraints(context, tables, info, columns) {
    const base = ['tables', info.q.schema, info.q.name];
    const { table } = info;
    if (Array.isArray(table.primaryKey))
        checkColumnNames(context, info, columns, table.primaryKey, [...base, 'primaryKey']);
    else if (isRecord(table.primaryKey))
        checkColumnNames(context, info, columns, table.primaryKey.columns, [...base, 'primaryKey', 'columns']);
    if (Array.isArray(table.unique)) {
        table.unique.forEach((u, i) => {
            if (isRecord(u))
                checkColumnNames(context, info, columns, u.columns, [...base, 'unique', String(i), 'columns']);
        });
    }
    if (Array.isArray(table.foreignKeys)) {
        table.foreignKeys.forEach((fk, i) => {
            if (!isRecord(fk))
                return;
            const path = [...base, 'foreignKeys', String(i)];
            checkColumnNames(context, info, columns, fk.columns, [...path, 'columns']);
            if (Array.isArray(fk.columns))
                checkReference(context, tables, info, fk.references, fk.columns.length, [...path, 'references'], false);
        });
    }
}
//# sourceMappingURL=spec.js.map