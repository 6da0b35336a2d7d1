-- Raw catalog floor for the introspection benchmark.
--
-- The same facts src/introspect/postgres/queries/*.ts read, fetched with the
-- plainest pg_catalog SELECTs: one per object kind, user schemas selected by
-- a plain WHERE on pg_namespace.nspname, no CTE, no per-row subquery unless it
-- is the only way to get the fact. Raw arrays (indkey, indoption, indclass,
-- indcollation, conkey, confkey) and raw OIDs (attcollation, inhparent) are
-- returned as they are: resolving them to names is client-side work.
-- What the floor leaves out on purpose: the extension-member filter
-- (NOT EXISTS on pg_depend deptype 'e'; the benchmark databases have no
-- extensions, so the rows are the same) and ORDER BY.
--
-- Run as: psql -X -q -A -t -o /dev/null -f bench/catalog-floor.sql <url>

-- mirrors postgres-introspector.ts: settings that change deparsed text
select set_config('search_path', 'pg_catalog, public', false),
       set_config('timezone', 'UTC', false);

-- mirrors queries/server.ts
select current_setting('server_version_num'), current_database(), current_user;

-- mirrors queries/schemas.ts
select n.nspname, obj_description(n.oid, 'pg_namespace')
from pg_namespace n
where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors queries/extensions.ts
select e.extname, e.extnamespace, e.extversion from pg_extension e where e.extname <> 'plpgsql';

-- mirrors queries/enums.ts (labels: one array_agg over pg_enum instead of a per-type subquery)
select t.typnamespace, t.typname, t.oid, obj_description(t.oid, 'pg_type')
from pg_type t join pg_namespace n on n.oid = t.typnamespace
where t.typtype = 'e' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';
select e.enumtypid, array_agg(e.enumlabel order by e.enumsortorder) from pg_enum e group by e.enumtypid;

-- mirrors queries/domains.ts
select t.typnamespace, t.typname, format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault, t.typcollation,
       obj_description(t.oid, 'pg_type')
from pg_type t join pg_namespace n on n.oid = t.typnamespace
where t.typtype = 'd' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';
select c.contypid, c.conname, pg_get_constraintdef(c.oid, true)
from pg_constraint c join pg_type t on t.oid = c.contypid join pg_namespace n on n.oid = t.typnamespace
where c.contype = 'c' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors queries/sequences.ts (owner: the pg_depend 'a'/'i' row, refobjid/refobjsubid raw)
select c.relnamespace, c.relname, format_type(s.seqtypid, null), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,
       s.seqcycle, d.refobjid, d.refobjsubid, d.deptype
from pg_sequence s
join pg_class c on c.oid = s.seqrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = s.seqrelid and d.refobjsubid > 0 and d.deptype in ('a', 'i')
where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors queries/tables.ts (partition parent: raw inhparent)
select c.oid, n.nspname, c.relname, c.relkind, c.relpersistence, c.reltuples, c.relpages,
       case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end,
       pg_get_expr(c.relpartbound, c.oid), i.inhparent, d.description
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
left join pg_inherits i on c.relispartition and i.inhrelid = c.oid
left join pg_description d on d.objoid = c.oid and d.classoid = 'pg_class'::regclass and d.objsubid = 0
where c.relkind in ('r', 'p')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors queries/columns.ts (collation: raw attcollation)
select a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       pg_get_expr(ad.adbin, ad.adrelid), a.attgenerated, a.attidentity, a.attcollation, d.description
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
left join pg_description d on d.objoid = a.attrelid and d.classoid = 'pg_class'::regclass and d.objsubid = a.attnum
where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors queries/indexes.ts (raw indkey/indoption/indclass/indcollation; all expressions in one pg_get_expr;
-- indnullsnotdistinct exists from PostgreSQL 15 on)
select current_setting('server_version_num')::int >= 150000 as has_nnd \gset
\if :has_nnd
  \set nnd 'i.indnullsnotdistinct'
\else
  \set nnd 'false'
\endif
select i.indrelid, ic.relname, ic.relam, i.indisunique, i.indisprimary, i.indisvalid, :nnd, i.indnkeyatts,
       i.indkey, i.indoption, i.indclass, i.indcollation,
       pg_get_expr(i.indexprs, i.indrelid, true), pg_get_expr(i.indpred, i.indrelid, true),
       pg_get_indexdef(i.indexrelid)
from pg_index i
join pg_class ic on ic.oid = i.indexrelid
join pg_class c on c.oid = i.indrelid
join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors queries/constraints.ts (raw conkey/confkey/confrelid; conindid gives the implementing index)
select c.conrelid, c.conname, c.contype, c.condeferrable, c.condeferred, c.convalidated, c.connoinherit,
       c.conkey, c.confrelid, c.confkey, c.confupdtype, c.confdeltype, c.confmatchtype, c.conindid,
       pg_get_constraintdef(c.oid), d.description
from pg_constraint c
join pg_class r on r.oid = c.conrelid
join pg_namespace n on n.oid = r.relnamespace
left join pg_description d on d.objoid = c.oid and d.classoid = 'pg_constraint'::regclass and d.objsubid = 0
where c.contype in ('p', 'u', 'f', 'c', 'x') and r.relkind in ('r', 'p')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors queries/triggers.ts
select t.tgrelid, t.tgname, t.tgenabled, pg_get_triggerdef(t.oid)
from pg_trigger t
join pg_class c on c.oid = t.tgrelid
join pg_namespace n on n.oid = c.relnamespace
where not t.tgisinternal and c.relkind in ('r', 'p')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors queries/views.ts
select n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class')
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('v', 'm')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors queries/routines.ts
select n.nspname, p.proname, p.prokind, pg_get_function_identity_arguments(p.oid),
       case when p.prokind <> 'p' then pg_get_function_result(p.oid) end, p.prolang
from pg_proc p join pg_namespace n on n.oid = p.pronamespace
where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';
