export declare function createSchemaSql(name: string): string;
export declare function dropSchemaSql(name: string): string;
/**
 * DROP SCHEMA, only when it holds nothing: the way back of a CREATE SCHEMA
 * IF NOT EXISTS, which may have found the schema there already (one outside
 * the audited schemas, whose objects the audit never read).
 */
export declare function dropSchemaIfEmptySql(name: string): string;
export declare function commentOnSchemaSql(name: string, comment: string): string;
