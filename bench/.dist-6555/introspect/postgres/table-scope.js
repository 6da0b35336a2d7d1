import { sql } from 'kysely';
import { notExtensionMember, schemaFilter } from './system-filters.js';
/**
 * `scope(oid, relkind, nspname)`: the ordinary and partitioned tables being
 * audited. Every per-table query (columns, indexes, constraints, triggers)
 * starts from it, so each is one catalog-wide query whatever the number of
 * tables. Tables left unread (`notRead`) are out of it, so no query touches
 * them (their members included).
 */
export function tableScope({ schemas, notRead, only }) {
    const skip = notRead && notRead.length > 0 ? sql `and c.oid <> all(${[...notRead]}::oid[])` : sql ``;
    const listed = only ? sql `and c.oid = any(${[...only]}::oid[])` : sql ``;
    return sql `scope as (
    select c.oid, c.relkind, n.nspname
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p')                         -- r = table, p = partitioned table
      and ${schemaFilter('n', schemas)}
      and ${notExtensionMember('c.oid', 'pg_catalog.pg_class')}
      ${skip} ${listed})`;
}
//# sourceMappingURL=table-scope.js.map