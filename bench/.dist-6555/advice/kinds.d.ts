/**
 * The advice vocabulary: what a DBA's audit also checks, beyond the expected
 * schema. Advice findings have `category: 'advice'`; they are never drift, and
 * never count towards `--fail-on` unless the caller asks (`--fail-on-advice`).
 *
 * The kind identifiers are a stable contract for JSON consumers, like
 * FINDING_KINDS: a kind is never renamed, only added. This module has only
 * type imports, so `diff/findings.ts` can name `AdviceKind` without a runtime
 * import cycle.
 */
import type { Finding, Severity } from '../findings/finding.js';
/** Every kind of advice, in report order. */
export declare const ADVICE_KINDS: readonly ["fk_without_index", "duplicate_index", "redundant_index", "table_without_primary_key", "invalid_index", "constraint_not_valid", "unused_index"];
/** One of {@link ADVICE_KINDS}. */
export type AdviceKind = (typeof ADVICE_KINDS)[number];
/** A piece of advice: `expected` is always null, `actual` holds the facts behind it. */
export type AdviceFinding = Finding<AdviceKind, null, unknown>;
/** True when `value` is a known advice kind (for validating `--disable-advice`). */
export declare function isAdviceKind(value: string): value is AdviceKind;
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
export declare const ADVICE_SEVERITY: Readonly<Record<AdviceKind, Severity>>;
