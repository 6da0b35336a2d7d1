import { type RawBuilder } from 'kysely';
/**
 * Shared WHERE fragments for every catalog query. `ns` is the alias of the
 * pg_namespace row, `obj` the OID expression of the object, `catalog` the
 * catalog holding it (for the extension-member check).
 */
/**
 * Schemas in scope. Given names: exactly those. Otherwise every schema but
 * PostgreSQL's own: `pg_catalog` and `information_schema` (system catalogs and
 * the SQL-standard views over them), `pg_toast` (out-of-line storage), and the
 * per-session `pg_temp_N` / `pg_toast_temp_N` schemas of temporary tables.
 */
export declare function schemaFilter(ns: string, schemas: readonly string[] | undefined): RawBuilder<unknown>;
/**
 * Objects that belong to an extension (`pg_depend.deptype = 'e'`) are the
 * extension's business, not the application schema's: PostGIS's
 * `spatial_ref_sys` or pg_stat_statements' views must not show up as drift.
 */
export declare function notExtensionMember(obj: string, catalog: string): RawBuilder<unknown>;
