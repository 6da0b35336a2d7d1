/**
 * The plan's part for schemas: a missing schema created (phase `schemas`,
 * before everything in it), with its comment; one a new object needs
 * created for it even when the audit's scope leaves the schema out
 * (ensureSchema); an unexpected one dropped with `--drop-unexpected`
 * (`drop_schemas`, the very last phase: after its objects, extensions
 * included), never with CASCADE.
 */
import { displayName } from '../../model/identifiers.js';
import type { PlanContext } from '../../plan/context.js';
import { IN_CREATE_PASS, IN_DROP_PASS, type KindPlan } from '../../plan/kind-plan.js';
import { commented, stmt } from '../../plan/statements.js';
import type { PlanStatement } from '../../plan/types.js';
import type { SchemaFinding } from './findings.js';
import type { SchemaInfo } from './model.js';
import { commentOnSchemaSql, createSchemaSql, dropSchemaIfEmptySql, dropSchemaSql } from './sql.js';

function createStatements(s: SchemaInfo): PlanStatement[] {
  return [stmt(createSchemaSql(s.name)), ...commented(s.comment, (text) => commentOnSchemaSql(s.name, text))];
}

function planMissing(findings: readonly SchemaFinding[], ctx: PlanContext): void {
  for (const f of findings) {
    if (f.kind !== 'missing_schema' || !ctx.firstTime(`schema ${f.expected.name}`)) continue;
    ctx.add({
      object: displayName(f.expected.name),
      phase: 'schemas',
      findingIds: [f.id],
      summary: `create schema ${displayName(f.expected.name)}`,
      up: createStatements(f.expected),
      down: [stmt(dropSchemaIfEmptySql(f.expected.name))],
      hazards: [],
    });
  }
}

function planDrops(findings: readonly SchemaFinding[], ctx: PlanContext): void {
  for (const f of findings) {
    if (f.kind !== 'unexpected_schema') continue;
    const name = displayName(f.actual.name);
    ctx.add({
      object: name,
      phase: 'drop_schemas',
      findingIds: [f.id],
      summary: `drop unexpected schema ${name}`,
      up: [stmt(dropSchemaSql(f.actual.name))],
      down: createStatements(f.actual),
      hazards: [
        {
          kind: 'may_fail',
          message: `fails while ${name} still holds objects (those kept, and kinds schema-audit does not compare): no CASCADE`,
        },
      ],
    });
  }
}

export const SCHEMA_PLAN: KindPlan<SchemaFinding> = {
  findings: { missing_schema: IN_CREATE_PASS, unexpected_schema: IN_DROP_PASS },
  create: planMissing,
  drop: planDrops,
};

/** CREATE SCHEMA for a new object in a schema the database lacks, once (in the step of the first finding that needs it). */
export function ensureSchema(ctx: PlanContext, schema: string, findingId: string): void {
  if (ctx.live.schemas.has(schema) || !ctx.firstTime(`schema ${schema}`)) return;
  ctx.add({
    object: displayName(schema),
    phase: 'schemas',
    findingIds: [findingId],
    summary: `create schema ${displayName(schema)}`,
    up: [stmt(createSchemaSql(schema))],
    down: [stmt(dropSchemaIfEmptySql(schema))],
    hazards: [],
  });
}
