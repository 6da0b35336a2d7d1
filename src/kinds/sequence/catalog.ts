/** Sequences from the catalog: `pg_sequence`, with the column that owns each one. */
import { sql, type RawBuilder } from 'kysely';
import { sectionCatalog, type CatalogScope } from '../../introspect/postgres/kind-catalog.js';
import { notExtensionMember, schemaFilter } from '../../introspect/postgres/system-filters.js';
import { sortBy } from '../../model/sort.js';
import type { Sequence } from './model.js';

/** A row of {@link sequencesQuery}. The int8 settings come as text (pg returns int8 as strings anyway). */
export interface RawSequenceRow {
  schema: string;
  name: string;
  data_type: string;
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  owner_schema: string | null;
  owner_table: string | null;
  owner_column: string | null;
  /** 'i' for an identity column's sequence, 'a' for serial / OWNED BY. */
  dep_type: string | null;
  comment: string | null;
}

/**
 * Sequences with their owning column: `pg_depend` holds an 'a' (auto) entry
 * for serial columns and `OWNED BY`, and an 'i' (internal) entry for the
 * sequence behind an identity column.
 */
export function sequencesQuery({ schemas, excludeSchemas, only }: CatalogScope): RawBuilder<RawSequenceRow> {
  // A sequence owned by a table created after the tables were listed is left out with its table (CatalogScope.only).
  const listed = only ? sql`and (own.oid is null or own.oid = any(${[...only]}::oid[]))` : sql``;
  return sql<RawSequenceRow>`
    select n.nspname as schema, c.relname as name,
           pg_catalog.format_type(s.seqtypid, null) as data_type,
           s.seqstart::text as start, s.seqincrement::text as increment,
           s.seqmin::text as min, s.seqmax::text as max, s.seqcache::text as cache,
           s.seqcycle as cycle,
           own_ns.nspname as owner_schema, own.relname as owner_table, a.attname as owner_column,
           dep.deptype::text as dep_type,
           d.description as comment
    from pg_catalog.pg_sequence s
    join pg_catalog.pg_class c on c.oid = s.seqrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    left join pg_catalog.pg_description d                  -- sequence comment
      on d.objoid = c.oid and d.classoid = 'pg_catalog.pg_class'::regclass and d.objsubid = 0
    left join pg_catalog.pg_depend dep                     -- owning column, if any
      on dep.classid = 'pg_catalog.pg_class'::regclass and dep.objid = c.oid
     and dep.refclassid = 'pg_catalog.pg_class'::regclass and dep.refobjsubid > 0
     and dep.deptype in ('a', 'i')
    left join pg_catalog.pg_class own on own.oid = dep.refobjid
    left join pg_catalog.pg_namespace own_ns on own_ns.oid = own.relnamespace
    left join pg_catalog.pg_attribute a on a.attrelid = dep.refobjid and a.attnum = dep.refobjsubid
    where ${schemaFilter('n', schemas, excludeSchemas)}
      and ${notExtensionMember('c.oid', 'pg_catalog.pg_class')}
      ${listed}
    order by n.nspname, c.relname`;
}

function toSequence(s: RawSequenceRow): Sequence {
  return {
    schema: s.schema,
    name: s.name,
    dataType: s.data_type,
    start: s.start,
    increment: s.increment,
    min: s.min,
    max: s.max,
    cache: s.cache,
    cycle: s.cycle,
    ownedBy:
      s.owner_schema !== null && s.owner_table !== null && s.owner_column !== null
        ? { schema: s.owner_schema, table: s.owner_table, column: s.owner_column }
        : null,
    identity: s.dep_type === 'i',
    comment: s.comment,
  };
}

/** The model's sequences, sorted by schema and name (code-unit order). */
export function decodeSequences(rows: readonly RawSequenceRow[]): Sequence[] {
  return sortBy(
    rows.map(toSequence),
    (s) => s.schema,
    (s) => s.name,
  );
}

/** How sequences are read: see kind-catalog.ts. */
export const SEQUENCE_CATALOG = sectionCatalog(sequencesQuery, decodeSequences);
