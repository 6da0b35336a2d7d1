/**
 * Tables from the catalog: one row per ordinary or partitioned table in
 * scope, streamed (see kind-catalog.ts); the table kind holds its members
 * (columns, indexes, constraints, triggers), which stream after it, and
 * puts them in place once all are read (assembleTable).
 */
import { sql } from 'kysely';
import type { CatalogScope, ContainerCatalog, Mutable } from '../../introspect/postgres/kind-catalog.js';
import type { CatalogQuery, RowOf } from '../../introspect/postgres/stream-rows.js';
import { tableScope } from '../../introspect/postgres/table-scope.js';
import { compareText } from '../../model/sort.js';
import type { Column } from '../column/model.js';
import type { Constraint } from '../constraint/model.js';
import type { Index } from '../index/model.js';
import type { Policy } from '../policy/model.js';
import type { Trigger } from '../trigger/model.js';
import type { Table, TableRef } from './model.js';

/**
 * The select list of {@link tablesQuery}, in order (array row mode, every
 * value text). relkind 'r' ordinary, 'p' partitioned; relpersistence 'u'
 * unlogged; reltuples a float8 (-1: never analysed).
 */
export const TABLE_FIELDS = [
  'oid',
  'schema',
  'name',
  'relkind',
  'relpersistence',
  'reltuples',
  'partition_key',
  'partition_bound',
  'parent_schema',
  'parent_name',
  'comment',
  'inherits',
  'row_security',
  'force_row_security',
] as const;

/**
 * Tables in scope, one row each. An inheritance child's parents come from
 * one aggregate over pg_inherits joined in (a partition's parent is its
 * partition parent, not INHERITS), not a subquery per table: a correlated
 * subquery in the select list keeps the statement out of parallel plans.
 */
export function tablesQuery(scope: CatalogScope): CatalogQuery<typeof TABLE_FIELDS> {
  return {
    fields: TABLE_FIELDS,
    sql: sql`
      with ${tableScope(scope)}
      select c.oid as oid, n.nspname as schema, c.relname as name,
             c.relkind as relkind, c.relpersistence as relpersistence,
             c.reltuples::float8 as reltuples,
             case when c.relkind = 'p' then pg_catalog.pg_get_partkeydef(c.oid) end as partition_key,
             case when c.relispartition then pg_catalog.pg_get_expr(c.relpartbound, c.oid) end as partition_bound,
             pn.nspname as parent_schema, pc.relname as parent_name,
             d.description as comment,
             inh.parents as inherits,
             c.relrowsecurity as row_security, c.relforcerowsecurity as force_row_security
      from scope
      join pg_catalog.pg_class c on c.oid = scope.oid
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      left join pg_catalog.pg_inherits i on c.relispartition and i.inhrelid = c.oid   -- partition parent
      left join pg_catalog.pg_class pc on pc.oid = i.inhparent
      left join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace
      left join (                                            -- INHERITS (...), in order: pg_inherits read once
        select h.inhrelid,
               pg_catalog.json_agg(pg_catalog.json_build_array(hn.nspname, hc.relname) order by h.inhseqno)::text as parents
        from pg_catalog.pg_inherits h
        join pg_catalog.pg_class hc on hc.oid = h.inhparent
        join pg_catalog.pg_namespace hn on hn.oid = hc.relnamespace
        group by h.inhrelid) inh on not c.relispartition and inh.inhrelid = c.oid
      left join pg_catalog.pg_description d                  -- table comment
        on d.objoid = c.oid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = 0`,
  };
}

/** A table row as a model table (`oid` aside), its member lists empty until {@link assembleTable}. */
export function decodeTable(row: RowOf<typeof TABLE_FIELDS>): Mutable<Table> {
  const [, schema, name, relkind, relpersistence, reltuples, partitionKey, partitionBound, parentSchema, parentName, comment, inherits, rowSecurity, forceRowSecurity] = row;
  const tuples = parseFloat(reltuples!);
  return {
    schema: schema!,
    name: name!,
    kind: relkind === 'p' ? 'partitioned_table' : 'table',
    comment,
    // Since PostgreSQL 14, reltuples is -1 until the first VACUUM or ANALYZE;
    // 0 then means an analysed empty table (relpages is 0 for any empty or
    // partitioned table, so it tells nothing).
    rowEstimate: tuples < 0 ? null : Math.round(tuples),
    partitionKey,
    partitionOf: parentName !== null && parentSchema !== null ? { schema: parentSchema, table: parentName, bound: partitionBound ?? '' } : null,
    unlogged: relpersistence === 'u',
    inherits: decodeInherits(inherits),
    columns: [],
    indexes: [],
    constraints: [],
    triggers: [],
    // Only when on: a table without row-level security reads as before.
    ...(rowSecurity === 't' ? { rowSecurity: true } : {}),
    ...(forceRowSecurity === 't' ? { forceRowSecurity: true } : {}),
  };
}

/** The parents of an inheritance child: a JSON array of [schema, name], or null for none. */
function decodeInherits(json: string | null | undefined): TableRef[] {
  if (!json) return [];
  return (JSON.parse(json) as [string, string][]).map(([schema, table]) => ({ schema, table }));
}

/** A table's members as their rows arrive, before {@link assembleTable}. */
export interface TableMembers {
  /** Columns by attnum (dropped columns leave holes); positions are set by assembleTable. */
  readonly columns: (Mutable<Column> | undefined)[];
  readonly indexes: Index[];
  readonly constraints: Constraint[];
  readonly triggers: Trigger[];
  readonly policies: Policy[];
}

const byName = (a: { readonly name: string }, b: { readonly name: string }): number => compareText(a.name, b.name);

/**
 * The table with its members in place: columns in attnum order, numbered
 * from 1 with no gap where a dropped column was; the other lists sorted by
 * name (code-unit order, never the database collation). Completes `table`
 * in place (no copy of 10,000 tables) and returns it.
 */
export function assembleTable(table: Mutable<Table>, members: TableMembers): Table {
  const columns: Column[] = [];
  for (let n = 0; n < members.columns.length; n++) {
    const column = members.columns[n];
    if (column === undefined) continue;
    column.position = columns.length + 1;
    columns.push(column);
  }
  table.columns = columns;
  table.indexes = members.indexes.sort(byName);
  table.constraints = members.constraints.sort(byName);
  table.triggers = members.triggers.sort(byName);
  // Only when there are some (see Table.policies).
  if (members.policies.length) table.policies = members.policies.sort(byName);
  return table;
}

/** Sorts tables by schema and name (code-unit order), in place. */
export function sortTables(tables: Table[]): Table[] {
  return tables.sort((a, b) => compareText(a.schema, b.schema) || compareText(a.name, b.name));
}

/** How tables are read: see kind-catalog.ts. */
export const TABLE_CATALOG: ContainerCatalog = { role: 'container', statements: [{ step: 'table', query: tablesQuery }] };
