/** SQL for domains: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { commentSql, doIf, regtype } from '../sql.js';
export function createDomainSql(d) {
    let sql = `CREATE DOMAIN ${qualifiedName(d.schema, d.name)} AS ${d.baseType}`;
    if (d.collation !== null)
        sql += ` COLLATE ${d.collation}`;
    if (d.default !== null)
        sql += ` DEFAULT ${d.default}`;
    if (d.notNull)
        sql += ' NOT NULL';
    for (const c of d.checks)
        sql += ` CONSTRAINT ${quoteIdent(c.name)} ${c.body}`;
    return sql;
}
/** CREATE DOMAIN, only when no type of that name exists (re-runnable). */
export function createDomainIfMissingSql(d) {
    return doIf(`${regtype(d.schema, d.name)} IS NULL`, createDomainSql(d));
}
/** A check added after the domain (CREATE DOMAIN cannot say NOT VALID). */
export function addDomainConstraintSql(schema, name, check, definition) {
    return `ALTER DOMAIN ${qualifiedName(schema, name)} ADD CONSTRAINT ${quoteIdent(check)} ${definition}`;
}
export function dropDomainSql(schema, name) {
    return `DROP DOMAIN IF EXISTS ${qualifiedName(schema, name)}`;
}
export function commentOnDomainSql(schema, name, comment) {
    return commentSql('DOMAIN', qualifiedName(schema, name), comment);
}
/** `ALTER DOMAIN … SET DEFAULT …` / `DROP DEFAULT` / `SET NOT NULL` / `DROP NOT NULL`: `action` is SQL already. */
export function alterDomainSql(schema, name, action) {
    return `ALTER DOMAIN ${qualifiedName(schema, name)} ${action}`;
}
/** A check added NOT VALID (no scan) unless the domain has one of that name already (re-runnable); `definition` is `CHECK (…)`. */
export function addDomainCheckIfMissingSql(schema, name, check, definition) {
    const exists = `EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE contypid = ${regtype(schema, name)} AND conname = ${quoteLiteral(check)})`;
    return doIf(`NOT ${exists}`, `${addDomainConstraintSql(schema, name, check, definition)} NOT VALID`);
}
/** VALIDATE CONSTRAINT: scans every column of the domain's type. */
export function validateDomainCheckSql(schema, name, check) {
    return `ALTER DOMAIN ${qualifiedName(schema, name)} VALIDATE CONSTRAINT ${quoteIdent(check)}`;
}
export function dropDomainCheckSql(schema, name, check) {
    return `ALTER DOMAIN ${qualifiedName(schema, name)} DROP CONSTRAINT IF EXISTS ${quoteIdent(check)}`;
}
//# sourceMappingURL=sql.js.map