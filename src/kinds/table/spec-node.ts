/** A table node of the spec: its keys, its members' included (columns, constraints, indexes, triggers). */
import type { SpecColumn } from '../column/spec.js';
import type { SpecTableConstraints } from '../constraint/spec.js';
import type { SpecIndex } from '../index/spec.js';
import type { SpecTrigger } from '../trigger/spec.js';
import type { SpecPolicy } from '../policy/spec.js';
import type { SpecPrivileges } from '../privilege/spec-json.js';

/** A table as a spec writes it. */
export interface SpecTable extends SpecTableConstraints, SpecPrivileges {
  readonly description?: string;
  /** Ordered: the key order is the column order. */
  readonly columns: Readonly<Record<string, SpecColumn>>;
  readonly indexes?: Readonly<Record<string, SpecIndex | string>>;
  /** Triggers by name: a CREATE TRIGGER statement, or an object with it. */
  readonly triggers?: Readonly<Record<string, SpecTrigger>>;
  /** Partitioned table: `RANGE (created_at)`, `LIST (region)`, `HASH (id)`. */
  readonly partitionBy?: string;
  /** A partition: parent table and bound (`FOR VALUES FROM (...) TO (...)`, `DEFAULT`). */
  readonly partitionOf?: { readonly table: string; readonly bound: string };
  readonly unlogged?: boolean;
  /** Table inheritance (`INHERITS (...)`): the parents, in order, `table` (this table's schema) or `schema.table`. */
  readonly inherits?: readonly string[];
  /** ENABLE ROW LEVEL SECURITY. */
  readonly rowSecurity?: boolean;
  /** FORCE ROW LEVEL SECURITY. */
  readonly forceRowSecurity?: boolean;
  /** Row-level security policies by name: a USING expression, or an object. */
  readonly policies?: Readonly<Record<string, SpecPolicy>>;
}
