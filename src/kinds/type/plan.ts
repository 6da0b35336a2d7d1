/**
 * The plan's part for composite and range types: missing ones created
 * (phase `types`, before the tables whose columns use them; a type another
 * missing one's attribute uses first), a composite type's attributes added,
 * dropped and retyped with ALTER TYPE, anything else (a range definition, a
 * composite type's attribute order, a kind change) by dropping and creating
 * the type when nothing uses it, else a manual step; unexpected types
 * dropped (`drop_types`, after the tables that used them).
 */
import { refKey } from '../../model/dependencies.js';
import { displayName, qualifiedName, quoteIdent } from '../../model/identifiers.js';
import type { SchemaModel } from '../../model/schema-model.js';
import type { PlanContext } from '../../plan/context.js';
import { IN_CREATE_PASS, IN_DROP_PASS, type KindPlan } from '../../plan/kind-plan.js';
import { commented, stmt } from '../../plan/statements.js';
import type { Hazard, PlanStatement } from '../../plan/types.js';
import { ensureSchema } from '../schema/plan.js';
import { objectNameSql } from '../sql.js';
import { typeText } from './compare.js';
import type { TypeFinding, TypeShape } from './findings.js';
import type { UserType } from './model.js';
import {
  addAttributeAction,
  alterAttributeAction,
  alterAttributesSql,
  commentOnTypeSql,
  createTypeIfMissingSql,
  dropAttributeAction,
  dropTypeSql,
} from './sql.js';

type Of<K extends TypeFinding['kind']> = Extract<TypeFinding, { kind: K }>;

/** How `format_type` prints the type: bare in public, else qualified. */
function typeName(t: { readonly schema: string; readonly name: string }): string {
  return t.schema === 'public' ? quoteIdent(t.name) : qualifiedName(t.schema, t.name);
}

/** True when a type text is `t` or an array of it. */
function names(typeTextOf: string, t: { readonly schema: string; readonly name: string }): boolean {
  return typeTextOf.replace(/(\[\])+$/, '') === typeName(t);
}

/** What in `model` uses type `t`: columns (as `public.t.c`), then other types, domains, routines and views. */
export function typeUsers(model: SchemaModel, t: { readonly schema: string; readonly name: string }): { columns: string[]; others: string[] } {
  const ref = refKey('type', t.schema, t.name);
  const columns = model.tables.flatMap((x) => x.columns.filter((c) => names(c.type, t)).map((c) => displayName(x.schema, x.name, c.name)));
  const others = [
    ...model.types.filter((x) => x.attributes.some((a) => names(a.type, t)) || (x.range !== null && names(x.range.subtype, t))).map((x) => `type ${displayName(x.schema, x.name)}`),
    ...model.domains.filter((d) => names(d.baseType, t)).map((d) => `domain ${displayName(d.schema, d.name)}`),
    ...model.functions.filter((f) => f.dependsOn.includes(ref)).map((f) => `${f.kind} ${displayName(f.schema, f.name)}(${f.signature})`),
    ...model.views.filter((v) => v.dependsOn.includes(ref)).map((v) => `view ${displayName(v.schema, v.name)}`),
  ];
  return { columns, others };
}

function collationSql(ctx: PlanContext): (name: string) => string {
  return (name) => objectNameSql(name, ctx.knownSchemas);
}

function createStatements(ctx: PlanContext, t: UserType | (TypeShape & { schema: string; name: string; comment: string | null })): PlanStatement[] {
  return [stmt(createTypeIfMissingSql(t, collationSql(ctx))), ...commented(t.comment, (text) => commentOnTypeSql(t.schema, t.name, text))];
}

/** How many missing types a type's attributes reach through (so that those are created first); stops at 64. */
function depthIn(types: readonly UserType[], t: UserType, seen = 0): number {
  if (seen >= 64) return seen;
  let deepest = 0;
  for (const x of types) {
    if (x !== t && (t.attributes.some((a) => names(a.type, x)) || (t.range !== null && names(t.range.subtype, x)))) deepest = Math.max(deepest, 1 + depthIn(types, x, seen + 1));
  }
  return deepest;
}

function planMissing(findings: readonly TypeFinding[], ctx: PlanContext): void {
  const missing = findings.filter((f): f is Of<'missing_type'> => f.kind === 'missing_type');
  const types = missing.map((f) => f.expected);
  const depth = new Map(missing.map((f) => [f.id, depthIn(types, f.expected)]));
  for (const f of [...missing].sort((a, b) => depth.get(a.id)! - depth.get(b.id)!)) {
    const t = f.expected;
    ensureSchema(ctx, t.schema, f.id);
    ctx.add({
      object: displayName(t.schema, t.name),
      phase: 'types',
      findingIds: [f.id],
      summary: `create ${t.kind} type ${displayName(t.schema, t.name)} ${typeText(t)}`,
      up: createStatements(ctx, t),
      down: [stmt(dropTypeSql(t.schema, t.name))],
      hazards: [],
    });
  }
}

/**
 * A composite type's attributes, when only additions at the end, drops and
 * type changes separate them: the ALTER TYPE actions both ways; null when
 * the common attributes are in another order.
 */
function attributeChanges(e: TypeShape, a: TypeShape, ctx: PlanContext): { up: string[]; down: string[]; retyped: string[]; dropped: string[]; added: string[] } | null {
  const collation = collationSql(ctx);
  const expectedNames = new Set(e.attributes.map((x) => x.name));
  const liveNames = new Set(a.attributes.map((x) => x.name));
  const commonE = e.attributes.filter((x) => liveNames.has(x.name)).map((x) => x.name);
  const commonA = a.attributes.filter((x) => expectedNames.has(x.name)).map((x) => x.name);
  if (commonE.join('\u0000') !== commonA.join('\u0000')) return null;
  // Added attributes go to the end: they must come after every kept one.
  const lastKept = Math.max(-1, ...e.attributes.map((x, i) => (liveNames.has(x.name) ? i : -1)));
  if (e.attributes.some((x, i) => !liveNames.has(x.name) && i < lastKept)) return null;
  const dropped = a.attributes.filter((x) => !expectedNames.has(x.name));
  const added = e.attributes.filter((x) => !liveNames.has(x.name));
  const retyped = e.attributes.filter((x) => {
    const live = a.attributes.find((y) => y.name === x.name);
    return live !== undefined && (live.type !== x.type || live.collation !== x.collation);
  });
  const liveOf = (name: string) => a.attributes.find((y) => y.name === name)!;
  return {
    up: [...dropped.map((x) => dropAttributeAction(x.name)), ...retyped.map((x) => alterAttributeAction(x, collation)), ...added.map((x) => addAttributeAction(x, collation))],
    down: [...added.map((x) => dropAttributeAction(x.name)), ...retyped.map((x) => alterAttributeAction(liveOf(x.name), collation)), ...dropped.map((x) => addAttributeAction(x, collation))],
    retyped: retyped.map((x) => x.name),
    dropped: dropped.map((x) => x.name),
    added: added.map((x) => x.name),
  };
}

function planMismatch(f: Of<'type_mismatch'>, ctx: PlanContext): void {
  const { schema, type: name = '' } = f.object;
  const title = displayName(schema, name);
  const live = ctx.live.model.types.find((t) => t.schema === schema && t.name === name);
  const expected = ctx.expected.model.types.find((t) => t.schema === schema && t.name === name);
  if (!live || !expected) return;
  const users = typeUsers(ctx.live.model, live);
  const changes = f.expected.kind === 'composite' && f.actual.kind === 'composite' ? attributeChanges(f.expected, f.actual, ctx) : null;
  if (changes !== null && (changes.retyped.length === 0 || users.columns.length === 0)) {
    const hazards: Hazard[] = [];
    if (users.columns.length > 0 && changes.dropped.length > 0) {
      hazards.push({ kind: 'data_loss', message: `dropping ${changes.dropped.map(quoteIdent).join(', ')} from ${title} loses those fields of every value in ${users.columns.join(', ')}` });
    }
    if (users.columns.length > 0 && changes.added.length > 0) {
      hazards.push({ kind: 'rollback_data_loss', message: `down.sql drops ${changes.added.map(quoteIdent).join(', ')} from ${title}: what was written to those fields of ${users.columns.join(', ')} is lost` });
    }
    ctx.add({
      object: title,
      phase: 'types',
      findingIds: [f.id],
      summary: `alter the attributes of composite type ${title}`,
      up: [stmt(alterAttributesSql(schema, name, changes.up, changes.added))],
      down: [stmt(alterAttributesSql(schema, name, changes.down, changes.dropped))],
      hazards,
    });
    return;
  }
  const recreate = (t: UserType): PlanStatement[] => [stmt(dropTypeSql(schema, name)), ...createStatements(ctx, t)];
  if (users.columns.length === 0 && users.others.length === 0) {
    ctx.add({
      object: title,
      phase: 'types',
      findingIds: [f.id],
      summary: `drop and create again ${expected.kind} type ${title} ${typeText(expected)} (nothing uses it)`,
      up: recreate(expected),
      down: recreate(live),
      hazards: [],
    });
    return;
  }
  const using = [...users.columns.map((c) => `column ${c}`), ...users.others];
  ctx.manual(
    f,
    changes === null && f.expected.kind === 'composite' && f.actual.kind === 'composite'
      ? `the attributes of ${title} are in another order, which ALTER TYPE cannot change, and ${using.join(', ')} use${using.length > 1 ? '' : 's'} it: recreating the type means converting or recreating them; decide how`
      : f.expected.kind === 'composite' && f.actual.kind === 'composite'
        ? `changing the type of an attribute of ${title} fails while ${users.columns.join(', ')} use${users.columns.length > 1 ? '' : 's'} it (ALTER TYPE … CASCADE is refused for them too): migrate those columns first, or accept the type`
        : `PostgreSQL cannot alter ${f.actual.kind === 'range' ? 'a range type' : 'the kind of a type'}: ${title} must be dropped and created again, and ${using.join(', ')} use${using.length > 1 ? '' : 's'} it; decide how`,
    [...recreate(expected).map((s) => `${s.sql};`)],
    users.columns.length > 0 ? [{ kind: 'table_rewrite', message: `converting ${users.columns.join(', ')} to the new type rewrites their tables` }] : [],
  );
}

function planDrops(findings: readonly TypeFinding[], ctx: PlanContext): void {
  for (const f of findings) {
    if (f.kind !== 'unexpected_type') continue;
    const t = f.actual;
    const users = typeUsers(ctx.live.model, t);
    const using = [...users.columns.map((c) => `column ${c}`), ...users.others];
    ctx.add({
      object: displayName(t.schema, t.name),
      phase: 'drop_types',
      findingIds: [f.id],
      summary: `drop unexpected ${t.kind} type ${displayName(t.schema, t.name)}`,
      up: [stmt(dropTypeSql(t.schema, t.name))],
      down: createStatements(ctx, t),
      hazards: [{ kind: 'may_fail', message: `fails while something still uses ${displayName(t.schema, t.name)}${using.length > 0 ? ` (${using.join(', ')})` : ''}` }],
    });
  }
}


export const TYPE_PLAN: KindPlan<TypeFinding> = {
  findings: {
    missing_type: IN_CREATE_PASS,
    unexpected_type: IN_DROP_PASS,
    type_mismatch: planMismatch,
  },
  create: planMissing,
  drop: planDrops,
};
