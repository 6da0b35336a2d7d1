/** SQL for extensions: the one emitter for spec→DDL, model→DDL and the plan. */
import { quoteIdent } from '../../model/identifiers.js';

export interface CreateExtensionOptions {
  /** `WITH SCHEMA`: where its objects go (default: the first schema of the search path). */
  readonly schema?: string;
  /** `CASCADE`: the extensions it requires come with it. */
  readonly cascade?: boolean;
}

export function createExtensionSql(name: string, options: CreateExtensionOptions = {}): string {
  let sql = `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(name)}`;
  if (options.schema !== undefined) sql += ` WITH SCHEMA ${quoteIdent(options.schema)}`;
  if (options.cascade === true) sql += ' CASCADE';
  return sql;
}

export function dropExtensionSql(name: string): string {
  return `DROP EXTENSION IF EXISTS ${quoteIdent(name)}`;
}
