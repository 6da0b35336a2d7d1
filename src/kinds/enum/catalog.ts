/** Enum types from the catalog: `pg_type` (typtype 'e') and their `pg_enum` labels. */
import { sql, type RawBuilder } from 'kysely';
import { sectionCatalog, type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import { notExtensionMember, schemaFilter } from '../../introspect/postgres/system-filters.js';
import { sortBy } from '../../model/sort.js';
import type { EnumType } from './model.js';

/** A row of {@link enumsQuery}. */
export interface RawEnumRow {
  schema: string;
  name: string;
  /** Labels in `enumsortorder` (the order `ALTER TYPE ... ADD VALUE ... BEFORE` gives), not creation order. */
  values: string[];
  comment: string | null;
}

/** The enum types in scope, their labels in sort order. */
export function enumsQuery({ schemas, excludeSchemas }: CatalogScope): RawBuilder<RawEnumRow> {
  return sql<RawEnumRow>`
    select n.nspname as schema, t.typname as name,
           array(select e.enumlabel::text from pg_catalog.pg_enum e
                 where e.enumtypid = t.oid order by e.enumsortorder) as values,
           d.description as comment
    from pg_catalog.pg_type t
    join pg_catalog.pg_namespace n on n.oid = t.typnamespace
    left join pg_catalog.pg_description d                  -- type comment
      on d.objoid = t.oid and d.classoid = 'pg_catalog.pg_type'::regclass and d.objsubid = 0
    where t.typtype = 'e'
      and ${schemaFilter('n', schemas, excludeSchemas)}
      and ${notExtensionMember('t.oid', 'pg_catalog.pg_type')}
    order by n.nspname, t.typname`;
}

/** The model's enums, sorted by schema and name (code-unit order). */
export function decodeEnums(rows: readonly RawEnumRow[]): EnumType[] {
  return sortBy(
    rows.map((e): EnumType => ({ schema: e.schema, name: e.name, values: e.values, comment: e.comment })),
    (e) => e.schema,
    (e) => e.name,
  );
}

/** How enums are read: see kind-catalog.ts. */
export const ENUM_CATALOG = sectionCatalog(enumsQuery, decodeEnums);
