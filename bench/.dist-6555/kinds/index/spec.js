/**
 * A table's indexes in the spec (the `indexes:` of a table node, by name):
 * structural (keys, `unique`, `method`, `where`, `include`, ...) or a whole
 * `CREATE INDEX` statement. The node types, JSON Schema, checks of meaning
 * and how `snapshot` writes an index; the table's section calls these.
 *
 *   indexes:
 *     idx_leads_score: { columns: [score], description: filter by score }
 *     idx_leads_email_lower: CREATE INDEX idx_leads_email_lower ON leads (lower(email))
 */
import { IDENTIFIER_PATTERN, quoteIdent, unquoteExact, unquoteIdent } from '../../model/identifiers.js';
import { exclusive, flag, needsOneOf, objectsByName, ref, text } from '../../spec-file/json-schema.js';
import { qualifiedKey } from '../../spec-file/names.js';
import { oneLine } from '../../spec-file/one-line.js';
import { isRecord } from '../../spec-file/values.js';
import { checkColumnNames } from '../constraint/spec.js';
const CREATE_INDEX_EXAMPLE = 'CREATE INDEX idx_leads_email ON leads (lower(email))';
/** A string (non-empty) or else the definition `definition`. */
const stringOr = (definition) => ({ if: { type: 'string' }, then: { minLength: 1 }, else: ref(definition) });
/** `indexKey`, `indexObject` (structural) and `index` (an object or a statement). */
export const INDEX_DEFINITIONS = {
    indexKey: {
        description: 'One key of an index: a column or an expression, with options.',
        type: 'object',
        additionalProperties: false,
        properties: {
            column: text('A column name.'),
            expression: text('An expression, e.g. `lower(email)`.'),
            order: { description: 'Sort order (default asc).', enum: ['asc', 'desc'] },
            nulls: { description: 'Where NULLs sort (default last for asc, first for desc).', enum: ['first', 'last'] },
            opclass: text('Operator class, e.g. `text_pattern_ops`.'),
            collation: text('Collation.'),
        },
        allOf: exclusive([['column', 'expression']]),
        anyOf: needsOneOf(['column', 'expression']),
    },
    indexObject: {
        description: 'An index, by structure (or as a whole statement in `sql`).',
        type: 'object',
        additionalProperties: false,
        properties: {
            columns: {
                description: 'Keys, in order: a column name, an expression such as `lower(email)`, or a key object.',
                type: 'array',
                minItems: 1,
                items: { description: 'A column name, an expression, or a key object.', type: ['string', 'object'], ...stringOr('indexKey') },
                examples: [['client_id', { column: 'created_at', order: 'desc' }]],
            },
            unique: flag('UNIQUE index.'),
            method: text('Access method (default btree).', ['btree', 'gin', 'gist', 'brin', 'hash']),
            where: text('Predicate of a partial index.', ['deleted_at IS NULL']),
            include: ref('columnList', 'INCLUDE columns.'),
            nullsNotDistinct: flag('NULLS NOT DISTINCT (PostgreSQL 15+).'),
            sql: text('The whole CREATE INDEX statement instead of the structural keys.', [CREATE_INDEX_EXAMPLE]),
            description: text('The query this index serves.'),
        },
        allOf: exclusive(['columns', 'unique', 'method', 'where', 'include', 'nullsNotDistinct'].map((key) => ['sql', key])),
        anyOf: needsOneOf(['columns', 'sql']),
    },
    index: {
        description: 'An index: an object, or a CREATE INDEX statement.',
        type: ['string', 'object'],
        ...stringOr('indexObject'),
        examples: [CREATE_INDEX_EXAMPLE, { columns: ['client_id', 'status'] }],
    },
};
/** The `indexes` key of a table node's schema. */
/** An index's SQL text (below the index: a string is a CREATE INDEX statement), checked by spec-file/expressions.ts. */
export const INDEX_SQL_FRAGMENTS = [
    { path: [], kind: 'createIndex' },
    { path: ['sql'], kind: 'createIndex' },
    { path: ['where'], kind: 'expression' },
    { path: ['columns', '*'], kind: 'indexKey' },
    { path: ['columns', '*', 'expression'], kind: 'expression' },
    { path: ['columns', '*', 'collation'], kind: 'collation' },
    { path: ['columns', '*', 'opclass'], kind: 'opclass' },
];
export const INDEXES_PROPERTY = objectsByName('Indexes by name.', 'index');
// ---------------------------------------------------------------------------
// Checks of meaning
const IDENT = IDENTIFIER_PATTERN;
const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]*$/;
/** `CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table ...`, read far enough to check names. */
function parseCreateIndex(sql) {
    const head = /^\s*create\s+(?:unique\s+)?index\s+(?:concurrently\s+)?(?:if\s+not\s+exists\s+)?/i.exec(sql);
    if (head === null)
        return undefined;
    let rest = sql.slice(head[0].length);
    const ident = new RegExp(String.raw `^(${IDENT})\s*`);
    let name;
    let m = ident.exec(rest);
    if (m === null)
        return undefined;
    if (!m[1].startsWith('"') && m[1].toLowerCase() === 'on') {
        rest = rest.slice(m[0].length);
    }
    else {
        name = unquoteIdent(m[1]);
        rest = rest.slice(m[0].length);
        const on = /^on\s+/i.exec(rest);
        if (on === null)
            return undefined;
        rest = rest.slice(on[0].length);
    }
    const only = /^only\s+/i.exec(rest);
    if (only !== null)
        rest = rest.slice(only[0].length);
    m = new RegExp(String.raw `^(${IDENT})(?:\s*\.\s*(${IDENT}))?`).exec(rest);
    if (m === null)
        return undefined;
    const parts = [m[1], m[2]].filter((p) => p !== undefined).map(unquoteIdent);
    return { name, table: parts };
}
/** A `CREATE INDEX` statement creates the index of that name on this table. */
function checkIndexSql(context, info, indexName, sql, path) {
    const parsed = parseCreateIndex(sql);
    if (parsed === undefined) {
        context.report(path, 'expected a CREATE INDEX statement (CREATE [UNIQUE] INDEX name ON table ...)');
        return;
    }
    if (parsed.name === undefined) {
        context.report(path, `the statement does not name the index; name it ${quoteIdent(indexName)}`);
    }
    else if (parsed.name !== indexName) {
        const hint = parsed.name === indexName.toLowerCase() ? ' (PostgreSQL folds unquoted names to lower case: quote it)' : '';
        context.report(path, `the statement creates index ${quoteIdent(parsed.name)}, not ${quoteIdent(indexName)}${hint}`);
    }
    const [first, second] = parsed.table;
    const matches = second === undefined ? first === info.q.name : first === info.q.schema && second === info.q.name;
    if (!matches) {
        context.report(path, `the statement creates the index on ${parsed.table.map(quoteIdent).join('.')}, not on ${qualifiedKey(info.q.schema, info.q.name)}`);
    }
}
/** The key columns of a structural index are columns of the table (a key that is not a name is an expression). */
function checkIndexKeys(context, info, columns, keys, path) {
    keys.forEach((key, i) => {
        let column;
        let keyPath = [...path, 'columns', String(i)];
        if (typeof key === 'string') {
            // A column name (exact, or a quoted identifier), else an expression.
            if (columns.has(key) || PLAIN_IDENTIFIER.test(key))
                column = key;
            else if (/^"(?:[^"]|"")+"$/.test(key))
                column = unquoteExact(key);
        }
        else if (isRecord(key) && typeof key.column === 'string') {
            column = key.column;
            keyPath = [...keyPath, 'column'];
        }
        if (column !== undefined && !columns.has(column))
            context.report(keyPath, `${qualifiedKey(info.q.schema, info.q.name)} has no column '${column}'`);
    });
}
/** The indexes of a table node: names, statements, key and INCLUDE columns (`columns`: the table's, its parents' included). */
export function checkIndexes(context, info, columns) {
    if (!isRecord(info.table.indexes))
        return;
    for (const [indexName, index] of Object.entries(info.table.indexes)) {
        const path = ['tables', info.q.schema, info.q.name, 'indexes', indexName];
        context.checkNameLength(indexName, path, 'index');
        if (typeof index === 'string') {
            checkIndexSql(context, info, indexName, index, path);
            continue;
        }
        if (!isRecord(index))
            continue;
        if (typeof index.sql === 'string')
            checkIndexSql(context, info, indexName, index.sql, [...path, 'sql']);
        if (Array.isArray(index.columns))
            checkIndexKeys(context, info, columns, index.columns, path);
        checkColumnNames(context, info, columns, index.include, [...path, 'include']);
    }
}
/** An index is a relation: its name is taken in its table's schema. */
export function indexNames(info) {
    if (!isRecord(info.table.indexes))
        return [];
    return Object.keys(info.table.indexes).map((indexName) => ({
        namespace: 'relation',
        key: qualifiedKey(info.q.schema, indexName),
        what: 'index',
        path: ['tables', info.q.schema, info.q.name, 'indexes', indexName],
    }));
}
// ---------------------------------------------------------------------------
// From the model
/** Two indexes alike but for their names (a partition's copy of its parent's index). */
export function sameIndexStructure(a, b) {
    return (a.method === b.method &&
        a.unique === b.unique &&
        a.nullsNotDistinct === b.nullsNotDistinct &&
        a.where === b.where &&
        JSON.stringify(a.keys) === JSON.stringify(b.keys) &&
        JSON.stringify(a.include) === JSON.stringify(b.include));
}
/** True when the index has something the structural form cannot express: storage parameters, a tablespace, opclass parameters. */
function needsSql(index) {
    if (/\)\s+WITH\s+\(/.test(index.definition) || /\sTABLESPACE\s/.test(index.definition))
        return true;
    return index.keys.some((k) => k.opclass !== null && index.definition.includes(`${k.opclass} (`));
}
/** An index in the spec's structural form, or its definition when the structure cannot say it all. */
export function indexSpec(t, index) {
    if (needsSql(index)) {
        // On a partitioned table PostgreSQL prints `ON ONLY`, which would skip the partitions.
        const sqlForm = { sql: oneLine(index.definition.replace(/ ON ONLY /, ' ON ')) };
        if (index.comment !== null)
            sqlForm.description = index.comment;
        return sqlForm;
    }
    const columnNames = new Set(t.columns.map((c) => c.name));
    const keys = index.keys.map((k) => {
        const defaultNulls = k.order === 'desc' ? 'first' : 'last';
        const plain = k.order === 'asc' && k.nulls === 'last' && k.opclass === null && k.collation === null;
        if (plain && k.column !== null)
            return k.column;
        const expression = oneLine(k.expression ?? '');
        if (plain && k.expression !== null && !columnNames.has(expression))
            return expression;
        const key = k.column !== null ? { column: k.column } : { expression };
        if (k.order === 'desc')
            key.order = 'desc';
        if (k.nulls !== defaultNulls)
            key.nulls = k.nulls;
        if (k.opclass !== null)
            key.opclass = k.opclass;
        if (k.collation !== null)
            key.collation = k.collation;
        return key;
    });
    const out = { columns: keys };
    if (index.unique)
        out.unique = true;
    if (index.method !== 'btree')
        out.method = index.method;
    if (index.include.length)
        out.include = [...index.include];
    if (index.nullsNotDistinct)
        out.nullsNotDistinct = true;
    if (index.where !== null)
        out.where = oneLine(index.where);
    if (index.comment !== null)
        out.description = index.comment;
    return out;
}
//# sourceMappingURL=spec.js.map