import type { IndexUsageStats } from '../introspect/introspector.js';
import type { Constraint, Index, Table } from '../model/schema-model.js';
import { type Context, type Draft } from './context.js';
/**
 * `duplicate_index`: valid indexes of one table with the same structure (see
 * `structureKey`). Of each group one is kept, the primary key's, else one
 * backing a constraint, else the first by name; every other is reported,
 * with the kept one in `actual.duplicateOf`. Invalid indexes are left to
 * `invalid_index`.
 */
export declare function duplicateIndexes(table: Table, indexes: readonly Index[]): {
    drafts: Draft[];
    reported: ReadonlySet<string>;
};
/**
 * `redundant_index`: a valid, non-unique btree index that backs no
 * constraint (a unique index enforces something; a constraint's index goes
 * with the constraint), whose key parts another valid index covers (see
 * `covers`). The covering index reported is the one with the fewest key
 * parts, then the first by name; indexes reported as duplicates neither
 * count as redundant nor as covering (their kept twin stands for them).
 */
export declare function redundantIndexes(table: Table, indexes: readonly Index[], duplicates: ReadonlySet<string>, out: Draft[]): void;
/**
 * `invalid_index`: `pg_index.indisvalid` is false. On a table: a CREATE (or
 * REINDEX) INDEX CONCURRENTLY that failed or was cancelled left it behind. On
 * a partitioned table: it was created ON ONLY the parent and some partition's
 * index is not attached yet.
 */
export declare function invalidIndexes(table: Table, indexes: readonly Index[], out: Draft[]): void;
export declare function sinceText(stats: IndexUsageStats): string;
/**
 * `unused_index` (info): an index no query has scanned (`idx_scan = 0`)
 * according to the statistics, checked only when they exist: given `stats`
 * and a counter for the index. Never reported: indexes that enforce
 * something (primary key, unique, exclusion, any unique index), invalid ones
 * (`invalid_index`), and indexes without a counter. A partitioned table's
 * index has no counter of its own: it is unused when the indexes of the
 * same structure on all of its leaf partitions in the model have counters
 * summing to 0; those partition indexes are not reported themselves. When
 * the index is the only one supporting a foreign key, the message says that
 * scans happen only when referenced rows are deleted or their keys change.
 */
export declare function unusedIndexes(ctx: Context, table: Table, indexes: readonly Index[], constraints: readonly Constraint[], stats: IndexUsageStats, out: Draft[]): void;
