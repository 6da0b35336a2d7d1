import { type Kysely } from 'kysely';
/** An OID and its display name (operator classes, collations). */
export interface RawNameRow {
    oid: string;
    name: string;
}
/**
 * Small, fixed-size lookups that let the big per-table queries return raw
 * OIDs (and so stay free of correlated subqueries): names of the operator
 * classes that are not their type's default, and of every collation. Names
 * are qualified exactly when the deparsers qualify them: when not visible on
 * the pinned search_path.
 */
export declare function queryNonDefaultOpclasses(db: Kysely<unknown>): Promise<RawNameRow[]>;
/** Names of every collation, qualified by the same rule. */
export declare function queryCollations(db: Kysely<unknown>): Promise<RawNameRow[]>;
