/** SQL for columns: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { commentSql, doBlock, doIf, objectNameSql, regclass } from '../sql.js';
/** `name type [COLLATE c] [GENERATED …] [DEFAULT d] [NOT NULL]`. */
export function columnDefinitionSql(c) {
    let sql = `${quoteIdent(c.name)} ${c.type}`;
    if (c.collation !== null)
        sql += ` COLLATE ${c.collation}`;
    if (c.generated !== null)
        sql += ` GENERATED ALWAYS AS (${c.generated.expression}) ${c.generated.kind === 'virtual' ? 'VIRTUAL' : 'STORED'}`;
    if (c.identity !== null) {
        sql += ` GENERATED ${c.identity.kind === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`;
        if (c.identity.sequenceOptions.length > 0)
            sql += ` (${c.identity.sequenceOptions.join(' ')})`;
    }
    if (c.default !== null)
        sql += ` DEFAULT ${c.default}`;
    if (c.notNull)
        sql += ' NOT NULL';
    return sql;
}
export function addColumnSql(schema, table, definition) {
    return `ALTER TABLE ${qualifiedName(schema, table)} ADD COLUMN IF NOT EXISTS ${columnDefinitionSql(definition)}`;
}
export function dropColumnSql(schema, table, column) {
    return `ALTER TABLE IF EXISTS ${qualifiedName(schema, table)} DROP COLUMN IF EXISTS ${quoteIdent(column)}`;
}
export function alterColumnSql(schema, table, column, action) {
    return `ALTER TABLE ${qualifiedName(schema, table)} ALTER COLUMN ${quoteIdent(column)} ${action}`;
}
export function commentOnColumnSql(schema, table, column, comment) {
    return commentSql('COLUMN', `${qualifiedName(schema, table)}.${quoteIdent(column)}`, comment);
}
/**
 * Functions whose result differs per row: a column added with such a
 * default is filled row by row, which rewrites the whole table.
 */
const VOLATILE_CALL = /\b(random|gen_random_uuid|gen_random_bytes|uuid_generate_v1|uuid_generate_v1mc|uuid_generate_v4|uuidv4|uuidv7|clock_timestamp|timeofday|nextval|txid_current|pg_current_xact_id)\s*\(/i;
/** True when adding a column with this default would evaluate it per row (and rewrite the table). */
export function isVolatileDefault(expression) {
    return VOLATILE_CALL.test(expression);
}
/** The sequence a `nextval('…'::regclass)` default draws from, as written in the default. */
export function nextvalSequence(expression) {
    const m = expression === null ? null : /^nextval\('((?:[^']|'')+)'::regclass\)$/.exec(expression);
    return m ? m[1].replace(/''/g, "'") : null;
}
/** A model column as a definition, as the plan writes it (CREATE TABLE, ADD COLUMN). */
export function modelColumnDefinition(c, o) {
    return {
        name: c.name,
        type: c.type,
        collation: c.collation === null ? null : objectNameSql(c.collation, o.knownSchemas),
        generated: c.generated,
        identity: c.identity === null ? null : { kind: c.identity, sequenceOptions: [] },
        default: o.withDefault ? c.default : null,
        notNull: o.withNotNull && !c.nullable,
    };
}
/** `ADD GENERATED … AS IDENTITY` to a column, unless it is already an identity column (re-runnable). */
export function addIdentityIfMissingSql(schema, table, column, kind) {
    return doIf(`NOT EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = ${regclass(schema, table)} AND attname = ${quoteLiteral(column)} AND attidentity <> '')`, alterColumnSql(schema, table, column, `ADD GENERATED ${kind === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY`));
}
/** Set the sequence behind an identity or serial column past the largest value the column holds. */
export function syncColumnSequenceSql(schema, table, column) {
    return (`SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(${quoteLiteral(qualifiedName(schema, table))}, ${quoteLiteral(column)}), ` +
        `COALESCE(max(${quoteIdent(column)}), 0) + 1, false) FROM ${qualifiedName(schema, table)}`);
}
/**
 * Fill `column` where it is NULL. With a primary key: a DO block that walks
 * the key in ranges of `batchSize` rows and commits after each, so no row
 * stays locked for longer than one batch and a re-run resumes (only NULLs
 * are touched); it cannot run inside a transaction block (`batched`).
 * Without a primary key: one UPDATE.
 */
export function backfillSql(t) {
    const target = qualifiedName(t.schema, t.table);
    const set = `SET ${quoteIdent(t.column)} = ${t.value === 'DEFAULT' ? 'DEFAULT' : `(${t.value})`}`;
    const isNull = `${quoteIdent(t.column)} IS NULL`;
    if (t.key.length === 0)
        return { sql: `UPDATE ${target} ${set} WHERE ${isNull}`, batched: false };
    const cols = t.key.map((k) => quoteIdent(k.name));
    const row = (xs) => (xs.length === 1 ? xs[0] : `(${xs.join(', ')})`);
    const last = t.key.map((_, i) => `_sa_last_${i + 1}`);
    const next = t.key.map((_, i) => `_sa_next_${i + 1}`);
    const after = `(NOT _sa_started OR ${row(cols)} > ${row(last)})`;
    const sql = doBlock([
        'LOOP',
        `  SELECT ${cols.join(', ')} INTO ${next.join(', ')} FROM (`,
        `    SELECT ${cols.join(', ')} FROM ${target} WHERE ${after}`,
        `    ORDER BY ${cols.join(', ')} LIMIT ${t.batchSize}`,
        `  ) AS _sa_batch ORDER BY ${cols.map((c) => `${c} DESC`).join(', ')} LIMIT 1;`,
        '  EXIT WHEN NOT FOUND;',
        `  UPDATE ${target} ${set}`,
        `    WHERE ${after} AND ${row(cols)} <= ${row(next)} AND ${isNull};`,
        ...last.map((l, i) => `  ${l} := ${next[i]};`),
        '  _sa_started := true;',
        '  COMMIT;',
        'END LOOP;',
    ], [...t.key.flatMap((k, i) => [`${last[i]} ${k.type};`, `${next[i]} ${k.type};`]), '_sa_started boolean := false;']);
    return { sql, batched: true };
}
//# sourceMappingURL=sql.js.map