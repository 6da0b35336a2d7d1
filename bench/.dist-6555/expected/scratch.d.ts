import pg from 'pg';
import type { SupportedMajor } from '../server/binaries.js';
/**
 * A scratch database of ours, to load an expected schema into: on a server we
 * start (embedded, or a container) of the audited server's major, or on a
 * server of ours the caller already runs (the demo's). Never the audited
 * database, never its server.
 *
 * Trust: what is loaded there (a spec's DDL, a user's .sql, a snapshot's
 * structure, a remediation plan) is untrusted text. The superuser connection
 * only prepares: it creates a fresh unprivileged role (NOSUPERUSER,
 * NOCREATEDB, NOCREATEROLE, no predefined role), the database owned by it
 * (and its public schema), and the roles the DDL names (NOLOGIN). Everything
 * the caller runs goes through that role's own connection: it cannot read or
 * write server files, run programs (COPY ... PROGRAM, untrusted languages)
 * or create untrusted extensions. The superuser never connects to the
 * scratch database again once the role has written to it.
 */
export interface ScratchOptions {
    readonly major: SupportedMajor;
    /** Create the scratch database on this server (ours; a superuser URL) instead of starting one. */
    readonly serverUrl?: string;
    /** Roles the DDL names (owners, grantees): created NOLOGIN when missing. */
    readonly roles?: readonly string[];
    /** Extensions the DDL needs: fail early, naming them, when the server lacks them or only a superuser may create them. */
    readonly extensions?: readonly string[];
    /** What is being loaded, for messages. */
    readonly what: string;
}
export interface ScratchDatabase {
    /** The unprivileged loader role's URL of the scratch database. */
    readonly url: string;
    /** The loader role's name. */
    readonly role: string;
    /**
     * Roles the DDL names that the loader may not become (a superuser such as
     * `postgres`, a role with privileges): ownership given to them stays with
     * the loader (owners are not part of the model).
     */
    readonly unusableRoles: ReadonlySet<string>;
}
/** Send one statement, never several: the extended protocol refuses a string holding more than one. */
export declare function queryOne(client: pg.Client, sql: string): Promise<pg.QueryResult>;
export declare function withScratchDatabase<T>(options: ScratchOptions, fn: (url: string, scratch: ScratchDatabase) => Promise<T>): Promise<T>;
