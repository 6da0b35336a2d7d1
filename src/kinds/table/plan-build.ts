/**
 * A whole table of a model, built from nothing: for a missing table, and
 * for the way back of a dropped one. Empty, so nothing needs CONCURRENTLY.
 */
import { quoteIdent } from '../../model/identifiers.js';
import type { Column, Table } from '../../model/schema-model.js';
import type { PlanContext } from '../../plan/context.js';
import { commented, stmt } from '../../plan/statements.js';
import type { PlanStatement } from '../../plan/types.js';
import { ensureColumnNeeds, ensureColumnSequence } from '../column/plan-needs.js';
import { columnDefinitionSql, commentOnColumnSql, modelColumnDefinition } from '../column/sql.js';
import { addConstraintIfMissingSql, constraintBody, inCreationOrder } from '../constraint/sql.js';
import { commentOnIndexSql, createIndexSql } from '../index/sql.js';
import { buildTriggerSql } from '../trigger/sql.js';
import { buildPolicySql, policyDefinitionSql, rowSecurityOnSql } from '../policy/sql.js';
import { absentRoles, absentRolesReason } from '../policy/plan.js';
import { functionNotReady, triggerFunctionReady } from '../trigger/plan-needs.js';
import { commentOnTableSql, createPartitionSql, createTableSql } from './sql.js';

/**
 * True for a column of an inheritance child that only its parents define
 * (not local), as a parent defines it (the same type, default and NOT
 * NULL): CREATE TABLE … INHERITS leaves it out and takes the parent's, as
 * the database has it (on PostgreSQL 18, listing it would give the child a
 * NOT NULL constraint of its own).
 */
function inheritedAsItIs(ctx: PlanContext, t: Table, c: Column): boolean {
  if (c.inherited !== 'only') return false;
  return (t.inherits ?? []).some((p) => {
    const pc = ctx.expected.table(p.schema, p.table)?.columns.find((x) => x.name === c.name);
    return pc !== undefined && pc.type === c.type && pc.default === c.default && pc.nullable === c.nullable && pc.collation === c.collation;
  });
}

/** CREATE TABLE for a model table: columns and every constraint but foreign keys inline (a partition: none, its parent's). */
function createModelTableSql(ctx: PlanContext, t: Table): string {
  const { schema, name, unlogged, partitionKey: partitionBy } = t;
  if (t.partitionOf) {
    const parent = { schema: t.partitionOf.schema, table: t.partitionOf.table };
    return createPartitionSql({ schema, name, unlogged, parent, bound: t.partitionOf.bound, columnOptions: [], partitionBy }, { ifNotExists: true });
  }
  const items = [...t.columns]
    .filter((c) => !inheritedAsItIs(ctx, t, c))
    .sort((x, y) => x.position - y.position)
    .map((c) => columnDefinitionSql(modelColumnDefinition(c, { withDefault: true, withNotNull: true, knownSchemas: ctx.knownSchemas })));
  for (const c of inCreationOrder(t.constraints)) {
    if (c.kind === 'foreign_key') continue;
    items.push(`CONSTRAINT ${quoteIdent(c.name)} ${constraintBody(c)}`);
  }
  return createTableSql({ schema, name, unlogged, items, partitionBy, inherits: t.inherits ?? [] }, { ifNotExists: true });
}

/** The statements that build a table, by the phase they run in. */
export interface TableBuild {
  /** The table, its constraints but foreign keys, its serial sequences' ownership. */
  readonly table: PlanStatement[];
  readonly fks: PlanStatement[];
  readonly indexes: PlanStatement[];
  readonly comments: PlanStatement[];
  /** Its triggers (their states and comments with them), after every function, table and view. */
  readonly triggers: PlanStatement[];
  /** Its policies, then its row-level security switched on (after them). */
  readonly policies: PlanStatement[];
  readonly rowSecurity: PlanStatement[];
}

/**
 * Every statement that builds table `t` from nothing: table, serial
 * sequences' ownership, foreign keys, indexes, comments, triggers; what its columns
 * need (extensions, domains, sequences) is ensured first.
 */
export function buildTable(ctx: PlanContext, t: Table, findingId: string): TableBuild {
  for (const c of t.columns) ensureColumnNeeds(ctx, c, findingId);
  const table: PlanStatement[] = [stmt(createModelTableSql(ctx, t))];
  if (t.partitionOf === null) {
    for (const c of t.columns) table.push(...ensureColumnSequence(ctx, c.default, findingId, { schema: t.schema, table: t.name, column: c.name }));
  }
  const fks: PlanStatement[] = [];
  const indexes: PlanStatement[] = [];
  for (const c of inCreationOrder(t.constraints)) {
    if (c.kind === 'foreign_key') fks.push(stmt(addConstraintIfMissingSql(t.schema, t.name, c.name, c.definition)));
    else if (t.partitionOf !== null) table.push(stmt(addConstraintIfMissingSql(t.schema, t.name, c.name, constraintBody(c))));
  }
  for (const i of t.indexes) {
    if (i.constraint !== null) continue;
    indexes.push(stmt(createIndexSql(i, { concurrently: false })));
  }
  const comments = [
    ...commented(t.comment, (text) => commentOnTableSql(t.schema, t.name, text)),
    ...t.columns.flatMap((c) => commented(c.comment, (text) => commentOnColumnSql(t.schema, t.name, c.name, text))),
    ...t.indexes.filter((i) => i.constraint === null).flatMap((i) => commented(i.comment, (text) => commentOnIndexSql(t.schema, i.name, text))),
  ];
  const triggers: PlanStatement[] = [];
  for (const tr of t.triggers) {
    if (triggerFunctionReady(ctx, tr.function)) triggers.push(...buildTriggerSql(t.schema, t.name, tr).map((sql) => stmt(sql)));
    else ctx.manual({ id: findingId }, `trigger ${quoteIdent(tr.name)} of ${t.name}: ${functionNotReady(tr.function)}`);
  }
  const policies: PlanStatement[] = [];
  for (const p of t.policies ?? []) {
    const absent = absentRoles(ctx, p);
    if (absent.length) ctx.manual({ id: findingId }, `${t.name}: ${absentRolesReason(p, absent)}`, [policyDefinitionSql(t.schema, t.name, p)]);
    else policies.push(...buildPolicySql(t.schema, t.name, p).map((sql) => stmt(sql)));
  }
  const rowSecurity = rowSecurityOnSql(t).map((sql) => stmt(sql));
  return { table, fks, indexes, comments, triggers, policies, rowSecurity };
}
