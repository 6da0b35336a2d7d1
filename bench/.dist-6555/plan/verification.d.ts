/**
 * The outcome of `--verify` (src/verify/verify.ts), as plain data, and its
 * one-line description for reports and SQL headers.
 */
export interface VerifyFailure {
    readonly stage: 'load' | 'up' | 'down' | 'after_up' | 'after_down';
    /** The plan step (its id) whose statement failed, for `up` and `down`. */
    readonly step?: string;
    readonly statement?: string;
    /** The server's error, or the findings that should not be there. */
    readonly message: string;
}
export interface Verification {
    readonly verified: boolean;
    /** `server_version` of the scratch server. */
    readonly serverVersion: string;
    /** What the copy holds: structure only. */
    readonly note: string;
    readonly failure?: VerifyFailure;
}
/** One line: `verified on PostgreSQL 17.10 (structure only: …)` or what failed. */
export declare function verificationText(v: Verification): string;
