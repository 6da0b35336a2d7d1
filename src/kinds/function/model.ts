export type RoutineKind = 'function' | 'procedure' | 'aggregate' | 'window';

/** A function, procedure, aggregate or window function: listed, not compared yet. */
export interface Routine {
  readonly schema: string;
  readonly name: string;
  readonly kind: RoutineKind;
  /** Argument list as `pg_get_function_identity_arguments` prints it (overloads differ here). */
  readonly arguments: string;
  /** Result as `pg_get_function_result` prints it; null for procedures. */
  readonly returns: string | null;
  readonly language: string;
}
