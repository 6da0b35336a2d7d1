/**
 * The plan's part for collations: missing ones created (phase `collations`,
 * after the schemas, before the domains, types, tables, columns and indexes
 * that name them); unexpected ones dropped (`drop_collations`, after every
 * drop of what may use them). PostgreSQL cannot alter a collation's
 * provider, locale, rules or determinism (only its name, owner, schema and
 * version): a changed collation nothing uses is dropped and created again;
 * one that columns, domains, types or indexes use is a manual step, since
 * every value of those columns would have to be converted to a new
 * collation and their indexes rebuilt.
 */
import { displayName } from '../../model/identifiers.js';
import type { SchemaModel } from '../../model/schema-model.js';
import type { PlanContext } from '../../plan/context.js';
import { IN_CREATE_PASS, IN_DROP_PASS, type KindPlan } from '../../plan/kind-plan.js';
import { commented, stmt } from '../../plan/statements.js';
import type { PlanStatement } from '../../plan/types.js';
import { ensureSchema } from '../schema/plan.js';
import { collationText } from './compare.js';
import type { CollationFinding, CollationShape } from './findings.js';
import { commentOnCollationSql, createCollationSql, dropCollationSql } from './sql.js';

type Of<K extends CollationFinding['kind']> = Extract<CollationFinding, { kind: K }>;

/**
 * True when `used` (a collation name as the model prints it: bare when
 * visible on the search path, else `schema.name`) names collation `c`.
 */
function names(used: string | null, c: { readonly schema: string; readonly name: string }): boolean {
  if (used === null) return false;
  return used === `${c.schema}.${c.name}` || (c.schema === 'public' && used === c.name);
}

/** What in `model` names collation `c`: table columns, domains, composite and range types, index keys. */
export function collationUsers(model: SchemaModel, c: { readonly schema: string; readonly name: string }): string[] {
  return [
    ...model.tables.flatMap((t) => t.columns.filter((x) => names(x.collation, c)).map((x) => `column ${displayName(t.schema, t.name, x.name)}`)),
    ...model.domains.filter((d) => names(d.collation, c)).map((d) => `domain ${displayName(d.schema, d.name)}`),
    ...model.types
      .filter((t) => t.attributes.some((a) => names(a.collation, c)) || names(t.range?.collation ?? null, c))
      .map((t) => `type ${displayName(t.schema, t.name)}`),
    ...model.tables.flatMap((t) => t.indexes.filter((i) => i.keys.some((k) => names(k.collation, c))).map((i) => `index ${displayName(t.schema, i.name)}`)),
  ];
}

function createStatements(schema: string, name: string, c: CollationShape, comment: string | null): PlanStatement[] {
  return [stmt(createCollationSql(schema, name, c)), ...commented(comment, (text) => commentOnCollationSql(schema, name, text))];
}

function planMissing(findings: readonly CollationFinding[], ctx: PlanContext): void {
  for (const f of findings) {
    if (f.kind !== 'missing_collation') continue;
    const c = f.expected;
    ensureSchema(ctx, c.schema, f.id);
    ctx.add({
      object: displayName(c.schema, c.name),
      phase: 'collations',
      findingIds: [f.id],
      summary: `create collation ${displayName(c.schema, c.name)} (${collationText(c)})`,
      up: createStatements(c.schema, c.name, c, c.comment),
      down: [stmt(dropCollationSql(c.schema, c.name))],
      hazards: [],
    });
  }
}

function planMismatch(f: Of<'collation_mismatch'>, ctx: PlanContext): void {
  const { schema, collation: name = '' } = f.object;
  const title = displayName(schema, name);
  const live = ctx.live.model.collations.find((c) => c.schema === schema && c.name === name);
  const expected = ctx.expected.model.collations.find((c) => c.schema === schema && c.name === name);
  if (!live || !expected) return;
  const recreate = (c: CollationShape, comment: string | null): PlanStatement[] => [stmt(dropCollationSql(schema, name)), ...createStatements(schema, name, c, comment)];
  const users = collationUsers(ctx.live.model, live);
  if (users.length === 0) {
    ctx.add({
      object: title,
      phase: 'collations',
      findingIds: [f.id],
      summary: `drop and create again collation ${title} (${collationText(expected)}; nothing uses it)`,
      up: recreate(expected, live.comment),
      down: recreate(live, live.comment),
      hazards: [],
    });
    return;
  }
  ctx.manual(
    f,
    `PostgreSQL cannot alter a collation's provider, locale, rules or determinism: ${title} must be dropped and created again, and ${users.join(', ')} use${users.length > 1 ? '' : 's'} it ` +
      '(DROP COLLATION fails while they do): move them to another collation first (ALTER COLUMN … TYPE … COLLATE rebuilds their indexes), recreate the collation, and move them back; decide how',
    recreate(expected, live.comment).map((s) => `${s.sql};`),
    users.some((u) => u.startsWith('column ') || u.startsWith('index '))
      ? [{ kind: 'long_lock', message: `changing the collation of ${users.filter((u) => u.startsWith('column ')).join(', ') || 'the columns'} rebuilds their indexes under an ACCESS EXCLUSIVE lock` }]
      : [],
  );
}

function planDrops(findings: readonly CollationFinding[], ctx: PlanContext): void {
  for (const f of findings) {
    if (f.kind !== 'unexpected_collation') continue;
    const c = f.actual;
    const users = collationUsers(ctx.live.model, c);
    ctx.add({
      object: displayName(c.schema, c.name),
      phase: 'drop_collations',
      findingIds: [f.id],
      summary: `drop unexpected collation ${displayName(c.schema, c.name)}`,
      up: [stmt(dropCollationSql(c.schema, c.name))],
      down: createStatements(c.schema, c.name, c, c.comment),
      hazards: [{ kind: 'may_fail', message: `fails while something still uses ${displayName(c.schema, c.name)}${users.length > 0 ? ` (${users.join(', ')})` : ''}` }],
    });
  }
}

export const COLLATION_PLAN: KindPlan<CollationFinding> = {
  findings: {
    missing_collation: IN_CREATE_PASS,
    unexpected_collation: IN_DROP_PASS,
    collation_mismatch: planMismatch,
  },
  create: planMissing,
  drop: planDrops,
};
