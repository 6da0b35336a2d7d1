/** SQL for schemas: the one emitter for spec→DDL, model→DDL and the plan. */
import { quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { commentSql, doBlock } from '../sql.js';
export function createSchemaSql(name) {
    return `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(name)}`;
}
export function dropSchemaSql(name) {
    return `DROP SCHEMA IF EXISTS ${quoteIdent(name)}`;
}
/**
 * DROP SCHEMA, only when it holds nothing: the way back of a CREATE SCHEMA
 * IF NOT EXISTS, which may have found the schema there already (one outside
 * the audited schemas, whose objects the audit never read).
 */
export function dropSchemaIfEmptySql(name) {
    return doBlock([
        `${dropSchemaSql(name)};`,
        'EXCEPTION WHEN dependent_objects_still_exist THEN',
        `  RAISE NOTICE 'schema % holds objects: kept', ${quoteLiteral(name)};`,
    ]);
}
export function commentOnSchemaSql(name, comment) {
    return commentSql('SCHEMA', quoteIdent(name), comment);
}
//# sourceMappingURL=sql.js.map