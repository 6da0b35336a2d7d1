/**
 * Views and materialized views from the catalog: `pg_class` (relkind 'v',
 * 'm'), with their query as the server deparses it (`pg_get_viewdef`, under
 * the introspection's pinned search_path), columns, options, a materialized
 * view's indexes and whether it is populated, and what their rules read
 * (`pg_depend`, for dependency order).
 */
import { sql, type RawBuilder } from 'kysely';
import { dependsOnSql } from '../../introspect/postgres/depends-sql.js';
import { sectionCatalog, type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import { notExtensionMember, schemaFilter } from '../../introspect/postgres/system-filters.js';
import { decodeDependsOn } from '../../model/dependencies.js';
import { compareText, sortBy } from '../../model/sort.js';
import { decodeTrigger, TRIGGER_FIELDS } from '../trigger/catalog.js';
import type { RowOf } from '../../introspect/postgres/stream-rows.js';
import type { View, ViewColumn, ViewIndex } from './model.js';

/** A row of {@link viewsQuery}. */
export interface RawViewRow {
  schema: string;
  name: string;
  /** 'v' view, 'm' materialized view. */
  relkind: string;
  comment: string | null;
  /** `pg_get_viewdef`, with its trailing semicolon. */
  definition: string | null;
  /** JSON text: `[[name, type], ...]` in attnum order, or null. */
  columns: string | null;
  /** `reloptions`, or null. */
  options: string[] | null;
  populated: boolean;
  /** JSON text: `[[name, pg_get_indexdef], ...]`, or null. */
  indexes: string | null;
  /** `reltuples` (-1: never analysed). */
  reltuples: number | string | null;
  /** JSON text of ref rows (depends-sql.ts), or null. */
  depends: string | null;
  /** JSON text: `[[TRIGGER_FIELDS but table_oid], ...]` (texts), or null. */
  triggers: string | null;
}

/** The views and materialized views in scope. */
export function viewsQuery({ schemas, excludeSchemas }: CatalogScope): RawBuilder<RawViewRow> {
  return sql<RawViewRow>`
    select n.nspname as schema, c.relname as name, c.relkind::text as relkind, d.description as comment,
           pg_catalog.pg_get_viewdef(c.oid) as definition,
           (select pg_catalog.json_agg(pg_catalog.json_build_array(a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)) order by a.attnum)::text
            from pg_catalog.pg_attribute a
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
           c.reloptions::text[] as options,
           c.relispopulated as populated,
           case when c.relkind = 'm' then
             (select pg_catalog.json_agg(pg_catalog.json_build_array(ic.relname, pg_catalog.pg_get_indexdef(i.indexrelid)))::text
              from pg_catalog.pg_index i join pg_catalog.pg_class ic on ic.oid = i.indexrelid
              where i.indrelid = c.oid)
           end as indexes,
           c.reltuples::float8 as reltuples,
           ${dependsOnSql('pg_catalog.pg_rewrite', 'array(select r.oid from pg_catalog.pg_rewrite r where r.ev_class = c.oid)', 'c.oid')} as depends,
           case when c.relkind = 'v' then                 -- a view's triggers, as trigger/catalog.ts reads a table's
             (select pg_catalog.json_agg(pg_catalog.json_build_array(
                       t.tgname, t.tgenabled::text, pg_catalog.pg_get_triggerdef(t.oid),
                       case when t.tgconstraint <> 0 then 't' else 'f' end, pn.nspname, p.proname,
                       ${dependsOnSql('pg_catalog.pg_trigger', 'array[t.oid]', null)}, td.description))::text
              from pg_catalog.pg_trigger t
              join pg_catalog.pg_proc p on p.oid = t.tgfoid
              join pg_catalog.pg_namespace pn on pn.oid = p.pronamespace
              left join pg_catalog.pg_description td
                on td.objoid = t.oid and td.classoid = 'pg_catalog.pg_trigger'::regclass and td.objsubid = 0
              where t.tgrelid = c.oid and not t.tgisinternal)
           end as triggers
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    left join pg_catalog.pg_description d
      on d.objoid = c.oid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = 0
    where c.relkind in ('v', 'm')                          -- v = view, m = materialized view
      and ${schemaFilter('n', schemas, excludeSchemas)}
      and ${notExtensionMember('c.oid', 'pg_catalog.pg_class')}
    order by n.nspname, c.relname`;
}

/** `[[a, b], ...]` JSON text as pairs of strings (anything else left out). */
function pairs(json: string | null): [string, string][] {
  if (!json) return [];
  const rows = JSON.parse(json) as unknown;
  if (!Array.isArray(rows)) return [];
  return rows.filter((r): r is [string, string] => Array.isArray(r) && typeof r[0] === 'string' && typeof r[1] === 'string');
}

/** A view's triggers from their JSON rows (texts in TRIGGER_FIELDS order, the table OID left out), sorted by name. */
function viewTriggers(json: string | null, schema: string, name: string): View['triggers'] {
  if (!json) return [];
  const rows = JSON.parse(json) as unknown;
  if (!Array.isArray(rows)) return [];
  const triggers = rows
    .filter((r): r is (string | null)[] => Array.isArray(r) && r.length === TRIGGER_FIELDS.length - 1 && r.every((x) => x === null || typeof x === 'string'))
    .map((r) => decodeTrigger([null, ...r] as unknown as RowOf<typeof TRIGGER_FIELDS>, schema, name));
  return sortBy(triggers, (t) => t.name);
}

/** The query without the space `pg_get_viewdef` starts it with and the semicolon it ends it with. */
export function viewQueryText(definition: string | null): string {
  return (definition ?? '').trim().replace(/;$/, '');
}

function toView(v: RawViewRow): View {
  const materialized = v.relkind === 'm';
  const tuples = v.reltuples === null ? -1 : Number(v.reltuples);
  const columns = pairs(v.columns).map(([name, type]): ViewColumn => ({ name, type }));
  const indexes = sortBy(
    pairs(v.indexes).map(([name, definition]): ViewIndex => ({ name, definition })),
    (i) => i.name,
  );
  return {
    schema: v.schema,
    name: v.name,
    kind: materialized ? 'materialized_view' : 'view',
    definition: viewQueryText(v.definition),
    columns,
    options: [...(v.options ?? [])].sort(compareText),
    populated: materialized ? v.populated : true,
    indexes,
    rowEstimate: materialized && tuples >= 0 ? Math.round(tuples) : null,
    comment: v.comment,
    triggers: viewTriggers(v.triggers, v.schema, v.name),
    dependsOn: decodeDependsOn(v.depends),
  };
}

/** The model's views, sorted by schema and name (code-unit order). */
export function decodeViews(rows: readonly RawViewRow[]): View[] {
  return sortBy(rows.map(toView), (v) => v.schema, (v) => v.name);
}

/** How views are read: see kind-catalog.ts. */
export const VIEW_CATALOG = sectionCatalog(viewsQuery, decodeViews);
