/**
 * The OneKeel Swarm demo database: `fixtures/onekeel-swarm/current.sql` (the
 * production schema as the seed report found it) filled by `data.sql` (a
 * deterministic generator), in a fresh database on the given server.
 */
export interface DemoDatabase {
    readonly url: string;
    readonly name: string;
    drop(): Promise<void>;
}
/** How long a cleanup on a signal waits for the database to be dropped. */
export declare const DROP_TIMEOUT_MS = 10000;
export interface CreateOptions {
    /**
     * Register the database's removal with the process's cleanup (signals,
     * unexpected errors); returns the function that unregisters it. Called
     * before `CREATE DATABASE` is sent, so no moment is left uncovered.
     */
    readonly register?: (cleanup: () => Promise<void>) => () => void;
}
export declare function createOnekeelDatabase(serverUrl: string, files?: readonly string[], options?: CreateOptions): Promise<DemoDatabase>;
