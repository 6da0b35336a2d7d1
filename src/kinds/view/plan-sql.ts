/** The statements the view plan is made of: a view (re)created with what it carries, dropped, and what a view reads. */
import { displayName } from '../../model/identifiers.js';
import { refKind, refParts } from '../../model/dependencies.js';
import type { PlanContext } from '../../plan/context.js';
import { commented, stmt } from '../../plan/statements.js';
import { doIf, regclass } from '../sql.js';
import type { Hazard, PlanStatement } from '../../plan/types.js';
import type { View } from './model.js';
import { commentOnViewSql, createIndexIfMissingSql, createViewSql, dropViewSql } from './sql.js';
import { buildTriggerSql, isTriggerDefinition } from '../trigger/sql.js';
import { restoredPrivileges } from '../privilege/restore.js';

/** `view public.v`, `materialized view public.mv`. */
export function title(v: View): string {
  return `${v.kind === 'materialized_view' ? 'materialized view' : 'view'} ${displayName(v.schema, v.name)}`;
}

/**
 * CREATE (OR REPLACE for a view, IF NOT EXISTS for a materialized view: both
 * re-runnable), then a materialized view's indexes, then the comment, then a
 * view's triggers (CREATE OR REPLACE TRIGGER, with their comments): a view
 * dropped and created again gets its triggers back. A trigger whose
 * definition is not a CREATE TRIGGER statement is never written (the trigger
 * plan makes it a manual step).
 */
export function createStatements(v: View): PlanStatement[] {
  return [
    stmt(createViewSql({ ...v, withData: v.populated }, { orReplace: true })),
    ...v.indexes.map((i) => stmt(createIndexIfMissingSql(i.definition))),
    ...commented(v.comment, (text) => commentOnViewSql(v.schema, v.name, v.kind, text)),
    ...v.triggers.filter((t) => isTriggerDefinition(t.definition)).flatMap((t) => buildTriggerSql(v.schema, v.name, t).map((sql) => stmt(sql))),
  ];
}

/**
 * A view the plan dropped, created again: {@link createStatements}, then the
 * owner and privileges the live view of that name had (its column
 * privileges too, on the columns it still has), so that nothing but what
 * the `privileges` phase changes is lost (src/kinds/privilege/restore.ts).
 */
export function recreateStatements(v: View, ctx: PlanContext): PlanStatement[] {
  return [
    ...createStatements(v),
    ...restoredPrivileges(ctx.live.model, {
      kind: v.kind === 'materialized_view' ? 'materialized view' : 'view',
      schema: v.schema,
      name: v.name,
      columns: v.columns.map((c) => c.name),
    }),
  ];
}

/**
 * DROP [MATERIALIZED] VIEW, only when a relation of that name and kind
 * exists: `DROP VIEW IF EXISTS` fails on a materialized view of the name
 * (and the reverse), which a re-run meets when the kind changes.
 */
export function dropStatement(v: View): PlanStatement {
  const relkind = v.kind === 'materialized_view' ? 'm' : 'v';
  return stmt(doIf(`EXISTS (SELECT FROM pg_catalog.pg_class c WHERE c.oid = ${regclass(v.schema, v.name)} AND c.relkind = '${relkind}')`, dropViewSql(v.schema, v.name, v.kind)));
}

/** The live tables a view reads, with their size estimates: `public.orders (about 5,000 rows)`. */
export function tablesRead(v: View, ctx: PlanContext): string[] {
  const out = new Set<string>();
  for (const d of v.dependsOn) {
    if (refKind(d) !== 'relation' && refKind(d) !== 'column') continue;
    const [schema = '', table = ''] = refParts(d);
    if (ctx.live.table(schema, table)) out.add(ctx.sizeOf(schema, table));
  }
  return [...out].sort();
}

/** What filling a materialized view costs: its query runs once, reading the tables it reads. */
export function fillHazard(v: View, ctx: PlanContext, verb: string): Hazard {
  const tables = tablesRead(v, ctx);
  const reads = tables.length ? `reading ${tables.join(', ')}` : 'reading what its query reads (no table size known to the model)';
  return {
    kind: 'validation_scan',
    message: `${verb} ${title(v)} runs its query once, ${reads}${v.rowEstimate !== null ? `; it held about ${v.rowEstimate.toLocaleString('en-US')} rows` : ''}; reads and writes of those tables continue`,
  };
}

/** What dropping and recreating a view costs. */
export function recreateHazard(v: View, dependents: readonly View[]): Hazard {
  const others = dependents.length ? ` and the ${dependents.length === 1 ? 'view' : `${dependents.length} views`} over it (${dependents.map((d) => displayName(d.schema, d.name)).join(', ')})` : '';
  return {
    kind: 'may_fail',
    message: `${title(v)}${others} ${dependents.length ? 'are' : 'is'} dropped and created again: queries reading ${dependents.length ? 'them' : 'it'} fail in between (${dependents.length ? 'their' : 'its'} triggers, owner${dependents.length ? 's' : ''} and grants are given back as they were)`,
  };
}
