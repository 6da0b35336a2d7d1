/**
 * Table constraints from the catalog: `pg_constraint` rows of the tables in
 * scope, and the names of the columns foreign keys reference outside it,
 * streamed (see kind-catalog.ts).
 */
import { sql } from 'kysely';
import { integers } from '../../introspect/postgres/catalog-text.js';
import type { CatalogScope, MemberCatalog } from '../../introspect/postgres/kind-catalog.js';
import type { CatalogQuery, RowOf } from '../../introspect/postgres/stream-rows.js';
import { tableScope } from '../../introspect/postgres/table-scope.js';
import type { ColumnsByAttnum } from '../column/catalog.js';
import type { Constraint, ReferentialAction } from './model.js';

/**
 * The select list of {@link constraintsQuery}, in order (array row mode,
 * every value text). type p, u, f, c, x; attnums and ref_attnums (int2[]);
 * ref_oid '0' when not a foreign key; on_update / on_delete / match: the
 * catalog codes; index_oid: the index a primary key, unique or exclusion
 * constraint is implemented by (null for the others).
 */
export const CONSTRAINT_FIELDS = [
  'table_oid',
  'name',
  'type',
  'deferrable',
  'deferred',
  'validated',
  'no_inherit',
  'attnums',
  'ref_oid',
  'ref_attnums',
  'on_update',
  'on_delete',
  'match',
  'index_oid',
  'definition',
  'comment',
] as const;

/** The select list of {@link referencedColumnsQuery}: a column some foreign key references in a table outside the scope, and that table's name. */
export const REFERENCED_COLUMN_FIELDS = ['table_oid', 'schema', 'table', 'attnum', 'name'] as const;

/**
 * Table constraints (primary key, unique, foreign key, check, exclusion).
 * NOT NULL constraints, which PostgreSQL 18 also stores here, are column
 * nullability in our model and are skipped. The select list holds no
 * correlated subquery (so the deparsing may run in parallel workers), and
 * the query joins nothing it can do without: referenced tables and columns
 * come back as OIDs and attnums, named from the table and column rows (or
 * referencedColumnsQuery, outside the scope); a unique constraint's NULLS NOT
 * DISTINCT is its index's. No ORDER BY: each table's constraints are sorted
 * by name when it is assembled.
 */
export function constraintsQuery(scope: CatalogScope): CatalogQuery<typeof CONSTRAINT_FIELDS> {
  return {
    fields: CONSTRAINT_FIELDS,
    sql: sql`
      with ${tableScope(scope)}
      select c.conrelid as table_oid, c.conname as name, c.contype as type,
             c.condeferrable as deferrable, c.condeferred as deferred, c.convalidated as validated,
             c.connoinherit as no_inherit,
             c.conkey as attnums,
             c.confrelid as ref_oid,
             c.confkey as ref_attnums,
             c.confupdtype as on_update, c.confdeltype as on_delete, c.confmatchtype as match,
             case when c.contype in ('p', 'u', 'x') then c.conindid end as index_oid,
             pg_catalog.pg_get_constraintdef(c.oid) as definition,
             d.description as comment
      from scope
      join pg_catalog.pg_constraint c on c.conrelid = scope.oid
      left join pg_catalog.pg_description d                              -- constraint comment
        on d.objoid = c.oid and d.classoid = 'pg_catalog.pg_constraint'::regclass and d.objsubid = 0
      where c.contype in ('p', 'u', 'f', 'c', 'x')
        -- not the copies PostgreSQL makes of a foreign key that references a partitioned table
        -- (one per partition, on the referencing table itself): pg_dump leaves them out too
        and not exists (select from pg_catalog.pg_constraint p where p.oid = c.conparentid and p.conrelid = c.conrelid)`,
  };
}

/**
 * Names of the columns foreign keys reference in tables outside the scope,
 * by (table OID, attnum), with the table's schema and name: the table and
 * column queries do not go there. Referenced tables in scope are named from
 * their own rows.
 */
export function referencedColumnsQuery(scope: CatalogScope): CatalogQuery<typeof REFERENCED_COLUMN_FIELDS> {
  return {
    fields: REFERENCED_COLUMN_FIELDS,
    sql: sql`
      with ${tableScope(scope)},
      refs as (
        select distinct c.confrelid, k.attnum
        from scope
        join pg_catalog.pg_constraint c on c.conrelid = scope.oid and c.contype = 'f'
        cross join lateral unnest(c.confkey) k(attnum)
        where c.confrelid not in (select oid from scope))
      select refs.confrelid as table_oid, n.nspname as schema, c.relname as table, refs.attnum as attnum, a.attname as name
      from refs
      join pg_catalog.pg_class c on c.oid = refs.confrelid
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      join pg_catalog.pg_attribute a on a.attrelid = refs.confrelid and a.attnum = refs.attnum`,
  };
}

/** A table a foreign key references: its name and its columns by attnum. */
export interface ReferencedTable {
  readonly schema: string;
  readonly name: string;
  readonly columns: ColumnsByAttnum;
}

/** The facts a constraint takes from the index it is implemented by. */
export interface ImplementingIndex {
  readonly nullsNotDistinct: boolean;
}

const ACTIONS: Readonly<Record<string, ReferentialAction>> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};
const MATCH: Readonly<Record<string, 'SIMPLE' | 'FULL' | 'PARTIAL'>> = { s: 'SIMPLE', f: 'FULL', p: 'PARTIAL' };

/**
 * A constraint row as a model constraint, given its table's columns by
 * attnum, the index it is implemented by (primary key, unique, exclusion;
 * undefined when none was read) and, for a foreign key, the referenced
 * table by OID (in or outside the scope; undefined when unknown).
 */
export function decodeConstraint(
  row: RowOf<typeof CONSTRAINT_FIELDS>,
  tableColumns: ColumnsByAttnum,
  index: ImplementingIndex | undefined,
  referenced: (oid: string) => ReferencedTable | undefined,
): Constraint {
  const [, name, type, deferrable, deferred, validated, noInherit, attnumsText, refOid, refAttnumsText, onUpdate, onDelete, match, , rawDefinition, comment] =
    row;
  // Validity is its own field; keep the definition comparable across it.
  const definition = rawDefinition!.endsWith(NOT_VALID) ? rawDefinition!.slice(0, -NOT_VALID.length) : rawDefinition!;
  // conkey holds 0 for an exclusion constraint's expression elements (their
  // text is in the definition), and a CHECK's columns in order of first
  // mention in the expression: keep real columns, CHECK's in table order.
  const attnums = integers(attnumsText).filter((n) => n !== 0);
  if (type === 'c') attnums.sort((a, b) => a - b);
  const columns = attnums.map((n) => tableColumns[n]?.name ?? String(n));
  const isDeferrable = deferrable === 't';
  const initiallyDeferred = deferred === 't';
  const isValidated = validated === 't';
  // One object literal per kind, in the model's key order: spreading a
  // shared base (`{ ...base, kind }`) made this decoder ten times slower.
  switch (type) {
    case 'p':
      return { name: name!, deferrable: isDeferrable, initiallyDeferred, validated: isValidated, definition, comment, kind: 'primary_key', columns };
    case 'u':
      return {
        name: name!,
        deferrable: isDeferrable,
        initiallyDeferred,
        validated: isValidated,
        definition,
        comment,
        kind: 'unique',
        columns,
        nullsNotDistinct: index?.nullsNotDistinct ?? false,
      };
    case 'f': {
      const target = referenced(refOid!);
      return {
        name: name!,
        deferrable: isDeferrable,
        initiallyDeferred,
        validated: isValidated,
        definition,
        comment,
        kind: 'foreign_key',
        columns,
        references: {
          schema: target?.schema ?? '',
          table: target?.name ?? '',
          columns: integers(refAttnumsText).map((n) => target?.columns[n]?.name ?? String(n)),
        },
        onDelete: ACTIONS[onDelete!] ?? 'NO ACTION',
        onUpdate: ACTIONS[onUpdate!] ?? 'NO ACTION',
        match: MATCH[match!] ?? 'SIMPLE',
      };
    }
    case 'c':
      return {
        name: name!,
        deferrable: isDeferrable,
        initiallyDeferred,
        validated: isValidated,
        definition,
        comment,
        kind: 'check',
        expression: checkExpression(definition),
        columns,
        noInherit: noInherit === 't',
      };
    default:
      return { name: name!, deferrable: isDeferrable, initiallyDeferred, validated: isValidated, definition, comment, kind: 'exclusion', columns };
  }
}

const NOT_VALID = ' NOT VALID';
const CHECK_OPEN = 'CHECK (';
/** What may follow a CHECK's closing parenthesis, nearest the end first (the old pattern's greedy order). */
const CHECK_SUFFIXES = ['', NOT_VALID, ' NO INHERIT', ` NO INHERIT${NOT_VALID}`];

/**
 * `CHECK (expr) [NO INHERIT] [NOT VALID]` → expr; anything else unchanged.
 * Same result as /^CHECK \((.*)\)( NO INHERIT)?( NOT VALID)?$/s with its
 * greedy `.*`: the last `)` that only those suffixes follow.
 */
function checkExpression(definition: string): string {
  if (!definition.startsWith(CHECK_OPEN)) return definition;
  for (const suffix of CHECK_SUFFIXES) {
    const close = definition.length - suffix.length - 1;
    if (close >= CHECK_OPEN.length && definition.charCodeAt(close) === 41 /* ) */ && definition.endsWith(suffix)) {
      return definition.slice(CHECK_OPEN.length, close);
    }
  }
  return definition;
}

/** How constraints are read: referenced columns outside the scope first, which foreign keys need (see kind-catalog.ts). */
export const CONSTRAINT_CATALOG: MemberCatalog = {
  role: 'member',
  statements: [
    { step: 'referencedColumn', query: referencedColumnsQuery },
    { step: 'constraint', query: constraintsQuery },
  ],
};
