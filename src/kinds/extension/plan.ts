/** The plan's part for extensions: not compared, created for the first new table or column. */
import { quoteIdent } from '../../model/identifiers.js';
import type { PlanContext } from '../../plan/context.js';
import { stmt } from '../../plan/statements.js';
import { ensureSchema } from '../schema/plan.js';
import { createExtensionSql, dropExtensionSql } from './sql.js';

/**
 * The expected schema's extensions the database lacks, created once, before
 * the first new table or column (one of them may use a type or a default
 * an extension provides; the diff does not know which).
 */
export function ensureExtensions(ctx: PlanContext, findingId: string): void {
  if (!ctx.firstTime('extensions')) return;
  for (const e of ctx.expected.model.extensions) {
    if (ctx.live.extensions.has(e.name)) continue;
    ensureSchema(ctx, e.schema, findingId);
    ctx.add({
      object: quoteIdent(e.name),
      phase: 'schemas',
      findingIds: [findingId],
      summary: `create extension ${quoteIdent(e.name)}`,
      up: [stmt(createExtensionSql(e.name, { schema: e.schema }))],
      down: [stmt(dropExtensionSql(e.name))],
      hazards: [],
    });
  }
}
