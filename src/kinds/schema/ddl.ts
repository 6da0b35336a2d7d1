/** The schemas of a spec as DDL. */
import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
import { splitQualified } from '../../spec-file/names.js';
import type { LoadedSpec } from '../../spec-file/spec-types.js';
import { createSchemaSql } from './sql.js';

/** Every schema a spec names, in first-seen order (its `schemas` list, then its objects' schemas), with the node that brings it in. */
export function specSchemaPaths(spec: LoadedSpec): ReadonlyMap<string, readonly string[]> {
  const paths = new Map<string, readonly string[]>();
  spec.schemas.forEach((s, i) => {
    if (!paths.has(s)) paths.set(s, ['schemas', String(i)]);
  });
  for (const section of ['collations', 'enums', 'domains', 'types', 'sequences', 'functions', 'tables', 'views'] as const) {
    for (const key of spec[section].keys()) {
      const { schema, name } = splitQualified(key, 'public');
      if (!paths.has(schema)) paths.set(schema, [section, schema, name]);
    }
  }
  return paths;
}

/** CREATE SCHEMA for every schema but `public`, which every database has. */
export function schemaObjects(ctx: DdlContext): DdlStatement[] {
  const out: DdlStatement[] = [];
  for (const [schema, path] of specSchemaPaths(ctx.spec)) if (schema !== 'public') out.push({ sql: createSchemaSql(schema), path });
  return out;
}
