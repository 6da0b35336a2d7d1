import { AuditError } from '../errors.js';
/**
 * Every file a run writes (`--out`, `--migration-dir`'s up.sql and
 * down.sql) goes through {@link writeOutputs}, which guarantees:
 *
 * - atomic: each file is written to a new temporary file in the target's
 *   directory (O_CREAT|O_EXCL|O_NOFOLLOW, 0600 while written, fsynced),
 *   then renamed over the target; a reader sees the old file or the new one;
 * - no symlink or special file is followed or replaced: a target that is a
 *   symbolic link (dangling or not), a directory, a device, a FIFO or a
 *   socket is refused, and nothing is written;
 * - all or nothing: every output of the run is staged first; only when all
 *   are staged are they renamed into place, and if one rename fails, those
 *   already done are rolled back (a replaced file is kept aside as a hard
 *   link until all are in place). A migration directory that does not exist
 *   yet is staged whole as a temporary directory and renamed into place;
 * - nothing left behind: temporary files are registered with the process's
 *   cleanup (src/io/cleanup.ts), removed on failure, on exit and on a signal.
 */
export type Output = 
/** One file; `label` names it in messages (the path as the user gave it). */
{
    readonly kind: 'file';
    readonly label: string;
    readonly path: string;
    readonly content: string;
}
/** Files of one directory, written both-or-neither. */
 | {
    readonly kind: 'dir';
    readonly label: string;
    readonly dir: string;
    readonly files: readonly {
        readonly name: string;
        readonly content: string;
    }[];
};
/** An output that cannot be written: exit 2, one line. */
export declare class OutputError extends AuditError {
    constructor(message: string, options?: {
        readonly cause?: unknown;
    });
}
/** Write one file atomically (see {@link writeOutputs}). */
export declare function writeFileAtomic(target: string, content: string, label?: string): void;
/** Write every output, or none: see the module comment. Throws {@link OutputError}. */
export declare function writeOutputs(outputs: readonly Output[]): void;
/** Outputs written to temporary files, not yet in place: `commit()` puts all in place (or none), `abort()` drops them. */
export interface StagedOutputs {
    commit(): void;
    abort(): void;
}
/**
 * Stage every output (checks, temporary files written and flushed); throws
 * {@link OutputError} with nothing left behind when one cannot be staged.
 * A directory output that holds another output's path is staged after it.
 */
export declare function stageOutputs(outputs: readonly Output[]): StagedOutputs;
