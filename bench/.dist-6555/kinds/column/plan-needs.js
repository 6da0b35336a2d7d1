/** What the plan of a new or changed column needs first, or names: shared by the column's and the table's plans. */
import { makeObjectName } from '../../model/naming.js';
import { ensureDomain } from '../domain/plan.js';
import { ensureExtensions } from '../extension/plan.js';
import { ensureSequence } from '../sequence/plan.js';
import { nextvalSequence } from './sql.js';
/** What a new column needs to exist first: the expected extensions, the domain its type names. */
export function ensureColumnNeeds(ctx, c, findingId) {
    ensureExtensions(ctx, findingId);
    ensureDomain(ctx, c.type, findingId);
}
/** The sequence a serial default (`nextval('…')`) draws from, created when the database lacks it; see ensureSequence. */
export function ensureColumnSequence(ctx, defaultSql, findingId, owner) {
    return ensureSequence(ctx, nextvalSequence(defaultSql), findingId, owner);
}
/** The temporary CHECK (col IS NOT NULL) behind a safe SET NOT NULL. */
export function notNullHelperName(table, column) {
    return makeObjectName(table, column, 'sa_not_null');
}
/** The primary-key columns of a table and their types, to batch a backfill by; empty without a table or a primary key. */
export function primaryKeyOf(t) {
    const pk = t?.constraints.find((c) => c.kind === 'primary_key');
    if (!t || !pk)
        return [];
    return pk.columns.map((name) => ({ name, type: t.columns.find((c) => c.name === name)?.type ?? 'text' }));
}
//# sourceMappingURL=plan-needs.js.map