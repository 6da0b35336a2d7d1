import { objectKey } from '../model/identifiers.js';
/**
 * The remediation plan's vocabulary: plain, JSON-safe data. A plan is what
 * `planRemediation` (plan.ts) derives from an audit's drift findings and the
 * two models; `renderMigration` (render-sql.ts) turns it into up.sql and
 * down.sql. Nothing here runs SQL: the plan is for people and their
 * migration tooling.
 */

import type { Verification } from './verification.js';

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
  /** Unexpected policies (`--drop-unexpected`), before the views, columns and tables their expressions may read. */
  'drop_policies',
  'drop_views',
  /** Unexpected foreign keys, constraints and indexes (`--drop-unexpected`), before anything they could block. */
  'drop_constraints',
  'drop_indexes',
  /**
   * Unexpected tables (`--drop-unexpected`) whose name the expected schema
   * gives to a relation of another kind (a table replaced by a view of its
   * name): dropped before that relation is created, after their foreign keys
   * and the views over them.
   */
  'drop_replaced_tables',
  /** CREATE SCHEMA for new tables and types. */
  'schemas',
  /** CREATE COLLATION, before the domains, types, columns and indexes that name them. */
  'collations',
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
  /** CREATE POLICY, ALTER POLICY (after every function, table, column and view their expressions may read). */
  'policies',
  /**
   * ENABLE / DISABLE and FORCE / NO FORCE ROW LEVEL SECURITY, after the
   * policies: a table never enforces row-level security without the policies
   * it expects (down.sql, in reverse, turns it off before they go).
   */
  'row_security',
  /** COMMENT ON for new objects. */
  'comments',
  /** GRANT, REVOKE, ALTER … OWNER TO, ALTER DEFAULT PRIVILEGES: for the governed roles, after every object is in place. */
  'privileges',
  /** Unexpected columns, tables and types (`--drop-unexpected`). */
  'drop_columns',
  'drop_tables',
  /** Unexpected functions and sequences, after the tables whose defaults used them. */
  'drop_functions',
  'drop_sequences',
  'drop_types',
  /** Unexpected collations, after the columns, domains, types and indexes that used them. */
  'drop_collations',
  /** Unexpected extensions (`--drop-unexpected`), after everything that may use them; never CASCADE. */
  'drop_extensions',
  /** Unexpected schemas, after everything they held (extensions included); never CASCADE. */
  'drop_schemas',
] as const;

export type PlanPhase = (typeof PLAN_PHASES)[number];

/**
 * What can go wrong on a production database:
 * - `table_rewrite`: the statement rewrites the table under an ACCESS EXCLUSIVE lock;
 * - `long_lock`: the statement blocks writes (or reads) for as long as it runs;
 * - `validation_scan`: the statement scans the table, without blocking reads or writes;
 * - `may_fail`: the statement fails on some existing data (and says so), so a
 *   person may have to decide something first;
 * - `data_loss`: up.sql deletes data (only with `--drop-unexpected`);
 * - `rollback_data_loss`: down.sql deletes data written after the migration;
 * - `irreversible`: down.sql cannot undo the change;
 * - `access_change`: who may do what changes: which rows which roles can read
 *   or write (row-level security and its policies), grants (one to PUBLIC
 *   widens access, a revoke may break whatever relies on it), owners.
 */
export const HAZARD_KINDS = [
  'table_rewrite',
  'long_lock',
  'validation_scan',
  'may_fail',
  'data_loss',
  'rollback_data_loss',
  'irreversible',
  'access_change',
] as const;

export type HazardKind = (typeof HAZARD_KINDS)[number];

export interface Hazard {
  readonly kind: HazardKind;
  /** One sentence, naming the objects and the table's size estimate. */
  readonly message: string;
}

export interface PlanStatement {
  /** One SQL statement, without the trailing semicolon. */
  readonly sql: string;
  /**
   * False for a statement that cannot run inside a transaction block
   * (CREATE / DROP INDEX CONCURRENTLY, a DO block that commits per batch).
   * The rendered files never wrap any statement in one.
   */
  readonly transactional: boolean;
  /**
   * Set on a statement that runs without a statement timeout, saying why:
   * one that blocks neither reads nor writes however long it runs (a
   * concurrent index build, a validation), or a batched backfill that
   * commits as it goes.
   */
  readonly untimed?: string;
}

/** One unit of the migration: what fixes one finding (or part of one), and how to undo it. */
export interface PlanStep {
  /** Stable within a plan: `<phase>:<object>`, e.g. `columns:public.leads.score`. */
  readonly id: string;
  readonly phase: PlanPhase;
  /** The drift findings this step (helps) fix. */
  readonly findingIds: readonly string[];
  /** One line: `add column public.leads.score (integer)`. */
  readonly summary: string;
  readonly up: readonly PlanStatement[];
  /** Undo of `up`; may be empty, and is then explained by an `irreversible` hazard. */
  readonly down: readonly PlanStatement[];
  readonly hazards: readonly Hazard[];
}

/** A finding the plan does not fix automatically, because a person must decide how. */
export interface ManualStep {
  readonly findingId: string;
  /** Why no SQL is generated. */
  readonly reason: string;
  /** SQL a person might start from, shown commented out; may be empty. */
  readonly suggestion: readonly string[];
  readonly hazards: readonly Hazard[];
}

export interface PlanSettings {
  /** `SET lock_timeout` at the top of both files: give up rather than queue behind long transactions. */
  readonly lockTimeout: string;
  /** `SET statement_timeout` at the top of both files. */
  readonly statementTimeout: string;
  /** Rows per backfill batch. */
  readonly batchSize: number;
  /** Whether unexpected tables, columns, indexes, constraints and enums are dropped. */
  readonly dropUnexpected: boolean;
  /** Whether column type changes that convert values (a rewrite, may fail) are steps, not decisions left to a person. */
  readonly convertTypes: boolean;
}

export interface RemediationPlan {
  readonly settings: PlanSettings;
  /** In up order. */
  readonly steps: readonly PlanStep[];
  readonly manual: readonly ManualStep[];
  /** Unexpected objects left in place because `--drop-unexpected` was not given (finding ids). */
  readonly kept: readonly string[];
  /** Every drift finding id the steps fix; with `manual` and `kept` this covers every drift finding. */
  readonly fixed: readonly string[];
  /** The outcome of `--verify` (src/verify), when it ran. */
  readonly verification?: Verification;
}

/** Options of `planRemediation`. */
export interface PlanOptions {
  readonly dropUnexpected?: boolean;
  /** Plan converting column type changes (`--convert-types`); default: manual steps. */
  readonly convertTypes?: boolean;
  /** Default `5s`. */
  readonly lockTimeout?: string;
  /** Default `15min`. */
  readonly statementTimeout?: string;
  /** Default 5,000 rows. */
  readonly batchSize?: number;
  /**
   * Data migrations for columns, by `backfillKey(schema, table, column)`: an SQL
   * expression over the row (the spec's `backfill:`), used to fill a new
   * column, or the NULLs of a column that becomes NOT NULL.
   */
  readonly backfills?: ReadonlyMap<string, string>;
  /**
   * The roles the audited server has, when known: a policy
   * naming another is a manual step (the plan never creates roles).
   * Unknown: such policies are planned with a *may fail* hazard.
   */
  readonly liveRoles?: readonly string[];
  /**
   * The major version of the server the plan is for (the audited one), for
   * statements only newer servers have (`SET EXPRESSION`: 17); unknown:
   * only what every supported major has.
   */
  readonly serverMajor?: number;
}

export const DEFAULT_PLAN_SETTINGS: PlanSettings = {
  lockTimeout: '5s',
  statementTimeout: '15min',
  batchSize: 5000,
  dropUnexpected: false,
  convertTypes: false,
};

/** The key of `PlanOptions.backfills`. */
export function backfillKey(schema: string, table: string, column: string): string {
  return objectKey(schema, table, column);
}
