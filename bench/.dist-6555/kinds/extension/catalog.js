/** Extensions from the catalog: `pg_extension`, whatever the schemas read. */
import { sql } from 'kysely';
import { sectionCatalog } from '../../introspect/postgres/kind-catalog.js';
import { sortBy } from '../../model/sort.js';
/**
 * Extensions are database-wide, so all are listed whatever the schema filter,
 * except plpgsql, which every database has since PostgreSQL 9.0.
 */
export function extensionsQuery() {
    return sql `
    select e.extname as name, n.nspname as schema, e.extversion as version,
           e.extrelocatable as relocatable,
           d.description as comment
    from pg_catalog.pg_extension e
    join pg_catalog.pg_namespace n on n.oid = e.extnamespace
    left join pg_catalog.pg_description d                  -- extension comment (the control file's, unless changed)
      on d.objoid = e.oid and d.classoid = 'pg_catalog.pg_extension'::regclass and d.objsubid = 0
    where e.extname <> 'plpgsql'
    order by e.extname`;
}
/** The model's extensions, sorted by name (code-unit order). */
export function decodeExtensions(rows) {
    return sortBy(rows.map((e) => ({ name: e.name, schema: e.schema, version: e.version, relocatable: e.relocatable, comment: e.comment })), (e) => e.name);
}
/** How extensions are read: see kind-catalog.ts. */
export const EXTENSION_CATALOG = sectionCatalog(extensionsQuery, decodeExtensions);
//# sourceMappingURL=catalog.js.map