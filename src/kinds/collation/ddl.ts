/** The collations of a spec as DDL (phase `objects`: before the domains, types and tables that use them). */
import type { DdlContext, DdlStatement } from '../../spec-file/ddl-context.js';
import { splitQualified } from '../../spec-file/names.js';
import type { SpecCollation } from './spec.js';
import { commentOnCollationSql, createCollationSql } from './sql.js';
import type { CollationShape } from './findings.js';

/** A spec's collation as the model writes it: locale when LC_COLLATE and LC_CTYPE are one. */
export function specCollationShape(c: SpecCollation): CollationShape {
  const same = c.locale === undefined && c.lcCollate !== undefined && c.lcCollate === c.lcCtype;
  return {
    provider: c.provider ?? 'libc',
    locale: c.locale ?? (same ? c.lcCollate! : null),
    lcCollate: same ? null : (c.lcCollate ?? null),
    lcCtype: same ? null : (c.lcCtype ?? null),
    rules: c.rules ?? null,
    deterministic: c.deterministic ?? true,
  };
}

export function collationObjects(ctx: DdlContext): DdlStatement[] {
  const out: DdlStatement[] = [];
  for (const [key, c] of ctx.spec.collations) {
    const { schema, name } = splitQualified(key, 'public');
    out.push({ sql: createCollationSql(schema, name, specCollationShape(c)), path: ['collations', schema, name] });
  }
  return out;
}

export function collationComments(ctx: DdlContext): DdlStatement[] {
  const out: DdlStatement[] = [];
  for (const [key, c] of ctx.spec.collations) {
    if (c.description === undefined) continue;
    const { schema, name } = splitQualified(key, 'public');
    out.push({ sql: commentOnCollationSql(schema, name, c.description), path: ['collations', schema, name, 'description'] });
  }
  return out;
}
