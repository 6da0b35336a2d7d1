/** SQL for collations: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName, quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { commentSql } from '../sql.js';
import type { CollationShape } from './findings.js';

/**
 * `CREATE COLLATION IF NOT EXISTS s.n (provider = …, locale = …, …)`
 * (re-runnable). `deterministic` is written only when false (the default is
 * true), `rules` only when set (PostgreSQL 16+). A libc collation of the C
 * or POSIX locale is copied from PostgreSQL's own (`FROM pg_catalog."C"`).
 */
export function createCollationSql(schema: string, name: string, c: CollationShape): string {
  if (c.provider === 'libc' && (c.locale === 'C' || c.locale === 'POSIX') && c.rules === null && c.deterministic) {
    // As `FROM "POSIX"` makes it: for any encoding (collencoding -1), as PostgreSQL's own; `locale = 'POSIX'` would tie it to the database's.
    return `CREATE COLLATION IF NOT EXISTS ${qualifiedName(schema, name)} FROM pg_catalog.${quoteIdent(c.locale)}`;
  }
  const options = [`provider = ${c.provider}`];
  if (c.locale !== null) options.push(`locale = ${quoteLiteral(c.locale)}`);
  if (c.lcCollate !== null) options.push(`lc_collate = ${quoteLiteral(c.lcCollate)}`);
  if (c.lcCtype !== null) options.push(`lc_ctype = ${quoteLiteral(c.lcCtype)}`);
  if (c.rules !== null) options.push(`rules = ${quoteLiteral(c.rules)}`);
  if (!c.deterministic) options.push('deterministic = false');
  return `CREATE COLLATION IF NOT EXISTS ${qualifiedName(schema, name)} (${options.join(', ')})`;
}

export function dropCollationSql(schema: string, name: string): string {
  return `DROP COLLATION IF EXISTS ${qualifiedName(schema, name)}`;
}

export function commentOnCollationSql(schema: string, name: string, comment: string): string {
  return commentSql('COLLATION', qualifiedName(schema, name), comment);
}
