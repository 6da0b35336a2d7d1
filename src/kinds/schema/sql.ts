/** SQL for schemas: the one emitter for spec→DDL, model→DDL and the plan. */
import { quoteIdent } from '../../model/identifiers.js';
import { commentSql } from '../sql.js';

export function createSchemaSql(name: string): string {
  return `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(name)}`;
}

export function dropSchemaSql(name: string): string {
  return `DROP SCHEMA IF EXISTS ${quoteIdent(name)}`;
}

export function commentOnSchemaSql(name: string, comment: string): string {
  return commentSql('SCHEMA', quoteIdent(name), comment);
}
