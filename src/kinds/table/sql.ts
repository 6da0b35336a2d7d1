/** SQL for tables: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName, quoteLiteral } from '../../model/identifiers.js';
import { commentSql, doBlock, doIf, regclass } from '../sql.js';
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
 * PostgreSQL 18 names NOT NULL constraints (pg_constraint contype `n`): a
 * partition created with PARTITION OF takes its parent's names, a table
 * created on its own gets `<table>_<column>_not_null`, and DETACH and
 * ATTACH keep the names the table has. So that a detached partition is
 * what a table created on its own would be, and an attached table what a
 * partition created in place would be, the names are renamed after DETACH
 * (`detached`: the parent's names become the table's own defaults) and
 * before ATTACH (`attaching`: the reverse). A name of the user's own
 * choosing is left alone, and so is one another constraint of the table
 * holds; before 18 there are no such rows and the block does nothing.
 */
export function notNullNamesSql(schema: string, name: string, parent: TableRef, direction: 'detached' | 'attaching'): string {
  const child = regclass(schema, name);
  const taken = (n: string) => `EXISTS (SELECT FROM pg_catalog.pg_constraint WHERE conrelid = ${child} AND conname = ${n})`;
  const rename = (from: string, to: string) =>
    `EXECUTE 'ALTER TABLE ' || ${quoteLiteral(qualifiedName(schema, name))} || ' RENAME CONSTRAINT ' || pg_catalog.quote_ident(${from}) || ' TO ' || pg_catalog.quote_ident(${to});`;
  const when =
    direction === 'detached'
      ? [`IF r.child_name = r.parent_name AND own <> r.child_name AND NOT ${taken('own')} THEN`, `  ${rename('r.child_name', 'own')}`, 'END IF;']
      : [`IF r.child_name = own AND r.parent_name <> own AND NOT ${taken('r.parent_name')} THEN`, `  ${rename('r.child_name', 'r.parent_name')}`, 'END IF;'];
  return doBlock(
    [
      'FOR r IN',
      '  SELECT c.conname::text AS child_name, p.conname::text AS parent_name, a.attname::text AS column_name',
      '  FROM pg_catalog.pg_constraint c',
      '  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]',
      `  JOIN pg_catalog.pg_attribute pa ON pa.attrelid = ${regclass(parent.schema, parent.table)} AND pa.attname = a.attname`,
      "  JOIN pg_catalog.pg_constraint p ON p.conrelid = pa.attrelid AND p.contype = 'n' AND p.conkey[1] = pa.attnum",
      `  WHERE c.conrelid = ${child} AND c.contype = 'n'`,
      'LOOP',
      // The server's default name (makeObjectName): table and column cut, the longer first, to fit 63 bytes with `_` and `_not_null`.
      `  base := ${quoteLiteral(name)}; col := r.column_name; n1 := pg_catalog.octet_length(base); n2 := pg_catalog.octet_length(col);`,
      '  WHILE n1 + n2 > 53 LOOP',
      '    IF n1 > n2 THEN n1 := n1 - 1; ELSE n2 := n2 - 1; END IF;',
      '  END LOOP;',
      '  WHILE pg_catalog.octet_length(base) > n1 LOOP base := pg_catalog.left(base, -1); END LOOP;',
      '  WHILE pg_catalog.octet_length(col) > n2 LOOP col := pg_catalog.left(col, -1); END LOOP;',
      "  own := base || '_' || col || '_not_null';",
      ...when.map((l) => `  ${l}`),
      'END LOOP;',
    ],
    ['r record;', 'base text;', 'col text;', 'own text;', 'n1 integer;', 'n2 integer;'],
  );
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
