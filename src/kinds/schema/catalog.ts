/** Schemas from the catalog: `pg_namespace`, system and extension-owned ones left out. */
import { sql, type RawBuilder } from 'kysely';
import { sectionCatalog, type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import { notExtensionMember, schemaFilter } from '../../introspect/postgres/system-filters.js';
import { sortBy } from '../../model/sort.js';
import type { SchemaInfo } from './model.js';

/** A row of {@link schemasQuery}. */
export interface RawSchemaRow {
  name: string;
  comment: string | null;
}

/** The schemas in scope, with their comments. */
export function schemasQuery({ schemas, excludeSchemas }: CatalogScope): RawBuilder<RawSchemaRow> {
  return sql<RawSchemaRow>`
    select n.nspname as name, d.description as comment
    from pg_catalog.pg_namespace n
    left join pg_catalog.pg_description d                  -- schema comment
      on d.objoid = n.oid and d.classoid = 'pg_catalog.pg_namespace'::regclass and d.objsubid = 0
    where ${schemaFilter('n', schemas, excludeSchemas)}
      and ${notExtensionMember('n.oid', 'pg_catalog.pg_namespace')}
    order by n.nspname`;
}

/** The model's schemas, sorted by name (code-unit order, never the database's collation). */
export function decodeSchemas(rows: readonly RawSchemaRow[]): SchemaInfo[] {
  return sortBy(
    rows.map((s): SchemaInfo => ({ name: s.name, comment: s.comment })),
    (s) => s.name,
  );
}

/** How schemas are read: see kind-catalog.ts. */
export const SCHEMA_CATALOG = sectionCatalog(schemasQuery, decodeSchemas);
