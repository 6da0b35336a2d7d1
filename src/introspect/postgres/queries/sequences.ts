import { sql, type Kysely } from 'kysely';
import type { RawSequenceRow } from '../raw-rows.js';
import { notExtensionMember, schemaFilter } from '../system-filters.js';

/**
 * Sequences with their owning column: `pg_depend` holds an 'a' (auto) entry
 * for serial columns and `OWNED BY`, and an 'i' (internal) entry for the
 * sequence behind an identity column.
 */
export async function querySequences(db: Kysely<unknown>, schemas?: readonly string[]): Promise<RawSequenceRow[]> {
  const { rows } = await sql<RawSequenceRow>`
    select n.nspname as schema, c.relname as name,
           pg_catalog.format_type(s.seqtypid, null) as data_type,
           s.seqstart::text as start, s.seqincrement::text as increment,
           s.seqmin::text as min, s.seqmax::text as max, s.seqcache::text as cache,
           s.seqcycle as cycle,
           own_ns.nspname as owner_schema, own.relname as owner_table, a.attname as owner_column,
           dep.deptype::text as dep_type
    from pg_catalog.pg_sequence s
    join pg_catalog.pg_class c on c.oid = s.seqrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    left join pg_catalog.pg_depend dep                     -- owning column, if any
      on dep.classid = 'pg_catalog.pg_class'::regclass and dep.objid = c.oid
     and dep.refclassid = 'pg_catalog.pg_class'::regclass and dep.refobjsubid > 0
     and dep.deptype in ('a', 'i')
    left join pg_catalog.pg_class own on own.oid = dep.refobjid
    left join pg_catalog.pg_namespace own_ns on own_ns.oid = own.relnamespace
    left join pg_catalog.pg_attribute a on a.attrelid = dep.refobjid and a.attnum = dep.refobjsubid
    where ${schemaFilter('n', schemas)}
      and ${notExtensionMember('c.oid', 'pg_catalog.pg_class')}
    order by n.nspname, c.relname`.execute(db);
  return rows;
}
