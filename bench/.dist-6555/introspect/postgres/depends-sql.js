/**
 * What one object depends on, read from `pg_depend` inside the object's own
 * catalog statement (a correlated subquery: no extra statement, so the
 * query count stays constant). Returns a JSON array text of
 * `[kind, part, part...]` rows that `decodeDependsOn`
 * (src/model/dependencies.ts) turns into ref keys; null when there are none.
 *
 * Only references to objects outside PostgreSQL's own schemas count (a view
 * over `pg_class` depends on nothing schema-audit manages), and never the
 * object itself (a view's rule references its own view). Each ref is made
 * text for DISTINCT (json has no equality) and aggregated back as json.
 */
import { sql } from 'kysely';
/**
 * `classid` is the catalog of the dependent (`'pg_catalog.pg_rewrite'` for a
 * view's rule, `'pg_catalog.pg_proc'`, `'pg_catalog.pg_trigger'`), `objids` a
 * SQL expression for its OIDs (an array: a view's rules), `self` the OID
 * expression of the object to leave out (the view itself), or null.
 */
export function dependsOnSql(classid, objids, self) {
    const selfFilter = self ? sql.raw(`and d.refobjid <> ${self}`) : sql.raw('');
    return sql `(
    select pg_catalog.json_agg(ref::json)::text from (
      select distinct
        case
          when d.refclassid = 'pg_catalog.pg_class'::regclass and d.refobjsubid > 0 then
            pg_catalog.json_build_array('column', rn.nspname, rc.relname, ra.attname)
          when d.refclassid = 'pg_catalog.pg_class'::regclass then
            pg_catalog.json_build_array('relation', rn.nspname, rc.relname)
          when d.refclassid = 'pg_catalog.pg_proc'::regclass then
            pg_catalog.json_build_array('function', pn.nspname, rp.proname, pg_catalog.pg_get_function_identity_arguments(rp.oid))
          when d.refclassid = 'pg_catalog.pg_type'::regclass and tc.oid is not null then
            pg_catalog.json_build_array('relation', tn.nspname, tc.relname)
          when d.refclassid = 'pg_catalog.pg_type'::regclass then
            pg_catalog.json_build_array('type', tn.nspname, rt.typname)
          when d.refclassid = 'pg_catalog.pg_constraint'::regclass then
            pg_catalog.json_build_array('constraint', kn.nspname, kc.relname, rk.conname)
        end::text as ref
      from pg_catalog.pg_depend d
      left join pg_catalog.pg_class rc on d.refclassid = 'pg_catalog.pg_class'::regclass and rc.oid = d.refobjid
      left join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace
      left join pg_catalog.pg_attribute ra on d.refobjsubid > 0 and ra.attrelid = rc.oid and ra.attnum = d.refobjsubid
      left join pg_catalog.pg_proc rp on d.refclassid = 'pg_catalog.pg_proc'::regclass and rp.oid = d.refobjid
      left join pg_catalog.pg_namespace pn on pn.oid = rp.pronamespace
      left join pg_catalog.pg_type rt on d.refclassid = 'pg_catalog.pg_type'::regclass and rt.oid = d.refobjid
      left join pg_catalog.pg_namespace tn on tn.oid = rt.typnamespace
      left join pg_catalog.pg_class tc on tc.oid = rt.typrelid and rt.typrelid <> 0
      left join pg_catalog.pg_constraint rk on d.refclassid = 'pg_catalog.pg_constraint'::regclass and rk.oid = d.refobjid
      left join pg_catalog.pg_class kc on kc.oid = rk.conrelid
      left join pg_catalog.pg_namespace kn on kn.oid = rk.connamespace
      where d.classid = ${sql.raw(`'${classid}'::regclass`)} and d.objid = any(${sql.raw(objids)})
        and d.deptype in ('n', 'a')
        ${selfFilter}
        and coalesce(rn.nspname, pn.nspname, tn.nspname, kn.nspname) not in ('pg_catalog', 'information_schema')
        and coalesce(rn.nspname, pn.nspname, tn.nspname, kn.nspname) !~ '^pg_(toast|temp_|toast_temp_)'
    ) refs
    where ref is not null)`;
}
//# sourceMappingURL=depends-sql.js.map