import { sql } from 'kysely';
/**
 * Small, fixed-size lookups that let the big per-table queries return raw
 * OIDs (and so stay free of correlated subqueries): names of the operator
 * classes that are not their type's default, and of every collation. Names
 * are qualified exactly when the deparsers qualify them: when not visible on
 * the pinned search_path.
 */
export async function queryNonDefaultOpclasses(db) {
    const { rows } = await sql `
    select opc.oid::int8 as oid,
           case when pg_catalog.pg_opclass_is_visible(opc.oid) then opc.opcname::text
                else n.nspname || '.' || opc.opcname end as name
    from pg_catalog.pg_opclass opc
    join pg_catalog.pg_namespace n on n.oid = opc.opcnamespace
    where not opc.opcdefault`.execute(db);
    return rows;
}
/** Names of every collation, qualified by the same rule. */
export async function queryCollations(db) {
    const { rows } = await sql `
    select co.oid::int8 as oid,
           case when pg_catalog.pg_collation_is_visible(co.oid) then co.collname::text
                else n.nspname || '.' || co.collname end as name
    from pg_catalog.pg_collation co
    join pg_catalog.pg_namespace n on n.oid = co.collnamespace`.execute(db);
    return rows;
}
//# sourceMappingURL=name-lookups.js.map