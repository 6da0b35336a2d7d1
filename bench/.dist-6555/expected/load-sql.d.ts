import { type InputLimits } from '../spec-file/input-limits.js';
import type { IntrospectionResult } from '../introspect/introspector.js';
import type { SchemaModel } from '../model/schema-model.js';
import type { SupportedMajor } from '../server/binaries.js';
/**
 * Expected schema from SQL: a DDL file, or a folder of migrations applied in
 * name order, loaded into a scratch server of the audited server's major and
 * introspected exactly as the live database is. PostgreSQL itself then
 * normalises every spelling (int/int4/integer, BETWEEN, inline foreign keys),
 * so equivalent spellings can never show up as drift.
 *
 * The scratch server is ours alone (embedded, or a container); the audited
 * database is never written to.
 */
export interface SqlSource {
    /** The files, in the order they are applied. */
    readonly files: readonly string[];
}
export declare function sqlSourceFiles(source: string): SqlSource;
/**
 * Make a DDL script loadable as one simple-protocol query into the empty
 * scratch database: drop psql meta-commands (`\restrict`, `\connect`, ...),
 * which are not SQL, and CONCURRENTLY, which cannot run inside the implicit
 * transaction of a multi-statement query and buys nothing on an empty
 * database. Line numbers are kept, so errors still point into the file.
 */
export declare function prepareForScratch(sqlText: string): string;
/** Roles the DDL names (owners, grantees), so the scratch server can create them. */
export declare function rolesNamed(sqlText: string): string[];
/**
 * Ownership given to a role the scratch loader may not become (a superuser
 * such as `postgres` in a pg_dump script) stays with the loader: owners are
 * not part of the model, and the loader never acts as a privileged role.
 */
export declare function keepOwnership(sqlText: string, unusable: ReadonlySet<string>): string;
/** Extensions the DDL creates. */
export declare function extensionsNamed(sqlText: string): string[];
export interface LoadSqlOptions {
    readonly major: SupportedMajor;
    /**
     * A server of ours to load into (the demo's); a scratch database is created
     * there and dropped. Default: start an embedded server of `major`.
     */
    readonly serverUrl?: string;
    readonly schemas?: readonly string[];
    readonly onProgress?: (message: string) => void;
    /** The live model, to reconcile expressions with (see reconcile.ts). */
    readonly reconcile?: SchemaModel;
    /** Limits on the files read (input-limits.ts). */
    readonly limits?: InputLimits;
}
export interface LoadedExpected extends IntrospectionResult {
    /** The live model with equivalent expressions reconciled, when asked for. */
    readonly reconciledLive?: SchemaModel;
}
export declare function loadSqlSource(source: string, options: LoadSqlOptions): Promise<LoadedExpected>;
