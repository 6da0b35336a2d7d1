import { type SupportedMajor } from './binaries.js';
/**
 * The one module that hands tests and the CLI a PostgreSQL server:
 * 1. a URL the caller gives (`TEST_DATABASE_URL`, `--db`, `DATABASE_URL`);
 * 2. else a @testcontainers/postgresql container when a Docker engine answers;
 * 3. else an embedded server from the bundled binaries (the default here).
 * `SCHEMA_AUDIT_SERVER=embedded|container` forces 2 or 3.
 */
export type ServerKind = 'external' | 'container' | 'embedded';
export interface ProvisionedServer {
    readonly kind: ServerKind;
    /** Connection URL; for embedded and container servers, a superuser's. */
    readonly url: string;
    /** The major we asked for (null for an external server: ask it). */
    readonly major: SupportedMajor | null;
    /** For people and logs: what was started or used (never a password). */
    readonly description: string;
    /** Stops and removes a server we started; a no-op for an external one. */
    stop(): Promise<void>;
}
export interface ProvisionOptions {
    readonly url?: string | undefined;
    readonly major?: SupportedMajor;
    readonly onLog?: (line: string) => void;
    readonly env?: NodeJS.ProcessEnv;
}
export declare function provisionServer(options?: ProvisionOptions): Promise<ProvisionedServer>;
/**
 * True when a Docker engine answers `GET /_ping` on its unix socket within a
 * second. A `docker` client binary alone (as on our machines) is not enough.
 */
export declare function dockerReachable(env?: NodeJS.ProcessEnv): Promise<boolean>;
