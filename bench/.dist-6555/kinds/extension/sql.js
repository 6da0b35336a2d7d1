/** SQL for extensions: the one emitter for spec→DDL, model→DDL and the plan. */
import { quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { commentSql, doBlock } from '../sql.js';
export function createExtensionSql(name, options = {}) {
    let sql = `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(name)}`;
    if (options.schema !== undefined)
        sql += ` WITH SCHEMA ${quoteIdent(options.schema)}`;
    if (options.version !== undefined)
        sql += ` VERSION ${quoteLiteral(options.version)}`;
    if (options.cascade === true)
        sql += ' CASCADE';
    return sql;
}
/** Never CASCADE: fails while an object outside the extension still uses it. */
export function dropExtensionSql(name) {
    return `DROP EXTENSION IF EXISTS ${quoteIdent(name)}`;
}
/** Runs the extension's update scripts; a notice, no error, when it is at that version already. */
export function updateExtensionSql(name, version) {
    return `ALTER EXTENSION ${quoteIdent(name)} UPDATE TO ${quoteLiteral(version)}`;
}
/** Moves a relocatable extension's objects; does nothing when they are there already. */
/**
 * Brings an extension to `version`, re-runnably: nothing when it is there;
 * its update scripts when the server has a path; else (extensions ship
 * scripts that upgrade, rarely ones that downgrade) DROP EXTENSION, without
 * CASCADE, so it fails while anything outside the extension uses it, and
 * CREATE EXTENSION at that version in `schema`, refused for an extension
 * that holds configuration data (pg_extension.extconfig), which the drop
 * would delete.
 */
export function changeExtensionVersionSql(name, schema, version) {
    const ext = quoteLiteral(name);
    const target = quoteLiteral(version);
    return doBlock([
        `SELECT e.extversion, e.extconfig IS NOT NULL INTO current, holds_data FROM pg_catalog.pg_extension e WHERE e.extname = ${ext};`,
        `IF current IS NULL OR current = ${target} THEN`,
        '  RETURN;',
        `ELSIF EXISTS (SELECT FROM pg_catalog.pg_extension_update_paths(${ext}) p WHERE p.source = current AND p.target = ${target} AND p.path IS NOT NULL) THEN`,
        `  ${updateExtensionSql(name, version)};`,
        'ELSIF holds_data THEN',
        `  RAISE EXCEPTION 'extension % has no update path from version % to %, and holds configuration data that dropping it would delete', ${ext}, current, ${target};`,
        'ELSE',
        `  ${dropExtensionSql(name)};`,
        `  ${createExtensionSql(name, { schema, version })};`,
        'END IF;',
    ], ['current text;', 'holds_data boolean;']);
}
export function setExtensionSchemaSql(name, schema) {
    return `ALTER EXTENSION ${quoteIdent(name)} SET SCHEMA ${quoteIdent(schema)}`;
}
export function commentOnExtensionSql(name, comment) {
    return commentSql('EXTENSION', quoteIdent(name), comment);
}
//# sourceMappingURL=sql.js.map