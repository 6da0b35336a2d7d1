/**
 * Indexes from the catalog: `pg_index` rows of the tables in scope, and the
 * texts of further expression keys, streamed (see kind-catalog.ts).
 */
import { sql } from 'kysely';
import { integers } from '../../introspect/postgres/catalog-text.js';
import { tableScope } from '../../introspect/postgres/table-scope.js';
/**
 * The select list of {@link indexesQuery}, in order (array row mode, every
 * value text). attnums (int2vector): key then INCLUDE columns, 0 marks an
 * expression; options (int2vector), per key column: bit 1 DESC, bit 2 NULLS
 * FIRST; opclass_oids and collation_oids (oidvector), per key column (0: no
 * collation); first_expression: the text of the first expression key part,
 * null when there is none (the others come from INDEX_EXPRESSION_FIELDS).
 */
export const INDEX_FIELDS = [
    'table_oid',
    'oid',
    'name',
    'method',
    'is_unique',
    'is_primary',
    'is_valid',
    'nulls_not_distinct',
    'key_count',
    'attnums',
    'options',
    'opclass_oids',
    'collation_oids',
    'predicate',
    'first_expression',
    'definition',
    'comment',
];
/** The select list of {@link indexExpressionsQuery}: one expression key part of an index with several; position is 1-based. */
export const INDEX_EXPRESSION_FIELDS = ['index_oid', 'position', 'expression'];
/**
 * Every index of every table in scope, as raw catalog columns plus the
 * server's deparsed definition and predicate. The select list holds no
 * correlated subquery, so PostgreSQL may run it, deparsing included, in
 * parallel workers; key columns, operator classes and collations are
 * resolved by name client-side (see name-lookups.ts), and so is the
 * constraint an index implements (from the constraint rows). The text of the
 * first expression key part comes along (most expression indexes have just
 * one), the others from indexExpressionsQuery. No ORDER BY: each table's
 * indexes are sorted by name when it is assembled.
 */
export function indexesQuery(scope) {
    // indnullsnotdistinct arrived in PostgreSQL 15.
    const nullsNotDistinct = scope.major >= 15 ? sql `i.indnullsnotdistinct` : sql `false`;
    return {
        fields: INDEX_FIELDS,
        sql: sql `
      with ${tableScope(scope)}
      select i.indrelid as table_oid, i.indexrelid as oid, ic.relname as name, am.amname as method,
             i.indisunique as is_unique, i.indisprimary as is_primary, i.indisvalid as is_valid,
             ${nullsNotDistinct} as nulls_not_distinct,
             i.indnkeyatts as key_count,
             i.indkey as attnums,
             i.indoption as options,
             i.indclass as opclass_oids,
             i.indcollation as collation_oids,
             pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) as predicate,
             case when i.indexprs is not null then   -- key position: 1-based; int2vector subscripts start at 0
               pg_catalog.pg_get_indexdef(i.indexrelid,
                 pg_catalog.array_position(i.indkey::int2[], 0::int2) - pg_catalog.array_lower(i.indkey::int2[], 1) + 1, true)
             end as first_expression,
             pg_catalog.pg_get_indexdef(i.indexrelid) as definition,
             d.description as comment
      from scope
      join pg_catalog.pg_index i on i.indrelid = scope.oid
      join pg_catalog.pg_class ic on ic.oid = i.indexrelid
      join pg_catalog.pg_am am on am.oid = ic.relam
      left join pg_catalog.pg_description d                  -- index comment
        on d.objoid = i.indexrelid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = 0`,
    };
}
/**
 * The text of each expression key part (`lower(email)`) of the indexes with
 * more than one: one `pg_get_indexdef(index, k)` per such key part.
 */
export function indexExpressionsQuery(scope) {
    return {
        fields: INDEX_EXPRESSION_FIELDS,
        sql: sql `
      with ${tableScope(scope)}
      select i.indexrelid as index_oid, k.ord as position,
             pg_catalog.pg_get_indexdef(i.indexrelid, k.ord::int, true) as expression
      from scope
      join pg_catalog.pg_index i on i.indrelid = scope.oid and i.indexprs is not null
        and pg_catalog.cardinality(pg_catalog.array_positions(i.indkey::int2[], 0::int2)) > 1
      cross join lateral unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
      where k.attnum = 0`,
    };
}
const INDOPTION_DESC = 1;
const INDOPTION_NULLS_FIRST = 2;
/** The `default` collation's fixed OID. */
const DEFAULT_COLLATION_OID = '100';
/**
 * An index row as a model index, given its table's columns and their key
 * collations (COLUMN_FIELDS' key_collation) by attnum, the texts of its
 * expression key parts by position when it has several (else undefined),
 * and the names of operator classes and collations. Its `constraint` is
 * null here: the constraint rows, which come later, say it.
 */
export function decodeIndex(row, columns, keyCollations, expressions, names) {
    const [, , name, method, isUnique, isPrimary, isValid, nullsNotDistinct, keyCount, attnumsText, optionsText, opclassText, collationText, predicate, firstExpression, definition, comment] = row;
    const attnums = integers(attnumsText);
    const options = integers(optionsText);
    const opclassOids = opclassText.split(' ');
    const collationOids = collationText.split(' ');
    const nKeys = Number(keyCount);
    const keys = [];
    for (let k = 0; k < nKeys; k++) {
        const attnum = attnums[k] ?? 0;
        const option = options[k] ?? 0;
        // A key collation is worth stating only when it is not the one the key
        // has anyway: the column's own, or `default` for an expression.
        const coll = collationOids[k] ?? '0';
        const own = attnum === 0 ? DEFAULT_COLLATION_OID : (keyCollations[attnum] ?? DEFAULT_COLLATION_OID);
        keys.push({
            column: attnum === 0 ? null : (columns[attnum]?.name ?? null),
            // An index with one expression has its text in the row; several: by position.
            expression: attnum === 0 ? (expressions === undefined ? firstExpression : (expressions[k + 1] ?? null)) : null,
            order: (option & INDOPTION_DESC) !== 0 ? 'desc' : 'asc',
            nulls: (option & INDOPTION_NULLS_FIRST) !== 0 ? 'first' : 'last',
            opclass: names.opclasses.get(opclassOids[k] ?? '0') ?? null,
            collation: coll === '0' || coll === own ? null : (names.collations.get(coll) ?? null),
        });
    }
    const include = [];
    for (let k = nKeys; k < attnums.length; k++)
        include.push(columns[attnums[k]]?.name ?? String(attnums[k]));
    return {
        name: name,
        method: method,
        unique: isUnique === 't',
        primary: isPrimary === 't',
        keys,
        include,
        where: predicate,
        nullsNotDistinct: nullsNotDistinct === 't',
        valid: isValid === 't',
        constraint: null,
        definition: definition,
        comment,
    };
}
/** How indexes are read: expression texts first, which the index rows need (see kind-catalog.ts). */
export const INDEX_CATALOG = {
    role: 'member',
    statements: [
        { step: 'indexExpression', query: indexExpressionsQuery },
        { step: 'index', query: indexesQuery },
    ],
};
//# sourceMappingURL=catalog.js.map