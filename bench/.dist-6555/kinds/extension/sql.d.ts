export interface CreateExtensionOptions {
    /** `WITH SCHEMA`: where its objects go (default: the first schema of the search path). */
    readonly schema?: string;
    /** `VERSION`: default, the control file's default version. */
    readonly version?: string;
    /** `CASCADE`: the extensions it requires come with it. */
    readonly cascade?: boolean;
}
export declare function createExtensionSql(name: string, options?: CreateExtensionOptions): string;
/** Never CASCADE: fails while an object outside the extension still uses it. */
export declare function dropExtensionSql(name: string): string;
/** Runs the extension's update scripts; a notice, no error, when it is at that version already. */
export declare function updateExtensionSql(name: string, version: string): string;
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
export declare function changeExtensionVersionSql(name: string, schema: string, version: string): string;
export declare function setExtensionSchemaSql(name: string, schema: string): string;
export declare function commentOnExtensionSql(name: string, comment: string): string;
