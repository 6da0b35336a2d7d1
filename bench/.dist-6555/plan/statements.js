/**
 * Plan statements: the SQL of the kinds' emitters (src/kinds/<kind>/sql.ts)
 * with what running it needs to know (transaction block or not, statement
 * timeout or not). The statements assume `search_path = pg_catalog,
 * public`, the setting the model's SQL text was deparsed with; the rendered
 * files set it at the top.
 */
import { addConstraintIfMissingSql, dropConstraintSql, validateConstraintSql } from '../kinds/constraint/sql.js';
import { alterColumnSql, backfillSql as backfillText } from '../kinds/column/sql.js';
import { quoteIdent } from '../model/identifiers.js';
export function stmt(sql, extra = {}) {
    return { sql, transactional: extra.transactional ?? true, ...(extra.untimed ? { untimed: extra.untimed } : {}) };
}
export const UNTIMED_NONBLOCKING = 'it blocks neither reads nor writes, however long it runs';
export const UNTIMED_BATCHED = 'it commits after every batch, so no row stays locked for long';
/** A statement that may run long without blocking anyone (a concurrent build, a validation): no statement timeout. */
export function longRunning(sql, transactional = true) {
    return stmt(sql, { transactional, untimed: UNTIMED_NONBLOCKING });
}
/**
 * SET NOT NULL without a long lock: a `CHECK (col IS NOT NULL)` added NOT
 * VALID, validated (a scan that blocks neither reads nor writes), then SET
 * NOT NULL (which trusts the valid check instead of scanning under its
 * ACCESS EXCLUSIVE lock), then the check dropped. Fails at VALIDATE while a
 * row holds NULL.
 */
export function setNotNullSafely(schema, table, column, helperName) {
    return [
        stmt(addConstraintIfMissingSql(schema, table, helperName, `CHECK (${quoteIdent(column)} IS NOT NULL) NOT VALID`)),
        longRunning(validateConstraintSql(schema, table, helperName)),
        stmt(alterColumnSql(schema, table, column, 'SET NOT NULL')),
        stmt(dropConstraintSql(schema, table, helperName)),
    ];
}
/** The backfill of a column (see backfillSql): batched in its own transactions, or one UPDATE. */
export function backfill(target) {
    const { sql, batched } = backfillText(target);
    return batched ? stmt(sql, { transactional: false, untimed: UNTIMED_BATCHED }) : stmt(sql);
}
/** The COMMENT statement `sql` makes of a comment, when there is one. */
export function commented(comment, sql) {
    return comment === null ? [] : [stmt(sql(comment))];
}
//# sourceMappingURL=statements.js.map