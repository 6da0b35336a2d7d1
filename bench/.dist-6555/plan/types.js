import { objectKey } from '../model/identifiers.js';
/**
 * The order steps run in (up.sql); down.sql runs them in reverse. Each phase
 * may depend only on earlier ones.
 */
export const PLAN_PHASES = [
    /**
     * Triggers and views (materialized too) that go, before anything they
     * depend on changes: unexpected ones (`--drop-unexpected`), changed ones
     * PostgreSQL cannot replace in place, and the dependents of a changed
     * object (a view over a column whose type changes), recreated in `views`
     * and `triggers` below. Dependents first (src/model/dependencies.ts).
     */
    'drop_triggers',
    'drop_views',
    /** Unexpected foreign keys, constraints and indexes (`--drop-unexpected`), before anything they could block. */
    'drop_constraints',
    'drop_indexes',
    /** CREATE SCHEMA for new tables and types. */
    'schemas',
    /** CREATE TYPE … AS ENUM, ALTER TYPE … ADD VALUE. */
    'types',
    /** Sequences new serial columns and tables use; sequence option changes. */
    'sequences',
    /**
     * Functions and procedures (CREATE OR REPLACE, or drop and create), before
     * the tables whose defaults, checks and indexes may call them; up.sql sets
     * check_function_bodies off, as pg_dump does, so a body may name a table
     * created later.
     */
    'functions',
    /** CREATE TABLE, referenced tables first. */
    'tables',
    /** ADD COLUMN, SET LOGGED / UNLOGGED. */
    'columns',
    /** Column type, default, nullability (DROP NOT NULL) and identity changes. */
    'alter_columns',
    /** Filling new or NULL columns in batches. */
    'backfill',
    /** SET NOT NULL (through a validated CHECK), identity added to columns. */
    'not_null',
    /** Primary keys, unique, check and exclusion constraints. */
    'constraints',
    /** Foreign keys, after every key they may reference. */
    'foreign_keys',
    /** CREATE INDEX CONCURRENTLY, index rebuilds. */
    'indexes',
    /** Views and materialized views (with their indexes), in dependency order, after every table and column they read. */
    'views',
    /** Triggers (after their functions, tables and views) and event triggers. */
    'triggers',
    /** COMMENT ON for new objects. */
    'comments',
    /** Unexpected columns, tables and types (`--drop-unexpected`). */
    'drop_columns',
    'drop_tables',
    /** Unexpected functions and sequences, after the tables whose defaults used them. */
    'drop_functions',
    'drop_sequences',
    'drop_types',
    /** Unexpected extensions (`--drop-unexpected`), after everything that may use them; never CASCADE. */
    'drop_extensions',
];
/**
 * What can go wrong on a production database:
 * - `table_rewrite`: the statement rewrites the table under an ACCESS EXCLUSIVE lock;
 * - `long_lock`: the statement blocks writes (or reads) for as long as it runs;
 * - `validation_scan`: the statement scans the table, without blocking reads or writes;
 * - `may_fail`: the statement fails on some existing data (and says so), so a
 *   person may have to decide something first;
 * - `data_loss`: up.sql deletes data (only with `--drop-unexpected`);
 * - `rollback_data_loss`: down.sql deletes data written after the migration;
 * - `irreversible`: down.sql cannot undo the change.
 */
export const HAZARD_KINDS = [
    'table_rewrite',
    'long_lock',
    'validation_scan',
    'may_fail',
    'data_loss',
    'rollback_data_loss',
    'irreversible',
];
export const DEFAULT_PLAN_SETTINGS = {
    lockTimeout: '5s',
    statementTimeout: '15min',
    batchSize: 5000,
    dropUnexpected: false,
};
/** The key of `PlanOptions.backfills`. */
export function backfillKey(schema, table, column) {
    return objectKey(schema, table, column);
}
//# sourceMappingURL=types.js.map