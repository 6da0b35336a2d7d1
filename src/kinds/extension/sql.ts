/** SQL for extensions: the one emitter for spec→DDL, model→DDL and the plan. */
import { quoteIdent, quoteLiteral } from '../../model/identifiers.js';
import { commentSql } from '../sql.js';

export interface CreateExtensionOptions {
  /** `WITH SCHEMA`: where its objects go (default: the first schema of the search path). */
  readonly schema?: string;
  /** `VERSION`: default, the control file's default version. */
  readonly version?: string;
  /** `CASCADE`: the extensions it requires come with it. */
  readonly cascade?: boolean;
}

export function createExtensionSql(name: string, options: CreateExtensionOptions = {}): string {
  let sql = `CREATE EXTENSION IF NOT EXISTS ${quoteIdent(name)}`;
  if (options.schema !== undefined) sql += ` WITH SCHEMA ${quoteIdent(options.schema)}`;
  if (options.version !== undefined) sql += ` VERSION ${quoteLiteral(options.version)}`;
  if (options.cascade === true) sql += ' CASCADE';
  return sql;
}

/** Never CASCADE: fails while an object outside the extension still uses it. */
export function dropExtensionSql(name: string): string {
  return `DROP EXTENSION IF EXISTS ${quoteIdent(name)}`;
}

/** Runs the extension's update scripts; a notice, no error, when it is at that version already. */
export function updateExtensionSql(name: string, version: string): string {
  return `ALTER EXTENSION ${quoteIdent(name)} UPDATE TO ${quoteLiteral(version)}`;
}

/** Moves a relocatable extension's objects; does nothing when they are there already. */
export function setExtensionSchemaSql(name: string, schema: string): string {
  return `ALTER EXTENSION ${quoteIdent(name)} SET SCHEMA ${quoteIdent(schema)}`;
}

export function commentOnExtensionSql(name: string, comment: string): string {
  return commentSql('EXTENSION', quoteIdent(name), comment);
}
