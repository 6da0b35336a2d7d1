-- Raw catalog floor for the introspection benchmark.
--
-- The same facts src/kinds/*/catalog.ts read, fetched with the
-- plainest pg_catalog SELECTs: one per object kind, user schemas selected by
-- a plain WHERE on pg_namespace.nspname, no CTE, no per-row subquery unless it
-- is the only way to get the fact. Raw arrays (indkey, indoption, indclass,
-- indcollation, conkey, confkey) and raw OIDs (attcollation, inhparent) are
-- returned as they are: resolving them to names is client-side work.
-- What the floor leaves out on purpose: the extension-member filter
-- (NOT EXISTS on pg_depend deptype 'e'; the benchmark databases have no
-- extensions, so the rows are the same), ORDER BY, and what makes the read
-- one consistent snapshot rather than a fact (listing and locking the
-- tables, the consistency check at the end: see table-locks.ts).
--
-- Facts added since the floor was first written, each with the cheapest
-- plain read (the model reads them too, so a floor without them would not
-- be the same facts): comments of indexes, sequences and triggers (a left
-- join on pg_description, as for the other kinds), inheritance parents (the
-- pg_inherits join no longer limited to partitions), the index usage
-- counters (pg_stat_get_numscans per index), view definitions and columns,
-- trigger functions, routine definitions, and what views and triggers
-- depend on (the raw pg_depend rows; named client-side).
--
-- Run as: psql -X -q -A -t -o /dev/null -f bench/catalog-floor.sql <url>

-- mirrors postgres-introspector.ts: settings that change deparsed text
select set_config('search_path', 'pg_catalog, public', false),
       set_config('timezone', 'UTC', false);

-- mirrors src/introspect/postgres/server.ts
select current_setting('server_version_num'), current_database(), current_user;

-- mirrors src/kinds/schema
select n.nspname, obj_description(n.oid, 'pg_namespace')
from pg_namespace n
where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors src/kinds/extension
select e.extname, e.extnamespace, e.extversion from pg_extension e where e.extname <> 'plpgsql';

-- mirrors src/kinds/enum (labels: one array_agg over pg_enum instead of a per-type subquery)
select t.typnamespace, t.typname, t.oid, obj_description(t.oid, 'pg_type')
from pg_type t join pg_namespace n on n.oid = t.typnamespace
where t.typtype = 'e' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';
select e.enumtypid, array_agg(e.enumlabel order by e.enumsortorder) from pg_enum e group by e.enumtypid;

-- mirrors src/kinds/domain
select t.typnamespace, t.typname, format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault, t.typcollation,
       obj_description(t.oid, 'pg_type')
from pg_type t join pg_namespace n on n.oid = t.typnamespace
where t.typtype = 'd' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';
select c.contypid, c.conname, pg_get_constraintdef(c.oid, true)
from pg_constraint c join pg_type t on t.oid = c.contypid join pg_namespace n on n.oid = t.typnamespace
where c.contype = 'c' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors src/kinds/sequence (owner: the pg_depend 'a'/'i' row, refobjid/refobjsubid raw; comment)
select c.relnamespace, c.relname, format_type(s.seqtypid, null), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,
       s.seqcycle, d.refobjid, d.refobjsubid, d.deptype, sd.description
from pg_sequence s
join pg_class c on c.oid = s.seqrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = s.seqrelid and d.refobjsubid > 0 and d.deptype in ('a', 'i')
left join pg_description sd on sd.objoid = s.seqrelid and sd.classoid = 'pg_class'::regclass and sd.objsubid = 0
where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors src/kinds/table (partition parent or inheritance parents: raw inhparent, inhseqno; one row per parent)
select c.oid, n.nspname, c.relname, c.relkind, c.relpersistence, c.reltuples, c.relpages,
       case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end,
       pg_get_expr(c.relpartbound, c.oid), i.inhparent, i.inhseqno, d.description
from pg_class c
join pg_namespace n on n.oid = c.relnamespace
left join pg_inherits i on i.inhrelid = c.oid
left join pg_description d on d.objoid = c.oid and d.classoid = 'pg_class'::regclass and d.objsubid = 0
where c.relkind in ('r', 'p')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors src/kinds/column (collation: raw attcollation)
select a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       pg_get_expr(ad.adbin, ad.adrelid), a.attgenerated, a.attidentity, a.attcollation, d.description
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
left join pg_description d on d.objoid = a.attrelid and d.classoid = 'pg_class'::regclass and d.objsubid = a.attnum
where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors src/kinds/index (raw indkey/indoption/indclass/indcollation; all expressions in one pg_get_expr;
-- indnullsnotdistinct exists from PostgreSQL 15 on; comment) and src/introspect/postgres/index-usage.ts
-- (the usage counter of each index)
select current_setting('server_version_num')::int >= 150000 as has_nnd \gset
\if :has_nnd
  \set nnd 'i.indnullsnotdistinct'
\else
  \set nnd 'false'
\endif
select i.indrelid, ic.relname, ic.relam, i.indisunique, i.indisprimary, i.indisvalid, :nnd, i.indnkeyatts,
       i.indkey, i.indoption, i.indclass, i.indcollation,
       pg_get_expr(i.indexprs, i.indrelid, true), pg_get_expr(i.indpred, i.indrelid, true),
       pg_get_indexdef(i.indexrelid), d.description, pg_stat_get_numscans(i.indexrelid)
from pg_index i
join pg_class ic on ic.oid = i.indexrelid
join pg_class c on c.oid = i.indrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_description d on d.objoid = i.indexrelid and d.classoid = 'pg_class'::regclass and d.objsubid = 0
where c.relkind in ('r', 'p')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors src/kinds/constraint (raw conkey/confkey/confrelid; conindid gives the implementing index)
select c.conrelid, c.conname, c.contype, c.condeferrable, c.condeferred, c.convalidated, c.connoinherit,
       c.conkey, c.confrelid, c.confkey, c.confupdtype, c.confdeltype, c.confmatchtype, c.conindid,
       pg_get_constraintdef(c.oid), d.description
from pg_constraint c
join pg_class r on r.oid = c.conrelid
join pg_namespace n on n.oid = r.relnamespace
left join pg_description d on d.objoid = c.oid and d.classoid = 'pg_constraint'::regclass and d.objsubid = 0
where c.contype in ('p', 'u', 'f', 'c', 'x') and r.relkind in ('r', 'p')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors src/kinds/trigger (function: raw tgfoid; comment)
select t.tgrelid, t.tgname, t.tgenabled, pg_get_triggerdef(t.oid), t.tgconstraint, t.tgfoid, d.description
from pg_trigger t
join pg_class c on c.oid = t.tgrelid
join pg_namespace n on n.oid = c.relnamespace
left join pg_description d on d.objoid = t.oid and d.classoid = 'pg_trigger'::regclass and d.objsubid = 0
where not t.tgisinternal and c.relkind in ('r', 'p')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors src/kinds/view (columns: their own plain read; no materialized views in the benchmark databases)
select c.oid, n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class'), pg_get_viewdef(c.oid),
       c.reloptions, c.relispopulated, c.reltuples
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('v', 'm')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';
select a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod)
from pg_attribute a
join pg_class c on c.oid = a.attrelid
join pg_namespace n on n.oid = c.relnamespace
where a.attnum > 0 and not a.attisdropped and c.relkind in ('v', 'm')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- what views (their rules), triggers and routines depend on: raw pg_depend rows (depends-sql.ts names them)
select d.classid, d.objid, d.refclassid, d.refobjid, d.refobjsubid
from pg_trigger t join pg_depend d on d.classid = 'pg_trigger'::regclass and d.objid = t.oid
where not t.tgisinternal and d.deptype in ('n', 'a')
union all
select d.classid, d.objid, d.refclassid, d.refobjid, d.refobjsubid
from pg_rewrite r
join pg_class c on c.oid = r.ev_class
join pg_namespace n on n.oid = c.relnamespace
join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
where d.deptype in ('n', 'a')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)'
union all
select d.classid, d.objid, d.refclassid, d.refobjid, d.refobjsubid
from pg_proc p
join pg_namespace n on n.oid = p.pronamespace
join pg_depend d on d.classid = 'pg_proc'::regclass and d.objid = p.oid
where d.deptype in ('n', 'a')
  and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';

-- mirrors src/kinds/function (aggregates' options: none in the benchmark databases)
select n.nspname, p.proname, p.prokind, pg_get_function_identity_arguments(p.oid), pg_get_function_arguments(p.oid),
       case when p.prokind <> 'p' then pg_get_function_result(p.oid) end, p.prolang, p.prosrc, p.prosqlbody is not null,
       p.provolatile, p.proisstrict, p.prosecdef, p.proleakproof, p.proparallel, p.procost, p.prorows, p.proconfig,
       obj_description(p.oid, 'pg_proc')
from pg_proc p join pg_namespace n on n.oid = p.pronamespace
where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)';
