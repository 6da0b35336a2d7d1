/** A trigger of a table (internal and partition-cloned triggers are left out). */
export interface Trigger {
  readonly name: string;
  readonly enabled: boolean;
  /** `CREATE TRIGGER ...` exactly as `pg_get_triggerdef` prints it. */
  readonly definition: string;
}
