/**
 * The columns whose type the plan changes (ALTER COLUMN … TYPE), for the
 * objects PostgreSQL refuses that for while they read the column: views
 * (src/kinds/view/plan.ts), row-level security policies
 * (src/kinds/policy/plan.ts) and triggers (src/kinds/trigger/plan.ts) are
 * dropped before and created again after.
 */
import { refKey } from '../../model/dependencies.js';
import type { PlanContext } from '../../plan/context.js';

/**
 * Ref keys (`column:` schema, table, column) of the columns of tables on both
 * sides whose type or collation differs (both an ALTER … TYPE), or that are
 * generated differently (the plan may drop and add them again).
 */
export function retypedColumns(ctx: PlanContext): string[] {
  const out: string[] = [];
  for (const t of ctx.live.model.tables) {
    const e = ctx.expected.table(t.schema, t.name);
    if (!e) continue;
    for (const c of t.columns) {
      const target = e.columns.find((x) => x.name === c.name);
      if (target && (target.type !== c.type || target.collation !== c.collation || JSON.stringify(target.generated) !== JSON.stringify(c.generated))) {
        out.push(refKey('column', t.schema, t.name, c.name));
      }
    }
  }
  return out;
}
