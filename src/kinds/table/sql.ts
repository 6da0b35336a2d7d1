/** SQL for tables: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName } from '../../model/identifiers.js';
import { commentSql, doIf, regclass } from '../sql.js';
import type { TableRef } from './model.js';

export interface CreateTableOptions {
  readonly ifNotExists: boolean;
}

/**
 * `CREATE [UNLOGGED] TABLE name (items) [INHERITS (parents)] [PARTITION BY
 * key]`; items are column definitions and inline constraints, SQL already,
 * one per line. An inheritance child lists the columns and checks it
 * inherits too: PostgreSQL merges them with its parents'.
 */
export function createTableSql(
  t: {
    readonly schema: string;
    readonly name: string;
    readonly unlogged: boolean;
    readonly items: readonly string[];
    readonly partitionBy: string | null;
    readonly inherits?: readonly TableRef[];
  },
  o: CreateTableOptions,
): string {
  const items = t.items.length ? `\n  ${t.items.join(',\n  ')}\n` : '';
  const inherits = t.inherits?.length ? ` INHERITS (${t.inherits.map((p) => qualifiedName(p.schema, p.table)).join(', ')})` : '';
  return `CREATE ${t.unlogged ? 'UNLOGGED ' : ''}TABLE ${o.ifNotExists ? 'IF NOT EXISTS ' : ''}${qualifiedName(t.schema, t.name)} (${items})${inherits}${partitionBySql(t.partitionBy)}`;
}

/** `ALTER TABLE child INHERIT parent` / `NO INHERIT parent`, only when it is not (or is) a parent already: idempotent. */
export function inheritSql(schema: string, name: string, parent: TableRef, inherit: boolean): string {
  const inherits = `EXISTS (SELECT FROM pg_catalog.pg_inherits WHERE inhrelid = ${regclass(schema, name)} AND inhparent = ${regclass(parent.schema, parent.table)})`;
  return doIf(
    inherit ? `NOT ${inherits}` : inherits,
    `ALTER TABLE ${qualifiedName(schema, name)} ${inherit ? 'INHERIT' : 'NO INHERIT'} ${qualifiedName(parent.schema, parent.table)}`,
  );
}

/**
 * `ALTER TABLE parent ATTACH PARTITION name bound` unless it is attached
 * already, or `… DETACH PARTITION name` unless it is not (re-runnable).
 */
export function partitionOfSql(schema: string, name: string, parent: TableRef, attach: { readonly bound: string } | null): string {
  const attached = `EXISTS (SELECT FROM pg_catalog.pg_inherits WHERE inhrelid = ${regclass(schema, name)} AND inhparent = ${regclass(parent.schema, parent.table)})`;
  const target = `ALTER TABLE ${qualifiedName(parent.schema, parent.table)}`;
  return attach === null
    ? doIf(attached, `${target} DETACH PARTITION ${qualifiedName(schema, name)}`)
    : doIf(`NOT ${attached}`, `${target} ATTACH PARTITION ${qualifiedName(schema, name)} ${attach.bound}`);
}

/**
 * `CREATE [UNLOGGED] TABLE name PARTITION OF parent [(column options)] bound
 * [PARTITION BY key]`: a partition's columns are its parent's; an option
 * line (`col WITH OPTIONS DEFAULT 0 NOT NULL`) adds what the partition has
 * of its own.
 */
export function createPartitionSql(
  t: {
    readonly schema: string;
    readonly name: string;
    readonly unlogged: boolean;
    readonly parent: { readonly schema: string; readonly table: string };
    readonly bound: string;
    readonly columnOptions: readonly string[];
    readonly partitionBy: string | null;
  },
  o: CreateTableOptions,
): string {
  const columns = t.columnOptions.length ? ` (\n  ${t.columnOptions.join(',\n  ')}\n)` : '';
  return (
    `CREATE ${t.unlogged ? 'UNLOGGED ' : ''}TABLE ${o.ifNotExists ? 'IF NOT EXISTS ' : ''}${qualifiedName(t.schema, t.name)} ` +
    `PARTITION OF ${qualifiedName(t.parent.schema, t.parent.table)}${columns} ${t.bound}${partitionBySql(t.partitionBy)}`
  );
}

function partitionBySql(key: string | null): string {
  return key === null ? '' : ` PARTITION BY ${key}`;
}

export function dropTableSql(schema: string, name: string): string {
  return `DROP TABLE IF EXISTS ${qualifiedName(schema, name)}`;
}

/** `ALTER TABLE … SET UNLOGGED` / `SET LOGGED`: rewrites the table. */
export function setLoggedSql(schema: string, name: string, unlogged: boolean): string {
  return `ALTER TABLE ${qualifiedName(schema, name)} SET ${unlogged ? 'UNLOGGED' : 'LOGGED'}`;
}

export function commentOnTableSql(schema: string, name: string, comment: string): string {
  return commentSql('TABLE', qualifiedName(schema, name), comment);
}
