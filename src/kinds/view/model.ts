import type { Trigger } from '../trigger/model.js';

export type ViewKind = 'view' | 'materialized_view';

/** A column of a view, as the view's query gives it. */
export interface ViewColumn {
  readonly name: string;
  /** `format_type(atttypid, atttypmod)`. */
  readonly type: string;
}

/** An index of a materialized view. */
export interface ViewIndex {
  readonly name: string;
  /** `CREATE [UNIQUE] INDEX ...` exactly as `pg_get_indexdef` prints it. */
  readonly definition: string;
}

/** A view or materialized view. */
export interface View {
  readonly schema: string;
  readonly name: string;
  readonly kind: ViewKind;
  /**
   * The query, exactly as the server deparses it (`pg_get_viewdef`, read
   * with the pinned search_path), without its trailing semicolon.
   */
  readonly definition: string;
  /** The view's columns, in order. */
  readonly columns: readonly ViewColumn[];
  /**
   * `reloptions` as PostgreSQL stores them (`security_barrier=true`,
   * `check_option=local`, a materialized view's storage parameters), sorted.
   */
  readonly options: readonly string[];
  /** False for a materialized view created WITH NO DATA (never refreshed); always true for a view. */
  readonly populated: boolean;
  /** A materialized view's indexes, by name; none for a view. */
  readonly indexes: readonly ViewIndex[];
  /** A materialized view's row estimate (`reltuples`), null when never analysed and for a view. */
  readonly rowEstimate: number | null;
  readonly comment: string | null;
  /**
   * A view's triggers (INSTEAD OF row triggers, statement triggers), by
   * name; none for a materialized view. Always enabled (origin): PostgreSQL
   * cannot disable a view's trigger.
   */
  readonly triggers: readonly Trigger[];
  /** What the view reads: ref keys (src/model/dependencies.ts), from `pg_depend` over its rules. */
  readonly dependsOn: readonly string[];
}
