import type { Column } from '../column/model.js';
import type { Constraint } from '../constraint/model.js';
import type { Index } from '../index/model.js';
import type { Policy } from '../policy/model.js';
import type { Trigger } from '../trigger/model.js';

export type TableKind = 'table' | 'partitioned_table';

export interface PartitionOf {
  readonly schema: string;
  readonly table: string;
  readonly bound: string;
}

/** An ordinary or partitioned table, with its members. */
/** A table named by schema and name. */
export interface TableRef {
  readonly schema: string;
  readonly table: string;
}

export interface Table {
  readonly schema: string;
  readonly name: string;
  /** `partitioned_table` for a declarative-partitioning parent. */
  readonly kind: TableKind;
  readonly comment: string | null;
  /**
   * The planner's row estimate (`pg_class.reltuples`), or null when the table
   * was never vacuumed or analysed. A statistic, not schema: snapshots omit it.
   */
  readonly rowEstimate: number | null;
  /** For a partitioned parent: `RANGE (created_at)` as `pg_get_partkeydef` prints it. */
  readonly partitionKey: string | null;
  /** For a partition: its parent and bound (`FOR VALUES FROM (...) TO (...)`). */
  readonly partitionOf: PartitionOf | null;
  /**
   * The tables it inherits from (`INHERITS (...)`, table inheritance, not
   * partitioning), in the order of `pg_inherits.inhseqno`. Absent or empty:
   * none (models built before this field, and test builders, omit it).
   */
  readonly inherits?: readonly TableRef[];
  /** Unlogged tables skip WAL; worth knowing in an audit. */
  readonly unlogged: boolean;
  readonly columns: readonly Column[];
  readonly indexes: readonly Index[];
  readonly constraints: readonly Constraint[];
  readonly triggers: readonly Trigger[];
  /**
   * ENABLE ROW LEVEL SECURITY (`relrowsecurity`): the policies decide which
   * rows roles other than the owner reach. Absent: off (set only when on, so
   * models, snapshots and builders without row-level security are unchanged).
   */
  readonly rowSecurity?: boolean;
  /** FORCE ROW LEVEL SECURITY (`relforcerowsecurity`): the owner is subject to the policies too. Absent: off. */
  readonly forceRowSecurity?: boolean;
  /** Row-level security policies (src/kinds/policy/), by name. Absent: none. */
  readonly policies?: readonly Policy[];
}
