/**
 * Composite and range types from the catalog, in one statement: `pg_type`
 * (typtype 'c' whose relation is a free-standing composite type, relkind
 * 'c', so no table's or view's row type; typtype 'r') with their attributes
 * (`pg_attribute`) or range definition (`pg_range`).
 */
import { sql, type RawBuilder } from 'kysely';
import { sectionCatalog, type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import { notExtensionMember, schemaFilter } from '../../introspect/postgres/system-filters.js';
import { sortBy } from '../../model/sort.js';
import type { UserType } from './model.js';

/** A row of {@link typesQuery}. */
export interface RawTypeRow {
  schema: string;
  name: string;
  /** 'c' or 'r'. */
  kind: string;
  /** [name, type, collation or null] in attribute order; null for a range type or a composite type without attributes. */
  attributes: [string, string, string | null][] | null;
  subtype: string | null;
  collation: string | null;
  canonical: string | null;
  subtype_diff: string | null;
  comment: string | null;
}

/** A collation's name: unqualified when visible, else `schema.name` (as the domain catalog prints it). */
function collationName(oid: string, defaultOid: string): string {
  return `(select case when pg_catalog.pg_collation_is_visible(co.oid) then co.collname::text else cn.nspname || '.' || co.collname end
              from pg_catalog.pg_collation co join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
             where co.oid = ${oid} and ${oid} <> 0 and ${oid} <> ${defaultOid})`;
}

/** The composite and range types in scope. */
export function typesQuery({ schemas, excludeSchemas }: CatalogScope): RawBuilder<RawTypeRow> {
  return sql<RawTypeRow>`
    select n.nspname as schema, t.typname as name, t.typtype::text as kind,
           (select json_agg(json_build_array(a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
                                             ${sql.raw(collationName('a.attcollation', 'at.typcollation'))}) order by a.attnum)
              from pg_catalog.pg_attribute a
              join pg_catalog.pg_type at on at.oid = a.atttypid
             where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped) as attributes,
           case when r.rngtypid is not null then pg_catalog.format_type(r.rngsubtype, null) end as subtype,
           ${sql.raw(collationName('r.rngcollation', 'st.typcollation'))} as collation,
           case when r.rngcanonical <> 0 then r.rngcanonical::regproc::text end as canonical,
           case when r.rngsubdiff <> 0 then r.rngsubdiff::regproc::text end as subtype_diff,
           d.description as comment
    from pg_catalog.pg_type t
    join pg_catalog.pg_namespace n on n.oid = t.typnamespace
    left join pg_catalog.pg_class c on c.oid = t.typrelid
    left join pg_catalog.pg_range r on r.rngtypid = t.oid
    left join pg_catalog.pg_type st on st.oid = r.rngsubtype
    left join pg_catalog.pg_description d                  -- type comment
      on d.objoid = t.oid and d.classoid = 'pg_catalog.pg_type'::regclass and d.objsubid = 0
    where (t.typtype = 'r' or (t.typtype = 'c' and c.relkind = 'c'))
      and ${schemaFilter('n', schemas, excludeSchemas)}
      and ${notExtensionMember('t.oid', 'pg_catalog.pg_type')}
    order by n.nspname, t.typname`;
}

function toType(r: RawTypeRow): UserType {
  const range = r.kind === 'r';
  return {
    schema: r.schema,
    name: r.name,
    kind: range ? 'range' : 'composite',
    attributes: range ? [] : (r.attributes ?? []).map(([name, type, collation]) => ({ name, type, collation })),
    range: range ? { subtype: r.subtype ?? '', collation: r.collation, canonical: r.canonical, subtypeDiff: r.subtype_diff } : null,
    comment: r.comment,
  };
}

/** The model's composite and range types, sorted by schema and name (code-unit order). */
export function decodeTypes(rows: readonly RawTypeRow[]): UserType[] {
  return sortBy(
    rows.map(toType),
    (t) => t.schema,
    (t) => t.name,
  );
}

/** How composite and range types are read: see kind-catalog.ts. */
export const TYPE_CATALOG = sectionCatalog(typesQuery, decodeTypes);
