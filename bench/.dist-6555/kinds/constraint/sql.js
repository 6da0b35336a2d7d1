/** SQL for table constraints: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { commentSql, doBlock, doIf, regclass } from '../sql.js';
/** `ALTER TABLE … ADD [CONSTRAINT name] body`; unnamed, PostgreSQL picks the name. */
export function addConstraintSql(schema, table, name, body) {
    return `ALTER TABLE ${qualifiedName(schema, table)} ADD ${name !== undefined ? `CONSTRAINT ${quoteIdent(name)} ` : ''}${body}`;
}
function constraintExists(schema, table, name) {
    return `EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = ${regclass(schema, table)} AND conname = ${quoteLiteral(name)})`;
}
/** `ALTER TABLE … ADD CONSTRAINT name body`, only when the table has no constraint of that name (re-runnable). */
export function addConstraintIfMissingSql(schema, table, name, body) {
    return doIf(`NOT ${constraintExists(schema, table, name)}`, addConstraintSql(schema, table, name, body));
}
export function dropConstraintSql(schema, table, name) {
    return `ALTER TABLE IF EXISTS ${qualifiedName(schema, table)} DROP CONSTRAINT IF EXISTS ${quoteIdent(name)}`;
}
export function validateConstraintSql(schema, table, name) {
    return `ALTER TABLE ${qualifiedName(schema, table)} VALIDATE CONSTRAINT ${quoteIdent(name)}`;
}
/** `ALTER TABLE … RENAME CONSTRAINT from TO to`, only when `from` exists. */
export function renameConstraintIfExistsSql(schema, table, from, to) {
    return doIf(constraintExists(schema, table, from), `ALTER TABLE ${qualifiedName(schema, table)} RENAME CONSTRAINT ${quoteIdent(from)} TO ${quoteIdent(to)}`);
}
export function commentOnConstraintSql(schema, table, name, comment) {
    return commentSql('CONSTRAINT', `${quoteIdent(name)} ON ${qualifiedName(schema, table)}`, comment);
}
/** A constraint's definition without the ` NOT VALID` that pg_get_constraintdef appends to an unvalidated one. */
export function constraintBody(c) {
    return c.definition.replace(/\s+NOT VALID$/, '');
}
/** `definition` as ADD CONSTRAINT takes it: with NOT VALID when the constraint is not validated. */
export function constraintDefinitionSql(c) {
    // NOT ENFORCED (18+) implies not validated, and PostgreSQL prints only that.
    return c.validated || / NOT ENFORCED$/.test(c.definition) ? c.definition : `${c.definition} NOT VALID`;
}
/** `DEFERRABLE INITIALLY DEFERRED` etc. for `ADD CONSTRAINT … USING INDEX`. */
export function deferrableClause(c) {
    if (!c.deferrable)
        return '';
    return c.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
}
const CREATION_RANK = { primary_key: 0, unique: 1, check: 2, exclusion: 3, foreign_key: 4 };
/** Constraints in the order they can be created: keys, checks, exclusions, then foreign keys (each by name). */
export function inCreationOrder(list) {
    return [...list].sort((x, y) => CREATION_RANK[x.kind] - CREATION_RANK[y.kind] || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}
/** `PRIMARY KEY USING INDEX name` / `UNIQUE USING INDEX name`, with the constraint's deferrability. */
export function usingIndexBody(c, index) {
    return `${c.kind === 'primary_key' ? 'PRIMARY KEY' : 'UNIQUE'} USING INDEX ${quoteIdent(index)}${deferrableClause(c)}`;
}
/**
 * Replace primary key or unique constraint `c` by one of the same name on
 * the (already built) unique index `index`, in one statement, only when
 * that index exists: the table is never without its key.
 */
export function swapKeyConstraintSql(schema, table, c, index) {
    return doBlock([
        `IF EXISTS (SELECT FROM pg_catalog.pg_class WHERE oid = ${regclass(schema, index)}) THEN`,
        `  ALTER TABLE ${qualifiedName(schema, table)} DROP CONSTRAINT IF EXISTS ${quoteIdent(c.name)};`,
        `  ${addConstraintSql(schema, table, c.name, usingIndexBody(c, index))};`,
        'END IF;',
    ]);
}
//# sourceMappingURL=sql.js.map