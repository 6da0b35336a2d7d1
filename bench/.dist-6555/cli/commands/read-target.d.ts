import type { IntrospectionResult, LockWait } from '../../introspect/introspector.js';
import type { CliIo } from '../io.js';
/**
 * Read the database a command targets (`snapshot`, `audit`): validate the
 * URL, introspect, and reject --schema names the database lacks (exit 2).
 */
export declare function readTarget(db: string, schemas: readonly string[], statementTimeoutMs: number, say: (message: string) => void, lockWait?: LockWait, warn?: (message: string) => void): Promise<IntrospectionResult>;
/** A warning line on stderr, whatever --verbose says. */
export declare function warnTo(io: CliIo): (message: string) => void;
