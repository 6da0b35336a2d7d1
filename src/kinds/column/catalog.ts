/** Columns from the catalog: `pg_attribute` rows of the tables in scope, streamed (see kind-catalog.ts). */
import { sql } from 'kysely';
import type { CatalogScope, MemberCatalog, Mutable } from '../../introspect/postgres/kind-catalog.js';
import type { CatalogQuery, RowOf } from '../../introspect/postgres/stream-rows.js';
import { tableScope } from '../../introspect/postgres/table-scope.js';
import type { Column } from './model.js';

/**
 * The select list of {@link columnsQuery}, in order (array row mode, every
 * value text). expr: the default or generation expression (pg_get_expr of
 * pg_attrdef.adbin); generated '' normal, 's' stored, 'v' virtual (18+);
 * identity '' none, 'a' always, 'd' by default; collation:
 * pg_attribute.attcollation when not the type's (named from the collation
 * lookup), else null; key_collation: attcollation when it is neither 0 (not
 * collatable) nor 100 (`default`), else null (index key collations are
 * compared with it); inherited: null for a column of the table's own (no
 * parent has it: attinhcount 0), 'i' for one only inherited, 'l' for one
 * inherited and also defined by the table itself (attislocal); null for
 * every column of a partition (all its parent's).
 */
export const COLUMN_FIELDS = [
  'table_oid',
  'attnum',
  'name',
  'type',
  'not_null',
  'expr',
  'generated',
  'identity',
  'collation',
  'key_collation',
  'comment',
  'inherited',
] as const;

/** A table's columns by attnum (dropped columns leave holes): how index keys and constraints name theirs. */
export type ColumnsByAttnum = readonly ({ readonly name: string } | undefined)[];

/**
 * All live columns of every table in scope, in one query. `format_type` and
 * `pg_get_expr` are most of this query's server time, and they are exactly
 * the facts we need, so they stay. Collations come as OIDs, named from the
 * collation lookup (name-lookups.ts). No ORDER BY: the assembler places each
 * column by its attnum.
 */
export function columnsQuery(scope: CatalogScope): CatalogQuery<typeof COLUMN_FIELDS> {
  return {
    fields: COLUMN_FIELDS,
    sql: sql`
      with ${tableScope(scope)}
      select a.attrelid as table_oid, a.attnum, a.attname as name,
             pg_catalog.format_type(a.atttypid, a.atttypmod) as type,
             a.attnotnull as not_null,
             pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) as expr,
             a.attgenerated as generated,
             a.attidentity as identity,
             case when a.attcollation <> t.typcollation then a.attcollation end as collation,
             case when a.attcollation not in (0, 100) then a.attcollation end as key_collation,
             d.description as comment,
             case when a.attinhcount > 0 and not (select r.relispartition from pg_catalog.pg_class r where r.oid = a.attrelid) then case when a.attislocal then 'l' else 'i' end end as inherited
      from scope
      join pg_catalog.pg_attribute a on a.attrelid = scope.oid
      join pg_catalog.pg_type t on t.oid = a.atttypid
      left join pg_catalog.pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
      left join pg_catalog.pg_description d                  -- column comment
        on d.objoid = a.attrelid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = a.attnum
      where a.attnum > 0 and not a.attisdropped`,
  };
}

/**
 * A column row as a model column; its position (0 here) is set when its
 * table is assembled. `collations` names collation OIDs; `intern` returns the
 * one kept copy of a text that recurs across tables (names, types,
 * defaults), so each row's own copy dies young.
 */
export function decodeColumn(row: RowOf<typeof COLUMN_FIELDS>, collations: ReadonlyMap<string, string>, intern: (text: string) => string): Mutable<Column> {
  const [, , name, type, notNull, expr, generatedCode, identityCode, collationOid, , comment, inherited] = row;
  const generated = generatedCode === 's' || generatedCode === 'v';
  return {
    name: intern(name!),
    position: 0,
    type: intern(type!),
    nullable: notNull !== 't',
    default: generated || expr === null ? null : intern(expr),
    identity: identityCode === 'a' ? 'always' : identityCode === 'd' ? 'by_default' : null,
    generated: generated && expr !== null ? { expression: expr, kind: generatedCode === 'v' ? 'virtual' : 'stored' } : null,
    collation: collationOid === null ? null : (collations.get(collationOid) ?? null),
    comment,
    ...(inherited === 'i' ? { inherited: 'only' as const } : inherited === 'l' ? { inherited: 'also_local' as const } : {}),
  };
}

/** How columns are read: see kind-catalog.ts. */
export const COLUMN_CATALOG: MemberCatalog = { role: 'member', statements: [{ step: 'column', query: columnsQuery }] };
