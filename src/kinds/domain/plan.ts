/** The plan's part for domains: not compared, created for the new columns whose type they are. */
import { displayName, objectKey } from '../../model/identifiers.js';
import type { PlanContext } from '../../plan/context.js';
import { stmt } from '../../plan/statements.js';
import { ensureSchema } from '../schema/plan.js';
import { objectNameSql } from '../sql.js';
import { createDomainIfMissingSql, dropDomainSql, type DomainDefinition } from './sql.js';

/**
 * The expected domain a type names (`year`, `billing.money_amount[]`),
 * created once when the database lacks it, after its schema and the domain
 * it is based on, if any.
 */
export function ensureDomain(ctx: PlanContext, typeText: string, findingId: string): void {
  const d = ctx.expected.domainNamed(typeText);
  if (!d || ctx.live.hasType(d.schema, d.name) || !ctx.firstTime(`domain ${objectKey(d.schema, d.name)}`)) return;
  ensureSchema(ctx, d.schema, findingId);
  ensureDomain(ctx, d.baseType, findingId);
  const definition: DomainDefinition = {
    schema: d.schema,
    name: d.name,
    baseType: d.baseType,
    collation: d.collation === null ? null : objectNameSql(d.collation, ctx.knownSchemas),
    default: d.default,
    notNull: d.notNull,
    checks: d.checks.map((c) => ({ name: c.name, body: c.definition.replace(/\s+NOT VALID$/, '') })),
  };
  ctx.add({
    object: displayName(d.schema, d.name),
    phase: 'types',
    findingIds: [findingId],
    summary: `create domain ${displayName(d.schema, d.name)} (${d.baseType})`,
    up: [stmt(createDomainIfMissingSql(definition))],
    down: [stmt(dropDomainSql(d.schema, d.name))],
    hazards: [],
  });
}
