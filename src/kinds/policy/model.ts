/**
 * Row-level security: the policies of a table (`pg_policy`). Whether a
 * table enforces them is the table's own (`Table.rowSecurity`,
 * `Table.forceRowSecurity`).
 */

/** The command a policy applies to (`polcmd`): `all` ('*', the default), `select` ('r'), `insert` ('a'), `update` ('w'), `delete` ('d'). */
export type PolicyCommand = 'all' | 'select' | 'insert' | 'update' | 'delete';

/** A policy of a table. */
export interface Policy {
  readonly name: string;
  readonly command: PolicyCommand;
  /** PERMISSIVE (the default: combined with OR) or RESTRICTIVE (false: combined with AND). */
  readonly permissive: boolean;
  /**
   * The roles it applies to, sorted (code-unit order); `public` is PUBLIC
   * (`polroles` 0: every role; no role may be named `public`).
   */
  readonly roles: readonly string[];
  /** The USING expression as the server deparses it (`pg_get_expr`), or null. */
  readonly using: string | null;
  /** The WITH CHECK expression as the server deparses it, or null. */
  readonly check: string | null;
  readonly comment: string | null;
}
