/** SQL for enum types: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName, quoteLiteral } from '../../model/identifiers.js';
import { commentSql, doIf, regtype } from '../sql.js';
export function createEnumSql(schema, name, values) {
    return `CREATE TYPE ${qualifiedName(schema, name)} AS ENUM (${values.map(quoteLiteral).join(', ')})`;
}
/** CREATE TYPE … AS ENUM, only when no type of that name exists (re-runnable). */
export function createEnumIfMissingSql(schema, name, values) {
    return doIf(`${regtype(schema, name)} IS NULL`, createEnumSql(schema, name, values));
}
/**
 * `ALTER TYPE … ADD VALUE IF NOT EXISTS`. It cannot run inside a transaction
 * block that uses the new label, so each runs (and commits) on its own.
 */
export function addEnumValueSql(schema, name, value, position) {
    const where = position === null ? '' : 'before' in position ? ` BEFORE ${quoteLiteral(position.before)}` : ` AFTER ${quoteLiteral(position.after)}`;
    return `ALTER TYPE ${qualifiedName(schema, name)} ADD VALUE IF NOT EXISTS ${quoteLiteral(value)}${where}`;
}
export function dropEnumSql(schema, name) {
    return `DROP TYPE IF EXISTS ${qualifiedName(schema, name)}`;
}
export function commentOnTypeSql(schema, name, comment) {
    return commentSql('TYPE', qualifiedName(schema, name), comment);
}
//# sourceMappingURL=sql.js.map