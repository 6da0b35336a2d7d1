import { type Kysely } from 'kysely';
/** The one row of {@link queryServer}. */
export interface RawServerRow {
    server_version_num: string;
    server_version: string;
    database: string;
    current_user: string;
    /** `track_counts`: false means no usage counters are collected at all. */
    track_counts: boolean;
    /** The role may call `pg_stat_get_numscans(oid)` (granted to PUBLIC unless revoked). */
    can_numscans: boolean;
    /** The role may read `pg_stat_database`. */
    can_stat_database: boolean;
    /** The role may call `pg_postmaster_start_time()`. */
    can_start_time: boolean;
}
/**
 * Server version, who we are, and whether we may read the statistics the
 * index usage query needs (a privilege missing there would fail the whole
 * read: a function's EXECUTE right is checked when a statement starts, even
 * in a CASE branch never taken, so the check comes first, in its own
 * statement).
 */
export declare function queryServer(db: Kysely<unknown>): Promise<RawServerRow>;
/** Whether the index usage counters can be read, and if not, why (for the report). */
export declare function statsAccess(row: RawServerRow): {
    readable: true;
} | {
    readable: false;
    reason: string;
};
