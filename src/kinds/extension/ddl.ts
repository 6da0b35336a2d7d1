/** The extensions of a spec as DDL. */
import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
import { createSchemaSql } from '../schema/sql.js';
import { createExtensionSql } from './sql.js';

export function extensionObjects(ctx: DdlContext): DdlStatement[] {
  const out: DdlStatement[] = [];
  ctx.spec.extensions.forEach((name, i) => {
    const path = ['extensions', String(i)];
    const given = ctx.hooks.extension?.(name);
    if (given?.schema) out.push({ sql: createSchemaSql(given.schema), path });
    out.push({ sql: createExtensionSql(name, given?.options ?? {}), path });
  });
  return out;
}
