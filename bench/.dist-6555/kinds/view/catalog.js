/**
 * Views and materialized views from the catalog: `pg_class` (relkind 'v',
 * 'm'), with their query as the server deparses it (`pg_get_viewdef`, under
 * the introspection's pinned search_path), columns, options, a materialized
 * view's indexes and whether it is populated, and what their rules read
 * (`pg_depend`, for dependency order).
 */
import { sql } from 'kysely';
import { dependsOnSql } from '../../introspect/postgres/depends-sql.js';
import { sectionCatalog } from '../../introspect/postgres/kind-catalog.js';
import { notExtensionMember, schemaFilter } from '../../introspect/postgres/system-filters.js';
import { decodeDependsOn } from '../../model/dependencies.js';
import { compareText, sortBy } from '../../model/sort.js';
/** The views and materialized views in scope. */
export function viewsQuery({ schemas }) {
    return sql `
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
           ${dependsOnSql('pg_catalog.pg_rewrite', 'array(select r.oid from pg_catalog.pg_rewrite r where r.ev_class = c.oid)', 'c.oid')} as depends
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    left join pg_catalog.pg_description d
      on d.objoid = c.oid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = 0
    where c.relkind in ('v', 'm')                          -- v = view, m = materialized view
      and ${schemaFilter('n', schemas)}
      and ${notExtensionMember('c.oid', 'pg_catalog.pg_class')}
    order by n.nspname, c.relname`;
}
/** `[[a, b], ...]` JSON text as pairs of strings (anything else left out). */
function pairs(json) {
    if (!json)
        return [];
    const rows = JSON.parse(json);
    if (!Array.isArray(rows))
        return [];
    return rows.filter((r) => Array.isArray(r) && typeof r[0] === 'string' && typeof r[1] === 'string');
}
/** The query without the space `pg_get_viewdef` starts it with and the semicolon it ends it with. */
export function viewQueryText(definition) {
    return (definition ?? '').trim().replace(/;$/, '');
}
function toView(v) {
    const materialized = v.relkind === 'm';
    const tuples = v.reltuples === null ? -1 : Number(v.reltuples);
    const columns = pairs(v.columns).map(([name, type]) => ({ name, type }));
    const indexes = sortBy(pairs(v.indexes).map(([name, definition]) => ({ name, definition })), (i) => i.name);
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
        dependsOn: decodeDependsOn(v.depends),
    };
}
/** The model's views, sorted by schema and name (code-unit order). */
export function decodeViews(rows) {
    return sortBy(rows.map(toView), (v) => v.schema, (v) => v.name);
}
/** How views are read: see kind-catalog.ts. */
export const VIEW_CATALOG = sectionCatalog(viewsQuery, decodeViews);
//# sourceMappingURL=catalog.js.map