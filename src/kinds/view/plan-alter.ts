/** Views changed in place: CREATE OR REPLACE VIEW, options, population, a materialized view's indexes. */
import { dependencyOrder, dependentsOf, refKey } from '../../model/dependencies.js';
import { displayName, objectKey } from '../../model/identifiers.js';
import type { PlanContext } from '../../plan/context.js';
import { stmt } from '../../plan/statements.js';
import type { Hazard, PlanStatement } from '../../plan/types.js';
import type { View } from './model.js';
import { dropStatement, fillHazard, recreateStatements, title } from './plan-sql.js';
import { createIndexIfMissingSql, createViewSql, dropIndexSql, refreshSql, setOptionsSql } from './sql.js';

const keyOf = (v: View): string => objectKey(v.schema, v.name);
const nodeOf = (v: View) => ({ key: keyOf(v), ownKey: refKey('relation', v.schema, v.name), dependsOn: v.dependsOn, view: v });

/** The views over `v`, transitively, in one model, in dependency order. */
function over(v: View, views: readonly View[]): View[] {
  const found = new Set(dependentsOf(views.map(nodeOf), [refKey('relation', v.schema, v.name)]));
  return dependencyOrder(views.filter((x) => found.has(keyOf(x))).map(nodeOf)).map((n) => n.view);
}

/**
 * down.sql of a replace that appended columns: CREATE OR REPLACE cannot
 * remove them, so the view goes and comes back as it was, and with it every
 * view over it (after up.sql's, as they are then; created again as they were).
 */
function restoreByRecreating(live: View, ctx: PlanContext): PlanStatement[] {
  const after = over(live, ctx.expected.model.views);
  const before = over(live, ctx.live.model.views);
  const toDrop = [...new Map([...after, ...before].map((v) => [keyOf(v), v])).values()];
  const dropOrder = dependencyOrder(toDrop.map(nodeOf)).reverse().map((n) => n.view);
  const recreate = (v: View): PlanStatement[] => recreateStatements(v, ctx);
  return [...dropOrder.map(dropStatement), dropStatement(live), ...recreate(live), ...before.flatMap(recreate)];
}

export function planReplace(expected: View, live: View, findingIds: readonly string[], ctx: PlanContext): void {
  const sameColumns = JSON.stringify(expected.columns) === JSON.stringify(live.columns);
  const hazards: Hazard[] = sameColumns
    ? []
    : [
        {
          kind: 'may_fail',
          message: `down.sql cannot take the appended columns of ${title(live)} away in place: it drops and creates again the view and the views over it; queries reading them fail in between (their owners and grants are given back as they were)`,
        },
      ];
  ctx.add({
    object: displayName(expected.schema, expected.name),
    phase: 'views',
    findingIds: [...findingIds],
    summary: `replace the query of ${title(expected)} (CREATE OR REPLACE VIEW)`,
    up: [stmt(createViewSql({ ...expected }, { orReplace: true }))],
    down: sameColumns ? [stmt(createViewSql({ ...live }, { orReplace: true }))] : restoreByRecreating(live, ctx),
    hazards,
  });
}

/** `name` of `name=value`. */
const optionName = (o: string): string => o.split('=')[0] ?? o;

function optionStatements(from: View, to: View): PlanStatement[] {
  const set = to.options.filter((o) => !from.options.includes(o));
  const names = new Set(to.options.map(optionName));
  const reset = from.options.filter((o) => !names.has(optionName(o)));
  return setOptionsSql(to.schema, to.name, to.kind, set, reset).map((s) => stmt(s));
}

/** A materialized view's index changes: up drops the changed (and, with --drop-unexpected, unexpected) ones and creates the expected; down the reverse. */
function indexChanges(live: View, expected: View, dropUnexpected: boolean): { up: PlanStatement[]; down: PlanStatement[] } {
  const created = expected.indexes.filter((i) => live.indexes.find((x) => x.name === i.name)?.definition !== i.definition);
  const dropped = live.indexes.filter((i) => {
    const target = expected.indexes.find((x) => x.name === i.name);
    return target ? target.definition !== i.definition : dropUnexpected;
  });
  const drop = (i: { name: string }): PlanStatement => stmt(dropIndexSql(live.schema, i.name));
  const create = (i: { definition: string }): PlanStatement => stmt(createIndexIfMissingSql(i.definition));
  return { up: [...dropped.map(drop), ...created.map(create)], down: [...created.map(drop), ...dropped.map(create)] };
}

/** Options, population and indexes of a view whose query is the same. */
export function planAlter(expected: View, live: View, findingIds: readonly string[], ctx: PlanContext): void {
  const indexes = indexChanges(live, expected, ctx.settings.dropUnexpected);
  const up = [...optionStatements(live, expected), ...indexes.up];
  const down = [...indexes.down, ...optionStatements(expected, live)];
  const hazards: Hazard[] = [];
  if (expected.populated !== live.populated) {
    up.push(stmt(refreshSql(expected.schema, expected.name, expected.populated)));
    down.unshift(stmt(refreshSql(live.schema, live.name, live.populated)));
    const filled = expected.populated ? expected : live;
    hazards.push(fillHazard({ ...filled, rowEstimate: live.rowEstimate }, ctx, expected.populated ? 'refreshing' : 'down.sql: refreshing'));
    hazards.push({ kind: 'long_lock', message: `REFRESH MATERIALIZED VIEW locks ${displayName(live.schema, live.name)} against reads for as long as its query runs` });
  }
  if (indexes.up.length > 0) {
    hazards.push({ kind: 'long_lock', message: `CREATE INDEX takes a SHARE lock on ${title(live)}: its refreshes wait while the index builds (reads continue)` });
  }
  if (up.length === 0) return;
  ctx.add({
    object: displayName(expected.schema, expected.name),
    phase: 'views',
    findingIds: [...findingIds],
    summary: `change the options, population or indexes of ${title(expected)}`,
    up,
    down,
    hazards,
  });
}
