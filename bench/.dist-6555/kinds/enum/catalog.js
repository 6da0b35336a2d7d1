/** Enum types from the catalog: `pg_type` (typtype 'e') and their `pg_enum` labels. */
import { sql } from 'kysely';
import { sectionCatalog } from '../../introspect/postgres/kind-catalog.js';
import { notExtensionMember, schemaFilter } from '../../introspect/postgres/system-filters.js';
import { sortBy } from '../../model/sort.js';
/** The enum types in scope, their labels in sort order. */
export function enumsQuery({ schemas }) {
    return sql `
    select n.nspname as schema, t.typname as name,
           array(select e.enumlabel::text from pg_catalog.pg_enum e
                 where e.enumtypid = t.oid order by e.enumsortorder) as values,
           d.description as comment
    from pg_catalog.pg_type t
    join pg_catalog.pg_namespace n on n.oid = t.typnamespace
    left join pg_catalog.pg_description d                  -- type comment
      on d.objoid = t.oid and d.classoid = 'pg_catalog.pg_type'::regclass and d.objsubid = 0
    where t.typtype = 'e'
      and ${schemaFilter('n', schemas)}
      and ${notExtensionMember('t.oid', 'pg_catalog.pg_type')}
    order by n.nspname, t.typname`;
}
/** The model's enums, sorted by schema and name (code-unit order). */
export function decodeEnums(rows) {
    return sortBy(rows.map((e) => ({ schema: e.schema, name: e.name, values: e.values, comment: e.comment })), (e) => e.schema, (e) => e.name);
}
/** How enums are read: see kind-catalog.ts. */
export const ENUM_CATALOG = sectionCatalog(enumsQuery, decodeEnums);
//# sourceMappingURL=catalog.js.map