/** The extensions of a spec as DDL: the schema first when it is not public, then CREATE EXTENSION. */
import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
import { createSchemaSql } from '../schema/sql.js';
import { specExtension } from './spec.js';
import { createExtensionSql, type CreateExtensionOptions } from './sql.js';

export function extensionObjects(ctx: DdlContext): DdlStatement[] {
  const out: DdlStatement[] = [];
  ctx.spec.extensions.forEach((item, i) => {
    const path = ['extensions', String(i)];
    const { name, schema, version } = specExtension(item);
    const given = ctx.hooks.extension?.(name);
    const options: CreateExtensionOptions = given?.options ?? { ...(schema !== undefined ? { schema } : {}), ...(version !== undefined ? { version } : {}) };
    const own = given !== undefined ? given.schema : schema !== undefined && schema !== 'public' ? schema : null;
    if (own) out.push({ sql: createSchemaSql(own), path });
    out.push({ sql: createExtensionSql(name, options), path });
  });
  return out;
}
