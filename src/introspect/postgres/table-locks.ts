import { sql, type Kysely } from 'kysely';
import { schemaFilter } from './system-filters.js';
import { tableScope, type TableScopeInput } from './table-scope.js';

/**
 * Concurrent DDL and locked tables (see introspectPostgres).
 *
 * The catalog rows we read come from one MVCC snapshot, but the server's
 * deparsers (`pg_get_indexdef`, `pg_get_expr`, `format_type`, ...) read the
 * latest committed catalog state: a table dropped or renamed next door while
 * we read can make them fail ("cache lookup failed for relation N") or print
 * another name than the snapshot's. pg_dump's answer is ours: before the
 * snapshot is taken, the tables in scope are locked in ACCESS SHARE mode
 * (what a plain SELECT takes; allowed in a read-only transaction and on a hot
 * standby), which DROP, RENAME and ALTER ... TYPE wait for. What a lock
 * cannot cover (tables the role may not lock, index renames, objects created
 * in between) the consistency check at the end finds, and the whole read is
 * retried.
 */

/** One table in scope, as listed before the transaction starts. */
export interface PlannedTable {
  readonly oid: string;
  readonly schema: string;
  readonly name: string;
  /** The role may lock it (LOCK ... ACCESS SHARE needs SELECT on the table). */
  readonly lockable: boolean;
  /** Locks another session holds or waits for that conflict with ours (ACCESS EXCLUSIVE), e.g. `AccessExclusiveLock held by pid 42`; null: none. */
  readonly heldBy: string | null;
}

interface RawPlanRow {
  oid: string;
  schema: string;
  name: string;
  lockable: boolean | null;
  held_by: string | null;
}

/**
 * The tables in scope and who holds them: one statement, outside the
 * transaction (a query inside it would fix the snapshot before the locks).
 * Only ACCESS EXCLUSIVE conflicts with ACCESS SHARE; a session waiting for
 * it also makes newcomers queue behind it, so waiting ones count too.
 */
export async function planTables(db: Kysely<unknown>, scope: TableScopeInput): Promise<PlannedTable[]> {
  const { rows } = await sql<RawPlanRow>`
    with ${tableScope({ schemas: scope.schemas, ...(scope.excludeSchemas ? { excludeSchemas: scope.excludeSchemas } : {}) })},
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
export async function lockTables(db: Kysely<unknown>, tables: readonly PlannedTable[]): Promise<void> {
  if (tables.length === 0) return;
  const names = sql.join(tables.map((t) => sql.id(t.schema, t.name)));
  await sql`lock table only ${names} in access share mode`.execute(db);
}

/** `schema.name (AccessExclusiveLock held by pid N)` for each of `tables` another session holds (or waits for) in ACCESS EXCLUSIVE mode now. */
export async function lockHolders(db: Kysely<unknown>, tables: readonly PlannedTable[]): Promise<string[]> {
  const oids = tables.map((t) => t.oid);
  if (oids.length === 0) return [];
  const { rows } = await sql<{ schema: string; name: string; held_by: string }>`
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
 * enums, domains and other types of those schemas. The system caches give
 * the latest state, the snapshot the names it is compared with. Tables in
 * `locked` (held in ACCESS SHARE mode since before the snapshot) cannot have
 * changed, and neither can their columns, constraints and triggers: renaming
 * or dropping any of those takes ACCESS EXCLUSIVE on the table (renameatt,
 * RenameConstraint, renametrig, RemoveConstraintById, RemoveTriggerById), so
 * they are not looked up (the bulk of the check on large schemas). Indexes
 * are, whatever their table: ALTER INDEX ... RENAME and DROP INDEX
 * CONCURRENTLY take only SHARE UPDATE EXCLUSIVE. Zero: whatever the
 * deparsers printed during the read described the snapshot's objects. One
 * statement, whatever the number of objects.
 *
 * Relations (indexes included) are compared through `oid::regclass`, which
 * prints the latest name (schema-qualified unless visible on the pinned
 * search_path; the bare OID once dropped), against the snapshot's name
 * printed the same way (unqualified only when the relation is visible and
 * its snapshot schema is on the path, so a move between schemas shows):
 * about a fifth of the cost of
 * `pg_identify_object_as_address`, used for the rest (columns, constraints,
 * triggers, types: NULL names once dropped). Both candidate lists are
 * materialized first, so that the lookups run only on what is left after
 * the held tables are taken out (the planner would otherwise evaluate them
 * inside the pg_class scan, before the anti-join).
 */
export async function changedSinceSnapshot(
  db: Kysely<unknown>,
  scope: TableScopeInput,
  locked: readonly PlannedTable[] = [],
  hidden: ReadonlySet<string> = new Set(),
): Promise<number> {
  // Triggers the role may not read (visibility.ts) were not read: nothing of theirs to check.
  const triggers = hidden.has('pg_catalog.pg_trigger')
    ? sql``
    : sql`
      union all
      select 'pg_catalog.pg_trigger'::regclass, t.oid, 0, array[unheld.nspname::text, c.relname::text, t.tgname::text]
      from unheld join pg_catalog.pg_class c on c.oid = unheld.oid join pg_catalog.pg_trigger t on t.tgrelid = c.oid and not t.tgisinternal`;
  // A table counts as held when the snapshot still gives its OID the name it was locked by (LOCK takes
  // names: a table renamed between the list and the lock is not the one locked).
  const notRead = [...(scope.notRead ?? [])];
  const { rows } = await sql<{ changed: string }>`
    with ${tableScope(scope)},
    held(oid) as (
      select u.oid from unnest(${locked.map((t) => t.oid)}::oid[], ${locked.map((t) => t.schema)}::text[], ${locked.map((t) => t.name)}::text[]) u(oid, nsp, rel)
      join pg_catalog.pg_class hc on hc.oid = u.oid and hc.relname = u.rel
      join pg_catalog.pg_namespace hn on hn.oid = hc.relnamespace and hn.nspname = u.nsp),
    unheld as materialized (       -- the tables read that we do not hold (NOT IN: a hashed subplan, whatever the estimates)
      select scope.oid, scope.nspname from scope where scope.oid not in (select held.oid from held)),
    relations(oid, nsp, rel) as materialized (
      select c.oid, n.nspname, c.relname
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where ${schemaFilter('n', scope.schemas, scope.excludeSchemas)} and c.relkind in ('v', 'm', 'S', 'f')   -- tables: those read, below
        and c.oid <> all(${notRead}::oid[])
      union all
      select c.oid, unheld.nspname, c.relname
      from unheld join pg_catalog.pg_class c on c.oid = unheld.oid
      union all
      select ic.oid, n.nspname, ic.relname
      from scope join pg_catalog.pg_index i on i.indrelid = scope.oid
      join pg_catalog.pg_class ic on ic.oid = i.indexrelid join pg_catalog.pg_namespace n on n.oid = ic.relnamespace),
    objects(classid, objid, objsubid, names) as materialized (
      select 'pg_catalog.pg_class'::regclass, c.oid, a.attnum::int, array[unheld.nspname::text, c.relname::text, a.attname::text]
      from unheld join pg_catalog.pg_class c on c.oid = unheld.oid
      join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      union all
      select 'pg_catalog.pg_constraint'::regclass, k.oid, 0, array[unheld.nspname::text, c.relname::text, k.conname::text]
      from unheld join pg_catalog.pg_class c on c.oid = unheld.oid join pg_catalog.pg_constraint k on k.conrelid = c.oid${triggers}
      union all
      select 'pg_catalog.pg_type'::regclass, ty.oid, 0, array[pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(ty.typname)]
      from pg_catalog.pg_type ty join pg_catalog.pg_namespace n on n.oid = ty.typnamespace
      where ${schemaFilter('n', scope.schemas, scope.excludeSchemas)} and ty.typtype in ('e', 'd') )
    select ((select count(*) from relations r
             where r.oid::pg_catalog.regclass::text is distinct from
                   case when pg_catalog.pg_table_is_visible(r.oid) and r.nsp = any (pg_catalog.current_schemas(true))
                        then pg_catalog.quote_ident(r.rel)
                        else pg_catalog.quote_ident(r.nsp) || '.' || pg_catalog.quote_ident(r.rel) end)
          + (select count(*) from objects o
             where (pg_catalog.pg_identify_object_as_address(o.classid, o.objid, o.objsubid)).object_names is distinct from o.names))::text as changed`.execute(db);
  return Number(rows[0]!.changed);
}
