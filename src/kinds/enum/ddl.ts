/** The enums of a spec as DDL. */
import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
import { splitQualified } from '../../spec-file/names.js';
import { commentOnTypeSql, createEnumSql } from './sql.js';

export function enumObjects(ctx: DdlContext): DdlStatement[] {
  return [...ctx.spec.enums].map(([key, e]) => {
    const { schema, name } = splitQualified(key, 'public');
    return { sql: createEnumSql(schema, name, e.values), path: ['enums', schema, name] };
  });
}

export function enumComments(ctx: DdlContext): DdlStatement[] {
  const out: DdlStatement[] = [];
  for (const [key, e] of ctx.spec.enums) {
    if (e.description === undefined) continue;
    const { schema, name } = splitQualified(key, 'public');
    out.push({ sql: commentOnTypeSql(schema, name, e.description), path: ['enums', schema, name, 'description'] });
  }
  return out;
}
