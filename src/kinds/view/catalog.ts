/** Views and materialized views from the catalog: `pg_class` (relkind 'v', 'm'). */
import { sql, type RawBuilder } from 'kysely';
import { sectionCatalog, type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import { notExtensionMember, schemaFilter } from '../../introspect/postgres/system-filters.js';
import { sortBy } from '../../model/sort.js';
import type { View } from './model.js';

/** A row of {@link viewsQuery}. */
export interface RawViewRow {
  schema: string;
  name: string;
  /** 'v' view, 'm' materialized view. */
  relkind: string;
  comment: string | null;
}

/** The views and materialized views in scope. */
export function viewsQuery({ schemas }: CatalogScope): RawBuilder<RawViewRow> {
  return sql<RawViewRow>`
    select n.nspname as schema, c.relname as name, c.relkind::text as relkind, d.description as comment
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    left join pg_catalog.pg_description d
      on d.objoid = c.oid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = 0
    where c.relkind in ('v', 'm')                          -- v = view, m = materialized view
      and ${schemaFilter('n', schemas)}
      and ${notExtensionMember('c.oid', 'pg_catalog.pg_class')}
    order by n.nspname, c.relname`;
}

/** The model's views, sorted by schema and name (code-unit order). */
export function decodeViews(rows: readonly RawViewRow[]): View[] {
  return sortBy(
    rows.map((v): View => ({ schema: v.schema, name: v.name, kind: v.relkind === 'm' ? 'materialized_view' : 'view', comment: v.comment })),
    (v) => v.schema,
    (v) => v.name,
  );
}

/** How views are read: see kind-catalog.ts. */
export const VIEW_CATALOG = sectionCatalog(viewsQuery, decodeViews);
