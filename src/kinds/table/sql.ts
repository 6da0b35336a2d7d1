/** SQL for tables: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName } from '../../model/identifiers.js';
import { commentSql } from '../sql.js';

export interface CreateTableOptions {
  readonly ifNotExists: boolean;
}

/**
 * `CREATE [UNLOGGED] TABLE name (items) [PARTITION BY key]`; items are
 * column definitions and inline constraints, SQL already, one per line.
 */
export function createTableSql(
  t: { readonly schema: string; readonly name: string; readonly unlogged: boolean; readonly items: readonly string[]; readonly partitionBy: string | null },
  o: CreateTableOptions,
): string {
  const items = t.items.length ? `\n  ${t.items.join(',\n  ')}\n` : '';
  return `CREATE ${t.unlogged ? 'UNLOGGED ' : ''}TABLE ${o.ifNotExists ? 'IF NOT EXISTS ' : ''}${qualifiedName(t.schema, t.name)} (${items})${partitionBySql(t.partitionBy)}`;
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
