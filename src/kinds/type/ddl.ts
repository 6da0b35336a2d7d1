/** The composite and range types of a spec as DDL: a type another one's attribute uses first. */
import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
import { qualifiedKey, splitQualified } from '../../spec-file/names.js';
import { writtenNameSql } from '../sql.js';
import type { SpecType } from './spec.js';
import { commentOnTypeSql, createTypeSql } from './sql.js';

export function typeObjects(ctx: DdlContext): DdlStatement[] {
  const specTypes = ctx.spec.types;
  const out: DdlStatement[] = [];
  const done = new Set<string>();
  const collation = (name: string): string => writtenNameSql(name, ctx.knownSchemas);
  const create = (key: string, t: SpecType, visiting: Set<string>): void => {
    if (done.has(key) || visiting.has(key)) return;
    visiting.add(key);
    const { schema, name } = splitQualified(key, 'public');
    const attributes = Object.entries(t.attributes ?? {}).map(([n, a]) => ({
      name: n,
      type: typeof a === 'string' ? a : a.type,
      collation: typeof a === 'string' ? null : (a.collation ?? null),
    }));
    for (const a of attributes) {
      const used = ctx.userType(a.type, schema);
      const usedKey = used ? qualifiedKey(used.schema, used.name) : null;
      const other = usedKey === null ? undefined : specTypes.get(usedKey);
      if (usedKey !== null && other) create(usedKey, other, visiting);
    }
    done.add(key);
    const r = t.range;
    const sql = createTypeSql(
      {
        schema,
        name,
        kind: r ? 'range' : 'composite',
        attributes: attributes.map((a) => ({ ...a, type: ctx.typeSql(a.type, schema) })),
        range: r ? { subtype: ctx.typeSql(r.subtype, schema), collation: r.collation ?? null, canonical: r.canonical ?? null, subtypeDiff: r.subtypeDiff ?? null } : null,
      },
      collation,
    );
    out.push({ sql, path: ['types', schema, name] });
  };
  for (const [key, t] of specTypes) create(key, t, new Set());
  return out;
}

export function typeComments(ctx: DdlContext): DdlStatement[] {
  const specTypes = ctx.spec.types;
  const out: DdlStatement[] = [];
  for (const [key, t] of specTypes) {
    if (t.description === undefined) continue;
    const { schema, name } = splitQualified(key, 'public');
    out.push({ sql: commentOnTypeSql(schema, name, t.description), path: ['types', schema, name, 'description'] });
  }
  return out;
}
