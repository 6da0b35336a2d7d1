import { type BackfillTarget } from '../kinds/column/sql.js';
import type { PlanStatement } from './types.js';
export declare function stmt(sql: string, extra?: Partial<Omit<PlanStatement, 'sql'>>): PlanStatement;
export declare const UNTIMED_NONBLOCKING = "it blocks neither reads nor writes, however long it runs";
export declare const UNTIMED_BATCHED = "it commits after every batch, so no row stays locked for long";
/** A statement that may run long without blocking anyone (a concurrent build, a validation): no statement timeout. */
export declare function longRunning(sql: string, transactional?: boolean): PlanStatement;
/**
 * SET NOT NULL without a long lock: a `CHECK (col IS NOT NULL)` added NOT
 * VALID, validated (a scan that blocks neither reads nor writes), then SET
 * NOT NULL (which trusts the valid check instead of scanning under its
 * ACCESS EXCLUSIVE lock), then the check dropped. Fails at VALIDATE while a
 * row holds NULL.
 */
export declare function setNotNullSafely(schema: string, table: string, column: string, helperName: string): PlanStatement[];
/** The backfill of a column (see backfillSql): batched in its own transactions, or one UPDATE. */
export declare function backfill(target: BackfillTarget): PlanStatement;
/** The COMMENT statement `sql` makes of a comment, when there is one. */
export declare function commented(comment: string | null, sql: (comment: string) => string): PlanStatement[];
