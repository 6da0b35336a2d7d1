/**
 * Whether the function a trigger (or event trigger) calls exists when the
 * `triggers` phase runs: built in, already in the database, or created by
 * the plan's `functions` phase (a function of the expected schema). One
 * that is in neither makes the trigger a manual step: up.sql would fail on
 * CREATE TRIGGER.
 */
import type { PlanContext } from '../../plan/context.js';
import { refKey, refParts } from '../../model/dependencies.js';
import { functionKind } from '../function/index.js';

export function triggerFunctionReady(ctx: PlanContext, functionKey: string): boolean {
  const [schema] = refParts(functionKey);
  if (schema === 'pg_catalog') return true;
  if (ctx.live.model.functions.some((r) => refKey('function', r.schema, r.name, r.arguments) === functionKey)) return true;
  return Object.keys(functionKind.findings).length > 0 && ctx.expected.model.functions.some((r) => refKey('function', r.schema, r.name, r.arguments) === functionKey);
}

/** The manual step's reason when it is not ready. */
export function functionNotReady(functionKey: string): string {
  const [schema = '', name = ''] = refParts(functionKey);
  return `the function ${schema}.${name}() it calls exists neither in the database nor in the expected schema: create it, then run the audit again`;
}
