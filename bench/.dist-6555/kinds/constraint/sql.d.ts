import type { Constraint } from './model.js';
/** `ALTER TABLE … ADD [CONSTRAINT name] body`; unnamed, PostgreSQL picks the name. */
export declare function addConstraintSql(schema: string, table: string, name: string | undefined, body: string): string;
/** `ALTER TABLE … ADD CONSTRAINT name body`, only when the table has no constraint of that name (re-runnable). */
export declare function addConstraintIfMissingSql(schema: string, table: string, name: string, body: string): string;
export declare function dropConstraintSql(schema: string, table: string, name: string): string;
export declare function validateConstraintSql(schema: string, table: string, name: string): string;
/** `ALTER TABLE … RENAME CONSTRAINT from TO to`, only when `from` exists. */
export declare function renameConstraintIfExistsSql(schema: string, table: string, from: string, to: string): string;
export declare function commentOnConstraintSql(schema: string, table: string, name: string, comment: string): string;
/** A constraint's definition without the ` NOT VALID` that pg_get_constraintdef appends to an unvalidated one. */
export declare function constraintBody(c: Constraint): string;
/** `definition` as ADD CONSTRAINT takes it: with NOT VALID when the constraint is not validated. */
export declare function constraintDefinitionSql(c: Constraint): string;
/** `DEFERRABLE INITIALLY DEFERRED` etc. for `ADD CONSTRAINT … USING INDEX`. */
export declare function deferrableClause(c: Constraint): string;
/** Constraints in the order they can be created: keys, checks, exclusions, then foreign keys (each by name). */
export declare function inCreationOrder(list: readonly Constraint[]): Constraint[];
/** `PRIMARY KEY USING INDEX name` / `UNIQUE USING INDEX name`, with the constraint's deferrability. */
export declare function usingIndexBody(c: Constraint, index: string): string;
/**
 * Replace primary key or unique constraint `c` by one of the same name on
 * the (already built) unique index `index`, in one statement, only when
 * that index exists: the table is never without its key.
 */
export declare function swapKeyConstraintSql(schema: string, table: string, c: Constraint, index: string): string;
