/**
 * The views of a spec as DDL, in the `views` phase (after every table,
 * constraint and index they may read): each view after the views its query
 * names, then by name; a materialized view's indexes right after it; a
 * view's triggers in the `triggers` phase, their comments with the view's.
 */
import { IDENTIFIER_PATTERN, unquoteIdent } from '../../model/identifiers.js';
import { dependencyOrder, refKey, type DependentNode } from '../../model/dependencies.js';
import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
import { splitQualified } from '../../spec-file/names.js';
import type { SpecView } from './spec.js';
import { specOptions } from './spec.js';
import { commentOnViewSql, createViewSql } from './sql.js';
import { commentOnTriggerSql } from '../trigger/sql.js';
import { triggerDefinitionOf } from '../trigger/spec.js';

const WORD = new RegExp(IDENTIFIER_PATTERN, 'g');

/** Every name a query mentions (string literals left out), as PostgreSQL folds it. */
export function mentionedNames(query: string): Set<string> {
  const names = new Set<string>();
  for (const m of query.replace(/'(?:[^']|'')*'/g, ' ').matchAll(WORD)) names.add(unquoteIdent(m[0]));
  return names;
}

interface SpecViewNode extends DependentNode {
  readonly schema: string;
  readonly name: string;
  readonly view: SpecView;
}

/**
 * The spec's views in dependency order: a view goes after every other view
 * of the spec whose name its query mentions (a name that only looks like one
 * — a column of the same name — can only move it later, never break it).
 */
export function specViewsInOrder(views: ReadonlyMap<string, SpecView>): SpecViewNode[] {
  const all = [...views].map(([key, view]) => ({ ...splitQualified(key, 'public'), key, view }));
  const nodes = all.map((v): SpecViewNode => {
    const mentioned = typeof v.view.definition === 'string' ? mentionedNames(v.view.definition) : new Set<string>();
    const dependsOn = all.filter((o) => o !== v && mentioned.has(o.name)).map((o) => refKey('relation', o.schema, o.name));
    return { key: v.key, schema: v.schema, name: v.name, view: v.view, ownKey: refKey('relation', v.schema, v.name), dependsOn };
  });
  return dependencyOrder(nodes);
}

/** CREATE VIEW / CREATE MATERIALIZED VIEW and a materialized view's indexes. */
export function viewObjects(ctx: DdlContext): DdlStatement[] {
  const out: DdlStatement[] = [];
  for (const { schema, name, view } of specViewsInOrder(ctx.spec.views)) {
    const kind = view.materialized === true ? 'materialized_view' : 'view';
    const path = ['views', schema, name];
    out.push({
      sql: createViewSql({ schema, name, kind, definition: view.definition, options: specOptions(view.options), withData: view.with_data !== false }),
      path: [...path, 'definition'],
    });
    if (kind !== 'materialized_view') continue;
    for (const [index, definition] of Object.entries(view.indexes ?? {})) out.push({ sql: definition.trim().replace(/;$/, ''), path: [...path, 'indexes', index] });
  }
  return out;
}

/** A view's triggers (phase `triggers`), each statement as written: a view's trigger is always enabled, so no state follows. */
export function viewTriggers(ctx: DdlContext): DdlStatement[] {
  const out: DdlStatement[] = [];
  for (const [key, view] of ctx.spec.views) {
    const { schema, name } = splitQualified(key, 'public');
    for (const [trigger, node] of Object.entries(view.triggers ?? {})) {
      const path = ['views', schema, name, 'triggers', trigger];
      out.push({ sql: triggerDefinitionOf(node).trim().replace(/;\s*$/, ''), path: typeof node === 'string' ? path : [...path, 'definition'] });
    }
  }
  return out;
}

export function viewComments(ctx: DdlContext): DdlStatement[] {
  const out: DdlStatement[] = [];
  for (const [key, view] of ctx.spec.views) {
    const { schema, name } = splitQualified(key, 'public');
    if (view.description !== undefined) {
      out.push({ sql: commentOnViewSql(schema, name, view.materialized === true ? 'materialized_view' : 'view', view.description), path: ['views', schema, name, 'description'] });
    }
    for (const [trigger, node] of Object.entries(view.triggers ?? {})) {
      if (typeof node === 'string' || node.description === undefined) continue;
      out.push({ sql: commentOnTriggerSql(schema, name, trigger, node.description), path: ['views', schema, name, 'triggers', trigger, 'description'] });
    }
  }
  return out;
}
