/** SQL for views and materialized views: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { commentSql } from '../sql.js';
/** `VIEW`, `MATERIALIZED VIEW`. */
export function viewKeyword(kind) {
    return kind === 'materialized_view' ? 'MATERIALIZED VIEW' : 'VIEW';
}
/** `security_barrier='true'`: the name quoted part by part (`toast.fillfactor`), the value a literal. */
function optionSql(option) {
    const eq = option.indexOf('=');
    const name = eq < 0 ? option : option.slice(0, eq);
    const value = eq < 0 ? 'true' : option.slice(eq + 1);
    return `${name.split('.').map(quoteIdent).join('.')} = ${quoteLiteral(value)}`;
}
function withOptions(options) {
    return options.length === 0 ? '' : ` WITH (${options.map(optionSql).join(', ')})`;
}
/** The query without a final `;` and surrounding blank space. */
export function queryBody(definition) {
    return definition.trim().replace(/;$/, '').trimEnd();
}
/**
 * `CREATE [OR REPLACE] VIEW … AS …`, or `CREATE MATERIALIZED VIEW IF NOT
 * EXISTS … AS … WITH [NO] DATA` (a materialized view cannot be replaced).
 */
export function createViewSql(v, options = {}) {
    const name = qualifiedName(v.schema, v.name);
    const body = queryBody(v.definition);
    if (v.kind === 'materialized_view') {
        return `CREATE MATERIALIZED VIEW IF NOT EXISTS ${name}${withOptions(v.options)} AS\n${body}\nWITH ${v.withData === false ? 'NO DATA' : 'DATA'}`;
    }
    return `CREATE ${options.orReplace ? 'OR REPLACE ' : ''}VIEW ${name}${withOptions(v.options)} AS\n${body}`;
}
export function dropViewSql(schema, name, kind) {
    return `DROP ${viewKeyword(kind)} IF EXISTS ${qualifiedName(schema, name)}`;
}
export function commentOnViewSql(schema, name, kind, comment) {
    return commentSql(viewKeyword(kind), qualifiedName(schema, name), comment);
}
/** `REFRESH MATERIALIZED VIEW …` (WITH NO DATA empties it). */
export function refreshSql(schema, name, withData) {
    return `REFRESH MATERIALIZED VIEW ${qualifiedName(schema, name)}${withData ? '' : ' WITH NO DATA'}`;
}
/** `ALTER VIEW … SET (…)` / `RESET (…)`: options of a view, or storage parameters of a materialized view. */
export function setOptionsSql(schema, name, kind, set, reset) {
    const target = `ALTER ${viewKeyword(kind)} ${qualifiedName(schema, name)}`;
    const out = [];
    if (reset.length)
        out.push(`${target} RESET (${reset.map((o) => o.split('=')[0].split('.').map(quoteIdent).join('.')).join(', ')})`);
    if (set.length)
        out.push(`${target} SET (${set.map(optionSql).join(', ')})`);
    return out;
}
/** `CREATE [UNIQUE] INDEX IF NOT EXISTS …` from `pg_get_indexdef`'s text (or a spec's). */
export function createIndexIfMissingSql(definition) {
    return queryBody(definition).replace(/^CREATE (UNIQUE )?INDEX (?!IF NOT EXISTS )/i, (m) => `${m}IF NOT EXISTS `);
}
export function dropIndexSql(schema, name) {
    return `DROP INDEX IF EXISTS ${qualifiedName(schema, name)}`;
}
//# sourceMappingURL=sql.js.map