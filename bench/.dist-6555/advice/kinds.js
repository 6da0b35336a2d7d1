/** Every kind of advice, in report order. */
export const ADVICE_KINDS = [
    'fk_without_index',
    'duplicate_index',
    'redundant_index',
    'table_without_primary_key',
    'invalid_index',
    'constraint_not_valid',
    'unused_index',
];
const ADVICE_KIND_SET = new Set(ADVICE_KINDS);
/** True when `value` is a known advice kind (for validating `--disable-advice`). */
export function isAdviceKind(value) {
    return ADVICE_KIND_SET.has(value);
}
/**
 * Default severity of each advice kind. Advice never fails a run by itself
 * (see `failsGate`), so the severity ranks how urgent the fix is:
 *
 * - warning, `fk_without_index`: every DELETE on the referenced table, and every
 *   UPDATE of its key, scans the referencing table (once per row, inside the
 *   RI trigger, holding locks); joins along the key have no index either. The
 *   classic cause of "deleting one client takes minutes".
 * - warning, `duplicate_index`: pure cost. Every write maintains both copies,
 *   vacuum reads both, the planner uses one; nothing is lost by dropping one.
 * - info, `redundant_index`: very likely dead weight, but the shorter index can
 *   still win (smaller, so cheaper to scan and to keep cached), so it is a
 *   candidate to check, not a certain saving.
 * - warning, `table_without_primary_key`: rows have no guaranteed identity;
 *   logical replication cannot replicate UPDATE and DELETE without a replica
 *   identity, and ORMs, CDC tools and manual repairs all assume one.
 * - warning, `invalid_index` (not error): the planner ignores it, so queries
 *   run as if it did not exist, yet writes may still maintain it (and a
 *   unique one may still reject them). It wastes writes and silently stands
 *   in for an index that is not really there (the drift audit compares
 *   indexes by structure, not validity, so only this advice shows it). Yet
 *   the data and the application's writes are as they would be without it,
 *   and dropping and rebuilding it is routine: urgent, not broken.
 * - warning, `constraint_not_valid`: rows written before the constraint were
 *   never checked, so the guarantee is partial; the planner also cannot use
 *   an unvalidated check or foreign key (constraint exclusion, join removal).
 * - info, `unused_index`: a statistic, not a fact about the schema: the index
 *   may serve a monthly report, a replica, or a query the counters missed
 *   after a crash. Worth a look; never a gate.
 */
export const ADVICE_SEVERITY = {
    fk_without_index: 'warning',
    duplicate_index: 'warning',
    redundant_index: 'info',
    table_without_primary_key: 'warning',
    invalid_index: 'warning',
    constraint_not_valid: 'warning',
    unused_index: 'info',
};
//# sourceMappingURL=kinds.js.map