import { sql } from 'kysely';
import { schemaFilter } from './system-filters.js';
import { tableScope } from './table-scope.js';
/**
 * The tables in scope and who holds them: one statement, outside the
 * transaction (a query inside it would fix the snapshot before the locks).
 * Only ACCESS EXCLUSIVE conflicts with ACCESS SHARE; a session waiting for
 * it also makes newcomers queue behind it, so waiting ones count too.
 */
export async function planTables(db, scope) {
    const { rows } = await sql `
    with ${tableScope({ schemas: scope.schemas })},
    held as (
      select l.relation,
             pg_catalog.string_agg(l.mode || case when l.granted then ' held' else ' awaited' end || ' by pid ' || l.pid::text, ', ' order by l.pid) as held_by
      from pg_catalog.pg_locks l
      where l.locktype = 'relation' and l.mode = 'AccessExclusiveLock'
        and l.database = (select d.oid from pg_catalog.pg_database d where d.datname = pg_catalog.current_database())
        and l.pid is distinct from pg_catalog.pg_backend_pid()
      group by l.relation)
    select c.oid::text as oid, n.nspname as schema, c.relname as name,
           pg_catalog.has_table_privilege(c.oid, 'SELECT') as lockable,
           held.held_by
    from scope
    join pg_catalog.pg_class c on c.oid = scope.oid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    left join held on held.relation = c.oid
    order by n.nspname, c.relname`.execute(db);
    return rows.map((r) => ({ oid: r.oid, schema: r.schema, name: r.name, lockable: r.lockable === true, heldBy: r.held_by }));
}
/** `LOCK TABLE ONLY ... IN ACCESS SHARE MODE` on `tables`, one statement; waits up to lock_timeout per table. */
export async function lockTables(db, tables) {
    if (tables.length === 0)
        return;
    const names = sql.join(tables.map((t) => sql.id(t.schema, t.name)));
    await sql `lock table only ${names} in access share mode`.execute(db);
}
/** `schema.name (AccessExclusiveLock held by pid N)` for each of `tables` another session holds (or waits for) in ACCESS EXCLUSIVE mode now. */
export async function lockHolders(db, tables) {
    const oids = tables.map((t) => t.oid);
    if (oids.length === 0)
        return [];
    const { rows } = await sql `
    select n.nspname as schema, c.relname as name,
           pg_catalog.string_agg(l.mode || case when l.granted then ' held' else ' awaited' end || ' by pid ' || l.pid::text, ', ' order by l.pid) as held_by
    from pg_catalog.pg_locks l
    join pg_catalog.pg_class c on c.oid = l.relation
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where l.locktype = 'relation' and l.mode = 'AccessExclusiveLock'
      and l.relation = any(${oids}::oid[])
      and l.pid is distinct from pg_catalog.pg_backend_pid()
    group by n.nspname, c.relname
    order by n.nspname, c.relname`.execute(db);
    return rows.map((r) => `${r.schema}.${r.name} (${r.held_by})`);
}
/**
 * How many objects read from the snapshot no longer have the same name in
 * the latest committed catalog (renamed, moved or dropped since the snapshot
 * was taken): tables and every other relation of the schemas read, indexes,
 * columns, table constraints and triggers of the tables read, and the
 * enums, domains and other types of those schemas. `pg_identify_object_as_address`
 * reads the system caches (latest state, NULL for a dropped object), the
 * names it is compared with come from the snapshot. Tables in `locked`
 * (held in ACCESS SHARE mode since before the snapshot) and their columns
 * cannot have changed and are not looked up. Zero: whatever the
 * deparsers printed during the read described the snapshot's objects.
 * One statement, whatever the number of objects.
 */
export async function changedSinceSnapshot(db, scope, locked = []) {
    // Tables we hold cannot be renamed or dropped, nor their columns renamed (all need ACCESS EXCLUSIVE):
    // their own names and their columns' are left out of the check (the bulk of it on large schemas). A
    // table counts as held when the snapshot still gives its OID the name it was locked by (LOCK takes
    // names: a table renamed between the list and the lock is not the one locked).
    const notRead = [...(scope.notRead ?? [])];
    const { rows } = await sql `
    with ${tableScope(scope)},
    held(oid) as (
      select u.oid from unnest(${locked.map((t) => t.oid)}::oid[], ${locked.map((t) => t.schema)}::text[], ${locked.map((t) => t.name)}::text[]) u(oid, nsp, rel)
      join pg_catalog.pg_class hc on hc.oid = u.oid and hc.relname = u.rel
      join pg_catalog.pg_namespace hn on hn.oid = hc.relnamespace and hn.nspname = u.nsp),
    objects(classid, objid, objsubid, names) as (
      select 'pg_catalog.pg_class'::regclass, c.oid, 0, array[n.nspname::text, c.relname::text]
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where ${schemaFilter('n', scope.schemas)} and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
        and c.oid <> all(${notRead}::oid[]) and not exists (select from held where held.oid = c.oid)
        and (c.relkind not in ('r', 'p') or exists (select from scope where scope.oid = c.oid))  -- tables: those read
      union all
      select 'pg_catalog.pg_class'::regclass, ic.oid, 0, array[n.nspname::text, ic.relname::text]
      from scope join pg_catalog.pg_index i on i.indrelid = scope.oid
      join pg_catalog.pg_class ic on ic.oid = i.indexrelid join pg_catalog.pg_namespace n on n.oid = ic.relnamespace
      union all
      select 'pg_catalog.pg_class'::regclass, c.oid, a.attnum::int, array[scope.nspname::text, c.relname::text, a.attname::text]
      from scope join pg_catalog.pg_class c on c.oid = scope.oid
      join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where not exists (select from held where held.oid = c.oid)
      union all
      select 'pg_catalog.pg_constraint'::regclass, k.oid, 0, array[scope.nspname::text, c.relname::text, k.conname::text]
      from scope join pg_catalog.pg_class c on c.oid = scope.oid join pg_catalog.pg_constraint k on k.conrelid = c.oid
      union all
      select 'pg_catalog.pg_trigger'::regclass, t.oid, 0, array[scope.nspname::text, c.relname::text, t.tgname::text]
      from scope join pg_catalog.pg_class c on c.oid = scope.oid join pg_catalog.pg_trigger t on t.tgrelid = c.oid and not t.tgisinternal
      union all
      select 'pg_catalog.pg_type'::regclass, ty.oid, 0, array[pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(ty.typname)]
      from pg_catalog.pg_type ty join pg_catalog.pg_namespace n on n.oid = ty.typnamespace
      where ${schemaFilter('n', scope.schemas)} and ty.typtype in ('e', 'd') )
    select count(*)::text as changed
    from objects o
    where (pg_catalog.pg_identify_object_as_address(o.classid, o.objid, o.objsubid)).object_names is distinct from o.names`.execute(db);
    return Number(rows[0].changed);
}
//# sourceMappingURL=table-locks.js.map