/** SQL for sequences: the one emitter for spec→DDL, model→DDL and the plan. */
import { qualifiedName, quoteIdent } from '../../model/identifiers.js';
import type { Sequence } from './model.js';

/** CREATE SEQUENCE options, as SQL numbers; an absent one takes PostgreSQL's default. */
export interface SequenceOptions {
  readonly type?: string;
  readonly increment?: string;
  readonly min?: string;
  readonly max?: string;
  readonly start?: string;
  readonly cache?: string;
  readonly cycle?: boolean;
}

/** The options clauses in CREATE SEQUENCE's order; `AS type` only `withType` (an identity column's sequence takes its column's). */
export function sequenceOptionsSql(o: SequenceOptions, withType: boolean): string[] {
  const out: string[] = [];
  if (withType && o.type !== undefined) out.push(`AS ${o.type}`);
  if (o.increment !== undefined) out.push(`INCREMENT BY ${o.increment}`);
  if (o.min !== undefined) out.push(`MINVALUE ${o.min}`);
  if (o.max !== undefined) out.push(`MAXVALUE ${o.max}`);
  if (o.start !== undefined) out.push(`START WITH ${o.start}`);
  if (o.cache !== undefined) out.push(`CACHE ${o.cache}`);
  if (o.cycle === true) out.push('CYCLE');
  return out;
}

/** Every option of a sequence of the model, spelled out. */
export function modelSequenceOptions(s: Sequence): SequenceOptions {
  return { type: s.dataType, increment: s.increment, min: s.min, max: s.max, start: s.start, cache: s.cache, cycle: s.cycle };
}

export function createSequenceSql(schema: string, name: string, options: SequenceOptions, o: { readonly ifNotExists: boolean }): string {
  const clauses = sequenceOptionsSql(options, true);
  return `CREATE SEQUENCE ${o.ifNotExists ? 'IF NOT EXISTS ' : ''}${qualifiedName(schema, name)}${clauses.length ? ` ${clauses.join(' ')}` : ''}`;
}

/** `ALTER SEQUENCE … OWNED BY table.column`, or `OWNED BY NONE`; `IF EXISTS` for the plan's re-runnable form. */
export function sequenceOwnedBySql(
  schema: string,
  name: string,
  owner: { readonly schema: string; readonly table: string; readonly column: string } | null,
  o: { readonly ifExists?: boolean } = {},
): string {
  const target = owner === null ? 'NONE' : `${qualifiedName(owner.schema, owner.table)}.${quoteIdent(owner.column)}`;
  return `ALTER SEQUENCE ${o.ifExists ? 'IF EXISTS ' : ''}${qualifiedName(schema, name)} OWNED BY ${target}`;
}

/**
 * `ALTER SEQUENCE IF EXISTS … AS … INCREMENT BY …`: the options given, in
 * CREATE SEQUENCE's order (`cycle: false` as NO CYCLE). Never RESTART: the
 * current value is data (the plan adds one only to turn a sequence around). Re-runnable: setting an option twice is harmless.
 */
export function alterSequenceSql(schema: string, name: string, options: SequenceOptions): string {
  const clauses = sequenceOptionsSql(options, true);
  if (options.cycle === false) clauses.push('NO CYCLE');
  return `ALTER SEQUENCE IF EXISTS ${qualifiedName(schema, name)} ${clauses.join(' ')}`;
}

export function dropSequenceSql(schema: string, name: string): string {
  return `DROP SEQUENCE IF EXISTS ${qualifiedName(schema, name)}`;
}
