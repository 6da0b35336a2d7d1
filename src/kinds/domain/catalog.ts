/** Domains from the catalog: `pg_type` (typtype 'd') with their CHECK constraints. */
import { sql, type RawBuilder } from 'kysely';
import { sectionCatalog, type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import { notExtensionMember, schemaFilter } from '../../introspect/postgres/system-filters.js';
import { sortBy } from '../../model/sort.js';
import type { Domain } from './model.js';

/** A row of {@link domainsQuery}. */
export interface RawDomainRow {
  schema: string;
  name: string;
  base_type: string;
  not_null: boolean;
  default: string | null;
  /** Named only when it is not the base type's collation. */
  collation: string | null;
  comment: string | null;
  /** [name, definition] pairs in name order; null when the domain has no check. */
  checks: [string, string][] | null;
}

/** The domains in scope. */
export function domainsQuery({ schemas, excludeSchemas }: CatalogScope): RawBuilder<RawDomainRow> {
  return sql<RawDomainRow>`
    select n.nspname as schema, t.typname as name,
           pg_catalog.format_type(t.typbasetype, t.typtypmod) as base_type,
           t.typnotnull as not_null,
           -- typdefault is text frozen under the creating session's search_path;
           -- deparse typdefaultbin under ours, as column defaults are.
           pg_catalog.pg_get_expr(t.typdefaultbin, 0) as default,
           case when t.typcollation <> bt.typcollation then
             case when pg_catalog.pg_collation_is_visible(coll.oid) then coll.collname::text
                  else cn.nspname || '.' || coll.collname end
           end as collation,
           d.description as comment,
           (select json_agg(json_build_array(c.conname, pg_catalog.pg_get_constraintdef(c.oid, true)) order by c.conname)
              from pg_catalog.pg_constraint c
             where c.contypid = t.oid and c.contype = 'c') as checks
    from pg_catalog.pg_type t
    join pg_catalog.pg_namespace n on n.oid = t.typnamespace
    join pg_catalog.pg_type bt on bt.oid = t.typbasetype   -- base type
    left join pg_catalog.pg_collation coll on coll.oid = t.typcollation
    left join pg_catalog.pg_namespace cn on cn.oid = coll.collnamespace
    left join pg_catalog.pg_description d
      on d.objoid = t.oid and d.classoid = 'pg_catalog.pg_type'::regclass and d.objsubid = 0
    where t.typtype = 'd'
      and ${schemaFilter('n', schemas, excludeSchemas)}
      and ${notExtensionMember('t.oid', 'pg_catalog.pg_type')}
    order by n.nspname, t.typname`;
}

function toDomain(d: RawDomainRow): Domain {
  return {
    schema: d.schema,
    name: d.name,
    baseType: d.base_type,
    notNull: d.not_null,
    default: d.default,
    checks: (d.checks ?? []).map(([name, definition]) => ({ name, definition })),
    collation: d.collation,
    comment: d.comment,
  };
}

/** The model's domains, sorted by schema and name (code-unit order). */
export function decodeDomains(rows: readonly RawDomainRow[]): Domain[] {
  return sortBy(
    rows.map(toDomain),
    (d) => d.schema,
    (d) => d.name,
  );
}

/** How domains are read: see kind-catalog.ts. */
export const DOMAIN_CATALOG = sectionCatalog(domainsQuery, decodeDomains);
