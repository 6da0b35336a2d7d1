import { sql, type Kysely } from 'kysely';

/** An OID and its display name (operator classes, collations). */
export interface RawNameRow {
  oid: string;
  name: string;
}

/** A row of the lookup statement: 'o' for an operator class, 'c' for a collation. */
interface RawLookupRow extends RawNameRow {
  what: 'o' | 'c';
}

/**
 * Small, fixed-size lookups, in one statement, that let the big per-table
 * queries return raw OIDs (and so stay free of correlated subqueries): names
 * of the operator classes that are not their type's default, and of every
 * collation. Names are qualified exactly when the deparsers qualify them:
 * when not visible on the pinned search_path.
 */
export async function queryNameLookups(db: Kysely<unknown>): Promise<{ opclasses: RawNameRow[]; collations: RawNameRow[] }> {
  const { rows } = await sql<RawLookupRow>`
    select 'o' as what, opc.oid::int8 as oid,
           case when pg_catalog.pg_opclass_is_visible(opc.oid) then opc.opcname::text
                else n.nspname || '.' || opc.opcname end as name
    from pg_catalog.pg_opclass opc
    join pg_catalog.pg_namespace n on n.oid = opc.opcnamespace
    where not opc.opcdefault
    union all
    select 'c', co.oid::int8,
           case when pg_catalog.pg_collation_is_visible(co.oid) then co.collname::text
                else n.nspname || '.' || co.collname end
    from pg_catalog.pg_collation co
    join pg_catalog.pg_namespace n on n.oid = co.collnamespace`.execute(db);
  const pick = (what: 'o' | 'c'): RawNameRow[] => rows.filter((r) => r.what === what).map(({ oid, name }) => ({ oid, name }));
  return { opclasses: pick('o'), collations: pick('c') };
}
